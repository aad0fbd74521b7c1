"""Door-to-door visits."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


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
