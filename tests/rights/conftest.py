"""One rights engine for the whole tests/rights session: building OpenFisca-France costs seconds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from allervers.domain.rights import RightAssessment, RightId
from allervers.rights.engine import RightsEngine

VISITED_ON = "2026-10-14"
"""All hand computations below use the barèmes in force in October 2026 (M-3..M-1 = July to
September 2026)."""
CHEMILLE = "49092"
"""Chemillé-en-Anjou (Maine-et-Loire), APL zone 3."""
ANGERS = "49007"
"""Angers, APL zone 2."""


@pytest.fixture(scope="session")
def engine() -> Iterator[RightsEngine]:
    rights_engine = RightsEngine()
    rights_engine.warm_up()
    yield rights_engine


def person(
    relationship: str = "reference",
    *,
    age: int | None = 40,
    birth_date: str | None = None,
    activity: str = "inactive",
    salary: Any = 0,
    unemployment: Any = 0,
    pension: Any = 0,
    alimony: Any = 0,
    other_income: Any = 0,
    **extra: Any,
) -> dict[str, Any]:
    """A person as the questionnaire records it, every income answered (0 unless given)."""
    answers: dict[str, Any] = {
        "relationship": relationship,
        "activity": activity,
        "student": "no",
        "disability": "no",
        "nationality": "fr",
        "salary": salary,
        "unemployment": unemployment,
        "pension": pension,
        "alimony": alimony,
        "other_income": other_income,
    }
    if birth_date is not None:
        answers["birth_date"] = birth_date
    elif age is not None:
        answers["age"] = age
    answers.update(extra)
    return answers


def child(age: int) -> dict[str, Any]:
    """Children's incomes are not asked by the questionnaire."""
    return {"relationship": "child", "age": age, "activity": "student", "student": "yes"}


def visit(*persons: dict[str, Any], **answers: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "door_outcome": "interview",
        "consent_recorded": "yes",
        "address_insee": CHEMILLE,
        "persons": list(persons),
        "social_regime": "general",
        "housing_status": "hosted_free",
        "tax_return_filed": "yes",
        "rfr": 0,
        "rights_received": ["none"],
    }
    base.update(answers)
    return {
        "format": "allervers-visit/1",
        "questionnaire": {"id": "visite", "version": 1},
        "visited_on": VISITED_ON,
        "answers": {key: value for key, value in base.items() if value is not None},
    }


def by_right(assessments: list[RightAssessment]) -> dict[RightId, RightAssessment]:
    found = {assessment.right: assessment for assessment in assessments}
    assert set(found) == set(RightId)
    return found
