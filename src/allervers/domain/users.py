"""Who may open a workspace, and with which role."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    """A coordinator manages users and sees everything; a volunteer sees what they recorded and
    what is assigned to them (issue 2)."""

    COORDINATOR = "coordinator"
    VOLUNTEER = "volunteer"


@dataclass(frozen=True, slots=True)
class User:
    id: str
    name: str
    role: Role
    active: bool = True

    @property
    def is_coordinator(self) -> bool:
        return self.role is Role.COORDINATOR


def normalise_user_name(name: str) -> str:
    """User names are compared without case or surrounding spaces: "Amina " and "amina" are one user."""
    return " ".join(name.split()).casefold()
