"""Loading questionnaire definitions shipped as package data."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from allervers.questionnaire.model import Choice, Question, Questionnaire, QuestionType, Section

PACKAGE = "allervers.resources"
FOLDER = "questionnaires"
CURRENT = ("visite", 1)


class UnknownQuestionnaire(LookupError):
    def __init__(self, questionnaire_id: str, version: int) -> None:
        super().__init__(f"{questionnaire_id} v{version}")
        self.questionnaire_id = questionnaire_id
        self.version = version


def _question(data: dict[str, Any]) -> Question:
    return Question(
        id=data["id"],
        type=QuestionType(data["type"]),
        label=data["label"],
        help=data.get("help", {}),
        required=bool(data.get("required", False)),
        relevant=data.get("relevant"),
        choices=tuple(Choice(c["value"], c["label"]) for c in data.get("choices", ())),
        exclusive=tuple(data.get("exclusive", ())),
        minimum=data.get("min"),
        maximum=data.get("max"),
        max_length=data.get("max_length"),
        date_range=data.get("date_range"),
    )


def parse(data: dict[str, Any]) -> Questionnaire:
    sections = tuple(
        Section(
            id=s["id"],
            title=s["title"],
            questions=tuple(_question(q) for q in s["questions"]),
            relevant=s.get("relevant"),
            repeat=bool(s.get("repeat", False)),
            min_items=int(s.get("min_items", 0)),
            max_items=int(s.get("max_items", 0)),
            help=s.get("help", {}),
            first_item=s.get("first_item"),
            unique=s.get("unique", {}),
        )
        for s in data["sections"]
    )
    return Questionnaire(data["id"], int(data["version"]), data["title"], sections)


def load_file(path: Path) -> Questionnaire:
    return parse(json.loads(path.read_text(encoding="utf-8")))


_registered: dict[tuple[str, int], Questionnaire] = {}


def register(questionnaire: Questionnaire) -> None:
    """Makes a definition that is not shipped in the package loadable (tests of a future
    version, a territory's own questionnaire)."""
    _registered[(questionnaire.id, questionnaire.version)] = questionnaire


def load(questionnaire_id: str, version: int) -> Questionnaire:
    registered = _registered.get((questionnaire_id, version))
    return registered if registered is not None else _load_shipped(questionnaire_id, version)


@functools.cache
def _load_shipped(questionnaire_id: str, version: int) -> Questionnaire:
    name = f"{questionnaire_id}-v{version}.json"
    try:
        # One name per joinpath: in the packaged app (Python 3.11) `files()` gives a
        # MultiplexedPath, whose joinpath takes a single name.
        text = resources.files(PACKAGE).joinpath(FOLDER).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise UnknownQuestionnaire(questionnaire_id, version) from error
    return parse(json.loads(text))


def current() -> Questionnaire:
    return load(*CURRENT)
