"""The words for the rights engine's data: rights, statuses, reasons, organisations, documents.

French first, for the volunteer's screen and the household sheet; `translate` is
`QCoreApplication.translate` in the window (so an English translation can follow) and the identity
elsewhere. Amounts are written the French way: "1 234,56 €".
"""

from __future__ import annotations

from collections.abc import Sequence

from allervers.domain.followup import Decision, NonDemandeDetail, NonRecoursReason
from allervers.domain.rights import (
    AmountPeriod,
    AssessmentStatus,
    DocumentCode,
    Organisation,
    ReasonCode,
    RightAssessment,
    RightId,
)
from allervers.wording.base import Translate as Translate
from allervers.wording.base import identity as identity
from allervers.wording.directory import office_hint as office_hint
from allervers.wording.directory import opening_hours_text as opening_hours_text
from allervers.wording.directory import phone_text as phone_text
from allervers.wording.reasons import reason_text as reason_text


def status_label(assessment: RightAssessment, translate: Translate = identity) -> str:
    """The status as the card shows it: "Perçu, à vérifier" when the household says it receives a
    right the engine estimates nil."""
    if to_check(assessment):
        return translate("Wording", "Perçu, à vérifier")
    return status_name(assessment.status, translate)


def to_check(assessment: RightAssessment) -> bool:
    return any(r.code is ReasonCode.RECEIVED_BUT_ESTIMATED_NIL for r in assessment.reasons)


def may_be_out_of_date(assessment: RightAssessment) -> bool:
    return any(r.code is ReasonCode.PARAMETERS_MAY_BE_OUT_OF_DATE for r in assessment.reasons)


def out_of_date_line(
    assessments: Sequence[RightAssessment], translate: Translate = identity
) -> str:
    """One line for the screen and the household sheet, or "" when every barème is current."""
    stale = [a for a in assessments if may_be_out_of_date(a)]
    if not stale:
        return ""
    names = ", ".join(right_name(a.right, translate) for a in stale)
    return translate(
        "Wording",
        "Barème peut-être pas à jour pour : {0} (une revalorisation récente n'est pas encore "
        "connue du logiciel ; le droit réel peut être un peu différent).",
    ).format(names)


def euros(amount: float, decimals: int = 0) -> str:
    """1234.5 -> "1 235 €" (or "1 234,50 €" with decimals=2), with no-break spaces (Latin-1, so
    the PDF fonts have them)."""
    text = f"{amount:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0€"


def right_name(right: RightId, translate: Translate = identity) -> str:
    return {
        RightId.RSA: translate("Wording", "RSA (revenu de solidarité active)"),
        RightId.PPA: translate("Wording", "Prime d'activité"),
        RightId.AIDE_LOGEMENT: translate("Wording", "Aide au logement (APL, ALF ou ALS)"),
        RightId.CHEQUE_ENERGIE: translate("Wording", "Chèque énergie"),
        RightId.CSS: translate("Wording", "Complémentaire santé solidaire"),
        RightId.AAH: translate("Wording", "AAH (allocation aux adultes handicapés)"),
        RightId.ASPA: translate("Wording", "ASPA (minimum vieillesse)"),
    }[right]


def right_short_name(right: RightId, translate: Translate = identity) -> str:
    """For charts and tables, where the long name does not fit."""
    return {
        RightId.RSA: translate("Wording", "RSA"),
        RightId.PPA: translate("Wording", "Prime d'activité"),
        RightId.AIDE_LOGEMENT: translate("Wording", "Aide au logement"),
        RightId.CHEQUE_ENERGIE: translate("Wording", "Chèque énergie"),
        RightId.CSS: translate("Wording", "Complémentaire santé"),
        RightId.AAH: translate("Wording", "AAH"),
        RightId.ASPA: translate("Wording", "ASPA"),
    }[right]


def organisation_short_name(organisation: Organisation) -> str:
    """The acronym everyone uses (not translated)."""
    return {Organisation.IMPOTS: "Impôts"}.get(organisation, organisation.value.upper())


def status_name(status: AssessmentStatus, translate: Translate = identity) -> str:
    return {
        AssessmentStatus.PROBABLE_NON_RECOURS: translate("Wording", "Droit probable non perçu"),
        AssessmentStatus.RECEIVED: translate("Wording", "Déjà perçu"),
        AssessmentStatus.NOT_ENTITLED: translate("Wording", "Probablement pas de droit"),
        AssessmentStatus.CANNOT_TELL: translate("Wording", "Impossible à dire"),
    }[status]


