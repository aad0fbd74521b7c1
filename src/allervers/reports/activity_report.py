"""The activity report: the territory's figures for a period, fit for the annual report to the
préfet (décret n° 2023-602, art. 3: each territory reports its actions and results).

It gives exact counts for any dates, small ones included: it is marked "usage interne" on every
page (and in its metadata), is never signed, and is not what the evaluators receive (signed
releases of calendar periods, docs/export-format.md)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from allervers.domain.figures import TerritoryFigures
from allervers.wording import Translate, identity
from allervers.wording.figures import Chart, Figure, door_section_title, figure_sheet

BLUE = colors.HexColor("#1f4e79")
RED = colors.HexColor("#a4262c")


def internal_use_mark(translate: Translate = identity) -> str:
    return translate("Report", "USAGE INTERNE – non signé, ne pas transmettre aux évaluateurs")


def internal_use_notice(translate: Translate = identity) -> str:
    return translate(
        "Report",
        "Usage interne du territoire : chiffres exacts, petits effectifs compris, pour des dates "
        "choisies librement. Ce rapport n'est ni signé ni protégé par le secret statistique. Les "
        "évaluateurs reçoivent les publications signées (mois, trimestre ou année terminés, page "
        "« Export » ou commande « allervers export »).",
    )


def _mark_page(text: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(RED)
        canvas.setFont("Helvetica-Bold", 9)
        width, height = document.pagesize
        canvas.drawCentredString(width / 2, height - 9 * mm, text)
        canvas.restoreState()

    return draw


def _chart(bars: Sequence[tuple[str, float]]) -> Drawing:
    height = 18 * max(len(bars), 1) + 20
    drawing = Drawing(170 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 60 * mm, 10
    chart.width, chart.height = 100 * mm, height - 20
    # reportlab draws the first category at the bottom: reverse, so the list reads top-down.
    chart.data = [[value for _label, value in reversed(bars)] or [0]]
    chart.categoryAxis.categoryNames = [label for label, _value in reversed(bars)] or [""]
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    # Counts: whole ticks only (never "0.5 household").
    chart.valueAxis.valueStep = max(1, math.ceil(max((v for _l, v in bars), default=1) / 5))
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = BLUE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def _section(story: list[object], chart: Chart, translate: Translate) -> None:
    styles = getSampleStyleSheet()
    story.append(Paragraph(escape(chart.title), styles["Heading2"]))
    if not chart.bars:
        story.append(
            Paragraph(escape(translate("Report", "Aucun sur la période.")), styles["BodyText"])
        )
        return
    story.append(_chart(chart.bars))


def _table(figures: tuple[Figure, ...]) -> Table:
    table = Table([[f.label, f.text] for f in figures], colWidths=[120 * mm, 40 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 10),
                ("FONT", (1, 0), (1, -1), "Helvetica-Bold", 10),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    return table


def write_activity_report(
    path: Path, figures: TerritoryFigures, produced: date, translate: Translate = identity
) -> None:
    styles = getSampleStyleSheet()
    period = figures.period
    story: list[object] = [
        Paragraph(escape(translate("Report", "Rapport d'activité – aller vers")), styles["Title"]),
        Paragraph(escape(figures.territory), styles["Heading2"]),
        Paragraph(
            escape(
                translate("Report", "Période du {0} au {1} ({2}). Produit le {3}.").format(
                    period.start.strftime("%d/%m/%Y"),
                    period.end.strftime("%d/%m/%Y"),
                    period.label,
                    produced.strftime("%d/%m/%Y"),
                )
            ),
            styles["BodyText"],
        ),
        Paragraph(
            escape(internal_use_notice(translate)),
            ParagraphStyle(
                "internal",
                parent=styles["BodyText"],
                textColor=RED,
                borderColor=RED,
                borderWidth=0.75,
                borderPadding=4,
                spaceBefore=6,
            ),
        ),
        Spacer(1, 6 * mm),
    ]
    # Every figure of the "Chiffres" page, in its order and under its name (wording/figures.py).
    sheet = figure_sheet(figures, translate)
    story.append(_table(sheet.key_figures))
    story.append(Paragraph(escape(door_section_title(translate)), styles["Heading2"]))
    story.append(_table(sheet.door_figures))
    for chart in sheet.charts:
        _section(story, chart, translate)
    story.append(Spacer(1, 6 * mm))
    story.append(
        Paragraph(
            escape(
                translate(
                    "Report",
                    "Chiffres agrégés, sans aucune donnée nominative. Les droits « probables » "
                    "sont estimés avec OpenFisca-France à partir des réponses des foyers.",
                )
            ),
            styles["Italic"],
        )
    )
    mark = _mark_page(internal_use_mark(translate))
    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title=translate("Report", "Rapport d'activité"),
        subject=internal_use_mark(translate),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
    ).build(story, onFirstPage=mark, onLaterPages=mark)  # type: ignore[arg-type]
