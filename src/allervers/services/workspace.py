"""Creating, unlocking and locking a workspace; changing and resetting passphrases.

A workspace is one folder: the SQLCipher database and `workspace.json` (wrapped keys, the audit
chain's anchor and non-personal settings). The database key is random; each user's passphrase and
the recovery key wrap it. Changing a passphrase rewraps it and replaces `workspace.json`
atomically, so a crash leaves a workspace that opens with the old passphrase or the new one, never
neither. What an unlocked workspace does is in `allervers.services.open_workspace`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from allervers.crypto import kdf, keywrap
from allervers.crypto.anchor import wipe
from allervers.domain import attempts
from allervers.domain.errors import (
    TooManyAttempts,
    UnknownUser,
    WorkspaceAlreadyExists,
    WorkspaceCorrupt,
    WorkspaceNotFound,
    WorkspaceTooNew,
    WrongPassphrase,
    WrongRecoveryKey,
)
from allervers.domain.users import Role
from allervers.domain.workspace import WorkspaceSettings
from allervers.services import keyslots
from allervers.services.open_workspace import (
    MAX_NAME_LENGTH,
    OpenWorkspace,
    clean_name,
    is_workspace,
    require_strong,
)
from allervers.storage.attempts_file import AttemptsFile
from allervers.storage.metadata_file import (
    WorkspaceMetadata,
    database_path,
    read_metadata,
)

if TYPE_CHECKING:
    from allervers.storage.database import Database

# The database layer (SQLAlchemy, Alembic, SQLCipher: 1.6 s of the 2.1 s that importing the unlock
# window took, `python -X importtime`) is imported by the methods that open a database, not here:
# the unlock window needs only the clear files beside the database, and shows before it is loaded
# (packaging/README.md). tests/packaging/test_fast_start.py keeps it so.

__all__ = [
    "MAX_NAME_LENGTH",
    "CreatedWorkspace",
    "OpenWorkspace",
    "WorkspaceService",
    "clean_name",
    "is_workspace",
    "require_strong",
]


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
        self.state_dir = state_dir  # this machine's own files (unlock counters, display)
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
            workspace = OpenWorkspace(path, metadata, database, user, data_key, self._kdf_params)
            # Written last: until this file exists the folder is not a workspace, so a crash
            # during creation leaves nothing that asks for a passphrase.
            workspace.write_first_metadata()
        except BaseException:
            database.close()
            for leftover in path.glob(database_path(path).name + "*"):
                leftover.unlink(missing_ok=True)
            raise
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
        except (OSError, WorkspaceCorrupt, WorkspaceTooNew):
            return None

    def retry_after(self, path: Path) -> float:
        """Seconds before the next unlock attempt is allowed (0 when allowed now)."""
        try:
            metadata = read_metadata(path)
        except (OSError, WorkspaceCorrupt, WorkspaceTooNew):
            return 0.0  # no delay to show: the unlock itself says what is wrong with the file
        failed = self._attempts.get(metadata.workspace_id)
        wait = failed.last_at + attempts.delay_after(failed.count) - self._clock()
        return max(wait, 0.0)

    def open_key(
        self, path: Path, user_name: str, passphrase: str
    ) -> tuple[WorkspaceMetadata, str, bytearray]:
        """(metadata, slot id, database key) when the passphrase opens one of this name's slots;
        the database is not opened. Wrong attempts are counted and delayed here."""
        metadata = self._metadata(path)
        wait = self.retry_after(path)
        if wait > 0:
            raise TooManyAttempts(wait)
        opened = keyslots.open_slots(metadata, user_name, passphrase)
        if opened is None:
            self.refuse(metadata)
        slot_id, data_key = opened
        return metadata, slot_id, bytearray(data_key)

    def refuse(self, metadata: WorkspaceMetadata) -> NoReturn:
        """Counts a failed attempt and says the name or passphrase is wrong."""
        self._attempts.record_failure(metadata.workspace_id, self._clock())
        raise WrongPassphrase

    def accept(self, metadata: WorkspaceMetadata) -> None:
        self._attempts.reset(metadata.workspace_id)

    def unlock(self, path: Path, user_name: str, passphrase: str) -> OpenWorkspace:
        """Opens the workspace for a user. A wrong name or passphrase writes nothing into the
        workspace folder; the failure count lives in the state folder."""
        metadata, slot_id, data_key = self.open_key(path, user_name, passphrase)
        try:
            workspace = self._open(path, metadata, data_key, user_name, slot_id)
        finally:
            wipe(data_key)
        self.accept(metadata)
        try:
            workspace.audit("unlocked", "user", workspace.user.id)
        except BaseException:
            workspace.close()
            raise
        return workspace

    def _prepare(self, path: Path, data_key: bytes | bytearray) -> Database:
        """The database opened and migrated to this version's schema."""
        from allervers.storage import migrate
        from allervers.storage.database import Database, translate_storage_errors

        database = Database.open(database_path(path), data_key)
        try:
            with translate_storage_errors(database.path):
                revision = migrate.current_revision(database.engine)
                if revision is None:
                    # Every workspace has a schema from its creation: none means a damaged file,
                    # and migrating would write a fresh schema into it.
                    raise WorkspaceCorrupt(database_path(path), "no schema")
                if revision not in migrate.known_revisions():
                    raise WorkspaceTooNew(path, revision)
                migrate.upgrade(database.engine)
        except BaseException:
            database.close()
            raise
        return database

    def _open(
        self,
        path: Path,
        metadata: WorkspaceMetadata,
        data_key: bytes | bytearray,
        user_name: str,
        slot_id: str,
    ) -> OpenWorkspace:
        from allervers.storage import repositories

        database = self._prepare(path, data_key)
        try:
            with database.read() as session:
                found = repositories.find_user(session, user_name)
            # The slot opened must be this user's own: a hint shared by two names is not enough.
            if found is None or not found[0].active or found[1] != slot_id:
                self.refuse(metadata)
        except BaseException:
            database.close()
            raise
        return OpenWorkspace(path, metadata, database, found[0], data_key, self._kdf_params)

    def reset_with_recovery_key(
        self, path: Path, recovery_key: str, user_name: str, new_passphrase: str
    ) -> OpenWorkspace:
        """A forgotten passphrase: the recovery key opens the workspace and sets a new passphrase
        for the named user."""
        from allervers.storage import repositories

        require_strong(new_passphrase)
        metadata = self._metadata(path)
        wait = self.retry_after(path)
        if wait > 0:
            raise TooManyAttempts(wait)
        data_key = keyslots.open_recovery(metadata, recovery_key)
        if data_key is None:
            self._attempts.record_failure(metadata.workspace_id, self._clock())
            raise WrongRecoveryKey
        database = self._prepare(path, data_key)
        try:
            with database.read() as session:
                found = repositories.find_user(session, user_name)
            if found is None:
                raise UnknownUser(user_name)
            if not found[0].active:
                self.refuse(metadata)
        except BaseException:
            database.close()
            raise
        user, slot_id = found
        workspace = OpenWorkspace(path, metadata, database, user, data_key, self._kdf_params)
        try:
            workspace._set_passphrase(new_passphrase, slot_id, "passphrase_reset_with_recovery_key")
        except BaseException:
            workspace.close()
            raise
        self.accept(metadata)
        return workspace
