"""What a workspace says about itself once opened."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from allervers.domain.settings import BY_NAME, SETTINGS


def _default(name: str) -> Any:
    return BY_NAME[name].default


@dataclass(frozen=True, slots=True)
class WorkspaceSettings:
    """Non-personal settings, stored in clear in the metadata file. Each number is declared in
    domain/settings.py (default, bounds, label, unit, who may change it, and its source); a test
    checks that the fields here are exactly those declared."""

    idle_lock_minutes: float = _default("idle_lock_minutes")
    language: str = "fr"
    interview_idle_minutes: int = _default("interview_idle_minutes")
    outcome_check_months: int = _default("outcome_check_months")
    retention_months: int = _default("retention_months")
    sync_grace_days: int = _default("sync_grace_days")


# Bounds a coordinator may set (inclusive), derived from the declarations.
SETTING_LIMITS: dict[str, tuple[float, float]] = {s.name: (s.low, s.high) for s in SETTINGS}


def out_of_range(settings: WorkspaceSettings) -> list[str]:
    """The settings whose value is outside their declared bounds."""
    return [s.name for s in SETTINGS if not s.within(getattr(settings, s.name))]


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
