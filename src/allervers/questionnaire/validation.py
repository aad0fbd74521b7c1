"""Checking a visit's answers against its questionnaire.

Two modes: while a visit is a draft, each answer is checked on its own (type, range, choices) so
that a half-filled interview can be saved at every keystroke; when it is finished (or imported),
required answers, group sizes and relevance are checked too. Problems are data (a path, a code and
values); the UI and the command line phrase them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from allervers.domain.phones import is_phone_number
from allervers.domain.problems import Problem
from allervers.questionnaire.conditions import holds
from allervers.questionnaire.model import Question, Questionnaire, QuestionType, Section

CommuneCheck = Callable[[str], bool]

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""Dates are stored as written and compared as text (next doors, caseload): only the one
spelling `AAAA-MM-JJ` sorts right, so `date.fromisoformat`'s other spellings are refused."""
FIRST_BIRTH_YEAR = 1900
"""Nobody alive was born before (the oldest person ever recorded lived 122 years)."""
COME_BACK_HORIZON = dt.timedelta(days=366)
"""A `future` date (coming back to a door) lies within a year of the visit: a round is planned
weeks ahead, and a date years away is a typing error that would hide the door from the rounds."""
_QUESTION_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def answer_name(key: object) -> str:
    """The name of an unknown answer as problems quote it: a file may put anything in a key,
    a person's name included, and the messages never repeat a file's content."""
    if isinstance(key, str) and _QUESTION_ID.fullmatch(key):
        return key
    return "?"


def usable_text(value: str) -> bool:
    """Text that can be stored and shown: no lone surrogate (JSON's `\\ud800` escapes make
    them), no control character other than tab and line breaks."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return _CONTROL.search(value) is None


def _is_number(value: Any) -> bool:
    """A finite int or float: JSON's NaN and Infinity, and booleans, are not amounts."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value)


def parse_day(value: Any) -> dt.date | None:
    """An ISO date written `AAAA-MM-JJ`, or None."""
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_value(
    question: Question, value: Any, visit_date: dt.date, commune_exists: CommuneCheck
) -> str | None:
    """The problem code of one answer taken alone, or None."""
    kind = question.type
    if kind in (QuestionType.CHOICE, QuestionType.YESNO):
        return None if value in question.choice_values() else "invalid_choice"
    if kind is QuestionType.MULTI:
        if not isinstance(value, list) or not value:
            return "invalid_choice"
        if any(v not in question.choice_values() for v in value) or len(set(value)) != len(value):
            return "invalid_choice"
        if len(value) > 1 and any(v in question.exclusive for v in value):
            return "exclusive_choice"
        return None
    if kind in (QuestionType.INTEGER, QuestionType.MONEY):
        if not _is_number(value) or (kind is QuestionType.INTEGER and value != int(value)):
            return "not_a_number"
        return _range(question, value)
    if kind is QuestionType.MONEY3:
        amounts = value if isinstance(value, list) else [value]
        if len(amounts) not in (1, 3) or not all(_is_number(a) for a in amounts):
            return "not_a_number"
        return next((p for a in amounts if (p := _range(question, a))), None)
    if kind is QuestionType.DATE:
        day = parse_day(value)
        if day is None or day.year < FIRST_BIRTH_YEAR:
            return "invalid_date"
        if question.date_range == "past" and day > visit_date:
            return "date_in_future"
        if question.date_range == "future" and day < visit_date:
            return "date_in_past"
        if question.date_range == "future" and day > visit_date + COME_BACK_HORIZON:
            return "date_too_far"
        return None
    if kind is QuestionType.TEXT:
        if not isinstance(value, str):
            return "not_text"
        if not usable_text(value):
            return "invalid_text"
        if question.max_length is not None and len(value) > question.max_length:
            return "too_long"
        if question.text_format == "phone" and not is_phone_number(value):
            return "invalid_phone"
        return None
    if kind is QuestionType.COMMUNE:
        return None if isinstance(value, str) and commune_exists(value) else "unknown_commune"
    raise AssertionError(kind)


