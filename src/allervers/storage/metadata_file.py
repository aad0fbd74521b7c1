"""The workspace's clear metadata file: wrapped keys and non-personal settings, nothing else.

No user name and no territory name is written here (issue 2): a key slot is found by a 16-bit hint
(see `allervers.crypto.hashing.slot_hint`) and the database says which user owns which slot.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from allervers.crypto.kdf import KdfParams
from allervers.crypto.keywrap import WrappedKey
from allervers.domain.errors import WorkspaceCorrupt
from allervers.domain.workspace import WorkspaceSettings
from allervers.storage.atomic import write_atomically

FORMAT = "allervers-workspace"
FORMAT_VERSION = 1
METADATA_NAME = "workspace.json"
DATABASE_NAME = "workspace.avdb"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


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
            slot_id=str(data["slot"]),
            hint=str(data["hint"]),
            kdf=KdfParams.from_json(data["kdf"]),
            salt=_unb64(data["salt"]),
            wrapped=WrappedKey(_unb64(data["nonce"]), _unb64(data["wrapped"])),
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
            salt=_unb64(data["salt"]),
            wrapped=WrappedKey(_unb64(data["nonce"]), _unb64(data["wrapped"])),
        )


@dataclass(frozen=True, slots=True)
class WorkspaceMetadata:
    workspace_id: str
    hint_salt: bytes
    recovery: RecoverySlot
    slots: tuple[KeySlot, ...] = ()
    settings: WorkspaceSettings = field(default_factory=WorkspaceSettings)

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
                "language": self.settings.language,
                "outcome_check_months": self.settings.outcome_check_months,
                "retention_months": self.settings.retention_months,
                "sync_grace_days": self.settings.sync_grace_days,
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WorkspaceMetadata:
        settings = data.get("settings", {})
        return cls(
            workspace_id=str(data["workspace_id"]),
            hint_salt=_unb64(data["hint_salt"]),
            recovery=RecoverySlot.from_json(data["recovery"]),
            slots=tuple(KeySlot.from_json(s) for s in data["slots"]),
            settings=WorkspaceSettings(
                idle_lock_minutes=float(settings.get("idle_lock_minutes", 5.0)),
                language=str(settings.get("language", "fr")),
                outcome_check_months=int(settings.get("outcome_check_months", 3)),
                retention_months=int(settings.get("retention_months", 24)),
                sync_grace_days=int(settings.get("sync_grace_days", 30)),
            ),
        )


def metadata_path(workspace: Path) -> Path:
    return workspace / METADATA_NAME


def database_path(workspace: Path) -> Path:
    return workspace / DATABASE_NAME


def read_metadata(workspace: Path) -> WorkspaceMetadata:
    path = metadata_path(workspace)
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != FORMAT:
            raise ValueError("not an Aller-Vers workspace file")
        if int(data.get("version", 0)) > FORMAT_VERSION:
            raise ValueError("written by a newer version")
        return WorkspaceMetadata.from_json(data)
    except FileNotFoundError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise WorkspaceCorrupt(path, type(error).__name__) from error


def write_metadata(workspace: Path, metadata: WorkspaceMetadata) -> None:
    data = json.dumps(metadata.to_json(), indent=2, sort_keys=True).encode("utf-8")
    write_atomically(metadata_path(workspace), data)
