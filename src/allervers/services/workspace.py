"""Creating, unlocking and locking a workspace; changing and resetting passphrases.

A workspace is one folder: the SQLCipher database and `workspace.json` (wrapped keys and
non-personal settings). The database key is random; each user's passphrase and the recovery key
wrap it. Changing a passphrase rewraps it and replaces `workspace.json` atomically, so a crash
leaves a workspace that opens with the old passphrase or the new one, never neither.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from allervers.crypto import kdf, keywrap
from allervers.domain import attempts
from allervers.domain.errors import (
    InvalidInput,
    PermissionDenied,
    TooManyAttempts,
    UnknownUser,
    UserAlreadyExists,
    WeakPassphrase,
    WorkspaceAlreadyExists,
    WorkspaceCorrupt,
    WorkspaceNotFound,
    WorkspaceTooNew,
    WrongPassphrase,
    WrongRecoveryKey,
)
from allervers.domain.passphrase import weakness
from allervers.domain.users import Role, User
from allervers.domain.workspace import WorkspaceSettings, out_of_range
from allervers.services import keyslots
from allervers.storage.attempts_file import AttemptsFile
from allervers.storage.metadata_file import (
    WorkspaceMetadata,
    database_path,
    metadata_path,
    read_metadata,
    write_metadata,
)

if TYPE_CHECKING:
    from allervers.storage.database import Database

# The database layer (SQLAlchemy, Alembic, SQLCipher: 1.6 s of the 2.1 s that importing the unlock
# window took, `python -X importtime`) is imported by the methods that open a database, not here:
# the unlock window needs only the clear files beside the database, and shows before it is loaded
# (packaging/README.md).

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
    """An unlocked workspace and the user who unlocked it. `lock()` forgets the key."""

    def __init__(
        self,
        path: Path,
        metadata: WorkspaceMetadata,
        database: Database,
        user: User,
        data_key: bytes,
        kdf_params: kdf.KdfParams,
    ) -> None:
        self.path = path
        self.metadata = metadata
        self.database: Database | None = database
        self.user = user
        self._data_key: bytes | None = data_key
        self._kdf_params = kdf_params

    @property
    def db(self) -> Database:
        if self.database is None:
            raise PermissionDenied("locked")
        return self.database

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise PermissionDenied("locked")
        return self._data_key

    @property
    def settings(self) -> WorkspaceSettings:
        return self.metadata.settings

    @property
    def is_open(self) -> bool:
        return self.database is not None

    def territory(self) -> str:
        from allervers.storage import repositories

        with self.db.session() as session:
            return repositories.territory(session)

    def audit(self, action: str, entity: str = "", entity_id: str = "") -> None:
        from allervers.storage import repositories

        with self.db.session() as session:
            repositories.append_audit(session, self.user.id, action, entity, entity_id)

    def require_coordinator(self, action: str) -> None:
        if not self.user.is_coordinator:
            raise PermissionDenied(action)

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewraps the database key for this user; the database itself is not re-encrypted."""
        require_strong(new)
        current = read_metadata(self.path)
        opened = keyslots.open_slots(current, self.user.name, old)
        if opened is None:
            raise WrongPassphrase
        slot_id, _ = opened
        slot = keyslots.make_slot(
            current, self.user.name, new, self.data_key, self._kdf_params, slot_id
        )
        self.metadata = current.with_slot(slot)
        write_metadata(self.path, self.metadata)
        self.audit("passphrase_changed", "user", self.user.id)

    def set_settings(self, settings: WorkspaceSettings) -> None:
        self.require_coordinator("settings")
        wrong = out_of_range(settings)
        if wrong:
            raise InvalidInput(wrong[0], "out_of_range")
        self.metadata = replace(read_metadata(self.path), settings=settings)
        write_metadata(self.path, self.metadata)

    def add_user(self, name: str, role: Role, passphrase: str, user_id: str | None = None) -> User:
        """A coordinator adds a user; the new key slot is written before the user row, so a
        crash in between leaves an unused slot, never a user who cannot log in. `user_id` is
        given when it was announced before (a team invitation)."""
        from allervers.storage import repositories

        self.require_coordinator("add_user")
        name = clean_name("user", name)
        require_strong(passphrase)
        with self.db.session() as session:
            if repositories.find_user(session, name) is not None:
                raise UserAlreadyExists(name)
        current = read_metadata(self.path)
        slot = keyslots.make_slot(current, name, passphrase, self.data_key, self._kdf_params)
        self.metadata = current.with_slot(slot)
        write_metadata(self.path, self.metadata)
        with self.db.session() as session:
            user = repositories.add_user(session, name, role, slot.slot_id, user_id)
            repositories.append_audit(session, self.user.id, "user_added", "user", user.id)
        return user

    def list_users(self) -> list[User]:
        from allervers.storage import repositories

        self.require_coordinator("list_users")
        with self.db.session() as session:
            return repositories.list_users(session)

    def lock(self) -> None:
        """Closes the database and drops the key. Python cannot wipe bytes from memory; dropping
        the last reference is the most it can do."""
        if self.database is not None:
            self.database.dispose()
        self.database = None
        self._data_key = None


