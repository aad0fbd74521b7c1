"""Door-to-door visits."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

FIRST_VISIT_DAY = dt.date(2000, 1, 1)
"""No visit recorded with Aller-Vers can be older: a date before is a typing error (the TZNR
experiment began in 2023; older visits imported from another tool still fit)."""


def visit_day_problem(day: dt.date, today: dt.date) -> str | None:
    """The problem code of a visit's date, or None: from 2000 to tomorrow (a laptop's clock
    may run a few hours ahead of the one that wrote the file, not more)."""
    if day < FIRST_VISIT_DAY:
        return "visit_too_old"
    if day > today + dt.timedelta(days=1):
        return "visit_in_future"
    return None


class DoorOutcome(enum.StrEnum):
    INTERVIEW = "interview"
    ABSENT = "absent"
    REFUSED = "refused"
    VACANT = "vacant"
    COME_BACK = "come_back"
    NOT_DWELLING = "not_dwelling"


class VisitStatus(enum.StrEnum):
    DRAFT = "draft"
    FINISHED = "finished"


# Kept only when the person agreed to be contacted again (consent_contact = yes).
DIRECT_IDENTIFIERS = ("contact_name", "contact_phone", "address_street", "address_number")


@dataclass(frozen=True, slots=True)
class Visit:
    id: str
    household_id: str
    volunteer_id: str
    questionnaire_id: str
    questionnaire_version: int
    visited_on: str  # ISO date
    status: VisitStatus
    answers: dict[str, Any] = field(default_factory=dict)

    @property
    def door_outcome(self) -> DoorOutcome | None:
        value = self.answers.get("door_outcome")
        return DoorOutcome(value) if value else None


@dataclass(frozen=True, slots=True)
class VisitChange:
    """One edit of a finished visit: who, when, which answer, before and after."""

    visit_id: str
    user_id: str
    at: str
    path: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class Door:
    """A household's door, as a volunteer sees it in a round."""

    household_id: str
    commune_insee: str
    street: str | None
    number: str | None
    last_outcome: DoorOutcome | None
    come_back_on: str | None
