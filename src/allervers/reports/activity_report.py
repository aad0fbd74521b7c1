"""The activity report: the territory's figures for a period, fit for the annual report to the
préfet (décret n° 2023-602, art. 3: each territory reports its actions and results).

It gives exact counts for any dates, small ones included: it is marked "usage interne" on every
page (and in its metadata), is never signed, and is not what the evaluators receive (signed
releases of calendar periods, docs/export-format.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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

from allervers.domain.figures import DOOR_FIGURES, TerritoryFigures
from allervers.domain.followup import NonRecoursReason
from allervers.domain.rights import Organisation, RightId
from allervers.wording import (
    Translate,
    door_figure_name,
    door_figure_value,
    euros,
    identity,
    nonrecours_reason_name,
    organisation_short_name,
    right_short_name,
)

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


def door_outcome_name(outcome: str, translate: Translate = identity) -> str:
    names = {
        "interview": translate("Report", "Entretien"),
        "absent": translate("Report", "Absent"),
        "refused": translate("Report", "Refus"),
        "vacant": translate("Report", "Logement vacant"),
        "come_back": translate("Report", "Repasser"),
        "not_dwelling": translate("Report", "Pas un logement"),
    }
    return names.get(outcome, outcome)


def _label(kind: str, key: str, translate: Translate) -> str:
    try:
        if kind == "right":
            return right_short_name(RightId(key), translate)
        if kind == "organisation":
            return organisation_short_name(Organisation(key))
        if kind == "reason":
            return nonrecours_reason_name(NonRecoursReason(key), translate)
    except ValueError:
        pass
    if key in ("not_recorded", "unknown"):
        return translate("Report", "Non renseigné")
    return door_outcome_name(key, translate)


def _chart(values: Mapping[str, float], labels: list[str]) -> Drawing:
    height = 18 * max(len(values), 1) + 20
    drawing = Drawing(170 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 60 * mm, 10
    chart.width, chart.height = 100 * mm, height - 20
    # reportlab draws the first category at the bottom: reverse, so the list reads top-down.
    chart.data = [list(reversed(list(values.values()))) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(labels)) or [""]
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = BLUE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def _section(
    story: list[object], title: str, values: Mapping[str, float], kind: str, translate: Translate
) -> None:
    styles = getSampleStyleSheet()
    story.append(Paragraph(escape(title), styles["Heading2"]))
    if not values:
        story.append(
            Paragraph(escape(translate("Report", "Aucun sur la période.")), styles["BodyText"])
        )
        return
    labels = [_label(kind, key, translate) for key in values]
    story.append(_chart(values, labels))


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
    summary = [
        [translate("Report", "Portes frappées"), str(figures.doors_knocked)],
        [translate("Report", "Foyers rencontrés"), str(figures.households_met)],
        [translate("Report", "Personnes rencontrées"), str(figures.people_met)],
        [
            translate("Report", "Situations de non-recours probable"),
            str(figures.funnel.get("flagged", 0)),
        ],
        [
            translate("Report", "Orientations (demande accompagnée)"),
            str(figures.funnel.get("referred", 0)),
        ],
        [translate("Report", "Demandes déposées"), str(figures.funnel.get("filed", 0))],
        [translate("Report", "Droits ouverts"), str(figures.funnel.get("opened", 0))],
        [
            translate("Report", "Montant annuel des droits ouverts (période)"),
            euros(sum(figures.opened_yearly_amount_by_right.values())),
        ],
        [
            translate("Report", "Vérifications à 3 mois faites à temps"),
            f"{figures.outcome_checks.get('on_time', 0)} / {figures.outcome_checks.get('due', 0)}",
        ],
    ]
    # The territory's doors at the period's end (issue 16), named as on screen.
    summary += [
        [door_figure_name(key, translate), door_figure_value(key, figures.door_coverage.get(key))]
        for key in DOOR_FIGURES
    ]
    table = Table(summary, colWidths=[110 * mm, 50 * mm])
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
    story.append(table)
    funnel = {k: float(v) for k, v in figures.funnel.items()}
    funnel_labels = [
        translate("Report", "Repérés"),
        translate("Report", "Orientés"),
        translate("Report", "Déposés"),
        translate("Report", "Ouverts"),
    ]
    story.append(
        Paragraph(escape(translate("Report", "Du repérage au droit ouvert")), styles["Heading2"])
    )
    story.append(_chart(funnel, funnel_labels))
    _section(
        story,
        translate("Report", "Portes frappées, par issue"),
        {k: float(v) for k, v in figures.doors_by_outcome.items()},
        "door",
        translate,
    )
    if figures.door_weeks:
        story.append(
            Paragraph(
                escape(translate("Report", "Portes frappées, par semaine")), styles["Heading2"]
            )
        )
        story.append(
            _chart(
                {str(w["week"]): float(w["knocked"]) for w in figures.door_weeks},
                [str(w["week"]) for w in figures.door_weeks],
            )
        )
    _section(
        story,
        translate("Report", "Non-recours probable, par droit"),
        {k: float(v) for k, v in figures.nonrecours_by_right.items()},
        "right",
        translate,
    )
    _section(
        story,
        translate("Report", "Non-recours probable, par raison"),
        {k: float(v) for k, v in figures.nonrecours_by_reason.items()},
        "reason",
        translate,
    )
    _section(
        story,
        translate("Report", "Orientations, par organisme"),
        {k: float(v) for k, v in figures.referrals_by_organisation.items()},
        "organisation",
        translate,
    )
    _section(
        story,
        translate("Report", "Droits ouverts, par droit"),
        {k: float(v) for k, v in figures.opened_by_right.items()},
        "right",
        translate,
    )
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
