"""RSA and prime d'activité: the estimate, and the true cause when it is nil.

RSA (art. L262-2 and R262-1 to R262-17 CASF): montant forfaitaire for the household, minus the
forfait logement (housed free, owner, or receiving an aide au logement, art. R262-9 and R262-10),
minus the resources of the three reference months; nothing is paid under 6 € (art. R262-17).
Prime d'activité (art. L842-3 and D843-1 to D844-1 CSS): the mean over three months of montant
forfaitaire + individual bonifications + 59.85 % of activity income - max(resources + forfait
logement, montant forfaitaire); nothing under 15 €; students and apprentices only with activity
income above a floor each month (art. L842-2 CSS).
"""

from __future__ import annotations

from allervers.domain.rights import Reason, RightId
from allervers.rights.batch import HouseholdFigures
from allervers.rights.findings import (
    Finding,
    NilCause,
    R,
    forfait_basis,
    household_size,
    is_student,
    missing_means_test,
    missing_nationality,
    money,
    oldest_adult_age,
    reason,
    resource_months,
)
from allervers.rights.household import Household

RSA_RESIDENCE_YEARS = 5
"""Non-EEA nationals: 5 years of residence permit allowing work (art. L262-4, 2° CASF)."""


def rsa(household: Household, figures: HouseholdFigures) -> Finding:
    f = figures.famille
    finding = Finding(RightId.RSA, f["rsa"] > 0, money(f["rsa"]))
    finding.missing = missing_means_test(household) + missing_nationality(household)
    if not f["rsa_eligibilite"]:
        finding.reasons = _rsa_ineligibility(household, figures)
        return finding
    socle = money(max(f["rsa_socle"], f["rsa_socle_majore"]))
    forfait = money(f["rsa_forfait_logement"])
    resources = money(f["rsa_base_ressources"])
    months = resource_months(household)
    minimum = figures.legal["rsa_minimum"]
    without_forfait = money(socle - resources)
    computed = money(without_forfait - forfait)
    deducted = _forfait_deducted(household, figures, forfait)
    if finding.entitled:
        finding.reasons = [
            reason(R.RESOURCES_UNDER_CEILING, resources=resources, ceiling=socle, **months),
            household_size(household),
            *deducted,
        ]
        return finding
    finding.nil_cause = NilCause.RESOURCES
    if without_forfait <= 0:
        finding.reasons = [
            reason(R.RESOURCES_OVER_CEILING, resources=resources, ceiling=socle, **months),
            household_size(household),
        ]
    elif computed <= 0:
        finding.reasons = _forfait_cancels(household, figures, forfait, without_forfait, minimum)
    elif computed < minimum:
        finding.reasons = [
            reason(R.UNDER_MINIMUM_PAYMENT, amount=computed, minimum=minimum),
            *deducted,
        ]
    else:
        # Computed above the minimum yet nil: OpenFisca cannot compute the RSA of some
        # self-employed households (`rsa_non_calculable`).
        finding.nil_cause = NilCause.SITUATION
        finding.reasons = [reason(R.SELF_EMPLOYED_OVER_RSA_LIMIT)]
    return finding


def _rsa_ineligibility(household: Household, figures: HouseholdFigures) -> list[Reason]:
    """Art. L262-4 CASF: 25 years old (or a parent), not a student, 5 years of residence permit
    for non-EEA nationals; art. L262-7: self-employed under turnover limits."""
    f = figures.famille
    reasons: list[Reason] = []
    adults = household.adults_of_main_family()
    if any(is_student(p) for p in adults):
        reasons.append(reason(R.STUDENT))
    age = oldest_adult_age(household)
    minimum_age = int(figures.legal["rsa_age"])
    if age is not None and age < minimum_age:
        reasons.append(reason(R.UNDER_MINIMUM_AGE, age=age, minimum=minimum_age))
    for person in adults:
        years = person.residence_permit_years
        if person.nationality == "other" and years is not None and years < RSA_RESIDENCE_YEARS:
            reasons.append(
                reason(R.RESIDENCE_PERMIT_TOO_RECENT, years=years, minimum=RSA_RESIDENCE_YEARS)
            )
    if not f["rsa_eligibilite_tns"]:
        reasons.append(reason(R.SELF_EMPLOYED_OVER_RSA_LIMIT))
    return reasons or [reason(R.CONDITIONS_NOT_MET)]


