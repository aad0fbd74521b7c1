"""The territory's figures for a period: what the TZNR evaluation asks of each territory (doors
knocked, households and people met, probable non-recours by right and reason, referrals by
organisation, rights opened and amounts, outcome checks done; docs/export-format.md).

These are the territory's own exact counts, for any dates (`allervers report --from --to`): for
internal use, never signed, never protected by the statistical secrecy of the releases. The
evaluators receive signed releases of calendar periods instead (`allervers.domain.release`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from allervers.domain.errors import InvalidInput

INTERNAL_USE = "usage interne"
"""The mark of every internal report (PDF and JSON): exact counts, small ones included, for the
territory only; what goes to the evaluators is a signed release (docs/export-format.md)."""


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str

    def contains(self, iso_day: str | None) -> bool:
        return (
            iso_day is not None and self.start.isoformat() <= iso_day[:10] <= self.end.isoformat()
        )


def parse_period(text: str) -> Period:
    """ "2026-Q3", "2026-09" or "2026"."""
    text = text.strip()
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        year, quarter = int(match[1]), int(match[2])
        start = dt.date(year, 3 * quarter - 2, 1)
        end = _month_end(dt.date(year, 3 * quarter, 1))
    elif match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise InvalidInput("period", "format")
        start = dt.date(year, month, 1)
        end = _month_end(start)
    elif re.fullmatch(r"\d{4}", text):
        start, end = dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    else:
        raise InvalidInput("period", "format")
    return Period(start, end, text)


def period_between(start: dt.date, end: dt.date) -> Period:
    if end < start:
        raise InvalidInput("period", "order")
    return Period(start, end, f"{start.isoformat()}/{end.isoformat()}")


def _month_end(first: dt.date) -> dt.date:
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


# The door figures' names, in the order shown (screen and report).
DOOR_FIGURES = ("doors", "knocked", "coverage", "opened", "open_rate", "households_met")


@dataclass(frozen=True, slots=True)
class TerritoryFigures:
    territory: str
    period: Period
    doors_by_outcome: dict[str, int] = field(default_factory=dict)
    households_met: int = 0
    people_met: int = 0
    nonrecours_by_right: dict[str, int] = field(default_factory=dict)
    nonrecours_by_reason: dict[str, int] = field(default_factory=dict)
    referrals_by_organisation: dict[str, int] = field(default_factory=dict)
    # Two different "rights opened" (named apart everywhere, wording/figures.py): the rights
    # opened during the period, whenever they were flagged (and their yearly amounts)...
    rights_opened_in_period: dict[str, int] = field(default_factory=dict)
    rights_opened_in_period_yearly_amount: dict[str, float] = field(default_factory=dict)
    # ... and the funnel of the situations flagged during the period: flagged, referred, filed,
    # opened (its "opened": those of the period's flags whose right has opened, whenever).
    funnel: dict[str, int] = field(default_factory=dict)
    outcome_checks: dict[str, int] = field(default_factory=dict)  # due, on_time, late, not_done
    # The territory's doors (issue 16; definitions in domain/coverage.py), at the period's end:
    # doors, knocked, coverage, opened, open_rate, households_met (DOOR_FIGURES); and per ISO
    # week of the period: week, knocked, opened, interviews.
    door_coverage: dict[str, float | int | None] = field(default_factory=dict)
    door_weeks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doors_knocked(self) -> int:
        return sum(self.doors_by_outcome.values())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["period"] = {
            "label": self.period.label,
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
        }
        data["doors_knocked"] = self.doors_knocked
        data["marking"] = INTERNAL_USE
        data["signed"] = False
        return data
