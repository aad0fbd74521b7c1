"""The order a volunteer walks a round, and which doors come next.

Walk list practice of canvassing tools (MiniVAN, Qomon): street by street, up one side and back
down the other. Numbers follow the French "numérotation classique": odd numbers on one side, even
on the other, rising from the start of the street; so the walk goes up the odd side and back down
the even side, and ends near where it started. Doors without a number (a lieu-dit, a farm) close
their street or lieu-dit.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from allervers.domain.collation import french_sort_key
from allervers.domain.doors import REPETITION, Door, DoorState, DoorStatus

# After three absent passes a door leaves the volunteer's list: the "second and third passes"
# of canvassing rounds (Qomon, MiniVAN); a relance round can still name it again.
MAX_ABSENT_PASSES = 3


def _suffix_rank(suffix: str) -> tuple[int, str]:
    if not suffix:
        return (0, "")
    if suffix in REPETITION:
        return (1 + REPETITION.index(suffix), "")
    return (20, suffix)


def walking_key(door: Door) -> tuple[object, ...]:
    """Sort key of the walk: street (French dictionary order), odd side rising, even side
    falling, doors without number last; suffixes after their number (12, 12 bis, 12 ter),
    doors of one address in label order."""
    if door.number is None:
        side, along = 2, 0
    elif door.number % 2:
        side, along = 0, door.number
    else:
        side, along = 1, -door.number
    # The suffix follows the walk's direction too: on the way down, 12 ter before 12 bis.
    rank = _suffix_rank(door.suffix)
    if side == 1:
        rank = (-rank[0], rank[1])
    return (
        french_sort_key(door.way),
        side,
        along,
        rank,
        french_sort_key(door.lieu_dit) if door.number is None else "",
        door.label,
        door.id,
    )


def walking_order(doors: Iterable[Door]) -> list[Door]:
    return sorted(doors, key=walking_key)


class Due(enum.IntEnum):
    """Why a door is on the list, in the order shown."""

    COME_BACK_TODAY = 0  # a day agreed at the door that has come
    ABSENT_AGAIN = 1  # absent on an earlier day, fewer than MAX_ABSENT_PASSES times
    FIRST_KNOCK = 2  # never knocked (or its outcome erased by the retention period)


def due(state: DoorState, today: dt.date) -> Due | None:
    """Whether the door is to knock today, and why; None: not today, or not any more."""
    day = today.isoformat()
    status = state.status
    if status in (DoorStatus.NOT_VISITED, DoorStatus.ERASED):
        return Due.FIRST_KNOCK
    if status is DoorStatus.COME_BACK:
        return Due.COME_BACK_TODAY if (state.come_back_on or day) <= day else None
    if status is DoorStatus.ABSENT:
        again = (state.last_on or day) < day and state.absent_passes < MAX_ABSENT_PASSES
        return Due.ABSENT_AGAIN if again else None
    return None  # met, refused, do not disturb, vacant, not a dwelling


@dataclass(frozen=True, slots=True)
class NextDoor:
    door: Door
    state: DoorState
    due: Due


def next_doors(
    doors: Iterable[Door], states: Mapping[str, DoorState], today: dt.date
) -> list[NextDoor]:
    """The round's doors still to knock today: come-back dates of the day first, then absent
    ones due again, then the doors never knocked; each group in walking order."""
    out = []
    for door in doors:
        state = states.get(door.id) or DoorState(door.id, DoorStatus.NOT_VISITED)
        reason = due(state, today)
        if reason is not None:
            out.append(NextDoor(door, state, reason))
    out.sort(key=lambda n: (n.due, walking_key(n.door)))
    return out