def _range(question: Question, value: float) -> str | None:
    if question.minimum is not None and value < question.minimum:
        return "out_of_range"
    if question.maximum is not None and value > question.maximum:
        return "out_of_range"
    return None


def _answered(value: Any) -> bool:
    return value not in (None, "", [])


def _check_questions(
    questions: tuple[Question, ...],
    scope: Mapping[str, Any],
    answers: Mapping[str, Any],
    item: Mapping[str, Any] | None,
    prefix: str,
    finished: bool,
    visit_date: dt.date,
    commune_exists: CommuneCheck,
    section_relevant: bool = True,
) -> list[Problem]:
    problems: list[Problem] = []
    for question in questions:
        path = prefix + question.id
        value = scope.get(question.id)
        relevant = section_relevant and holds(question.relevant, answers, item)
        if not _answered(value):
            if (
                finished
                and relevant
                and question.required
                and holds(question.required_when, answers, item)
            ):
                problems.append(Problem(path, "required"))
            continue
        if finished and not relevant:
            problems.append(Problem(path, "not_relevant"))
            continue
        code = check_value(question, value, visit_date, commune_exists)
        if code:
            problems.append(Problem(path, code, _limits(question)))
    return problems


def _limits(question: Question) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if question.minimum is not None:
        values["min"] = question.minimum
    if question.maximum is not None:
        values["max"] = question.maximum
    if question.max_length is not None:
        values["max_length"] = question.max_length
    return values


def _check_group(
    section: Section,
    answers: Mapping[str, Any],
    finished: bool,
    visit_date: dt.date,
    commune_exists: CommuneCheck,
) -> list[Problem]:
    items = answers.get(section.id)
    relevant = holds(section.relevant, answers)
    if items is None:
        if finished and relevant and section.min_items:
            return [Problem(section.id, "too_few_items", {"min": section.min_items})]
        return []
    if finished and not relevant:
        return [Problem(section.id, "not_relevant")]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return [Problem(section.id, "not_a_list")]
    problems: list[Problem] = []
    if finished and len(items) < section.min_items:
        problems.append(Problem(section.id, "too_few_items", {"min": section.min_items}))
    if section.max_items and len(items) > section.max_items:
        problems.append(Problem(section.id, "too_many_items", {"max": section.max_items}))
    if (
        finished
        and items
        and section.first_item
        and not holds(section.first_item, answers, items[0])
    ):
        problems.append(Problem(f"{section.id}[1]", "first_item"))
    for question_id, values in section.unique.items():
        for value in values:
            if sum(1 for i in items if i.get(question_id) == value) > 1:
                problems.append(Problem(section.id, "repeated_value", {"value": value}))
    known = {q.id for q in section.questions}
    for index, item in enumerate(items, start=1):
        prefix = f"{section.id}[{index}]."
        problems += [
            Problem(prefix + answer_name(key), "unknown_question")
            for key in item
            if key not in known
        ]
        problems += _check_questions(
            section.questions, item, answers, item, prefix, finished, visit_date, commune_exists
        )
    return problems


def validate(
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    visit_date: dt.date,
    commune_exists: CommuneCheck,
    finished: bool = True,
) -> list[Problem]:
    known = {s.id for s in questionnaire.sections if s.repeat} | {
        q.id for s in questionnaire.sections if not s.repeat for q in s.questions
    }
    problems = [
        Problem(answer_name(key), "unknown_question") for key in answers if key not in known
    ]
    for section in questionnaire.sections:
        if section.repeat:
            problems += _check_group(section, answers, finished, visit_date, commune_exists)
        else:
            problems += _check_questions(
                section.questions,
                answers,
                answers,
                None,
                "",
                finished,
                visit_date,
                commune_exists,
                section_relevant=holds(section.relevant, answers),
            )
    return problems
