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


# The local services directory ---------------------------------------------------------------

_OSM_RULE = re.compile(
    r"^(?:(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,|\s))+"
    r"(?:off|\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})*)$"
)


def office_hint(organisation: Organisation, translate: Translate = identity) -> str:
    """Where a household finds an office the directory does not give: the national numbers and
    sites of each organisation (from their own sites: caf.fr, ameli.fr, lassuranceretraite.fr,
    impots.gouv.fr, chequeenergie.gouv.fr, msa.fr, monparcourshandicap.gouv.fr)."""
    return {
        Organisation.CAF: translate(
            "Wording",
            "adresse et horaires de votre CAF sur caf.fr (« Contacter ma Caf ») ou au 32 30",
        ),
        Organisation.MSA: translate(
            "Wording", "adresse et horaires de votre MSA sur msa.fr, rubrique « Contact »"
        ),
        Organisation.CPAM: translate("Wording", "accueil de votre CPAM sur ameli.fr ou au 36 46"),
        Organisation.CARSAT: translate(
            "Wording", "votre caisse de retraite sur lassuranceretraite.fr ou au 39 60"
        ),
        Organisation.MDPH: translate(
            "Wording", "la MDPH de votre département sur monparcourshandicap.gouv.fr"
        ),
        Organisation.IMPOTS: translate(
            "Wording", "votre centre des finances publiques sur impots.gouv.fr ou au 0 809 401 401"
        ),
        Organisation.ASP: translate(
            "Wording", "chequeenergie.gouv.fr ou le 0 805 204 805 (appel gratuit)"
        ),
    }[organisation]


def _clock(text: str) -> str:
    hours, minutes = text.split(":")
    return f"{int(hours)} h" + (f" {minutes}" if minutes != "00" else "")


def opening_hours_text(hours: str, translate: Translate = identity) -> str:
    """data·inclusion's hours are in OpenStreetMap's format ("Mo-Fr 09:00-12:00; PH off"); said
    in French ("lun.-ven. 9 h-12 h ; fermé les jours fériés"). Hours typed in words, or in a
    form this does not read, are shown as typed."""
    rules = [rule.strip() for rule in hours.split(";") if rule.strip()]
    if not rules or not all(_OSM_RULE.match(rule) for rule in rules):
        return hours
    names = {
        "Mo": translate("Hours", "lun."),
        "Tu": translate("Hours", "mar."),
        "We": translate("Hours", "mer."),
        "Th": translate("Hours", "jeu."),
        "Fr": translate("Hours", "ven."),
        "Sa": translate("Hours", "sam."),
        "Su": translate("Hours", "dim."),
    }
    said = []
    for rule in rules:
        days, _space, times = rule.rpartition(" ")
        if days == "PH" and times == "off":
            said.append(translate("Hours", "fermé les jours fériés"))
            continue
        day_text = re.sub(r"Mo|Tu|We|Th|Fr|Sa|Su", lambda m: names[m.group(0)], days)
        day_text = day_text.replace(",", ", ").replace("PH", translate("Hours", "jours fériés"))
        if times == "off":
            said.append(translate("Hours", "{0} : fermé").format(day_text))
            continue
        spans = ", ".join("-".join(_clock(t) for t in span.split("-")) for span in times.split(","))
        said.append(f"{day_text} {spans}")
    return " ; ".join(said)


def phone_text(phone: str) -> str:
    """ "+33241000000" (E.164, as data·inclusion asks) -> "02 41 00 00 00"; other forms as given."""
    digits = phone.replace(" ", "").replace(".", "")
    if re.fullmatch(r"\+33[1-9]\d{8}", digits):
        digits = "0" + digits[3:]
    if re.fullmatch(r"0[1-9]\d{8}", digits):
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return phone
