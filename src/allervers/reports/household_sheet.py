"""The household sheet: one or two pages left at the door or printed later.

Plain French, for the household: the rights to check with amounts clearly labelled as estimates,
where to go, the documents to bring, the volunteer's first name. Nothing else: no income figure,
no name, no address (the sheet may lie on a kitchen table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from allervers.domain.followup import Place
from allervers.domain.rights import (
    AssessmentStatus,
    Organisation,
    ReasonCode,
    RightAssessment,
    RightId,
)
from allervers.wording import (
    Translate,
    amount_text,
    document_name,
    euros,
    identity,
    organisation_name,
    out_of_date_line,
    right_name,
)


@dataclass(frozen=True, slots=True)
class SheetContent:
    assessments: Sequence[RightAssessment]
    places: dict[Organisation, Place]
    volunteer_first_name: str
    visited_on: date


def rights_to_check(assessments: Sequence[RightAssessment]) -> list[RightAssessment]:
    """The flagged rights, largest estimated amounts first (yearly ones counted per month)."""
    flagged = [a for a in assessments if a.status is AssessmentStatus.PROBABLE_NON_RECOURS]

    def monthly(a: RightAssessment) -> float:
        amount = a.amount or 0.0
        return amount / 12 if a.period.value == "year" else amount

    return sorted(flagged, key=monthly, reverse=True)


def css_cover(assessment: RightAssessment, translate: Translate) -> str:
    """The complémentaire santé solidaire is cover, not cash: say whether it is free."""
    if assessment.right is not RightId.CSS:
        return ""
    for reason in assessment.reasons:
        if reason.code is ReasonCode.CSS_FREE or reason.code is ReasonCode.RSA_GIVES_FREE_CSS:
            return translate("Sheet", "Gratuite, sans cotisation (estimation)")
        if reason.code is ReasonCode.CSS_WITH_PARTICIPATION:
            participation = float(reason.values.get("participation", 0))
            return translate(
                "Sheet", "Avec une participation d'environ {0} par mois (estimation)"
            ).format(euros(participation))
    return ""


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=20, spaceAfter=4 * mm),
        "intro": ParagraphStyle("intro", parent=base["BodyText"], fontSize=11, leading=15),
        "right": ParagraphStyle(
            "right",
            parent=base["Heading2"],
            fontSize=14,
            spaceBefore=5 * mm,
            textColor=colors.HexColor("#1f4e79"),
        ),
        "amount": ParagraphStyle("amount", parent=base["BodyText"], fontSize=12, leading=16),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=11, leading=14),
        "small": ParagraphStyle(
            "small",
            parent=base["BodyText"],
            fontSize=9,
            leading=12,
            textColor=colors.HexColor("#444444"),
        ),
    }


def write_household_sheet(
    path: Path, content: SheetContent, translate: Translate = identity
) -> None:
    styles = _styles()
    story: list[object] = [
        Paragraph(escape(translate("Sheet", "Vos droits à vérifier")), styles["title"]),
        Paragraph(
            escape(
                translate("Sheet", "Visite du {0}. Remis par {1}, bénévole.").format(
                    content.visited_on.strftime("%d/%m/%Y"), content.volunteer_first_name
                )
            ),
            styles["intro"],
        ),
        Spacer(1, 3 * mm),
    ]
    rights = rights_to_check(content.assessments)
    if not rights:
        story.append(
            Paragraph(
                escape(
                    translate(
                        "Sheet",
                        "D'après vos réponses, aucun droit supplémentaire n'a été repéré "
                        "aujourd'hui. Si votre situation change, n'hésitez pas à vous renseigner.",
                    )
                ),
                styles["body"],
            )
        )
    for assessment in rights:
        block: list[object] = [
            Paragraph(escape(right_name(assessment.right, translate)), styles["right"])
        ]
        amount = amount_text(assessment, translate)
        if amount:
            block.append(Paragraph(f"<b>{escape(amount)}</b>", styles["amount"]))
        cover = css_cover(assessment, translate)
        if cover:
            block.append(Paragraph(f"<b>{escape(cover)}</b>", styles["amount"]))
        if assessment.right is RightId.CHEQUE_ENERGIE and assessment.organisation in (
            Organisation.IMPOTS,
            None,
        ):
            block.append(
                Paragraph(
                    escape(
                        translate(
                            "Sheet",
                            "Le chèque énergie est envoyé automatiquement après la déclaration de "
                            "revenus : faites votre déclaration, même sans revenu.",
                        )
                    ),
                    styles["body"],
                )
            )
        if assessment.organisation is not None:
            block.append(
                Paragraph(
                    "<b>"
                    + escape(translate("Sheet", "Où aller :"))
                    + "</b> "
                    + escape(organisation_name(assessment.organisation, translate)),
                    styles["body"],
                )
            )
            place = content.places.get(assessment.organisation)
            if place is not None:
                details = [place.name, place.address, place.phone, place.hours]
                block.append(Paragraph(escape(" – ".join(d for d in details if d)), styles["body"]))
        if assessment.documents:
            block.append(
                Paragraph(
                    "<b>"
                    + escape(translate("Sheet", "À apporter :"))
                    + "</b> "
                    + escape(", ".join(document_name(d, translate) for d in assessment.documents))
                    + ".",
                    styles["body"],
                )
            )
        story.append(KeepTogether(block))
    stale = out_of_date_line(rights, translate)
    if stale:
        story += [Spacer(1, 4 * mm), Paragraph(escape(stale), styles["small"])]
    story += [
        Spacer(1, 8 * mm),
        Paragraph(
            escape(
                translate(
                    "Sheet",
                    "Les montants sont des estimations faites à partir de vos réponses, avec le "
                    "simulateur officiel OpenFisca-France. Seul l'organisme qui verse le droit peut "
                    "décider. Cette feuille ne contient ni votre nom ni votre adresse.",
                )
            ),
            styles["small"],
        ),
    ]
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title=translate("Sheet", "Vos droits à vérifier"),
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    document.build(story)  # type: ignore[arg-type]
