"""Relevance conditions (skip logic), written as small JSON objects in the definition:

    {"q": "door_outcome", "eq": "interview"}     an answer equals a value
    {"q": "housing_status", "in": ["a", "b"]}    an answer is one of the values
    {"q": "birth_date", "answered": false}       an answer is (not) given
    {"all": [...]}, {"any": [...]}, {"not": {...}}

Inside a repeat group, `q` names the item's own answers first, then the visit's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Answers = Mapping[str, Any]


def _lookup(question_id: str, answers: Answers, item: Answers | None) -> Any:
    if item is not None and question_id in item:
        return item[question_id]
    return answers.get(question_id)


def _is_answered(value: Any) -> bool:
    return value not in (None, "", [])


def holds(
    condition: Mapping[str, Any] | None, answers: Answers, item: Answers | None = None
) -> bool:
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(c, answers, item) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, answers, item) for c in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], answers, item)
    value = _lookup(condition["q"], answers, item)
    if "eq" in condition:
        return bool(value == condition["eq"])
    if "in" in condition:
        return value in condition["in"]
    if "answered" in condition:
        return _is_answered(value) == bool(condition["answered"])
    raise ValueError(f"unknown condition {sorted(condition)}")
