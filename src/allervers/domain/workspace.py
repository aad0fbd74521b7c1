"""What a workspace says about itself once opened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class WorkspaceSettings:
    """Non-personal settings, stored in clear in the metadata file."""

    idle_lock_minutes: float = 5.0
    language: str = "fr"
    # DREES (Études et résultats n° 1058): 63 % of people told of a right had opened it within
    # three months; an outcome check at about three months is the norm.
    outcome_check_months: int = 3
    # CNIL référentiel 2023-095 (social sector): active data two years after the last contact.
    retention_months: int = 24
    # Data minimisation (RGPD art. 5.1.c): a volunteer's laptop drops, this many days after their
    # last change, the households the coordinator has received and no longer assigns to them.
    # A month leaves time to finish a round and correct a visit; a product choice, not a rule.
    sync_grace_days: int = 30


# Bounds a coordinator may set (inclusive). Outside them a value is a typing mistake rather than a
# choice: a lock after more than an hour leaves a laptop open on a doorstep, and the CNIL's
# référentiel caps active data at the two years `retention_months` already uses by default.
SETTING_LIMITS: dict[str, tuple[float, float]] = {
    "idle_lock_minutes": (1, 60),
    "outcome_check_months": (1, 12),
    "retention_months": (1, 24),
    "sync_grace_days": (0, 365),
}


def out_of_range(settings: WorkspaceSettings) -> list[str]:
    """The settings whose value is outside SETTING_LIMITS."""
    return [
        name
        for name, (low, high) in SETTING_LIMITS.items()
        if not low <= getattr(settings, name) <= high
    ]


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Result of `allervers check`: each part is None when fine, else a short reason."""

    path: Path
    cipher_pages: str | None
    integrity: str | None
    schema_revision: str
    schema_expected: str
    audit_entries: int
    audit_problem: str | None
    users: int

    @property
    def ok(self) -> bool:
        return (
            self.cipher_pages is None
            and self.integrity is None
            and self.schema_revision == self.schema_expected
            and self.audit_problem is None
        )
