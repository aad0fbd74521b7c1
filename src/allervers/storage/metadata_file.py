"""The workspace's clear metadata file: wrapped keys, the audit chain's anchor and non-personal
settings, nothing else.

No user name and no territory name is written here (issue 2): a key slot is found by a 16-bit hint
(see `allervers.crypto.hashing.slot_hint`) and the database says which user owns which slot.

Every value is checked against bounds when read (`_Reader`): the file is in clear, so anyone with
access to the folder can edit it, and a tampered Argon2id cost or idle-lock delay must be refused
in words, not obeyed (an unlock that hangs, a lock that never comes).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from allervers.crypto.kdf import KdfParams, KdfParamsOutOfBounds
from allervers.crypto.keywrap import NONCE_BYTES, WrappedKey
from allervers.domain.errors import MetadataOutOfBounds, WorkspaceCorrupt
from allervers.domain.workspace import LANGUAGE_PATTERN, SETTING_LIMITS, WorkspaceSettings
from allervers.storage.atomic import write_atomically

FORMAT = "allervers-workspace"
# 2: the audit chain's anchor (`audit_anchor`). A version-1 file has none; it gets one at the
# first audited write of this version. An older Aller-Vers refuses a version-2 file rather than
# rewrite it without its anchor.
FORMAT_VERSION = 2
MAX_FILE_BYTES = 1 << 20
MAX_SLOTS = 1000  # a team's users, many times over; bounds the work of reading the file
SALT_BYTES = 16
WRAPPED_BYTES = 32 + 16  # the database key and the AES-GCM tag
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HINT = re.compile(r"[0-9a-f]{4}")
METADATA_NAME = "workspace.json"
DATABASE_NAME = "workspace.avdb"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class _OutOfBounds(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _text(data: dict[str, Any], name: str, pattern: re.Pattern[str]) -> str:
    value = data[name]
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise _OutOfBounds(name)
    return value


def _bytes(data: dict[str, Any], name: str, length: int) -> bytes:
    value = data[name]
    try:
        decoded = base64.b64decode(str(value).encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as error:
        raise _OutOfBounds(name) from error
    if len(decoded) != length:
        raise _OutOfBounds(name)
    return decoded


def _int(data: dict[str, Any], name: str, low: int, high: int) -> int:
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _OutOfBounds(name)
    return value


def _setting(settings: dict[str, Any], name: str, default: float) -> float:
    """A number within SETTING_LIMITS (a missing one takes its default)."""
    value = settings.get(name, default)
    low, high = SETTING_LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _OutOfBounds(f"settings.{name}")
    return value


def _settings(data: dict[str, Any]) -> WorkspaceSettings:
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise _OutOfBounds("settings")
    defaults = WorkspaceSettings()
    language = settings.get("language", defaults.language)
    if not isinstance(language, str) or not re.fullmatch(LANGUAGE_PATTERN, language):
        raise _OutOfBounds("settings.language")
    return WorkspaceSettings(
        idle_lock_minutes=float(
            _setting(settings, "idle_lock_minutes", defaults.idle_lock_minutes)
        ),
        interview_idle_minutes=float(
            _setting(settings, "interview_idle_minutes", defaults.interview_idle_minutes)
        ),
        language=language,
        outcome_check_months=int(
            _setting(settings, "outcome_check_months", defaults.outcome_check_months)
        ),
        retention_months=int(_setting(settings, "retention_months", defaults.retention_months)),
        sync_grace_days=int(_setting(settings, "sync_grace_days", defaults.sync_grace_days)),
    )


@dataclass(frozen=True, slots=True)
class KeySlot:
    slot_id: str
    hint: str
    kdf: KdfParams
    salt: bytes
    wrapped: WrappedKey

    def to_json(self) -> dict[str, Any]:
        return {
            "slot": self.slot_id,
            "hint": self.hint,
            "kdf": self.kdf.to_json(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.wrapped.nonce),
            "wrapped": _b64(self.wrapped.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        return cls(
            slot_id=_text(data, "slot", _HEX32),
            hint=_text(data, "hint", _HINT),
            kdf=KdfParams.from_json(data["kdf"]),
            salt=_bytes(data, "salt", SALT_BYTES),
            wrapped=WrappedKey(
                _bytes(data, "nonce", NONCE_BYTES), _bytes(data, "wrapped", WRAPPED_BYTES)
            ),
        )


@dataclass(frozen=True, slots=True)
class RecoverySlot:
    salt: bytes
    wrapped: WrappedKey

    def to_json(self) -> dict[str, Any]:
        return {
            "salt": _b64(self.salt),
            "nonce": _b64(self.wrapped.nonce),
            "wrapped": _b64(self.wrapped.ciphertext),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecoverySlot:
        return cls(
            salt=_bytes(data, "salt", SALT_BYTES),
            wrapped=WrappedKey(
                _bytes(data, "nonce", NONCE_BYTES), _bytes(data, "wrapped", WRAPPED_BYTES)
            ),
        )


@dataclass(frozen=True, slots=True)
class AuditAnchor:
    """The audit chain's head as last written by Aller-Vers, kept outside the database so that a
    database rolled back, cut short (a lost `-wal`) or with its log edited no longer matches it.
    `prev_*` is the head before the last audited transaction: the anchor is written just before
    that transaction commits, so a crash in between leaves the database at `prev`, which is fine.
    `mac` is an HMAC under a key derived from the database key (`allervers.crypto.anchor`)."""

    seq: int
    hash: str
    prev_seq: int
    prev_hash: str
    mac: str

    def fields(self) -> list[int | str]:
        return [self.seq, self.hash, self.prev_seq, self.prev_hash]

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "hash": self.hash,
            "prev_seq": self.prev_seq,
            "prev_hash": self.prev_hash,
            "mac": self.mac,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuditAnchor:
        anchor = cls(
            seq=_int(data, "seq", 0, 2**53),
            hash=_text(data, "hash", _HEX64),
            prev_seq=_int(data, "prev_seq", 0, 2**53),
            prev_hash=_text(data, "prev_hash", _HEX64),
            mac=_text(data, "mac", _HEX64),
        )
        if anchor.prev_seq > anchor.seq:
            raise _OutOfBounds("audit_anchor.prev_seq")
        return anchor


@dataclass(frozen=True, slots=True)
class WorkspaceMetadata:
    workspace_id: str
    hint_salt: bytes
    recovery: RecoverySlot
    slots: tuple[KeySlot, ...] = ()
    settings: WorkspaceSettings = field(default_factory=WorkspaceSettings)
    audit_anchor: AuditAnchor | None = None
    # The version the file was read from: a version-2 file without an anchor lost it.
    format_version: int = FORMAT_VERSION

    def slot(self, slot_id: str) -> KeySlot | None:
        return next((s for s in self.slots if s.slot_id == slot_id), None)

    def with_slot(self, slot: KeySlot) -> WorkspaceMetadata:
        """Adds the slot, or replaces the slot with the same id."""
        others = tuple(s for s in self.slots if s.slot_id != slot.slot_id)
        return replace(self, slots=(*others, slot))

    def without_slot(self, slot_id: str) -> WorkspaceMetadata:
        return replace(self, slots=tuple(s for s in self.slots if s.slot_id != slot_id))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "workspace_id": self.workspace_id,
            "hint_salt": _b64(self.hint_salt),
            "recovery": self.recovery.to_json(),
            "slots": [slot.to_json() for slot in self.slots],
            "settings": {
                "idle_lock_minutes": self.settings.idle_lock_minutes,
                "interview_idle_minutes": self.settings.interview_idle_minutes,
                "language": self.settings.language,
                "outcome_check_months": self.settings.outcome_check_months,
                "retention_months": self.settings.retention_months,
                "sync_grace_days": self.settings.sync_grace_days,
            },
            **({"audit_anchor": self.audit_anchor.to_json()} if self.audit_anchor else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], version: int = FORMAT_VERSION) -> WorkspaceMetadata:
        slots = data["slots"]
        if not isinstance(slots, list) or len(slots) > MAX_SLOTS:
            raise _OutOfBounds("slots")
        anchor = data.get("audit_anchor")
        return cls(
            workspace_id=_text(data, "workspace_id", _HEX32),
            hint_salt=_bytes(data, "hint_salt", SALT_BYTES),
            recovery=RecoverySlot.from_json(data["recovery"]),
            slots=tuple(KeySlot.from_json(s) for s in slots),
            settings=_settings(data),
            audit_anchor=None if anchor is None else AuditAnchor.from_json(anchor),
            format_version=version,
        )


def metadata_path(workspace: Path) -> Path:
    return workspace / METADATA_NAME


def database_path(workspace: Path) -> Path:
    return workspace / DATABASE_NAME


def read_metadata(workspace: Path) -> WorkspaceMetadata:
    """The metadata, every value within its bounds. A missing file raises FileNotFoundError; a
    damaged one WorkspaceCorrupt; a value out of bounds MetadataOutOfBounds (naming it)."""
    path = metadata_path(workspace)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ValueError("too large")
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError("not an Aller-Vers workspace file")
        version = _int(data, "version", 1, 10**6)
        if version > FORMAT_VERSION:
            raise ValueError("written by a newer version")
        return WorkspaceMetadata.from_json(data, version)
    except FileNotFoundError:
        raise
    except _OutOfBounds as error:
        raise MetadataOutOfBounds(path, "bounds", error.name) from error
    except KdfParamsOutOfBounds as error:
        raise MetadataOutOfBounds(path, "bounds", error.field) from error
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise WorkspaceCorrupt(path, type(error).__name__) from error


def write_metadata(workspace: Path, metadata: WorkspaceMetadata, sync_folder: bool = True) -> None:
    data = json.dumps(metadata.to_json(), indent=2, sort_keys=True).encode("utf-8")
    write_atomically(metadata_path(workspace), data, sync_folder)
