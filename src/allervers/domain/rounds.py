"""Rounds: the doors handed to a volunteer or a pair for a walk.

Two kinds, as outreach teams name them (Locaux-Moteurs model): *repérage*, a first knock on every
door of an area, and *relance*, coming back to the absent doors and to households that started a
claim. A round names a list of doors; once any of them has been knocked since the list was
made, the list is never changed again: reshaping it makes a new version, so that what was
walked stays what was handed out (the figures of a round and the volunteer's memory agree).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from allervers.domain.errors import AllerVersError

# "Up to a few hundred doors each" (issue 16): a day or two of walking for a pair; a whole
# commune is cut into several rounds by street or lieu-dit.
MAX_ROUND_DOORS = 500
# A volunteer alone, or a pair (the Locaux-Moteurs model sends residents two by two).
MAX_ROUND_VOLUNTEERS = 2
MAX_NAME_LENGTH = 80


class RoundKind(enum.StrEnum):
    SPOTTING = "reperage"
    FOLLOW_UP = "relance"


@dataclass
class RoundInvalid(AllerVersError):
    """A round that cannot be made or changed: `reason` is one of "empty_name", "name_too_long",
    "no_doors", "too_many_doors", "too_many_volunteers", "name_taken", "unknown_street"."""

    reason: str
    detail: str = ""
    count: int = 0


@dataclass(frozen=True, slots=True)
class Round:
    id: str
    name: str
    kind: RoundKind
    commune_insee: str
    version: int
    version_id: str
    door_ids: tuple[str, ...]
    volunteer_ids: tuple[str, ...] = ()
    created_on: str = ""


def clean_round_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise RoundInvalid("empty_name")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise RoundInvalid("name_too_long", count=MAX_NAME_LENGTH)
    return cleaned


def check_doors(door_ids: Sequence[str]) -> tuple[str, ...]:
    """The round's doors, each once, in the given order; refused when none or too many."""
    unique = tuple(dict.fromkeys(door_ids))
    if not unique:
        raise RoundInvalid("no_doors")
    if len(unique) > MAX_ROUND_DOORS:
        raise RoundInvalid("too_many_doors", count=len(unique))
    return unique


def check_volunteers(volunteer_ids: Iterable[str]) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(volunteer_ids))
    if len(unique) > MAX_ROUND_VOLUNTEERS:
        raise RoundInvalid("too_many_volunteers", count=len(unique))
    return unique


@dataclass(frozen=True, slots=True)
class Reshape:
    """How a change of a round's doors is stored: in place, or as a new version."""

    version: int
    new_version: bool
    door_ids: tuple[str, ...]


def reshape(current: Round, door_ids: Sequence[str], visited: bool) -> Reshape | None:
    """A change of the round's doors. None when the list is the same (nothing to store); a new
    version when any door of the current version was knocked since it was made; otherwise the
    current version is changed in place (a round not walked yet can still be corrected)."""
    doors = check_doors(door_ids)
    if set(doors) == set(current.door_ids):
        return None
    if visited:
        return Reshape(current.version + 1, True, doors)
    return Reshape(current.version, False, doors)