def amount_text(assessment: RightAssessment, translate: Translate = identity) -> str:
    """ "environ 312 € par mois (estimation)", or "" when there is no amount."""
    if assessment.amount is None:
        return ""
    if assessment.period is AmountPeriod.YEAR:
        pattern = translate("Wording", "environ {0} par an (estimation)")
    else:
        pattern = translate("Wording", "environ {0} par mois (estimation)")
    return pattern.format(euros(assessment.amount))


def organisation_name(organisation: Organisation, translate: Translate = identity) -> str:
    return {
        Organisation.CAF: translate("Wording", "CAF (caisse d'allocations familiales)"),
        Organisation.MSA: translate("Wording", "MSA (mutualité sociale agricole)"),
        Organisation.CPAM: translate("Wording", "CPAM (assurance maladie)"),
        Organisation.CARSAT: translate("Wording", "CARSAT (caisse de retraite)"),
        Organisation.MDPH: translate(
            "Wording", "MDPH (maison départementale des personnes handicapées)"
        ),
        Organisation.IMPOTS: translate("Wording", "Centre des finances publiques (impôts)"),
        Organisation.ASP: translate("Wording", "Service du chèque énergie (ASP)"),
    }[organisation]


def document_name(document: DocumentCode, translate: Translate = identity) -> str:
    return {
        DocumentCode.IDENTITY: translate("Wording", "Pièce d'identité"),
        DocumentCode.RESIDENCE_PERMIT: translate("Wording", "Titre de séjour"),
        DocumentCode.BANK_DETAILS: translate("Wording", "RIB (relevé d'identité bancaire)"),
        DocumentCode.INCOME_PROOFS_3_MONTHS: translate(
            "Wording", "Justificatifs de ressources des 3 derniers mois"
        ),
        DocumentCode.INCOME_PROOFS_12_MONTHS: translate(
            "Wording", "Justificatifs de ressources des 12 derniers mois"
        ),
        DocumentCode.TAX_NOTICE: translate("Wording", "Dernier avis d'impôt sur le revenu"),
        DocumentCode.INCOME_PROOFS_LAST_YEAR: translate(
            "Wording", "Revenus de l'an dernier (bulletins, attestations)"
        ),
        DocumentCode.LEASE: translate("Wording", "Bail ou contrat de location"),
        DocumentCode.RENT_RECEIPT: translate("Wording", "Quittance de loyer récente"),
        DocumentCode.FAMILY_RECORD_BOOK: translate("Wording", "Livret de famille"),
        DocumentCode.HEALTH_INSURANCE_CARD: translate(
            "Wording", "Carte Vitale ou attestation de droits"
        ),
        DocumentCode.MEDICAL_CERTIFICATE: translate(
            "Wording", "Certificat médical (formulaire MDPH)"
        ),
        DocumentCode.PENSION_STATEMENTS: translate("Wording", "Relevés de pensions de retraite"),
        DocumentCode.ENERGY_BILL: translate("Wording", "Dernière facture d'énergie"),
    }[document]


def nonrecours_reason_name(reason: NonRecoursReason, translate: Translate = identity) -> str:
    return {
        NonRecoursReason.NON_CONNAISSANCE: translate("Wording", "Ne connaissait pas ce droit"),
        NonRecoursReason.NON_DEMANDE: translate("Wording", "Le connaît mais ne l'a pas demandé"),
        NonRecoursReason.NON_RECEPTION: translate("Wording", "L'a demandé mais ne l'a pas reçu"),
        NonRecoursReason.NON_PROPOSITION: translate("Wording", "Personne ne le lui a proposé"),
    }[reason]


def nondemande_detail_name(detail: NonDemandeDetail, translate: Translate = identity) -> str:
    return {
        NonDemandeDetail.COMPLEXITY: translate("Wording", "Démarches trop compliquées"),
        NonDemandeDetail.STIGMA: translate("Wording", "Peur du regard des autres"),
        NonDemandeDetail.FEAR_OF_REPAYMENT: translate(
            "Wording", "Peur de devoir rembourser (indu)"
        ),
        NonDemandeDetail.PRINCIPLE: translate("Wording", "Refus par principe"),
        NonDemandeDetail.DIGITAL: translate("Wording", "Démarches en ligne impossibles"),
        NonDemandeDetail.MOBILITY: translate("Wording", "Trop loin, pas de moyen de transport"),
        NonDemandeDetail.OTHER: translate("Wording", "Autre raison"),
    }[detail]


def decision_name(decision: Decision, translate: Translate = identity) -> str:
    return {
        Decision.WANTS_HELP: translate("Wording", "Souhaite être accompagné·e"),
        Decision.ALONE: translate("Wording", "Fera la démarche seul·e"),
        Decision.NOT_INTERESTED: translate("Wording", "Pas intéressé·e"),
    }[decision]