@dataclass(frozen=True, slots=True)
class CreatedWorkspace:
    workspace: OpenWorkspace
    recovery_key: str  # shown once, never stored in clear


class WorkspaceService:
    """Entry point for everything that happens before a workspace is unlocked."""

    def __init__(
        self,
        state_dir: Path,
        kdf_params: kdf.KdfParams = kdf.DEFAULT_PARAMS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._attempts = AttemptsFile(state_dir / "unlock-attempts.json")
        self._kdf_params = kdf_params
        self._clock = clock

    @property
    def kdf_params(self) -> kdf.KdfParams:
        """The Argon2id cost of new passphrase slots (a workspace joined from an invitation
        uses it too)."""
        return self._kdf_params

    def create(
        self, path: Path, territory: str, coordinator: str, passphrase: str
    ) -> CreatedWorkspace:
        from allervers.storage import migrate, repositories
        from allervers.storage.database import Database
        from allervers.storage.models import new_id

        territory = clean_name("territory", territory)
        coordinator = clean_name("user", coordinator)
        require_strong(passphrase)
        if is_workspace(path) or database_path(path).exists():
            raise WorkspaceAlreadyExists(path)
        path.mkdir(parents=True, exist_ok=True)
        data_key = keywrap.new_data_key()
        workspace_id = new_id()
        recovery_slot, recovery_key = keyslots.make_recovery(workspace_id, data_key)
        metadata = WorkspaceMetadata(
            workspace_id=workspace_id, hint_salt=kdf.new_salt(), recovery=recovery_slot
        )
        slot = keyslots.make_slot(metadata, coordinator, passphrase, data_key, self._kdf_params)
        metadata = metadata.with_slot(slot)
        database = Database.create(database_path(path), data_key)
        try:
            migrate.upgrade(database.engine)
            with database.session() as session:
                repositories.set_territory(session, territory)
                user = repositories.add_user(session, coordinator, Role.COORDINATOR, slot.slot_id)
                repositories.append_audit(session, user.id, "workspace_created")
            # Written last: until this file exists the folder is not a workspace, so a crash
            # during creation leaves nothing that asks for a passphrase.
            write_metadata(path, metadata)
        except BaseException:
            database.dispose()
            for leftover in path.glob(database_path(path).name + "*"):
                leftover.unlink(missing_ok=True)
            raise
        workspace = OpenWorkspace(path, metadata, database, user, data_key, self._kdf_params)
        return CreatedWorkspace(workspace, recovery_key)

    def _metadata(self, path: Path) -> WorkspaceMetadata:
        try:
            return read_metadata(path)
        except FileNotFoundError:
            raise WorkspaceNotFound(path) from None

    def settings(self, path: Path) -> WorkspaceSettings | None:
        """The clear, non-personal settings (language, idle lock), readable before unlocking;
        None when there is no readable workspace there."""
        try:
            return read_metadata(path).settings
        except (OSError, WorkspaceCorrupt):
            return None

    def retry_after(self, path: Path) -> float:
        """Seconds before the next unlock attempt is allowed (0 when allowed now)."""
        try:
            metadata = read_metadata(path)
        except (FileNotFoundError, OSError):
            return 0.0
        failed = self._attempts.get(metadata.workspace_id)
        wait = failed.last_at + attempts.delay_after(failed.count) - self._clock()
        return max(wait, 0.0)

    def unlock(self, path: Path, user_name: str, passphrase: str) -> OpenWorkspace:
        """Opens the workspace for a user. A wrong name or passphrase writes nothing into the
        workspace folder; the failure count lives in the state folder."""
        metadata = self._metadata(path)
        wait = self.retry_after(path)
        if wait > 0:
            raise TooManyAttempts(wait)
        opened = keyslots.open_slots(metadata, user_name, passphrase)
        if opened is None:
            self._attempts.record_failure(metadata.workspace_id, self._clock())
            raise WrongPassphrase
        slot_id, data_key = opened
        workspace = self._open(path, metadata, data_key, user_name, slot_id)
        self._attempts.reset(metadata.workspace_id)
        workspace.audit("unlocked", "user", workspace.user.id)
        return workspace

    def _open(
        self,
        path: Path,
        metadata: WorkspaceMetadata,
        data_key: bytes,
        user_name: str,
        slot_id: str | None,
    ) -> OpenWorkspace:
        from allervers.storage import migrate, repositories
        from allervers.storage.database import Database

        database = Database.open(database_path(path), data_key)
        try:
            revision = migrate.current_revision(database.engine)
            if revision is not None and revision not in migrate.known_revisions():
                raise WorkspaceTooNew(path, revision)
            migrate.upgrade(database.engine)
            with database.session() as session:
                found = repositories.find_user(session, user_name)
            # The slot opened must be this user's own: a hint shared by two names is not enough.
            if found is None or not found[0].active or (slot_id and found[1] != slot_id):
                self._attempts.record_failure(metadata.workspace_id, self._clock())
                raise WrongPassphrase
        except BaseException:
            database.dispose()
            raise
        return OpenWorkspace(path, metadata, database, found[0], data_key, self._kdf_params)

    def reset_with_recovery_key(
        self, path: Path, recovery_key: str, user_name: str, new_passphrase: str
    ) -> OpenWorkspace:
        """A forgotten passphrase: the recovery key opens the workspace and sets a new passphrase
        for the named user."""
        from allervers.storage import migrate, repositories
        from allervers.storage.database import Database

        require_strong(new_passphrase)
        metadata = self._metadata(path)
        wait = self.retry_after(path)
        if wait > 0:
            raise TooManyAttempts(wait)
        data_key = keyslots.open_recovery(metadata, recovery_key)
        if data_key is None:
            self._attempts.record_failure(metadata.workspace_id, self._clock())
            raise WrongRecoveryKey
        database = Database.open(database_path(path), data_key)
        try:
            migrate.upgrade(database.engine)
            with database.session() as session:
                found = repositories.find_user(session, user_name)
        finally:
            database.dispose()
        if found is None:
            raise UnknownUser(user_name)
        user, slot_id = found
        slot = keyslots.make_slot(
            metadata, user.name, new_passphrase, data_key, self._kdf_params, slot_id
        )
        write_metadata(path, metadata.with_slot(slot))
        self._attempts.reset(metadata.workspace_id)
        workspace = self._open(path, read_metadata(path), data_key, user.name, slot_id)
        workspace.audit("passphrase_reset_with_recovery_key", "user", user.id)
        return workspace
