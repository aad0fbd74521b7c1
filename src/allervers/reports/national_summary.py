"""The evaluators' national summary (national-summary.pdf), in French, with bar charts.

Only published sums appear: a national cell some territory hid stays hidden ("secret"), as in the
national CSV table written next to it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from allervers.domain.export import TOTAL, KeySource, NationalCell, NationalSummary
from allervers.domain.followup import NonRecoursReason
from allervers.domain.release import STRUCTURAL_ZEROS
from allervers.domain.rights import Organisation, RightId
from allervers.wording import (
    euros,
    nonrecours_reason_name,
    organisation_short_name,
    right_short_name,
)

BLUE = colors.HexColor("#1f4e79")
GREY = colors.HexColor("#f0f0f0")
HIDDEN_WORD = "secret"

INDICATOR_NAMES = {
    "doors_knocked": "Portes frappées, par issue",
    "households_met": "Foyers rencontrés",
    "people_met": "Personnes rencontrées",
    "probable_nonrecours": "Situations de non-recours probable, par droit",
    "probable_nonrecours_reason": "Situations de non-recours probable, par cause",
    "referrals": "Orientations, par organisme",
    # Named as in the activity report (wording/figures.py): the rights opened during the
    # period, apart from the funnel's "opened" (of the situations flagged in the period).
    "rights_opened": "Droits ouverts pendant la période, par droit",
    "rights_opened_yearly_amount": "Montant annuel des droits ouverts pendant la période (€), "
    "par droit",
    "funnel": "Du repérage au droit ouvert (repérés sur la période)",
    "outcome_checks": "Vérifications à trois mois",
}
BREAKDOWN_NAMES = {
    TOTAL: "Total",
    "interview": "Entretien",
    "absent": "Absent",
    "refused": "Refus",
    "vacant": "Logement vacant",
    "come_back": "Repasser",
    "not_dwelling": "Pas un logement",
    "flagged": "Repérées",
    "referred": "Orientées",
    "filed": "Demande déposée",
    "opened": "Droit ouvert",
    "on_time": "Faites à temps",
    "late": "Faites en retard",
    "not_done": "Non faites",
    "due": "Dues",
    "not_recorded": "Non renseigné",
    "unknown": "Non renseigné",
    "france_travail": "France Travail",
    "france_services": "France services",
    "ccas": "CCAS",
}
KEY_FIGURES = (
    ("doors_knocked", "Portes frappées"),
    ("households_met", "Foyers rencontrés"),
    ("people_met", "Personnes rencontrées"),
    ("probable_nonrecours", "Situations de non-recours probable"),
    ("referrals", "Orientations"),
    ("rights_opened", "Droits ouverts pendant la période"),
    ("rights_opened_yearly_amount", "Montant annuel des droits ouverts pendant la période"),
)


def breakdown_name(indicator: str, breakdown: str) -> str:
    if breakdown in BREAKDOWN_NAMES:
        return BREAKDOWN_NAMES[breakdown]
    if breakdown in {r.value for r in RightId}:
        return right_short_name(RightId(breakdown))
    if breakdown in {o.value for o in Organisation}:
        return organisation_short_name(Organisation(breakdown))
    if breakdown in {r.value for r in NonRecoursReason}:
        return nonrecours_reason_name(NonRecoursReason(breakdown))
    return breakdown.replace("_", " ")


def value_text(indicator: str, value: float | None) -> str:
    if value is None:
        return HIDDEN_WORD
    if indicator == "rights_opened_yearly_amount":
        return euros(value)
    return f"{value:,.0f}".replace(",", "\u00a0")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=18, textColor=BLUE),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=BLUE, spaceBefore=4 * mm),
        "h3": ParagraphStyle("h3", parent=base["Heading3"], spaceBefore=2 * mm, spaceAfter=1 * mm),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=9.5, leading=13),
        "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=8, leading=10),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), _styles()[style])


def _grid(rows: Sequence[Sequence[str]], widths: Sequence[float], header: bool = True) -> Table:
    styles = _styles()
    table = Table(
        [[Paragraph(escape(text), styles["small"]) for text in row] for row in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
    )
    style = [("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), GREY))
    table.setStyle(TableStyle(style))
    return table


def _chart(indicator: str, cells: Sequence[NationalCell]) -> Drawing:
    values = [c.value or 0.0 for c in cells]
    labels = [breakdown_name(indicator, c.breakdown) for c in cells]
    height = 16 * len(cells) + 24
    drawing = Drawing(174 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 48 * mm, 14
    chart.width, chart.height = 110 * mm, height - 22
    # reportlab draws the first category at the bottom: reversed, the list reads top-down.
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    if indicator == "rights_opened_yearly_amount":
        chart.valueAxis.labelTextFormat = lambda v: f"{v / 1000:,.0f} k€".replace(",", "\u00a0")
    chart.bars[0].fillColor = BLUE
    chart.barLabelFormat = lambda v: value_text(indicator, v)
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def render_national_summary(summary: NationalSummary) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="Synthèse nationale TZNR",
        author="Aller-Vers",
        invariant=True,
    )
    periods = list(dict.fromkeys(e.period_label for e in summary.exports))
    story: list[object] = [
        _p("Synthèse nationale – Territoires zéro non-recours", "title"),
        _p(
            f"Produite le {summary.created_at:%d/%m/%Y} à partir de {len(summary.exports)} "
            f"exports vérifiés (signature, empreintes, seuils recalculés) ; "
            f"période(s) : {', '.join(periods) or 'aucune'}."
        ),
        _p(
            "Secret statistique : un chiffre national n'est publié que si chaque territoire a "
            "publié le sien ; sinon il est marqué « secret ». Aucun chiffre national ne permet "
            "donc de recalculer une case qu'un territoire a masquée."
        ),
        _p("Exports reçus", "h2"),
        _territories(summary),
    ]
    for period in periods:
        cells = [c for c in summary.cells if c.period_label == period]
        story += _period(period, cells)
    document.build(story)
    return buffer.getvalue()


def _territories(summary: NationalSummary) -> Table:
    rows = [["Territoire", "Code", "Période", "Empreinte de la clé", "Clé vérifiée"]]
    for e in summary.exports:
        source = (
            "fournie par le territoire"
            if e.key_source is KeySource.GIVEN
            else "celle du fichier : comparer l'empreinte"
        )
        rows.append([e.territory_name, e.territory_code, e.period_label, e.fingerprint, source])
    return _grid(rows, [46 * mm, 18 * mm, 20 * mm, 48 * mm, 42 * mm])


def _period(period: str, cells: Sequence[NationalCell]) -> list[object]:
    territories = max((c.territories for c in cells), default=0)
    values = {(c.indicator, c.breakdown): c.value for c in cells}
    story: list[object] = [
        CondPageBreak(60 * mm),
        _p(f"Période {period} ({territories} territoire(s))", "h2"),
    ]
    rows = [["Chiffre clé", "National"]]
    for indicator, name in KEY_FIGURES:
        if (indicator, TOTAL) in values:
            rows.append([name, value_text(indicator, values[(indicator, TOTAL)])])
    story.append(_grid(rows, [120 * mm, 54 * mm]))
    indicators = list(dict.fromkeys(c.indicator for c in cells))
    for indicator in indicators:
        parts = [c for c in cells if c.indicator == indicator and c.breakdown != TOTAL]
        if not parts:
            continue
        # A structural zero (CSS has no amount) would be a bar of nothing: named, not drawn.
        structural = [c for c in parts if (c.indicator, c.breakdown) in STRUCTURAL_ZEROS]
        shown = [c for c in parts if c.value is not None and c not in structural]
        hidden = [c for c in parts if c.value is None]
        block: list[object] = [_p(INDICATOR_NAMES.get(indicator, indicator), "h3")]
        if shown:
            block.append(_chart(indicator, shown))
        if structural:
            names = ", ".join(breakdown_name(indicator, c.breakdown) for c in structural)
            block.append(_p(f"Sans montant par nature : {names}.", "small"))
        if hidden:
            names = ", ".join(breakdown_name(indicator, c.breakdown) for c in hidden)
            block.append(
                _p(f"Secret (au moins un territoire a masqué la case) : {names}.", "small")
            )
        block.append(Spacer(1, 2 * mm))
        story.append(KeepTogether(block))
    return story
