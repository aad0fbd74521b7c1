"""Reference households of 2025-2026 (reference_cases/*.yaml): hand-checked values from the
official scales, and a direct OpenFisca-France computation of the same household (direct.py).

Every case states the CSG rate of each pensioner or unemployed person and its tax shares; the
engine must say the same (`csg_rate` reason) and every cash amount must be within 1 EUR of the
direct computation.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from allervers.domain.rights import AssessmentStatus, ReasonCode, RightAssessment, RightId
from allervers.rights.engine import RightsEngine
from tests.rights import direct
from tests.rights.conftest import CHEMILLE, by_right

CASES_DIR = Path(__file__).parent / "reference_cases"
INCOMES = ("salary", "unemployment", "pension", "alimony", "other_income")
CASH = {
    RightId.RSA: "rsa",
    RightId.PPA: "ppa",
    RightId.AIDE_LOGEMENT: "aide_logement",
    RightId.AAH: "aah",
    RightId.ASPA: "aspa",
}


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases += yaml.safe_load(path.read_text(encoding="utf-8"))
    return cases


CASES = load_cases()


def visit_of(case: dict[str, Any]) -> dict[str, Any]:
    """The case as the questionnaire records it: unanswered defaults filled as a volunteer would
    (French nationality, general regime, no student, no disability, incomes 0 unless given)."""
    persons = []
    for raw in case["answers"]["persons"]:
        person = {"nationality": "fr", "student": "no", "disability": "no", **raw}
        person["birth_date"] = str(raw["birth_date"])
        if raw["relationship"] != "child":
            for kind in INCOMES:
                person.setdefault(kind, 0)
        persons.append({key: value for key, value in person.items() if value is not None})
    answers = {
        "door_outcome": "interview",
        "consent_recorded": "yes",
        "address_insee": CHEMILLE,
        "social_regime": "general",
        "tax_return_filed": "yes",
        "rights_received": ["none"],
        **case["answers"],
        "persons": persons,
    }
    return {
        "format": "allervers-visit/1",
        "visited_on": str(case["visited_on"]),
        "answers": {key: value for key, value in answers.items() if value is not None},
    }


@pytest.fixture(scope="module")
def assessed(engine: RightsEngine) -> list[dict[RightId, RightAssessment]]:
    return [by_right(found) for found in engine.assess_batch([visit_of(c) for c in CASES])]


def test_the_cases_cover_what_the_issue_asks() -> None:
    names = " ".join(case["name"] for case in CASES)
    for topic in ("exempt", "reduced", "median", "unemployed", "student", "80 %", "60 %",
                  "without a loan", "with a loan", "housed free", "large family", "not answered"):  # fmt: skip
        assert topic in names, topic
    assert {str(case["visited_on"])[:4] for case in CASES} == {"2025", "2026"}


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c["name"] for c in CASES])
def test_hand_checked_values(index: int, assessed: list[dict[RightId, RightAssessment]]) -> None:
    case = CASES[index]
    found = assessed[index]
    for right_name, expected in case["expected"].items():
        assessment = found[RightId(right_name)]
        assert assessment.status is AssessmentStatus(expected["status"]), right_name
        if "amount" in expected:
            assert assessment.amount == pytest.approx(expected["amount"], abs=0.01), right_name
        codes = [r.code for r in assessment.reasons]
        for code in expected.get("reasons", []):
            assert ReasonCode(code) in codes, (right_name, code, codes)
        for code, values in expected.get("values", {}).items():
            shown = next(r for r in assessment.reasons if r.code is ReasonCode(code))
            for key, value in values.items():
                assert shown.values[key] == pytest.approx(value, abs=0.01), (code, key)
        for answer in expected.get("missing", []):
            assert answer in assessment.missing_answers, (right_name, answer)


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c["name"] for c in CASES])
def test_csg_rate_and_tax_shares_as_stated(
    index: int, assessed: list[dict[RightId, RightAssessment]]
) -> None:
    """The case states each pensioner's or unemployed person's CSG rate ("floor": under the SMIC,
    none withheld); the engine gives the same on the rights that read gross or taxable incomes."""
    case = CASES[index]
    if "csg" not in case:
        return
    stated = set(case["csg"].values())
    expected_rate = "exempt" if stated == {"floor"} else stated.pop()
    for right in (RightId.ASPA, RightId.AIDE_LOGEMENT):
        rates = [r for r in assessed[index][right].reasons if r.code is ReasonCode.CSG_RATE]
        if rates:
            assert rates[0].values["rate"] == expected_rate, right
            assert rates[0].values["shares"] == case["tax_shares"]
            return
    pytest.fail("no csg_rate reason")


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c["name"] for c in CASES])
def test_cash_amounts_match_a_direct_openfisca_computation(
    index: int, engine: RightsEngine, assessed: list[dict[RightId, RightAssessment]]
) -> None:
    case = CASES[index]
    if case.get("direct", True) is False:
        return
    visited: date = case["visited_on"]
    answers = visit_of(case)["answers"]
    theirs = direct.amounts(engine.system, case, answers, visited.replace(day=1))
    found = assessed[index]
    for right, key in CASH.items():
        mine = found[right].amount or 0.0
        assert mine == pytest.approx(theirs[key], abs=1.0), (right, mine, theirs[key])
    css = found[RightId.CSS]
    free = any(r.code is ReasonCode.CSS_FREE for r in css.reasons)
    assert free == (theirs["css_free"] > 0)
