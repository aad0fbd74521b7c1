"""Which pages the interview has, given the answers so far (no Qt here: plain logic, tested alone).

A section is one page; a repeat group is one page per item (a person). A section whose relevance
condition is false, or whose every question is skipped, has no page. The plan is recomputed after
each answer, so skip logic follows the conversation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from allervers.questionnaire.conditions import holds
from allervers.questionnaire.model import Question, Questionnaire, Section

_PATH = re.compile(r"^(?P<section>[a-z_]+)\[(?P<item>\d+)\](?:\.(?P<key>[a-z_]+))?$")


@dataclass(frozen=True, slots=True)
class PageKey:
    section_id: str
    item: int | None = None  # 1-based item of a repeat group


def items_of(section: Section, answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    items = answers.get(section.id)
    if not isinstance(items, list):
        return []
    return [i if isinstance(i, dict) else {} for i in items]


def item_count(section: Section, answers: Mapping[str, Any]) -> int:
    """Pages of a repeat group: its items, and always at least one (the first person is asked
    for even before anything is typed about them)."""
    return max(len(items_of(section, answers)), section.min_items, 1)


def item_answers(
    section: Section, answers: Mapping[str, Any], item: int | None
) -> dict[str, Any] | None:
    if item is None:
        return None
    items = items_of(section, answers)
    return items[item - 1] if item <= len(items) else {}


def answer_path(section: Section, question: Question, item: int | None) -> str:
    return question.id if item is None else f"{section.id}[{item}].{question.id}"


def value_at(
    section: Section, question: Question, answers: Mapping[str, Any], item: int | None
) -> Any:
    scope = item_answers(section, answers, item)
    return (answers if scope is None else scope).get(question.id)


def is_relevant(
    section: Section, question: Question, answers: Mapping[str, Any], item: int | None
) -> bool:
    return holds(section.relevant, answers) and holds(
        question.relevant, answers, item_answers(section, answers, item)
    )


def _answered_here(
    section: Section, question: Question, answers: Mapping[str, Any], item: int | None
) -> bool:
    return _answered(value_at(section, question, answers, item))


def is_asked(
    section: Section,
    question: Question,
    answers: Mapping[str, Any],
    item: int | None,
    on: dt.date | None = None,
) -> bool:
    """Shown in the interview: relevant, and either asked in this situation (`ask`, e.g. not
    the activity of a child) or already answered (nothing stored is hidden)."""
    if not is_relevant(section, question, answers, item):
        return False
    scope = item_answers(section, answers, item)
    return holds(question.ask, answers, scope, on) or _answered_here(
        section, question, answers, item
    )


def is_required(
    section: Section, question: Question, answers: Mapping[str, Any], item: int | None
) -> bool:
    return question.required and holds(
        question.required_when, answers, item_answers(section, answers, item)
    )


def pages(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> list[PageKey]:
    result: list[PageKey] = []
    for section in questionnaire.sections:
        if not holds(section.relevant, answers):
            continue
        if section.repeat:
            count = item_count(section, answers)
            result += [PageKey(section.id, i) for i in range(1, count + 1)]
        elif any(is_relevant(section, q, answers, None) for q in section.questions):
            result.append(PageKey(section.id))
    return result


def _answered(value: Any) -> bool:
    return value not in (None, "", [])


def first_to_fill(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> int:
    """The page where a resumed interview picks up: the first one with a required answer still
    missing (the last page when none is)."""
    plan = pages(questionnaire, answers)
    for index, key in enumerate(plan):
        section = section_by_id(questionnaire, key.section_id)
        for question in section.questions:
            if (
                is_required(section, question, answers, key.item)
                and is_relevant(section, question, answers, key.item)
                and not _answered(value_at(section, question, answers, key.item))
            ):
                return index
    return len(plan)  # the summary, right after the last page


def section_by_id(questionnaire: Questionnaire, section_id: str) -> Section:
    return next(s for s in questionnaire.sections if s.id == section_id)


def locate(questionnaire: Questionnaire, path: str) -> tuple[PageKey, str | None]:
    """The page holding the answer at `path` (as in a Problem), and the question id on it."""
    match = _PATH.match(path)
    if match:
        return PageKey(match["section"], int(match["item"])), match["key"]
    if any(s.repeat and s.id == path for s in questionnaire.sections):
        return PageKey(path, 1), None
    section = questionnaire.section_of(path)
    if section is None:
        return PageKey(questionnaire.sections[0].id), None
    return PageKey(section.id, 1 if section.repeat else None), path
