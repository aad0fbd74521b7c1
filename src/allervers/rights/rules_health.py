"""Complémentaire santé solidaire, AAH and ASPA.

CSS (art. L861-1 and R861-1 to R861-8 CSS): resources of 12 months under the ceiling for the
household size, free; up to 35 % above, with a monthly participation by age; free for RSA
recipients (art. L861-2). AAH (art. L821-1 to L821-3 and D821-1 to D821-3 CSS): incapacity rate of
80 %, or 50 to 79 % with a substantial and lasting restriction to employment recognised by the
MDPH, from 20 years old; resources under the ceiling, the spouse's no longer counted since
1 October 2023. ASPA (art. L815-1 and D815-1 CSS): 65 years old (the legal retirement age for
people with an incapacity over 50 % or unable to work), resources under the ceiling, differential.
"""

from __future__ import annotations

from allervers.domain.rights import Reason, RightId
from allervers.rights.batch import HouseholdFigures
from allervers.rights.findings import (
    Finding,
    NilCause,
    R,
    csg_rate_reasons,
    missing_composition,
    missing_means_test,
    missing_nationality,
    money,
    oldest_adult_age,
    reason,
)
from allervers.rights.household import Household

AAH_MINIMUM_RATE = 50
"""Art. L821-2 CSS: 50 % with a substantial and lasting restriction to employment, 80 % otherwise."""
AAH_FULL_RATE = 80
"""Art. L821-1 CSS."""


def css(household: Household, figures: HouseholdFigures) -> Finding:
    f = figures.famille
    free = f["cmu_c"] > 0
    participation = money(f["css_participation_forfaitaire"])
    finding = Finding(RightId.CSS, free or participation > 0, None)
    finding.missing = missing_means_test(household)
    resources = money(f["css_cmu_base_ressources"])
    persons = len(household.main_family())
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
        finding.nil_cause = NilCause.RESOURCES
        finding.reasons = [
            reason(
                R.RESOURCES_12_MONTHS,
                resources=resources,
                ceiling=money(f["acs_plafond"]),
                persons=persons,
            )
        ]
    return finding


def aah(household: Household, figures: HouseholdFigures) -> Finding:
    family = household.adults_of_main_family()
    rated = [p for p in family if p.incapacity_rate is not None]
    amount = money(sum(figures.persons.get(p.index, {}).get("aah", 0.0) for p in family))
    finding = Finding(RightId.AAH, amount > 0, amount)
    received = household.rights_received or frozenset()
    if not rated:
        if "aah" in received:
            finding.reasons = [reason(R.INCAPACITY_RATE_ASSUMED, rate=AAH_FULL_RATE)]
            return finding
        disabled = [p for p in family if p.disability]
        finding.entitled, finding.amount = False, None
        if disabled:
            finding.missing = [p.answer_id("incapacity_rate") for p in disabled]
        else:
            finding.reasons = [reason(R.NO_DISABILITY_DECLARED)]
        return finding
    finding.missing = missing_means_test(household)
    person = max(rated, key=lambda p: p.incapacity_rate or 0)
    rate = person.incapacity_rate or 0
    values = figures.persons[person.index]
    finding.reasons = [reason(R.INCAPACITY_RATE, rate=rate)]
    if rate < AAH_MINIMUM_RATE:
        finding.reasons.append(
            reason(R.INCAPACITY_RATE_TOO_LOW, rate=rate, minimum=AAH_MINIMUM_RATE)
        )
        return finding
    restricted = rate < AAH_FULL_RATE
    if restricted:
        finding.reasons.append(reason(R.EMPLOYMENT_RESTRICTION_ASSUMED, rate=rate))
    if not values["aah_eligible"]:
        finding.reasons.append(_aah_age(household, figures, restricted, person.index))
        return finding
    resources = money(values["aah_base_ressources_deconjugalisee"])
    ceiling = money(values["aah_plafond_ressources_deconjugalise"])
    if finding.entitled:
        finding.reasons.append(
            reason(R.RESOURCES_UNDER_CEILING, resources=resources, ceiling=ceiling)
        )
    else:
        finding.nil_cause = NilCause.RESOURCES
        finding.reasons.append(
            reason(R.RESOURCES_OVER_CEILING, resources=resources, ceiling=ceiling)
        )
    return finding


def _aah_age(
    household: Household, figures: HouseholdFigures, restricted: bool, rank: int
) -> Reason:
    """Art. L821-1 CSS: from 20 years old; with a rate under 80 %, until the legal retirement age
    (then the ASPA takes over, art. L821-1 II)."""
    age = household.persons[rank].age_on(household.month)
    minimum = int(figures.legal["aah_age"])
    maximum = int(figures.legal["aah_retirement_age"])
    if age is not None and age < minimum:
        return reason(R.UNDER_MINIMUM_AGE, age=age, minimum=minimum)
    if age is not None and restricted and age > maximum:
        return reason(R.OVER_MAXIMUM_AGE, age=age, maximum=maximum)
    return reason(R.CONDITIONS_NOT_MET)


def aspa(household: Household, figures: HouseholdFigures) -> Finding:
    f = figures.famille
    finding = Finding(RightId.ASPA, f["aspa"] > 0, money(f["aspa"]))
    age = oldest_adult_age(household)
    if age is None:
        finding.missing = missing_composition(household)
        return finding
    minimum = int(figures.legal["aspa_age"])
    early = any(
        (p.incapacity_rate or 0) > 100 * figures.legal["aspa_early_rate"]
        for p in household.adults_of_main_family()
    )
    if early:
        # 62 to 64 years old (the legal retirement age) with an incapacity over 50 % (art. L815-1
        # and R815-2 CSS).
        minimum = int(figures.legal["aah_retirement_age"])
    if not figures.aspa_eligible_ranks:
        finding.entitled, finding.amount = False, None
        finding.reasons = [reason(R.AGE, age=age, minimum=minimum)]
        # Age is known: a missing income does not change an age condition.
        return finding
    finding.missing = missing_means_test(household) + missing_nationality(household)
    resources = money(f["asi_aspa_base_ressources"])
    ceiling = money(figures.aspa_ceiling)
    code = R.RESOURCES_UNDER_CEILING if finding.entitled else R.RESOURCES_OVER_CEILING
    if not finding.entitled:
        finding.nil_cause = NilCause.RESOURCES
    finding.reasons = [
        reason(R.AGE, age=age, minimum=minimum),
        reason(code, resources=resources, ceiling=ceiling),
        *csg_rate_reasons(household, figures),
    ]
    return finding
