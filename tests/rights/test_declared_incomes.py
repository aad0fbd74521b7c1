"""Incomes without blanks: a person's `incomes` list says which resources they have; the others
are 0 for the engine, an amount missing for a listed one is "not answered", and a file without
the list keeps its old meaning (docs/household-format.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from allervers.domain.rights import AssessmentStatus, RightId
from allervers.rights.engine import RightsEngine
from allervers.rights.household import read_visit
from tests.rights.conftest import by_right

ROOT = Path(__file__).resolve().parents[2]
SINGLE_PARENT = ROOT / "examples" / "households" / "seule-deux-enfants-temps-partiel.json"
"""The reference household of issue 13: a single parent working part time (700 € net), children
of 4 and 9, private tenant in Chemillé-en-Anjou."""
FOUR_RIGHTS = (RightId.AIDE_LOGEMENT, RightId.PPA, RightId.CHEQUE_ENERGIE, RightId.CSS)
KINDS = ("salary", "unemployment", "pension", "alimony", "other_income")


def single_parent(**reference: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SINGLE_PARENT.read_text(encoding="utf-8"))
    person = data["answers"]["persons"][0]
    for key, value in reference.items():
        if value is None:
            person.pop(key, None)
        else:
            person[key] = value
    return data


def test_the_listed_salary_alone_gives_the_four_rights(engine: RightsEngine) -> None:
    found = by_right(engine.assess(single_parent()))
    for right in FOUR_RIGHTS:
        assert found[right].status is AssessmentStatus.PROBABLE_NON_RECOURS, right
        assert found[right].missing_answers == ()
    # The figures a volunteer saw only after typing 0 four times (issue 13).
    assert found[RightId.AIDE_LOGEMENT].amount == 465
    assert round(found[RightId.PPA].amount or 0) == 310


def test_a_file_without_the_list_keeps_its_meaning_blanks_are_not_answered(
    engine: RightsEngine,
) -> None:
    found = by_right(engine.assess(single_parent(incomes=None)))
    assessment = found[RightId.PPA]
    assert assessment.status is AssessmentStatus.CANNOT_TELL
    assert set(assessment.missing_answers) >= {
        "persons[0].unemployment",
        "persons[0].pension",
        "persons[0].alimony",
        "persons[0].other_income",
    }
    assert "persons[0].salary" not in assessment.missing_answers
    # ...and typing the zeros gives the same rights as the list.
    zeros = single_parent(incomes=None, unemployment=0, pension=0, alimony=0, other_income=0)
    listed = by_right(engine.assess(single_parent()))
    for right, assessment in by_right(engine.assess(zeros)).items():
        assert assessment.status is listed[right].status
        assert assessment.amount == listed[right].amount


def test_a_listed_resource_without_its_amount_is_named_alone(engine: RightsEngine) -> None:
    found = by_right(engine.assess(single_parent(incomes=["salary", "alimony"])))
    assessment = found[RightId.PPA]
    assert assessment.status is AssessmentStatus.CANNOT_TELL
    assert assessment.missing_answers == ("persons[0].alimony",)


def test_nothing_said_of_the_resources_names_the_list(engine: RightsEngine) -> None:
    found = by_right(engine.assess(single_parent(incomes=None, salary=None)))
    assert found[RightId.CSS].status is AssessmentStatus.CANNOT_TELL
    missing = found[RightId.CSS].missing_answers
    # The list first (the interview asks it before any amount), then each amount as before.
    assert missing[: 1 + len(KINDS)] == (
        "persons[0].incomes",
        *(f"persons[0].{kind}" for kind in KINDS),
    )


def test_none_means_every_resource_is_zero() -> None:
    household = read_visit(single_parent(incomes=["none"], salary=None))
    reference = household.persons[0]
    assert all(reference.income(kind) == (0.0, 0.0, 0.0) for kind in KINDS)
    assert set(reference.incomes) == set(KINDS)


def test_a_child_said_to_have_no_income_has_every_resource_at_zero() -> None:
    data = single_parent()
    data["answers"]["persons"][2].update({"birth_date": "2006-01-08", "child_income": "no"})
    older = read_visit(data).persons[2]
    assert set(older.incomes) == set(KINDS)
    data["answers"]["persons"][2].pop("child_income")
    assert read_visit(data).persons[2].incomes == {}
