"""Lock contention is told as "busy, try again", never as damage; reads never wait for a writer;
a statement's parameters never reach an exception's text; closing zeroes the key."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import QueuePool

from allervers.domain.errors import WorkspaceBusy, WorkspaceCorrupt, WorkspaceLocked
from allervers.domain.users import Role
from allervers.messages import describe
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.storage import database
from allervers.storage.database import raw_connect
from allervers.storage.metadata_file import database_path
from allervers.storage.models import UserRow
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, TERRITORY, file_hashes

BUSY = "occupé par une autre opération, réessayez"


@pytest.fixture
def writer_holding_the_lock(created: CreatedWorkspace, workspace_path: Path) -> Iterator[Any]:
    """Another connection (another process, or a background task) in the middle of a write:
    it holds the write lock with a change not yet committed."""
    holder = raw_connect(database_path(workspace_path), created.workspace.data_key)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE workspace_info SET territory = 'pas encore validé'")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


def test_a_read_does_not_wait_for_a_write_in_progress(
    created: CreatedWorkspace, writer_holding_the_lock: Any
) -> None:
    """WAL readers in a deferred transaction see the last committed state at once."""
    workspace = created.workspace
    assert workspace.territory() == TERRITORY
    assert [u.name for u in workspace.list_users()] == [COORDINATOR]
    assert VisitService(workspace).drafts() == []


def test_a_write_blocked_past_the_timeout_says_busy_and_changes_nothing(
    created: CreatedWorkspace,
    workspace_path: Path,
    writer_holding_the_lock: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.2)
    workspace = created.workspace
    workspace.close()  # reopened below with the short wait
    service = WorkspaceService(workspace_path.parent / "state")
    before = file_hashes(workspace_path)
    with pytest.raises(WorkspaceBusy) as refused:
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    message = describe(refused.value)
    assert BUSY in message
    assert "abîmé" not in message and "sauvegarde" not in message
    assert file_hashes(workspace_path) == before


def test_a_write_of_an_open_workspace_blocked_says_busy(
    service: WorkspaceService,
    created: CreatedWorkspace,
    workspace_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    created.workspace.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.2)
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    holder = raw_connect(database_path(workspace_path), workspace.data_key)
    holder.execute("BEGIN IMMEDIATE")
    metadata = (workspace_path / "workspace.json").read_bytes()
    try:
        with pytest.raises(WorkspaceBusy):
            workspace.add_user("Noé Valadier", Role.VOLUNTEER, OTHER_PASSPHRASE)
        with pytest.raises(WorkspaceBusy):
            VisitService(workspace).start("63113", "rue des Lilas", "3")
        # Nothing half-done: no key slot for the refused user, no anchor moved.
        assert (workspace_path / "workspace.json").read_bytes() == metadata
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [u.name for u in workspace.list_users()] == [COORDINATOR]
    workspace.add_user("Noé Valadier", Role.VOLUNTEER, OTHER_PASSPHRASE)  # free again: it works
    workspace.close()


def test_concurrent_threads_share_an_explicit_pool(created: CreatedWorkspace) -> None:
    workspace = created.workspace
    assert isinstance(workspace.db.engine.pool, QueuePool)
    results: list[str] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(20):
                results.append(workspace.territory())
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [TERRITORY] * 120


def test_statement_parameters_never_appear_in_an_error(created: CreatedWorkspace) -> None:
    """A failing statement holding a person's name: the name is in no exception's text."""
    name = "Philomène Quelennec-Secret"
    with pytest.raises(WorkspaceCorrupt) as failed, created.workspace.db.session() as session:
        for _ in range(2):  # the second breaks the unique name key
            session.add(UserRow(name=name, name_key=name.lower(), role="volunteer", slot_id="x"))
            session.flush()
    chain: list[BaseException] = []
    error: BaseException | None = failed.value
    while error is not None:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert len(chain) > 1  # the driver's error is there, with its statement
    for link in chain:
        assert name not in str(link) and name.lower() not in str(link), type(link)


def test_close_zeroes_the_key_and_a_late_task_is_told_locked(
    created: CreatedWorkspace,
) -> None:
    workspace = created.workspace
    database_handle = workspace.db
    key = workspace._data_key
    db_key = database_handle._key
    assert key is not None and any(key) and any(db_key)
    workspace.close()
    assert not any(key) and not any(db_key)
    with pytest.raises(WorkspaceLocked):
        workspace.territory()
    # A task that kept the database object:
    with pytest.raises(WorkspaceLocked), database_handle.read() as session:
        session.connection()
    workspace.close()  # twice is harmless
