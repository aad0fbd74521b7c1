"""From OpenFisca's figures and the answers to one `RightAssessment` per right.

Status rule (issue 4): *probable non-recours* when the estimated amount is above zero (for the CSS:
when free or with contribution) and the household says it does not receive it; *received* when the
household says it receives it; *not entitled* when the estimate is zero; *cannot tell* when answers
the right depends on are missing (they are named) or the case is outside what is modelled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from allervers.domain.rights import (
    AmountPeriod,
    AssessmentStatus,
    Reason,
    ReasonCode,
    ReasonValue,
    RightAssessment,
    RightId,
)
from allervers.rights import cheque_energie, incomes
from allervers.rights.batch import HouseholdFigures
from allervers.rights.communes import apl_zone
from allervers.rights.household import INCOME_KINDS, Household, HousingStatus, Person, YesNo
from allervers.rights.organisations import documents_for, organisation_for
from allervers.rights.periods import add_months

R = ReasonCode
S = AssessmentStatus

RSA_MINIMUM_AGE = 25
"""Art. L262-4 CASF (unless a parent or, under conditions, a young worker)."""
PPA_MINIMUM_AGE = 18
"""Art. L842-1 CSS."""
RSA_RESIDENCE_YEARS = 5
"""Non-EEA nationals: 5 years of residence permit allowing work (art. L262-4, 2° CASF)."""
ASPA_AGE = 65
"""Art. L815-1 CSS (62 for people unable to work or with an incapacity rate of at least 50 %)."""
AAH_MINIMUM_RATE = 50
"""Art. L821-2 CSS: 50 % with a substantial and lasting restriction to employment, 80 % otherwise."""
ADULT_AGE = 18
STALE_AFTER_MONTHS = 12
"""Every right's barème is revalued at least yearly: older parameters are flagged."""

PERIOD = {
    RightId.RSA: AmountPeriod.MONTH,
    RightId.PPA: AmountPeriod.MONTH,
    RightId.AIDE_LOGEMENT: AmountPeriod.MONTH,
    RightId.CHEQUE_ENERGIE: AmountPeriod.YEAR,
    RightId.CSS: AmountPeriod.MONTH,
    RightId.AAH: AmountPeriod.MONTH,
    RightId.ASPA: AmountPeriod.MONTH,
}
REGIME_DEPENDENT = frozenset(
    {RightId.RSA, RightId.PPA, RightId.AIDE_LOGEMENT, RightId.CSS, RightId.ASPA}
)


@dataclass(frozen=True, slots=True)
class Context:
    openfisca_france_version: str
    parameter_dates: dict[RightId, date]


@dataclass(slots=True)
class _Finding:
    """What one rule found, before receipt, organisation and documents are added."""

    right: RightId
    entitled: bool
    amount: float | None
    reasons: list[Reason] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    out_of_scope: bool = False
    """Cannot tell, without a missing answer (e.g. the loan date of an owner is not asked)."""
    tax_return_missing: bool = False


def reason(code: ReasonCode, **values: ReasonValue) -> Reason:
    return Reason(code, values)


def money(value: float) -> float:
    return round(value, 2)


def assess_household(
    household: Household, figures: HouseholdFigures | None, context: Context
) -> list[RightAssessment]:
    if not household.interview:
        outcome = household.door_outcome
        why = reason(R.NO_INTERVIEW, door_outcome=outcome or "")
        missing = () if outcome else ("door_outcome",)
        return [_cannot_tell(right, household, context, [why], missing) for right in RightId]
    if figures is None or not household.persons:
        return [_cannot_tell(right, household, context, [], ("persons",)) for right in RightId]
    findings = [
        _rsa(household, figures),
        _ppa(household, figures),
        _aide_logement(household, figures),
        _cheque_energie(household),
        _css(household, figures),
        _aah(household, figures),
        _aspa(household, figures),
    ]
    return [_conclude(finding, household, context) for finding in findings]


# Missing answers -------------------------------------------------------------------------------


def _missing_composition(household: Household) -> list[str]:
    return [p.answer_id("birth_date") for p in household.persons if p.birth_date is None]


def _adults(household: Household) -> list[Person]:
    """Members of the main family whose incomes count: adults, and anyone whose age is unknown."""
    adults = []
    for person in household.main_family():
        age = person.age_on(household.month)
        if age is None or age >= ADULT_AGE or person.relationship.value in ("reference", "spouse"):
            adults.append(person)
    return adults


def _missing_incomes(household: Household) -> list[str]:
    return [
        person.answer_id(kind)
        for person in _adults(household)
        for kind in INCOME_KINDS
        if kind not in person.incomes
    ]


