"""The words for the rights engine's data: rights, statuses, reasons, organisations, documents.

French first, for the volunteer's screen and the household sheet; `translate` is
`QCoreApplication.translate` in the window (so an English translation can follow) and the identity
elsewhere. Amounts are written the French way: "1 234,56 €".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from allervers.domain.followup import Decision, NonDemandeDetail, NonRecoursReason
from allervers.domain.rights import (
    AmountPeriod,
    AssessmentStatus,
    DocumentCode,
    Organisation,
    Reason,
    ReasonCode,
    ReasonValue,
    RightAssessment,
    RightId,
)

Translate = Callable[[str, str], str]


def identity(_context: str, text: str) -> str:
    return text


def euros(amount: float, decimals: int = 0) -> str:
    """1234.5 -> "1 235 €" (or "1 234,50 €" with decimals=2), with no-break spaces (Latin-1, so
    the PDF fonts have them)."""
    text = f"{amount:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0€"


def right_name(right: RightId, translate: Translate = identity) -> str:
    t = translate
    return {
        RightId.RSA: t("Wording", "RSA (revenu de solidarité active)"),
        RightId.PPA: t("Wording", "Prime d'activité"),
        RightId.AIDE_LOGEMENT: t("Wording", "Aide au logement (APL, ALF ou ALS)"),
        RightId.CHEQUE_ENERGIE: t("Wording", "Chèque énergie"),
        RightId.CSS: t("Wording", "Complémentaire santé solidaire"),
        RightId.AAH: t("Wording", "AAH (allocation aux adultes handicapés)"),
        RightId.ASPA: t("Wording", "ASPA (minimum vieillesse)"),
    }[right]


def right_short_name(right: RightId, translate: Translate = identity) -> str:
    """For charts and tables, where the long name does not fit."""
    t = translate
    return {
        RightId.RSA: t("Wording", "RSA"),
        RightId.PPA: t("Wording", "Prime d'activité"),
        RightId.AIDE_LOGEMENT: t("Wording", "Aide au logement"),
        RightId.CHEQUE_ENERGIE: t("Wording", "Chèque énergie"),
        RightId.CSS: t("Wording", "Complémentaire santé"),
        RightId.AAH: t("Wording", "AAH"),
        RightId.ASPA: t("Wording", "ASPA"),
    }[right]


def organisation_short_name(organisation: Organisation) -> str:
    """The acronym everyone uses (not translated)."""
    return {Organisation.IMPOTS: "Impôts"}.get(organisation, organisation.value.upper())


def status_name(status: AssessmentStatus, translate: Translate = identity) -> str:
    t = translate
    return {
        AssessmentStatus.PROBABLE_NON_RECOURS: t("Wording", "Droit probable non perçu"),
        AssessmentStatus.RECEIVED: t("Wording", "Déjà perçu"),
        AssessmentStatus.NOT_ENTITLED: t("Wording", "Probablement pas de droit"),
        AssessmentStatus.CANNOT_TELL: t("Wording", "Impossible à dire"),
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
    t = translate
    return {
        Organisation.CAF: t("Wording", "CAF (caisse d'allocations familiales)"),
        Organisation.MSA: t("Wording", "MSA (mutualité sociale agricole)"),
        Organisation.CPAM: t("Wording", "CPAM (assurance maladie)"),
        Organisation.CARSAT: t("Wording", "CARSAT (caisse de retraite)"),
        Organisation.MDPH: t("Wording", "MDPH (maison départementale des personnes handicapées)"),
        Organisation.IMPOTS: t("Wording", "Centre des finances publiques (impôts)"),
        Organisation.ASP: t("Wording", "Service du chèque énergie (ASP)"),
    }[organisation]


def document_name(document: DocumentCode, translate: Translate = identity) -> str:
    t = translate
    return {
        DocumentCode.IDENTITY: t("Wording", "Pièce d'identité"),
        DocumentCode.RESIDENCE_PERMIT: t("Wording", "Titre de séjour"),
        DocumentCode.BANK_DETAILS: t("Wording", "RIB (relevé d'identité bancaire)"),
        DocumentCode.INCOME_PROOFS_3_MONTHS: t(
            "Wording", "Justificatifs de ressources des 3 derniers mois"
        ),
        DocumentCode.INCOME_PROOFS_12_MONTHS: t(
            "Wording", "Justificatifs de ressources des 12 derniers mois"
        ),
        DocumentCode.TAX_NOTICE: t("Wording", "Dernier avis d'impôt sur le revenu"),
        DocumentCode.INCOME_PROOFS_LAST_YEAR: t(
            "Wording", "Revenus de l'an dernier (bulletins, attestations)"
        ),
        DocumentCode.LEASE: t("Wording", "Bail ou contrat de location"),
        DocumentCode.RENT_RECEIPT: t("Wording", "Quittance de loyer récente"),
        DocumentCode.FAMILY_RECORD_BOOK: t("Wording", "Livret de famille"),
        DocumentCode.HEALTH_INSURANCE_CARD: t("Wording", "Carte Vitale ou attestation de droits"),
        DocumentCode.MEDICAL_CERTIFICATE: t("Wording", "Certificat médical (formulaire MDPH)"),
        DocumentCode.PENSION_STATEMENTS: t("Wording", "Relevés de pensions de retraite"),
        DocumentCode.ENERGY_BILL: t("Wording", "Dernière facture d'énergie"),
    }[document]


def _value(values: Mapping[str, ReasonValue], key: str) -> str:
    value = values.get(key, "")
    if isinstance(value, float):
        return f"{value:,.0f}".replace(",", "\u00a0")
    return str(value)


def reason_text(reason: Reason, translate: Translate = identity) -> str:
    """One fact behind an assessment, in plain French."""
    t = translate
    texts = {
        ReasonCode.NO_INTERVIEW: t("Wording", "Pas d'entretien à cette porte."),
        ReasonCode.RESOURCES_UNDER_CEILING: t(
            "Wording", "Ressources de {resources} € par mois, sous le plafond de {ceiling} €."
        ),
        ReasonCode.RESOURCES_OVER_CEILING: t(
            "Wording", "Ressources de {resources} € par mois, au-dessus du plafond de {ceiling} €."
        ),
        ReasonCode.HOUSEHOLD_SIZE: t("Wording", "Foyer de {persons} personne(s)."),
        ReasonCode.FORFAIT_LOGEMENT: t("Wording", "Forfait logement déduit : {amount} € par mois."),
        ReasonCode.UNDER_MINIMUM_AGE: t("Wording", "Moins de {minimum} ans ({age} ans)."),
        ReasonCode.STUDENT: t("Wording", "Études en cours."),
        ReasonCode.RESIDENCE_PERMIT_TOO_RECENT: t(
            "Wording", "Séjour régulier de {years} an(s) ; {minimum} ans demandés."
        ),
        ReasonCode.ACTIVITY_INCOME: t(
            "Wording", "Revenus d'activité de {income} € par mois en moyenne."
        ),
        ReasonCode.NO_ACTIVITY_INCOME: t("Wording", "Pas de revenus d'activité."),
        ReasonCode.RENT: t(
            "Wording", "Loyer de {rent} € par mois (plafond pris en compte : {ceiling} €)."
        ),
        ReasonCode.APL_ZONE: t("Wording", "Commune en zone {zone} pour les aides au logement."),
        ReasonCode.NOT_A_TENANT: t("Wording", "Pas locataire."),
        ReasonCode.OWNER_LOAN_NOT_ASKED: t(
            "Wording", "Propriétaire avec prêt : à vérifier selon le prêt."
        ),
        ReasonCode.UNKNOWN_COMMUNE: t("Wording", "Commune inconnue ({insee})."),
        ReasonCode.RESOURCES_12_MONTHS: t(
            "Wording", "Ressources sur 12 mois : {resources} € (plafond {ceiling} €)."
        ),
        ReasonCode.CSS_FREE: t(
            "Wording",
            "Ressources sous le plafond de la complémentaire gratuite ({ceiling} € par an).",
        ),
        ReasonCode.CSS_WITH_PARTICIPATION: t(
            "Wording", "Complémentaire avec participation d'environ {participation} € par mois."
        ),
        ReasonCode.RSA_GIVES_FREE_CSS: t(
            "Wording", "Le RSA donne droit à la complémentaire gratuite."
        ),
        ReasonCode.RFR_PER_UNIT: t(
            "Wording",
            "Revenu fiscal de {rfr} € pour {units} part(s) de consommation, sous le plafond de {ceiling} €.",
        ),
        ReasonCode.RFR_ESTIMATED: t(
            "Wording", "Revenu fiscal estimé à {rfr} € d'après les revenus déclarés."
        ),
        ReasonCode.NO_TAX_RETURN: t(
            "Wording",
            "Pas de déclaration de revenus : le chèque énergie n'est envoyé qu'après une déclaration.",
        ),
        ReasonCode.NOT_OWN_DWELLING: t("Wording", "Pas de logement à son nom."),
        ReasonCode.INCAPACITY_RATE: t("Wording", "Taux d'incapacité de {rate} %."),
        ReasonCode.INCAPACITY_RATE_ASSUMED: t("Wording", "Taux d'incapacité supposé de {rate} %."),
        ReasonCode.INCAPACITY_RATE_TOO_LOW: t(
            "Wording", "Taux d'incapacité de {rate} %, sous le minimum de {minimum} %."
        ),
        ReasonCode.NO_DISABILITY_DECLARED: t("Wording", "Pas de handicap déclaré."),
        ReasonCode.AGE: t("Wording", "{age} ans (minimum {minimum} ans)."),
        ReasonCode.SOCIAL_REGIME_UNKNOWN: t("Wording", "Régime de protection sociale inconnu."),
        ReasonCode.FARM_REGIME: t("Wording", "Régime agricole : s'adresser à la MSA."),
        ReasonCode.RECEIPT_UNKNOWN: t(
            "Wording", "Le foyer ne sait pas s'il perçoit déjà ce droit."
        ),
        ReasonCode.SELF_EMPLOYED_INCOME_APPROXIMATED: t(
            "Wording", "Revenus d'indépendant estimés grossièrement."
        ),
        ReasonCode.PARAMETERS_OLDER_THAN_VISIT: t(
            "Wording", "Barème en vigueur depuis le {parameter_date} (plus récent non connu)."
        ),
        ReasonCode.OTHER_ADULTS_NOT_ASSESSED: t(
            "Wording", "Les autres adultes du logement ({persons}) ne sont pas évalués."
        ),
    }
    text = texts.get(reason.code, reason.code.value)
    values = {key: _value(reason.values, key) for key in reason.values}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def nonrecours_reason_name(reason: NonRecoursReason, translate: Translate = identity) -> str:
    t = translate
    return {
        NonRecoursReason.NON_CONNAISSANCE: t("Wording", "Ne connaissait pas ce droit"),
        NonRecoursReason.NON_DEMANDE: t("Wording", "Le connaît mais ne l'a pas demandé"),
        NonRecoursReason.NON_RECEPTION: t("Wording", "L'a demandé mais ne l'a pas reçu"),
        NonRecoursReason.NON_PROPOSITION: t("Wording", "Personne ne le lui a proposé"),
    }[reason]


def nondemande_detail_name(detail: NonDemandeDetail, translate: Translate = identity) -> str:
    t = translate
    return {
        NonDemandeDetail.COMPLEXITY: t("Wording", "Démarches trop compliquées"),
        NonDemandeDetail.STIGMA: t("Wording", "Peur du regard des autres"),
        NonDemandeDetail.FEAR_OF_REPAYMENT: t("Wording", "Peur de devoir rembourser (indu)"),
        NonDemandeDetail.PRINCIPLE: t("Wording", "Refus par principe"),
        NonDemandeDetail.DIGITAL: t("Wording", "Démarches en ligne impossibles"),
        NonDemandeDetail.MOBILITY: t("Wording", "Trop loin, pas de moyen de transport"),
        NonDemandeDetail.OTHER: t("Wording", "Autre raison"),
    }[detail]


def decision_name(decision: Decision, translate: Translate = identity) -> str:
    t = translate
    return {
        Decision.WANTS_HELP: t("Wording", "Souhaite être accompagné·e"),
        Decision.ALONE: t("Wording", "Fera la démarche seul·e"),
        Decision.NOT_INTERESTED: t("Wording", "Pas intéressé·e"),
    }[decision]
