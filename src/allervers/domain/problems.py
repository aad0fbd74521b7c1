"""A rule broken by an answer: data for the UI and the command line to phrase."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    path: str  # "door_outcome", "persons[2].age"
    code: str  # "required", "out_of_range", "unknown_question", ...
    values: dict[str, Any] = field(default_factory=dict)
