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

from allervers.domain.directory import Piste, full_address
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
    office_hint,
    opening_hours_text,
    organisation_name,
    out_of_date_line,
    phone_text,
    right_name,
)


@dataclass(frozen=True, slots=True)
class SheetContent:
    assessments: Sequence[RightAssessment]
    places: dict[Organisation, Place]
    volunteer_first_name: str
    visited_on: date
    pistes: Sequence[Piste] = ()  # services of the directory for the recorded needs


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
            block += office_lines(
                content.places.get(assessment.organisation),
                assessment.organisation,
                styles,
                translate,
            )
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
    story += pistes_section(content.pistes, styles, translate)
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


# The office of each right and the directory's pistes (issue 17) ------------------------------


def office_lines(
    place: Place | None,
    organisation: Organisation,
    styles: dict[str, ParagraphStyle],
    translate: Translate = identity,
) -> list[object]:
    """The office's name, address, phone and hours; where to find what the directory lacks."""
    lines: list[object] = []
    if place is not None:
        details = [place.name, place.address]
        if place.phone:
            details.append(translate("Sheet", "tél. {0}").format(phone_text(place.phone)))
        if place.hours:
            details.append(opening_hours_text(place.hours, translate))
        lines.append(Paragraph(escape(" – ".join(d for d in details if d)), styles["body"]))
        if place.stale:
            lines.append(
                Paragraph(
                    escape(translate("Sheet", "Informations de plus d'un an : à vérifier.")),
                    styles["small"],
                )
            )
    if place is None or not place.address or not place.phone:
        lines.append(
            Paragraph(
                escape(
                    translate("Sheet", "Pour trouver l'accueil : {0}.").format(
                        office_hint(organisation, translate)
                    )
                ),
                styles["body"],
            )
        )
    return lines


def pistes_section(
    pistes: Sequence[Piste], styles: dict[str, ParagraphStyle], translate: Translate = identity
) -> list[object]:
    """Up to three places near home for the needs the household mentioned: leads to check with
    each place, never a promise that it will take the household."""
    if not pistes:
        return []
    heading: list[object] = [
        Paragraph(
            escape(translate("Sheet", "Près de chez vous, pour vous aider")), styles["right"]
        ),
        Paragraph(
            escape(
                translate(
                    "Sheet",
                    "Des pistes, à vérifier auprès de chaque lieu : chacun décide qui il accueille.",
                )
            ),
            styles["small"],
        ),
    ]
    block: list[object] = []
    for piste in pistes:
        service = piste.service
        title = service.name
        if service.structure_name and service.structure_name != service.name:
            title = f"{service.name} – {service.structure_name}"
        details = [full_address(service)]
        if service.phone:
            details.append(translate("Sheet", "tél. {0}").format(phone_text(service.phone)))
        elif service.email:
            details.append(service.email)
        if service.hours:
            details.append(opening_hours_text(service.hours, translate))
        notes = []
        if not service.has_contact:
            notes.append(translate("Sheet", "Ni téléphone ni courriel connus : passez sur place."))
        if piste.stale:
            notes.append(translate("Sheet", "Informations de plus d'un an : à vérifier."))
        if piste.zone_unknown:
            notes.append(
                translate("Sheet", "Qui peut y aller n'est pas précisé : renseignez-vous.")
            )
        paragraph = f"<b>{escape(title)}</b><br/>" + escape(" – ".join(d for d in details if d))
        lines: list[object] = [Paragraph(paragraph, styles["body"])]
        if notes:
            lines.append(Paragraph(escape(" ".join(notes)), styles["small"]))
        lines.append(Spacer(1, 2 * mm))
        # The heading never stands alone at the foot of a page: it goes with the first piste.
        block.append(KeepTogether(lines if block else heading + lines))
    return block
