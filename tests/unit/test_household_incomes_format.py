"""The household format's `incomes` list, children and phone numbers, as the import checks
them (docs/household-format.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from allervers.domain.phones import is_phone_number
from allervers.questionnaire import loader
from allervers.questionnaire.validation import validate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"
VISIT_DAY = dt.date(2026, 10, 14)


def problems(answers: dict[str, Any]) -> list[tuple[str, str]]:
    found = validate(loader.current(), answers, VISIT_DAY, lambda code: code == "49092")
    return [(p.path, p.code) for p in found]


def single_parent() -> dict[str, Any]:
    data = json.loads((EXAMPLES / "seule-deux-enfants-temps-partiel.json").read_text("utf-8"))
    answers: dict[str, Any] = data["answers"]
    return answers


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_every_example_is_a_valid_finished_visit(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    answers = data["answers"]
    found = validate(
        loader.current(), answers, dt.date.fromisoformat(data["visited_on"]), lambda _c: True
    )
    assert found == []


def test_the_reference_household_needs_no_zero_and_no_child_activity() -> None:
    answers = single_parent()
    assert problems(answers) == []
    children = answers["persons"][1:]
    assert all(set(child) == {"relationship", "birth_date"} for child in children)


def test_an_amount_of_a_resource_not_listed_is_refused() -> None:
    answers = single_parent()
    answers["persons"][0]["pension"] = 300  # "pension" is not in the list: it is 0
    assert problems(answers) == [("persons[1].pension", "not_relevant")]


def test_none_stands_alone() -> None:
    answers = single_parent()
    answers["persons"][0]["incomes"] = ["none", "salary"]
    assert ("persons[1].incomes", "exclusive_choice") in problems(answers)


def test_an_adult_still_needs_an_activity_a_child_never() -> None:
    answers = single_parent()
    del answers["persons"][0]["activity"]
    assert problems(answers) == [("persons[1].activity", "required")]


def test_a_child_income_answer_belongs_to_children() -> None:
    answers = single_parent()
    answers["persons"][0]["child_income"] = "no"
    assert problems(answers) == [("persons[1].child_income", "not_relevant")]


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("06 12 34 56 78", True),
        ("06.12.34.56.78", True),
        ("0612345678", True),
        ("+33 6 12 34 56 78", True),
        ("0033 6 12 34 56 78", True),
        ("+44 20 7946 0958", True),
        ("+1 (555) 010-9999", True),
        ("06 12 34 56 7O", False),  # a letter O for a zero
        ("06 12 34 56", False),  # partly typed
        ("6 12 34 56 78", False),
        ("00 01 23 45 67 89", False),  # no country code starts with 0
        ("+33", False),
        ("appeler le soir", False),
        ("", False),
    ],
)
def test_french_and_international_phone_numbers_only(text: str, valid: bool) -> None:
    assert is_phone_number(text) is valid
    answers = single_parent()
    answers["contact_phone"] = text
    refused = ("contact_phone", "invalid_phone") in problems(answers)
    assert refused is (not valid and bool(text))
