"""Which missing answers will leave which rights at *cannot tell*, known before the engine runs.

The interview's summary names them before the volunteer finishes, while the household is still
at the door. Each line below follows the rule that names the same answers once the figures are
computed (`rules_minima`, `rules_housing`, `rules_health`); the branches that need the engine's
figures (an estimated revenu fiscal de référence, the ASPA's age rule) are taken on the side of
naming the answer: a summary that asks one answer too many costs a question, one that misses
one costs a right. `tests/rights/test_needed.py` checks them against the engine.
"""

from __future__ import annotations

from collections.abc import Iterable

from allervers.domain.rights import RightId
from allervers.rights.communes import apl_zone
from allervers.rights.findings import (
    missing_composition,
    missing_incomes,
    missing_means_test,
    missing_nationality,
    oldest_adult_age,
)
from allervers.rights.household import Household, HousingStatus, YesNo

ASPA_YOUNGEST = 62
"""The ASPA is open from the legal retirement age, 62 at the earliest with an incapacity (art.
L815-1 CSS): below it, a missing income cannot change its answer."""


def answers_needed(household: Household) -> dict[str, list[RightId]]:
    """Missing answer id (engine spelling, persons counted from 0) -> the rights it leaves at
    *cannot tell*, in the questionnaire's order of rights."""
    needed: dict[str, list[RightId]] = {}

    def add(right: RightId, answer_ids: Iterable[str]) -> None:
        for answer_id in answer_ids:
            rights = needed.setdefault(answer_id, [])
            if right not in rights:
                rights.append(right)

    if not household.interview or not household.persons:
        return needed
    means = missing_means_test(household)
    nationality = missing_nationality(household)
    for right in (RightId.RSA, RightId.PPA):
        add(right, means + nationality)
    add(RightId.AIDE_LOGEMENT, means)
    status = household.housing_status
    if status is not None and status.is_tenant:
        add(RightId.AIDE_LOGEMENT, [] if household.rent is not None else ["rent"])
        add(RightId.AIDE_LOGEMENT, [] if apl_zone(household.insee) else ["address_insee"])
    add(RightId.CHEQUE_ENERGIE, _cheque_energie(household))
    add(RightId.CSS, means)
    received = household.rights_received or frozenset()
    if "aah" not in received:
        disabled = [p for p in household.adults_of_main_family() if p.disability]
        add(RightId.AAH, [p.answer_id("incapacity_rate") for p in disabled])
    age = oldest_adult_age(household)
    if age is None:
        add(RightId.ASPA, missing_composition(household))
    elif age >= ASPA_YOUNGEST:
        add(RightId.ASPA, means + nationality)
    if household.rights_received is None:
        add_all = [r for r in RightId if r not in (RightId.AAH, RightId.ASPA)]
        for right in add_all:
            add(right, ["rights_received"])
    return needed


def _cheque_energie(household: Household) -> list[str]:
    status = household.housing_status
    if status is None:
        return ["housing_status"]
    if status in (HousingStatus.HOSTED_FREE, HousingStatus.OTHER):
        return []
    if household.tax_return_filed in (None, YesNo.DONT_KNOW):
        return ["tax_return_filed"]
    if household.rfr is None:  # estimated from the incomes
        return missing_composition(household) + missing_incomes(household)
    return []
