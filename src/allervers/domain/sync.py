"""Team sync: typed errors and the plain data that travels between the services and the UI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from allervers.domain.errors import AllerVersError


@dataclass
class BundleTruncated(AllerVersError):
    """The file is shorter than it says, or not a sync file at all."""

    path: Path


@dataclass
class BundleTampered(AllerVersError):
    """The signature or the encryption does not check: the file was altered."""

    path: Path


@dataclass
class BundleNotForUs(AllerVersError):
    """The file was written for another workspace or another laptop."""

    path: Path


@dataclass
class UnknownDevice(AllerVersError):
    """The sender is not enrolled in this workspace."""

    path: Path
    fingerprint: str = ""


@dataclass
class BundleReplayed(AllerVersError):
    """This bundle was imported already; importing it again would change nothing."""

    path: Path


@dataclass
class InvitationInvalid(AllerVersError):
    """Wrong passphrase for the invitation, or an altered invitation file."""

    path: Path


@dataclass
class NoPeer(AllerVersError):
    """`sync out` with no enrolled peer to write to (or several and none chosen)."""

    detail: str = ""


@dataclass(frozen=True, slots=True)
class Peer:
    device_id: str
    user_id: str
    role: str
    fingerprint: str
    acked_out: int
    acked_in: int
    user_name: str = ""  # the account this laptop belongs to, for display


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    entity: str
    record_id: str
    field: str
    local_value: str
    remote_value: str
    remote_device: str
    at: str
    household_id: str = ""  # the household the record belongs to, for display
    household_contact: str = ""  # its contact's name, street and commune (INSEE), for display
    household_address: str = ""
    household_commune: str = ""


@dataclass(frozen=True, slots=True)
class MergeReport:
    inserted: int
    updated: int
    unchanged: int
    conflicts: int
    skipped: int = 0  # records of households this laptop no longer keeps
    pruned: int = 0  # households removed from this laptop once the hub had them
