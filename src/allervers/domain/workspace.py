"""What a workspace says about itself once opened."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class WorkspaceSettings:
    """Non-personal settings, stored in clear in the metadata file."""

    idle_lock_minutes: float = 5.0
    # While an interview is open the household is in front of the screen and answers take
    # time: a lock then costs the interview's thread, so it waits longer (issue 13). Still a
    # lock: a laptop forgotten mid-interview closes within the hour.
    interview_idle_minutes: float = 15.0
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
    "interview_idle_minutes": (5, 60),
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


# A language is a short ISO 639 code ("fr", "en"): it names a translation file, so nothing else
# (no path, no dot) may reach the loader.
LANGUAGE_PATTERN = r"[a-z]{2,3}"


class CheckCode(StrEnum):
    """What `allervers check` can find. Each is phrased in French by `allervers.messages`."""

    METADATA_UNREADABLE = "metadata_unreadable"
    DATABASE_MISSING = "database_missing"
    DATABASE_EMPTY = "database_empty"  # 0 bytes
    DATABASE_TRUNCATED = "database_truncated"  # size not a whole number of pages
    DATABASE_UNREADABLE = "database_unreadable"  # right key, first page or schema unreadable
    PAGES_DAMAGED = "pages_damaged"  # pages whose HMAC fails: values["pages"]
    STRUCTURE_DAMAGED = "structure_damaged"  # SQLite's integrity_check, or a cut at a page border
    SCHEMA_UNKNOWN = "schema_unknown"  # a revision this version does not know
    AUDIT_MISSING = "audit_missing"  # the audit tables are gone
    AUDIT_ENTRY_MISSING = "audit_entry_missing"
    AUDIT_ENTRY_ALTERED = "audit_entry_altered"
    AUDIT_LINK_BROKEN = "audit_link_broken"
    AUDIT_NEWEST_REMOVED = "audit_newest_removed"
    ANCHOR_ALTERED = "anchor_altered"  # the anchor in workspace.json fails its MAC, or is gone
    COMMITS_LOST = "commits_lost"  # the database's chain stops before its anchor
    AUDIT_REWRITTEN = "audit_rewritten"  # the entry at the anchor has another hash
    GAP_RECORDED = "gap_recorded"  # an earlier opening found commits missing
    # Notes, not problems:
    SCHEMA_OLDER = "schema_older"  # migrated at the next opening
    NOT_ANCHORED = "not_anchored"  # made by an Aller-Vers without the anchor; anchored at opening


@dataclass(frozen=True, slots=True)
class CheckFinding:
    code: CheckCode
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Result of `allervers check`: the problems found (none when the workspace is intact), notes
    that need no action, and what was checked."""

    path: Path
    problems: tuple[CheckFinding, ...] = ()
    notes: tuple[CheckFinding, ...] = ()
    pages: int = 0
    schema_revision: str = ""
    audit_entries: int = 0
    users: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def codes(self) -> list[CheckCode]:
        return [finding.code for finding in self.problems]
