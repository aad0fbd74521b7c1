"""Coverage figures: how much of the territory was reached.

Definitions (written here once, used by the screens, the command line and the report):
- doors: every door of the list (addresses imported and doors added by hand) in scope;
- knocked: doors with at least one pass;
- coverage: knocked / doors (the share of the territory reached);
- opened: knocked doors where someone came to the door at least once (an interview, a
  refusal, a "come back", a "do not disturb");
- open-door rate: opened / knocked doors where someone could open, i.e. leaving out doors
  found vacant or not a dwelling (nobody can open there: counting them would measure the
  housing stock, not the volunteers' reach);
- households met: distinct households interviewed at these doors.
Per week (ISO weeks, Monday to Sunday): the doors knocked, opened and interviewed that week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from allervers.domain.doors import NOBODY_LIVES, OPENED, DoorPass, DoorState, DoorStatus


def share(part: int, whole: int) -> float | None:
    """part / whole rounded to four places; None for nothing out of nothing."""
    return None if whole == 0 else round(part / whole, 4)


@dataclass(frozen=True, slots=True)
class Coverage:
    doors: int
    knocked: int
    opened: int
    could_open: int  # knocked doors where someone could open (the open-door rate's base)
    households_met: int
    by_status: dict[str, int]

    @property
    def coverage(self) -> float | None:
        return share(self.knocked, self.doors)

    @property
    def open_rate(self) -> float | None:
        return share(self.opened, self.could_open)

    @property
    def to_knock(self) -> int:
        return self.doors - self.knocked

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["coverage"] = self.coverage
        data["open_rate"] = self.open_rate
        return data


def coverage(door_ids: Iterable[str], states: Mapping[str, DoorState]) -> Coverage:
    ids = list(dict.fromkeys(door_ids))
    chosen = [states.get(d) or DoorState(d, DoorStatus.NOT_VISITED) for d in ids]
    knocked = [s for s in chosen if s.knocked]
    # An interview recorded without its household (none in this workspace's own records, but
    # possible in an old file) still counts as one household, that of its door.
    households = {s.household_id or f"door:{s.door_id}" for s in chosen if s.met}
    by_status: dict[str, int] = {}
    for s in chosen:
        by_status[s.status.value] = by_status.get(s.status.value, 0) + 1
    return Coverage(
        doors=len(ids),
        knocked=len(knocked),
        opened=sum(s.opened for s in knocked),
        could_open=sum(s.status not in NOBODY_LIVES for s in knocked),
        households_met=len(households),
        by_status=dict(sorted(by_status.items())),
    )


@dataclass(frozen=True, slots=True)
class WeekFigures:
    week: str  # ISO week, "2026-W41"
    knocked: int  # distinct doors knocked that week
    opened: int  # of which someone came to the door
    interviews: int  # distinct households (or doors) interviewed that week

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def iso_week(day: str) -> str:
    year, week, _ = dt.date.fromisoformat(day[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def weekly(door_ids: Iterable[str], passes: Iterable[DoorPass]) -> list[WeekFigures]:
    """Per ISO week, the doors of `door_ids` knocked, opened and interviewed, oldest first."""
    wanted = set(door_ids)
    knocked: dict[str, set[str]] = {}
    opened: dict[str, set[str]] = {}
    met: dict[str, set[str]] = {}
    for p in passes:
        if p.door_id not in wanted:
            continue
        week = iso_week(p.on)
        knocked.setdefault(week, set()).add(p.door_id)
        if p.status in OPENED:
            opened.setdefault(week, set()).add(p.door_id)
        if p.status is DoorStatus.INTERVIEW:
            met.setdefault(week, set()).add(p.household_id or p.door_id)
    return [
        WeekFigures(w, len(knocked[w]), len(opened.get(w, ())), len(met.get(w, ())))
        for w in sorted(knocked)
    ]