def _missing_nationality(household: Household) -> list[str]:
    missing = []
    for person in household.adults_of_main_family():
        if person.nationality is None:
            missing.append(person.answer_id("nationality"))
        elif person.nationality == "other" and person.residence_permit_years is None:
            missing.append(person.answer_id("residence_permit_years"))
    return missing


def _missing_housing(household: Household) -> list[str]:
    return [] if household.housing_status is not None else ["housing_status"]


def _missing_means_test(household: Household) -> list[str]:
    return (
        _missing_composition(household) + _missing_incomes(household) + _missing_housing(household)
    )


# Rules ------------------------------------------------------------------------------------------


def _household_size(household: Household) -> Reason:
    return reason(R.HOUSEHOLD_SIZE, persons=len(household.main_family()))


def _oldest_adult_age(household: Household) -> int | None:
    ages = [p.age_on(household.month) for p in household.adults_of_main_family()]
    known = [age for age in ages if age is not None]
    return max(known) if known else None


def _rsa(household: Household, figures: HouseholdFigures) -> _Finding:
    f = figures.famille
    finding = _Finding(RightId.RSA, f["rsa"] > 0, money(f["rsa"]))
    finding.missing = _missing_means_test(household) + _missing_nationality(household)
    ceiling = money(max(f["rsa_socle"], f["rsa_socle_majore"]) - f["rsa_forfait_logement"])
    resources = money(f["rsa_base_ressources"])
    if finding.entitled:
        finding.reasons = [
            reason(R.RESOURCES_UNDER_CEILING, resources=resources, ceiling=ceiling),
            _household_size(household),
        ]
        if f["rsa_forfait_logement"] > 0:
            finding.reasons.append(
                reason(R.FORFAIT_LOGEMENT, amount=money(f["rsa_forfait_logement"]))
            )
    elif not f["rsa_eligibilite"]:
        finding.reasons = _rsa_ineligibility(household)
    else:
        finding.reasons = [reason(R.RESOURCES_OVER_CEILING, resources=resources, ceiling=ceiling)]
    return finding


def _rsa_ineligibility(household: Household) -> list[Reason]:
    reasons: list[Reason] = []
    adults = household.adults_of_main_family()
    if any(p.student for p in adults):
        reasons.append(reason(R.STUDENT))
    age = _oldest_adult_age(household)
    if age is not None and age < RSA_MINIMUM_AGE:
        reasons.append(reason(R.UNDER_MINIMUM_AGE, age=age, minimum=RSA_MINIMUM_AGE))
    for person in adults:
        years = person.residence_permit_years
        if person.nationality == "other" and years is not None and years < RSA_RESIDENCE_YEARS:
            reasons.append(
                reason(R.RESIDENCE_PERMIT_TOO_RECENT, years=years, minimum=RSA_RESIDENCE_YEARS)
            )
    return reasons


def _ppa(household: Household, figures: HouseholdFigures) -> _Finding:
    f = figures.famille
    finding = _Finding(RightId.PPA, f["ppa"] > 0, money(f["ppa"]))
    finding.missing = _missing_means_test(household) + _missing_nationality(household)
    activity = money(f["ppa_revenu_activite"])
    age = _oldest_adult_age(household)
    if finding.entitled:
        finding.reasons = [reason(R.ACTIVITY_INCOME, income=activity), _household_size(household)]
    elif activity <= 0:
        finding.reasons = [reason(R.NO_ACTIVITY_INCOME)]
    elif age is not None and age < PPA_MINIMUM_AGE:
        finding.reasons = [reason(R.UNDER_MINIMUM_AGE, age=age, minimum=PPA_MINIMUM_AGE)]
    else:
        finding.reasons = [
            reason(R.ACTIVITY_INCOME, income=activity),
            reason(R.RESOURCES_OVER_CEILING, resources=money(f["ppa_base_ressources"])),
        ]
    return finding


def _aide_logement(household: Household, figures: HouseholdFigures) -> _Finding:
    f = figures.famille
    finding = _Finding(RightId.AIDE_LOGEMENT, f["aide_logement"] > 0, money(f["aide_logement"]))
    status = household.housing_status
    finding.missing = _missing_means_test(household)
    if status is None:
        return finding
    if not status.is_tenant:
        finding.entitled, finding.amount = False, None
        finding.reasons = [reason(R.NOT_A_TENANT, housing_status=status.value)]
        if status is HousingStatus.OWNER_WITH_LOAN:
            # Loans signed since 2018 no longer open the aides au logement (loi n° 2017-1837, art.
            # 126); older ones may: the loan date is not asked.
            finding.reasons = [reason(R.OWNER_LOAN_NOT_ASKED)]
            finding.out_of_scope = True
        elif status is HousingStatus.OTHER:
            finding.out_of_scope = True
        return finding
    if household.rent is None:
        finding.missing.append("rent")
    zone = apl_zone(household.insee)
    if zone is None:
        finding.missing.append("address_insee")
        finding.reasons = [reason(R.UNKNOWN_COMMUNE, insee=household.insee or "")]
        return finding
    finding.reasons = [
        reason(
            R.RENT,
            rent=money(household.rent or 0.0),
            ceiling=money(f["aide_logement_loyer_plafond"]),
        ),
        reason(R.APL_ZONE, zone=zone),
        reason(R.RESOURCES_12_MONTHS, resources=money(f["aide_logement_base_ressources"])),
    ]
    return finding


