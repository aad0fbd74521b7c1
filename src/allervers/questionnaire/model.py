"""The shape of a questionnaire definition (see resources/questionnaires/*.json)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class QuestionType(enum.StrEnum):
    CHOICE = "choice"  # one value among `choices`
    MULTI = "multi"  # a list of values among `choices`; `exclusive` values stand alone
    YESNO = "yesno"  # yes / no / dont_know
    INTEGER = "integer"
    MONEY = "money"  # euros per month, >= 0
    MONEY3 = "money3"  # one amount (same every month) or [M-3, M-2, M-1]
    DATE = "date"  # ISO date
    TEXT = "text"  # short text
    COMMUNE = "commune"  # INSEE code from the commune list


YESNO_VALUES = ("yes", "no", "dont_know")


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: dict[str, str]


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: QuestionType
    label: dict[str, str]
    help: dict[str, str] = field(default_factory=dict)
    required: bool = False
    relevant: dict[str, Any] | None = None
    choices: tuple[Choice, ...] = ()
    exclusive: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    date_range: str | None = None  # "past", "future" (within a year of the visit), "any"
    required_when: dict[str, Any] | None = None
    """With `required`: the condition under which the answer is required (always when None)."""
    ask: dict[str, Any] | None = None
    """When the interview asks the question, on top of `relevant` (which says when an answer
    is accepted, in a file too): a child is not asked for an activity, an amount is asked only
    for a resource the person has. An answer already given stays shown."""
    text_format: str | None = None  # "phone": French or international telephone numbers

    def choice_values(self) -> tuple[str, ...]:
        if self.type is QuestionType.YESNO:
            return YESNO_VALUES
        return tuple(c.value for c in self.choices)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: dict[str, str]
    questions: tuple[Question, ...]
    relevant: dict[str, Any] | None = None
    repeat: bool = False  # a repeat group: the answer is a list of objects
    min_items: int = 0
    max_items: int = 0
    help: dict[str, str] = field(default_factory=dict)
    first_item: dict[str, Any] | None = None  # a condition the first item must meet
    unique: dict[str, list[str]] = field(default_factory=dict)  # values at most once per group


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    version: int
    title: dict[str, str]
    sections: tuple[Section, ...]

    def question(self, question_id: str) -> Question | None:
        for section in self.sections:
            for question in section.questions:
                if question.id == question_id:
                    return question
        return None

    def section_of(self, question_id: str) -> Section | None:
        for section in self.sections:
            if any(q.id == question_id for q in section.questions):
                return section
        return None


def label(texts: dict[str, str], language: str = "fr") -> str:
    """The text in the asked language, falling back to French (the source language)."""
    return texts.get(language) or texts.get("fr") or next(iter(texts.values()), "")
