"""The three months of resources of the RSA and the prime d'activité, on both sides of each change.

- décret n° 2024-693 du 5 juillet 2024 and arrêté du 8 juillet 2024: M-4..M-2 from 1 October 2024
  in Alpes-Maritimes, Aube, Hérault, Pyrénées-Atlantiques and Vendée;
- décret n° 2025-185 du 26 février 2025: M-4..M-2 everywhere from 1 March 2025;
- before: M-3..M-1 (art. R262-7 CASF, R843-1 CSS in their earlier wording).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from allervers.domain.rights import ReasonCode, RightId
from allervers.rights.engine import RightsEngine
from allervers.rights.reference_months import reference_months, shifted
from tests.rights.conftest import CHEMILLE, by_right, person, visit

LA_ROCHE_SUR_YON = "85191"
"""Vendée, one of the five pilot départements."""


def salaried(visited_on: str, salary: Any, insee: str = CHEMILLE) -> dict[str, Any]:
    household = visit(
        person(age=40, activity="employed", salary=salary),
        housing_status="hosted_free",
        address_insee=insee,
    )
    return household | {"visited_on": visited_on}


@pytest.mark.parametrize(
    ("month", "insee", "expected"),
    [
        (date(2025, 2, 1), CHEMILLE, False),  # before décret n° 2025-185
        (date(2025, 3, 1), CHEMILLE, True),  # décret n° 2025-185, in force 1 March 2025
        (date(2024, 9, 1), LA_ROCHE_SUR_YON, False),  # before the experiment
        (date(2024, 10, 1), LA_ROCHE_SUR_YON, True),  # experiment from 1 October 2024 (Vendée)
        (date(2024, 10, 1), CHEMILLE, False),  # Maine-et-Loire: not a pilot département
        (date(2024, 12, 1), "2A004", False),  # Corse-du-Sud
        (date(2024, 12, 1), "06088", True),  # Nice, Alpes-Maritimes
    ],
)
def test_which_rule_applies(month: date, insee: str, expected: bool) -> None:
    assert shifted(month, insee) is expected


def test_reference_months_on_both_sides_of_1_march_2025_decret_2025_185() -> None:
    """Décret n° 2025-185: a claim of March 2025 reads November 2024 to January 2025."""
    assert reference_months(date(2025, 2, 1), CHEMILLE) == (date(2024, 11, 1), date(2025, 1, 1))
    assert reference_months(date(2025, 3, 1), CHEMILLE) == (date(2024, 11, 1), date(2025, 1, 1))
    assert reference_months(date(2025, 4, 1), CHEMILLE) == (date(2024, 12, 1), date(2025, 2, 1))


def test_prime_activite_february_then_march_2025_decret_2025_185(engine: RightsEngine) -> None:
    """A salary of 1 200 EUR in M-1 only. In February 2025 (M-3..M-1 read) it counts; in March
    2025 (M-4..M-2 read) it does not, except through M-4, taken as the mean of the three months
    answered. The March household equals a February one whose M-3..M-1 are March's M-4..M-2."""
    months = [0, 0, 1200]
    february = by_right(engine.assess(salaried("2025-02-14", months)))[RightId.PPA]
    march = by_right(engine.assess(salaried("2025-03-14", months)))[RightId.PPA]
    same_months_in_february = by_right(engine.assess(salaried("2025-02-14", [400, 0, 0])))
    assert march.amount == pytest.approx(same_months_in_february[RightId.PPA].amount, abs=0.01)
    assert february.amount != pytest.approx(march.amount, abs=1.0)
    income = {r.code: r.values for r in february.reasons}
    assert income[ReasonCode.ACTIVITY_INCOME]["first_month"] == "2024-11"
    assert income[ReasonCode.ACTIVITY_INCOME]["last_month"] == "2025-01"
    assert income[ReasonCode.ACTIVITY_INCOME]["income"] == pytest.approx(400, abs=0.01)
    income = {r.code: r.values for r in march.reasons}
    assert income[ReasonCode.ACTIVITY_INCOME]["first_month"] == "2024-11"
    assert income[ReasonCode.ACTIVITY_INCOME]["last_month"] == "2025-01"
    assert income[ReasonCode.ACTIVITY_INCOME]["income"] == pytest.approx(400 / 3, abs=0.01)


def test_rsa_november_2024_vendee_pilot_decret_2024_693_not_maine_et_loire(
    engine: RightsEngine,
) -> None:
    """Same household, November 2024: the Vendée reads M-4..M-2 (décret n° 2024-693), Maine-et-
    Loire M-3..M-1, where the 900 EUR of M-1 takes the RSA away."""
    months = [0, 0, 900]
    vendee = by_right(engine.assess(salaried("2024-11-20", months, LA_ROCHE_SUR_YON)))[RightId.RSA]
    anjou = by_right(engine.assess(salaried("2024-11-20", months)))[RightId.RSA]
    assert vendee.amount is not None and anjou.amount is not None
    assert vendee.amount > anjou.amount
    first = {r.code: r.values for r in vendee.reasons}[ReasonCode.RESOURCES_UNDER_CEILING]
    assert (first["first_month"], first["last_month"]) == ("2024-07", "2024-09")