def _css(household: Household, figures: HouseholdFigures) -> _Finding:
    f = figures.famille
    free = f["cmu_c"] > 0
    participation = money(f["css_participation_forfaitaire"])
    finding = _Finding(RightId.CSS, free or participation > 0, None)
    finding.missing = _missing_means_test(household)
    resources = money(f["css_cmu_base_ressources"])
    if free:
        finding.reasons = [
            reason(R.CSS_FREE, resources=resources, ceiling=money(f["cmu_c_plafond"]))
        ]
        if f["rsa"] > 0 and resources > f["cmu_c_plafond"]:
            # RSA recipients get the free CSS whatever their resources (art. L861-2 CSS).
            finding.reasons = [reason(R.RSA_GIVES_FREE_CSS)]
    elif participation > 0:
        finding.reasons = [
            reason(
                R.CSS_WITH_PARTICIPATION,
                resources=resources,
                ceiling=money(f["acs_plafond"]),
                participation=participation,
            )
        ]
    else:
        finding.reasons = [
            reason(R.RESOURCES_12_MONTHS, resources=resources, ceiling=money(f["acs_plafond"]))
        ]
    return finding


def _aah(household: Household, figures: HouseholdFigures) -> _Finding:
    family = household.adults_of_main_family()
    rated = [p for p in family if p.incapacity_rate is not None]
    amount = money(sum(figures.aah_by_rank.get(p.index, 0.0) for p in family))
    finding = _Finding(RightId.AAH, amount > 0, amount)
    received = household.rights_received or frozenset()
    if not rated:
        if "aah" in received:
            finding.reasons = [reason(R.INCAPACITY_RATE_ASSUMED, rate=80)]
            return finding
        disabled = [p for p in family if p.disability]
        finding.entitled, finding.amount = False, None
        if disabled:
            finding.missing = [p.answer_id("incapacity_rate") for p in disabled]
        else:
            finding.reasons = [reason(R.NO_DISABILITY_DECLARED)]
        return finding
    finding.missing = _missing_means_test(household)
    rate = max(p.incapacity_rate or 0 for p in rated)
    finding.reasons = [reason(R.INCAPACITY_RATE, rate=rate)]
    if rate < AAH_MINIMUM_RATE:
        finding.reasons.append(
            reason(R.INCAPACITY_RATE_TOO_LOW, rate=rate, minimum=AAH_MINIMUM_RATE)
        )
    return finding


def _aspa(household: Household, figures: HouseholdFigures) -> _Finding:
    f = figures.famille
    finding = _Finding(RightId.ASPA, f["aspa"] > 0, money(f["aspa"]))
    age = _oldest_adult_age(household)
    if age is None:
        finding.missing = _missing_composition(household)
        return finding
    if not figures.aspa_eligible_ranks:
        finding.entitled, finding.amount = False, None
        finding.reasons = [reason(R.AGE, age=age, minimum=ASPA_AGE)]
        # Age is known: a missing income does not change an age condition.
        return finding
    finding.missing = _missing_means_test(household) + _missing_nationality(household)
    resources = money(f["asi_aspa_base_ressources"])
    ceiling = money(figures.aspa_ceiling)
    code = R.RESOURCES_UNDER_CEILING if finding.entitled else R.RESOURCES_OVER_CEILING
    finding.reasons = [
        reason(R.AGE, age=age, minimum=ASPA_AGE),
        reason(code, resources=resources, ceiling=ceiling),
    ]
    return finding


