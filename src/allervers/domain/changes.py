"""What an operation changed, so that every screen showing it can refresh itself from one event
(issue 12; Anki's `OpChanges` is the model: an operation returns what it touched, and the pages
that show those areas listen, instead of each caller knowing which pages to refresh).

A value, not an event bus: services build it (`visit_finished`, `everything`), the UI publishes
it (ui/common/changes.py), pages subscribe by area."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from allervers.domain.visits import DoorOutcome, Visit


class Area(enum.StrEnum):
    HOUSEHOLDS = "households"  # a household's caseload columns, address, assignment
    VISITS = "visits"  # visits, door passes, assessments
    REFERRALS = "referrals"
    SETTINGS = "settings"
    TEAM = "team"  # users, enrolled laptops, conflicts


@dataclass(frozen=True, slots=True)
class Changes:
    areas: frozenset[Area]
    households: frozenset[str] = frozenset()  # the households concerned, where known

    def touches(self, areas: Iterable[Area]) -> bool:
        return not self.areas.isdisjoint(areas)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas, self.households | other.households)


def visit_finished(visit: Visit) -> Changes:
    """A visit finished (an interview, or a door recorded): the visits change, and an interview
    also moves its household's caseload columns (last contact, status, next action)."""
    areas = {Area.VISITS}
    if visit.door_outcome is DoorOutcome.INTERVIEW:
        areas.add(Area.HOUSEHOLDS)
    households = frozenset({visit.household_id}) if visit.household_id else frozenset()
    return Changes(frozenset(areas), households)


def everything() -> Changes:
    """An operation that may have changed anything (a team sync file merged)."""
    return Changes(frozenset(Area))
