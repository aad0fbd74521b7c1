"""The words for the rights engine's data: rights, statuses, reasons, organisations, documents.

French first, for the volunteer's screen and the household sheet; `translate` is
`QCoreApplication.translate` in the window (so an English translation can follow) and the identity
elsewhere. Amounts are written the French way: "1 234,56 €".
"""

from __future__ import annotations

import re
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
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def identity(_context: str, text: str) -> str:
    return text


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


def _value(values: Mapping[str, ReasonValue], key: str) -> str:
    value = values.get(key, "")
    if isinstance(value, float):
        return f"{value:,.0f}".replace(",", "\u00a0")
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"  # parameter dates, the French way
    return str(value)


def reason_text(reason: Reason, translate: Translate = identity) -> str:
    """One fact behind an assessment, in plain French."""
    texts = {
        ReasonCode.NO_INTERVIEW: translate("Wording", "Pas d'entretien à cette porte."),
        ReasonCode.RESOURCES_UNDER_CEILING: translate(
            "Wording", "Ressources de {resources} € par mois, sous le plafond de {ceiling} €."
        ),
        ReasonCode.RESOURCES_OVER_CEILING: translate(
            "Wording", "Ressources de {resources} € par mois, au-dessus du plafond de {ceiling} €."
        ),
        ReasonCode.HOUSEHOLD_SIZE: translate("Wording", "Foyer de {persons} personne(s)."),
        ReasonCode.FORFAIT_LOGEMENT: translate(
            "Wording", "Forfait logement déduit : {amount} € par mois."
        ),
        ReasonCode.UNDER_MINIMUM_AGE: translate("Wording", "Moins de {minimum} ans ({age} ans)."),
        ReasonCode.STUDENT: translate("Wording", "Études en cours."),
        ReasonCode.RESIDENCE_PERMIT_TOO_RECENT: translate(
            "Wording", "Séjour régulier de {years} an(s) ; {minimum} ans demandés."
        ),
        ReasonCode.ACTIVITY_INCOME: translate(
            "Wording", "Revenus d'activité de {income} € par mois en moyenne."
        ),
        ReasonCode.NO_ACTIVITY_INCOME: translate("Wording", "Pas de revenus d'activité."),
        ReasonCode.RENT: translate(
            "Wording", "Loyer de {rent} € par mois (plafond pris en compte : {ceiling} €)."
        ),
        ReasonCode.APL_ZONE: translate(
            "Wording", "Commune en zone {zone} pour les aides au logement."
        ),
        ReasonCode.NOT_A_TENANT: translate("Wording", "Pas locataire."),
        ReasonCode.OWNER_LOAN_NOT_ASKED: translate(
            "Wording", "Propriétaire avec prêt : à vérifier selon le prêt."
        ),
        ReasonCode.UNKNOWN_COMMUNE: translate("Wording", "Commune inconnue ({insee})."),
        ReasonCode.RESOURCES_12_MONTHS: translate(
            "Wording", "Ressources sur 12 mois : {resources} € (plafond {ceiling} €)."
        ),
        ReasonCode.CSS_FREE: translate(
            "Wording",
            "Ressources sous le plafond de la complémentaire gratuite ({ceiling} € par an).",
        ),
        ReasonCode.CSS_WITH_PARTICIPATION: translate(
            "Wording", "Complémentaire avec participation d'environ {participation} € par mois."
        ),
        ReasonCode.RSA_GIVES_FREE_CSS: translate(
            "Wording", "Le RSA donne droit à la complémentaire gratuite."
        ),
        ReasonCode.RFR_PER_UNIT: translate(
            "Wording",
            "Revenu fiscal de {rfr} € pour {units} part(s) de consommation, sous le plafond de {ceiling} €.",
        ),
        ReasonCode.RFR_ESTIMATED: translate(
            "Wording", "Revenu fiscal estimé à {rfr} € d'après les revenus déclarés."
        ),
        ReasonCode.NO_TAX_RETURN: translate(
            "Wording",
            "Pas de déclaration de revenus : le chèque énergie n'est envoyé qu'après une déclaration.",
        ),
        ReasonCode.NOT_OWN_DWELLING: translate("Wording", "Pas de logement à son nom."),
        ReasonCode.INCAPACITY_RATE: translate("Wording", "Taux d'incapacité de {rate} %."),
        ReasonCode.INCAPACITY_RATE_ASSUMED: translate(
            "Wording", "Taux d'incapacité supposé de {rate} %."
        ),
        ReasonCode.INCAPACITY_RATE_TOO_LOW: translate(
            "Wording", "Taux d'incapacité de {rate} %, sous le minimum de {minimum} %."
        ),
        ReasonCode.NO_DISABILITY_DECLARED: translate("Wording", "Pas de handicap déclaré."),
        ReasonCode.AGE: translate("Wording", "{age} ans (minimum {minimum} ans)."),
        ReasonCode.SOCIAL_REGIME_UNKNOWN: translate(
            "Wording", "Régime de protection sociale inconnu."
        ),
        ReasonCode.FARM_REGIME: translate("Wording", "Régime agricole : s'adresser à la MSA."),
        ReasonCode.RECEIPT_UNKNOWN: translate(
            "Wording", "Le foyer ne sait pas s'il perçoit déjà ce droit."
        ),
        ReasonCode.SELF_EMPLOYED_INCOME_APPROXIMATED: translate(
            "Wording", "Revenus d'indépendant estimés grossièrement."
        ),
        ReasonCode.PARAMETERS_OLDER_THAN_VISIT: translate(
            "Wording", "Barème en vigueur depuis le {parameter_date} (plus récent non connu)."
        ),
        ReasonCode.OTHER_ADULTS_NOT_ASSESSED: translate(
            "Wording", "Les autres adultes du logement ({persons}) ne sont pas évalués."
        ),
    }
    text = texts.get(reason.code, reason.code.value)
    if reason.code is ReasonCode.RESOURCES_12_MONTHS and "ceiling" not in reason.values:
        # Aides au logement: no single ceiling (the amount decreases with resources).
        text = translate("Wording", "Ressources sur 12 mois : {resources} €.")
    values = {key: _value(reason.values, key) for key in reason.values}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


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


def door_figure_name(key: str, translate: Translate = identity) -> str:
    """The door figures' names (domain.figures.DOOR_FIGURES), the same on screen and in the
    activity report (definitions: domain/coverage.py)."""
    names = {
        "doors": translate("Wording", "Portes du territoire"),
        "knocked": translate("Wording", "Portes frappées au moins une fois"),
        "coverage": translate("Wording", "Couverture du territoire"),
        "opened": translate("Wording", "Portes ouvertes"),
        "open_rate": translate("Wording", "Taux d'ouverture"),
        "households_met": translate("Wording", "Foyers rencontrés aux portes"),
    }
    return names.get(key, key)


def door_figure_value(key: str, value: float | int | None) -> str:
    """A share as a percentage ("42 %"), a count as a number; "—" when there is none."""
    if value is None:
        return "—"
    if key in ("coverage", "open_rate"):
        return f"{round(float(value) * 100)}\u00a0%"
    return f"{int(value):,}".replace(",", "\u00a0")