def _cheque_energie(household: Household) -> _Finding:
    finding = _Finding(RightId.CHEQUE_ENERGIE, False, None)
    status = household.housing_status
    if status is None:
        finding.missing = ["housing_status"]
        return finding
    if status in (HousingStatus.HOSTED_FREE, HousingStatus.OTHER):
        # The chèque goes to the holder of the home's electricity contract (code de l'énergie,
        # art. L124-1 as amended by loi n° 2025-127, art. 173); a hosted household has none.
        finding.reasons = [reason(R.NOT_OWN_DWELLING, housing_status=status.value)]
        finding.out_of_scope = status is HousingStatus.OTHER
        return finding
    filed = household.tax_return_filed
    if filed is None or filed is YesNo.DONT_KNOW:
        finding.missing = ["tax_return_filed"]
        return finding
    finding.tax_return_missing = filed is YesNo.NO
    if filed is YesNo.NO or household.rfr is None:
        finding.missing = _missing_composition(household) + _missing_incomes(household)
        rfr = incomes.estimated_rfr(household.main_family())
        estimated = True
    else:
        rfr, estimated = household.rfr, False
    # Since 2025 the chèque goes to the foyer fiscal of the electricity contract holder, its units
    # counted on that foyer (arrêté du 31 juillet 2025, art. 1): the main family here.
    try:
        result = cheque_energie.estimate(rfr, len(household.main_family()), household.month)
    except LookupError:  # a month before the oldest barème carried (2019)
        finding.out_of_scope = True
        return finding
    finding.entitled = result.amount > 0
    finding.amount = float(result.amount)
    finding.reasons = []
    if finding.tax_return_missing:
        finding.reasons.append(reason(R.NO_TAX_RETURN))
    if estimated:
        finding.reasons.append(reason(R.RFR_ESTIMATED, rfr=money(rfr)))
    finding.reasons.append(
        reason(
            R.RFR_PER_UNIT,
            rfr=money(result.rfr),
            units=result.units,
            rfr_per_unit=result.rfr_per_unit,
            ceiling=result.ceiling,
        )
    )
    return finding


# Conclusion ------------------------------------------------------------------------------------


def _conclude(finding: _Finding, household: Household, context: Context) -> RightAssessment:
    right = finding.right
    received_set = household.rights_received
    received = received_set is not None and right.value in received_set
    missing = _unique(finding.missing)
    reasons = list(finding.reasons)
    amount = finding.amount
    if received:
        status = S.RECEIVED
        if missing:
            amount = None
    elif missing or finding.out_of_scope:
        status, amount = S.CANNOT_TELL, None
    elif not finding.entitled:
        status = S.NOT_ENTITLED
    elif received_set is None:
        status = S.CANNOT_TELL
        missing = ["rights_received"]
        reasons.append(reason(R.RECEIPT_UNKNOWN))
    else:
        status = S.PROBABLE_NON_RECOURS
    reasons += _context_reasons(right, household, context)
    return RightAssessment(
        right=right,
        status=status,
        amount=amount,
        period=PERIOD[right],
        reasons=tuple(reasons),
        missing_answers=tuple(missing),
        organisation=organisation_for(right, household, finding.tax_return_missing),
        documents=documents_for(right, household, finding.tax_return_missing),
        openfisca_france_version=context.openfisca_france_version,
        parameter_date=context.parameter_dates.get(right),
    )


def _context_reasons(right: RightId, household: Household, context: Context) -> list[Reason]:
    reasons = []
    if right in REGIME_DEPENDENT and household.social_regime is None:
        reasons.append(reason(R.SOCIAL_REGIME_UNKNOWN))
    if right in REGIME_DEPENDENT and household.social_regime == "agricultural":
        reasons.append(reason(R.FARM_REGIME))
    if right is not RightId.CHEQUE_ENERGIE and any(
        p.is_self_employed for p in household.adults_of_main_family()
    ):
        reasons.append(reason(R.SELF_EMPLOYED_INCOME_APPROXIMATED))
    others = len(household.persons) - len(household.main_family())
    if others and right is not RightId.CHEQUE_ENERGIE:
        reasons.append(reason(R.OTHER_ADULTS_NOT_ASSESSED, persons=others))
    parameter_date = context.parameter_dates.get(right)
    # The chèque énergie barème is not revalued yearly (unchanged since 2023): not flagged.
    stale = parameter_date and parameter_date < add_months(household.month, -STALE_AFTER_MONTHS)
    if stale and right is not RightId.CHEQUE_ENERGIE:
        reasons.append(reason(R.PARAMETERS_OLDER_THAN_VISIT, parameter_date=str(parameter_date)))
    return reasons


def _cannot_tell(
    right: RightId,
    household: Household,
    context: Context,
    reasons: list[Reason],
    missing: Iterable[str],
) -> RightAssessment:
    return RightAssessment(
        right=right,
        status=S.CANNOT_TELL,
        amount=None,
        period=PERIOD[right],
        reasons=tuple(reasons),
        missing_answers=tuple(missing),
        organisation=organisation_for(right, household, False),
        documents=documents_for(right, household, False),
        openfisca_france_version=context.openfisca_france_version,
        parameter_date=context.parameter_dates.get(right),
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
