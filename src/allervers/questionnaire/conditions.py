"""Relevance conditions (skip logic), written as small JSON objects in the definition:

    {"q": "door_outcome", "eq": "interview"}     an answer equals a value
    {"q": "housing_status", "in": ["a", "b"]}    an answer is one of the values
    {"q": "birth_date", "answered": false}       an answer is (not) given
    {"q": "incomes", "has": "salary"}            a list answer holds the value
    {"age_at_least": 16}                         the item's person is that old on the visit day
                                                 (birth date, else age); true when unknown or
                                                 when no day is given
    {"all": [...]}, {"any": [...]}, {"not": {...}}

Inside a repeat group, `q` names the item's own answers first, then the visit's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

Answers = Mapping[str, Any]


def _lookup(question_id: str, answers: Answers, item: Answers | None) -> Any:
    if item is not None and question_id in item:
        return item[question_id]
    return answers.get(question_id)


def _is_answered(value: Any) -> bool:
    return value not in (None, "", [])


def age_on(item: Answers | None, day: dt.date) -> int | None:
    """The age of a person of a repeat group on `day`: from `birth_date`, else from `age`."""
    if item is None:
        return None
    birth = item.get("birth_date")
    if isinstance(birth, str):
        try:
            born = dt.date.fromisoformat(birth)
        except ValueError:
            born = None
        if born is not None:
            return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    age = item.get("age")
    return age if isinstance(age, int) and not isinstance(age, bool) else None


def holds(
    condition: Mapping[str, Any] | None,
    answers: Answers,
    item: Answers | None = None,
    on: dt.date | None = None,
) -> bool:
    """`on` is the visit day, for age conditions (without it they hold: a question is rather
    asked than lost)."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(c, answers, item, on) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, answers, item, on) for c in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], answers, item, on)
    if "age_at_least" in condition:
        age = None if on is None else age_on(item, on)
        return age is None or age >= int(condition["age_at_least"])
    value = _lookup(condition["q"], answers, item)
    if "eq" in condition:
        return bool(value == condition["eq"])
    if "in" in condition:
        return value in condition["in"]
    if "has" in condition:
        return isinstance(value, list) and condition["has"] in value
    if "answered" in condition:
        return _is_answered(value) == bool(condition["answered"])
    raise ValueError(f"unknown condition {sorted(condition)}")