def ppa(household: Household, figures: HouseholdFigures) -> Finding:
    f = figures.famille
    finding = Finding(RightId.PPA, f["ppa"] > 0, money(f["ppa"]))
    finding.missing = missing_means_test(household) + missing_nationality(household)
    months = resource_months(household)
    activity = money(f["ppa_revenu_activite_moyenne"])
    resources = money(f["ppa_base_ressources_moyenne"])
    forfait = money(f["ppa_forfait_logement_moyenne"])
    computed = money(f["ppa_fictive_moyenne"])
    without_forfait = money(f["ppa_fictive_sans_forfait_logement_moyenne"])
    minimum = figures.legal["ppa_minimum"]
    deducted = _forfait_deducted(household, figures, forfait)
    if finding.entitled:
        finding.reasons = [
            reason(R.ACTIVITY_INCOME, income=activity, **months),
            household_size(household),
            *deducted,
        ]
        return finding
    if activity <= 0:
        finding.reasons = [reason(R.NO_ACTIVITY_INCOME, **months)]
    elif not f["ppa_eligibilite"]:
        finding.reasons = _ppa_ineligibility(household, figures)
    elif not f["ppa_eligibilite_apprenants"]:
        finding.reasons = [_student_floor(household, figures)]
    elif without_forfait <= 0:
        finding.nil_cause = NilCause.RESOURCES
        finding.reasons = [
            reason(R.PPA_RESOURCES_TOO_HIGH, resources=resources, income=activity, **months),
            household_size(household),
        ]
    elif computed >= minimum:
        finding.reasons = [reason(R.CONDITIONS_NOT_MET)]
    elif forfait > 0:
        finding.nil_cause = NilCause.RESOURCES
        finding.reasons = _forfait_cancels(household, figures, forfait, without_forfait, minimum)
    else:
        finding.nil_cause = NilCause.RESOURCES
        finding.reasons = [reason(R.UNDER_MINIMUM_PAYMENT, amount=computed, minimum=minimum)]
    return finding


def _ppa_ineligibility(household: Household, figures: HouseholdFigures) -> list[Reason]:
    """Art. L842-1 and L842-2 CSS: 18 years old, residence conditions of the RSA."""
    age = oldest_adult_age(household)
    minimum_age = int(figures.legal["ppa_age"])
    if age is not None and age < minimum_age:
        return [reason(R.UNDER_MINIMUM_AGE, age=age, minimum=minimum_age)]
    for person in household.adults_of_main_family():
        years = person.residence_permit_years
        if person.nationality == "other" and years is not None and years < RSA_RESIDENCE_YEARS:
            return [reason(R.RESIDENCE_PERMIT_TOO_RECENT, years=years, minimum=RSA_RESIDENCE_YEARS)]
    return [reason(R.CONDITIONS_NOT_MET)]


def _student_floor(household: Household, figures: HouseholdFigures) -> Reason:
    """Students and apprentices need activity income above the floor in each of the last three
    months (art. L842-2 CSS; 78 % of the SMIC, `ppa_plancher_revenu_activite_apprenant`)."""
    students = [p for p in household.adults_of_main_family() if is_student(p)]
    ranks = [p.index for p in students] or [p.index for p in household.adults_of_main_family()]
    rank = max(ranks, key=lambda r: figures.persons[r]["ppa_revenu_activite_lowest"])
    person = figures.persons[rank]
    return reason(
        R.STUDENT_EARNINGS_UNDER_FLOOR,
        income=money(person["ppa_revenu_activite_lowest"]),
        floor=money(person["ppa_plancher_revenu_activite_apprenant"]),
    )


def _forfait_deducted(
    household: Household, figures: HouseholdFigures, forfait: float
) -> list[Reason]:
    if forfait <= 0:
        return []
    basis = forfait_basis(household, figures.famille["aide_logement"])
    return [reason(R.FORFAIT_LOGEMENT_DEDUCTED, amount=forfait, **basis)]


def _forfait_cancels(
    household: Household,
    figures: HouseholdFigures,
    forfait: float,
    without_forfait: float,
    minimum: float,
) -> list[Reason]:
    """The forfait logement takes the amount to nothing, or under the minimum payment."""
    basis = forfait_basis(household, figures.famille["aide_logement"])
    reasons = [reason(R.FORFAIT_LOGEMENT_CANCELS, amount=forfait, without=without_forfait, **basis)]
    if without_forfait < minimum:
        reasons.append(reason(R.UNDER_MINIMUM_PAYMENT, amount=without_forfait, minimum=minimum))
    return reasons
