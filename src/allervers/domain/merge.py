"""The three-way merge of team sync, as pure rules (issue 7; moved out of storage in issue 12).

A record arrives from a peer. Whether it is taken whole, ignored, or merged field by field
depends only on change stamps (`arrival`); the field-by-field decision depends only on our
fields, theirs, the digests of the last state both sides held (`base`), and on which laptop
merges (`merge_fields`). Storage reads the records and writes the outcome; it decides nothing.

Fields are compared by digest (`digest`): the last common state keeps only digests, so that it
holds no copy of names or answers.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class _Absent:
    """A key missing from one version of a JSON object (not the same as a null value)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()
ABSENT_DIGEST = "-"


def digest(value: Any) -> str:
    """A short fingerprint of a field's value: equal values, equal digests."""
    if value is ABSENT:
        return ABSENT_DIGEST
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Arrival(enum.Enum):
    """What a received version of a record is to ours."""

    UNCHANGED = "unchanged"  # we hold that version or a later one of the same laptop
    FOLLOWS = "follows"  # made after ours: taken whole
    DIVERGED = "diverged"  # both sides changed it since their last common state


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who last changed a record (`origin`, a laptop) and its change number there."""

    origin: str
    seq: int


def arrival(local: Stamp, received: Stamp, me: str, acked_out: int) -> Arrival:
    """A received version follows ours when it comes from the same laptop with a higher change
    number, or when our last change is one the sender has acknowledged (`acked_out`: the sender
    merged it before changing the record again)."""
    if local.origin == received.origin:
        return Arrival.FOLLOWS if received.seq > local.seq else Arrival.UNCHANGED
    if local.origin == me and local.seq <= acked_out:
        return Arrival.FOLLOWS
    return Arrival.DIVERGED


@dataclass(frozen=True, slots=True)
class Clash:
    """A field changed on both sides to different values since their last common state."""

    field: str
    ours: Any
    theirs: Any


@dataclass(frozen=True, slots=True)
class FieldMerge:
    """The outcome of merging a diverged record: the fields to write here (`taken`) and the
    clashes to keep as conflicts (nothing is overwritten without a trace)."""

    taken: dict[str, Any]
    clashes: tuple[Clash, ...]

    @property
    def unchanged(self) -> bool:
        return not self.taken and not self.clashes


def merge_fields(
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    base: Mapping[str, str] | None,
    from_hub: bool,
) -> FieldMerge:
    """Field by field: a field changed on one side only takes that side's value; a field
    changed on both sides to different values (or with no known common state) is a clash.

    On the hub (the coordinator's workspace) the hub's value stays and the clash is kept for
    the coordinator to choose. On a volunteer's laptop (`from_hub`: the record comes from the
    hub) the hub's value is taken, so that both laptops hold the same record, and the clash
    keeps the volunteer's value for the next bundle to carry to the coordinator."""
    taken: dict[str, Any] = {}
    clashes: list[Clash] = []
    for name in sorted(ours.keys() | theirs.keys()):
        mine = ours.get(name, ABSENT)
        other = theirs.get(name, ABSENT)
        if digest(mine) == digest(other):
            continue
        was = None if base is None else base.get(name, ABSENT_DIGEST)
        if was is not None and digest(other) == was:
            continue  # changed here only
        if was is not None and digest(mine) == was:
            taken[name] = other  # changed there only
            continue
        clashes.append(Clash(name, mine, other))
        if from_hub:
            taken[name] = other
    return FieldMerge(taken, tuple(clashes))
