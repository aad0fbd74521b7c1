"""An unlocked workspace: what its user does with it (users, passphrases, the recovery key,
settings) and closing it. Every change of `workspace.json` happens while holding the database's
write lock, the one lock every writer of the folder takes (see `OpenWorkspace._change_metadata`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from allervers.crypto import kdf
from allervers.crypto.anchor import wipe
from allervers.domain.errors import (
    InvalidInput,
    PermissionDenied,
    UserAlreadyExists,
    WeakPassphrase,
    WorkspaceLocked,
    WrongPassphrase,
)
from allervers.domain.passphrase import weakness
from allervers.domain.settings import SETTINGS, Who
from allervers.domain.users import Role, User
from allervers.domain.workspace import WorkspaceSettings, out_of_range
from allervers.services import keyslots
from allervers.storage.metadata_file import (
    WorkspaceMetadata,
    metadata_path,
    read_metadata,
    write_metadata,
)

if TYPE_CHECKING:
    from allervers.storage.database import Database

# The storage layer is imported by the methods that use it: see services/workspace.py.

MAX_NAME_LENGTH = 80


def require_strong(passphrase: str) -> None:
    reason = weakness(passphrase)
    if reason is not None:
        raise WeakPassphrase(reason.value)


def clean_name(field: str, value: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise InvalidInput(field, "empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidInput(field, "too_long")
    return cleaned


def is_workspace(path: Path) -> bool:
    return metadata_path(path).is_file()


class OpenWorkspace:
    """An unlocked workspace and the user who unlocked it. `close()` (or `lock()`) closes the
    database and zeroes the key."""

    def __init__(
        self,
        path: Path,
        metadata: WorkspaceMetadata,
        database: Database,
        user: User,
        data_key: bytes | bytearray,
        kdf_params: kdf.KdfParams,
    ) -> None:
        self.path = path
        self.metadata = metadata
        self.database: Database | None = database
        self.user = user
        # A bytearray, zeroed by close(). The `bytes` it was copied from (AES-GCM's output) and
        # the copies `data_key` hands out are immutable: Python cannot wipe them, they go when
        # the garbage collector frees them.
        self._data_key: bytearray | None = bytearray(data_key)
        self._kdf_params = kdf_params
        if database.anchor is None:
            database.anchor_audit(metadata.workspace_id)

    @property
    def db(self) -> Database:
        if self.database is None:
            raise WorkspaceLocked
        return self.database

    @property
    def data_key(self) -> bytes:
        """An immutable copy of the database key, for the few operations that give it to another
        library (a backup's SQLCipher export, a new key slot)."""
        if self._data_key is None:
            raise WorkspaceLocked
        return bytes(self._data_key)

    @property
    def gap_found(self) -> tuple[int, int | None] | None:
        """(last entry found, entry the anchor expected; None if the anchor was unusable) when
        this opening found commits missing from the database (a lost `-wal`, an older copy put
        back): recorded in the audit log, to be told to the user."""
        database = self.database
        if database is None or database.anchor is None:
            return None
        return database.anchor.gap_found

    @property
    def settings(self) -> WorkspaceSettings:
        return self.metadata.settings

    @property
    def is_open(self) -> bool:
        return self.database is not None

    def territory(self) -> str:
        from allervers.storage import repositories

        with self.db.read() as session:
            return repositories.territory(session)

    def audit(self, action: str, entity: str = "", entity_id: str = "") -> None:
        from allervers.storage import repositories

        with self.db.session() as session:
            repositories.append_audit(session, self.user.id, action, entity, entity_id)

    def require_coordinator(self, action: str) -> None:
        if not self.user.is_coordinator:
            raise PermissionDenied(action)

    def _change_metadata(
        self, change: Callable[[Any, WorkspaceMetadata], WorkspaceMetadata]
    ) -> None:
        """Reads `workspace.json`, changes it (`change` also audits the change in the session)
        and writes it back atomically, all inside one write transaction: its lock (`BEGIN
        IMMEDIATE`, taken by the first statement) keeps any other thread or process from writing
        the file in between, which would undo this change or the audit anchor."""
        with self.db.session() as session:
            session.connection()  # begins the transaction: the write lock is held from here
            changed = change(session, read_metadata(self.path))
            write_metadata(self.path, changed)
            self.metadata = changed

    def _audited(self, session: Any, action: str, entity: str = "", entity_id: str = "") -> None:
        from allervers.storage import repositories

        repositories.append_audit(session, self.user.id, action, entity, entity_id)

    def write_first_metadata(self) -> None:
        """Writes the metadata of a workspace being created, anchored to its audit log's head:
        the last step of creating or joining, so that a crash before it leaves no workspace."""
        with self.db.session() as session:
            session.connection()
            anchor = self.db.anchor
            assert anchor is not None
            self.metadata = replace(self.metadata, audit_anchor=anchor.current(session))
            write_metadata(self.path, self.metadata)

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewraps the database key for this user; the database itself is not re-encrypted."""
        require_strong(new)
        opened = keyslots.open_slots(read_metadata(self.path), self.user.name, old)
        if opened is None:
            raise WrongPassphrase
        slot_id, _ = opened
        self._set_passphrase(new, slot_id, "passphrase_changed")

    def _set_passphrase(self, passphrase: str, slot_id: str, action: str) -> None:
        # The slot is made outside the lock (Argon2id takes half a second).
        slot = keyslots.make_slot(
            self.metadata, self.user.name, passphrase, self.data_key, self._kdf_params, slot_id
        )

        def with_slot(session: Any, current: WorkspaceMetadata) -> WorkspaceMetadata:
            self._audited(session, action, "user", self.user.id)
            return current.with_slot(slot)

        self._change_metadata(with_slot)

    def rotate_recovery_key(self) -> str:
        """A coordinator replaces the recovery key (a sheet lost, or seen by someone who left):
        a new key wraps the database key and the old one no longer opens anything. Returns the
        new key, to show once."""
        self.require_coordinator("recovery_key")
        slot, key = keyslots.make_recovery(self.metadata.workspace_id, self.data_key)

        def with_recovery(session: Any, current: WorkspaceMetadata) -> WorkspaceMetadata:
            self._audited(session, "recovery_key_rotated", "workspace")
            return replace(current, recovery=slot)

        self._change_metadata(with_recovery)
        return key

    def set_settings(self, settings: WorkspaceSettings) -> None:
        """Stores new settings, each within its bounds, changed by whom its declaration allows
        (domain/settings.py; saving nothing new asks as much as changing everything)."""
        changed = [
            s for s in SETTINGS if getattr(settings, s.name) != getattr(self.settings, s.name)
        ]
        if any(s.who is Who.COORDINATOR for s in changed or SETTINGS) or (
            settings.language != self.settings.language
        ):
            self.require_coordinator("settings")
        wrong = out_of_range(settings)
        if wrong:
            raise InvalidInput(wrong[0], "out_of_range")

        def with_settings(session: Any, current: WorkspaceMetadata) -> WorkspaceMetadata:
            self._audited(session, "settings_changed", "workspace")
            return replace(current, settings=settings)

        self._change_metadata(with_settings)

    def add_user(self, name: str, role: Role, passphrase: str, user_id: str | None = None) -> User:
        """A coordinator adds a user: the key slot and the user row in one write transaction
        (the slot is written before the commit, so a crash in between leaves an unused slot,
        never a user who cannot log in). `user_id` is given when it was announced before (a
        team invitation)."""
        from allervers.storage import repositories

        self.require_coordinator("add_user")
        name = clean_name("user", name)
        require_strong(passphrase)
        with self.db.read() as session:
            if repositories.find_user(session, name) is not None:
                raise UserAlreadyExists(name)
        slot = keyslots.make_slot(self.metadata, name, passphrase, self.data_key, self._kdf_params)
        added: list[User] = []

        def with_user(session: Any, current: WorkspaceMetadata) -> WorkspaceMetadata:
            if repositories.find_user(session, name) is not None:
                raise UserAlreadyExists(name)
            user = repositories.add_user(session, name, role, slot.slot_id, user_id)
            self._audited(session, "user_added", "user", user.id)
            added.append(user)
            return current.with_slot(slot)

        self._change_metadata(with_user)
        return added[0]

    def list_users(self) -> list[User]:
        from allervers.storage import repositories

        self.require_coordinator("list_users")
        with self.db.read() as session:
            return repositories.list_users(session)

    def close(self) -> None:
        """Closes the database and zeroes the key. The window calls it once its background tasks
        are done (or cancelled); a task that still asks for the database gets `WorkspaceLocked`.
        Calling it twice is harmless."""
        if self.database is not None:
            self.database.close()
        self.database = None
        if self._data_key is not None:
            wipe(self._data_key)
        self._data_key = None

    def lock(self) -> None:
        """Locking is closing: the key is gone until a passphrase opens the workspace again."""
        self.close()
