"""Typed errors carrying data. The wording for people lives in `allervers.messages`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from allervers.domain.problems import Problem


class AllerVersError(Exception):
    """Base of every error a user may see; each has a message in `allervers.messages`."""


@dataclass
class WorkspaceNotFound(AllerVersError):
    path: Path


@dataclass
class WorkspaceAlreadyExists(AllerVersError):
    path: Path


@dataclass
class WorkspaceCorrupt(AllerVersError):
    path: Path
    detail: str = ""


@dataclass
class WorkspaceBusy(AllerVersError):
    """Another operation holds the workspace's database (a write lock held past the busy timeout,
    or every connection in use). Nothing is damaged: trying again later works."""

    path: Path


@dataclass
class MetadataOutOfBounds(WorkspaceCorrupt):
    """`workspace.json` holds a value outside what Aller-Vers writes (a key derivation cost that
    would hang the unlock, a setting that would switch off the idle lock): edited by hand or by
    someone else. Refused before anything is derived or written."""

    field: str = ""


@dataclass
class WorkspaceTooNew(AllerVersError):
    """The database was migrated by a newer version of Aller-Vers than this one."""

    path: Path
    revision: str


class WrongPassphrase(AllerVersError):
    """The user name or the passphrase is wrong (deliberately not told apart)."""


@dataclass
class TooManyAttempts(AllerVersError):
    retry_after_seconds: float


class WrongRecoveryKey(AllerVersError):
    pass


@dataclass
class WeakPassphrase(AllerVersError):
    reason: str  # one of domain.passphrase.WeaknessReason values


@dataclass
class UserAlreadyExists(AllerVersError):
    name: str


@dataclass
class UnknownUser(AllerVersError):
    name: str


@dataclass
class PermissionDenied(AllerVersError):
    action: str


@dataclass
class InvalidInput(AllerVersError):
    field: str
    reason: str


@dataclass
class StepDateRefused(AllerVersError):
    """A referral's step dated in the future, or before the referral (domain.referrals)."""

    status: str  # the step: referred, claim_filed, opened...
    on: str  # its ISO date
    problem: str  # domain.referrals.StepDateProblem
    referred_on: str | None = None


@dataclass
class StorageFull(AllerVersError):
    path: Path


@dataclass
class BackupInvalid(AllerVersError):
    path: Path
    detail: str = ""


class NoPassphraseGiven(AllerVersError):
    """No passphrase in the environment and no terminal to ask for one."""


class WorkspaceLocked(AllerVersError):
    """An operation needed the open workspace, but it is locked."""


class PassphraseMismatch(AllerVersError):
    """The passphrase and its confirmation differ."""


@dataclass
class VisitInvalid(AllerVersError):
    """Answers that break the questionnaire's rules."""

    problems: list[Problem]


@dataclass
class ImportInvalid(AllerVersError):
    """The first bad line of an import file, with its number (1-based) and problems."""

    path: Path
    line: int
    problems: list[Problem]


@dataclass
class InputFileRefused(AllerVersError):
    """A file to read (visits, households) refused as a whole before any line is used."""

    path: Path
    reason: str  # "not_a_file", "too_large", "too_many_lines"
    limit: int = 0


@dataclass
class OutputRefused(AllerVersError):
    """A file to write refused before anything was written: it exists (and replacing it was not
    asked), it is a symbolic link, or a folder where a file is expected (or the reverse)."""

    path: Path
    reason: str  # "exists", "symlink", "folder", "not_a_folder"


@dataclass
class UnknownRecord(AllerVersError):
    kind: str
    record_id: str
