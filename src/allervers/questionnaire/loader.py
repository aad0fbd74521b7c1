"""Loading questionnaire definitions shipped as package data."""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from allervers.questionnaire.model import Choice, Question, Questionnaire, QuestionType, Section

PACKAGE = "allervers.resources"
FOLDER = "questionnaires"
CURRENT = ("visite", 1)
# An id names a shipped file, never a path: lower-case letters, digits and hyphens only. A version
# is a small positive integer (a questionnaire changes a few times a year at most).
_ID = re.compile(r"[a-z][a-z0-9-]{0,39}")
MAX_VERSION = 999
_SHIPPED_NAME = re.compile(r"(?P<id>[a-z][a-z0-9-]{0,39})-v(?P<version>[1-9][0-9]{0,2})\.json")


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
        # `required` is true, false, or a condition under which the answer is required.
        required=bool(data.get("required", False)),
        required_when=data["required"] if isinstance(data.get("required"), dict) else None,
        ask=data.get("ask"),
        text_format=data.get("format"),
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


def valid_reference(questionnaire_id: object, version: object) -> bool:
    """An id and a version as a visit may name them: a plain id (no path, no dot) and a version
    from 1 to 999. Checked before anything is looked up."""
    return (
        isinstance(questionnaire_id, str)
        and _ID.fullmatch(questionnaire_id) is not None
        and type(version) is int
        and 1 <= version <= MAX_VERSION
    )


@functools.cache
def shipped() -> frozenset[tuple[str, int]]:
    """The (id, version) pairs shipped in the package: the only files `load` ever reads."""
    found = set()
    for entry in resources.files(PACKAGE).joinpath(FOLDER).iterdir():
        match = _SHIPPED_NAME.fullmatch(entry.name)
        if match:
            found.add((match["id"], int(match["version"])))
    return frozenset(found)


def load(questionnaire_id: str, version: int) -> Questionnaire:
    """A shipped or registered definition. Anything else, a path included, is unknown: an id is
    looked up in the list of shipped files, never joined to a folder as it was given."""
    if not valid_reference(questionnaire_id, version):
        raise UnknownQuestionnaire("", 0)  # an id that is not one is not repeated
    registered = _registered.get((questionnaire_id, version))
    if registered is not None:
        return registered
    if (questionnaire_id, version) not in shipped():
        raise UnknownQuestionnaire(questionnaire_id, version)
    return _load_shipped(questionnaire_id, version)


@functools.cache
def _load_shipped(questionnaire_id: str, version: int) -> Questionnaire:
    name = f"{questionnaire_id}-v{version}.json"
    # One name per joinpath: in the packaged app (Python 3.11) `files()` gives a
    # MultiplexedPath, whose joinpath takes a single name.
    text = resources.files(PACKAGE).joinpath(FOLDER).joinpath(name).read_text(encoding="utf-8")
    return parse(json.loads(text))


def current() -> Questionnaire:
    return load(*CURRENT)
