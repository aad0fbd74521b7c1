"""The encrypted workspace, as the services use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allervers.domain.errors import (
    PermissionDenied,
    TooManyAttempts,
    UserAlreadyExists,
    WeakPassphrase,
    WorkspaceAlreadyExists,
    WorkspaceCorrupt,
    WorkspaceNotFound,
    WrongPassphrase,
    WrongRecoveryKey,
)
from allervers.domain.users import Role
from allervers.domain.workspace import CheckCode, CheckFinding
from allervers.services.integrity import check
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.storage import migrate
from allervers.storage.database import Database
from allervers.storage.metadata_file import database_path, read_metadata
from tests.conftest import (
    COORDINATOR,
    OTHER_PASSPHRASE,
    PASSPHRASE,
    TERRITORY,
    file_hashes,
)

SQLITE_HEADER = b"SQLite format 3\x00"


def all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file()]


def test_created_workspace_reveals_neither_format_nor_names(
    created: CreatedWorkspace, workspace_path: Path
) -> None:
    created.workspace.lock()  # flushes the WAL into the database file
    files = all_bytes(workspace_path)
    assert {p.name for p, _ in files} >= {"workspace.avdb", "workspace.json"}
    for path, data in files:
        assert not data.startswith(SQLITE_HEADER), path
        for secret in (TERRITORY, COORDINATOR, "Hortense", "Quillivic", "Brenne"):
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, (path, secret)
            assert secret.lower().encode() not in data.lower(), (path, secret)


def test_workspace_opens_with_its_passphrase_and_knows_its_territory(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    created.workspace.lock()
    workspace = service.unlock(workspace_path, "  hortense QUILLIVIC ", PASSPHRASE)
    assert workspace.user.name == COORDINATOR
    assert workspace.user.role is Role.COORDINATOR
    assert workspace.territory() == TERRITORY
    workspace.lock()
    assert not workspace.is_open


def test_wrong_passphrase_changes_no_file_of_the_workspace(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    created.workspace.lock()
    before = file_hashes(workspace_path)
    with pytest.raises(WrongPassphrase):
        service.unlock(workspace_path, COORDINATOR, "pas la bonne phrase du tout")
    with pytest.raises(WrongPassphrase):
        service.unlock(workspace_path, "Personne Inconnue", PASSPHRASE)
    assert file_hashes(workspace_path) == before


def test_repeated_wrong_passphrases_make_the_next_attempt_wait(
    service: WorkspaceService,
    created: CreatedWorkspace,
    workspace_path: Path,
    clock: list[float],
) -> None:
    created.workspace.lock()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            service.unlock(workspace_path, COORDINATOR, "encore une erreur de frappe")
    with pytest.raises(TooManyAttempts) as waited:
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)  # even the right one waits
    assert waited.value.retry_after_seconds == pytest.approx(2.0)
    clock[0] += 2.1
    with pytest.raises(WrongPassphrase):
        service.unlock(workspace_path, COORDINATOR, "encore une erreur de frappe")
    with pytest.raises(TooManyAttempts) as waited:
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    assert waited.value.retry_after_seconds == pytest.approx(4.0)
    clock[0] += 4.1
    service.unlock(workspace_path, COORDINATOR, PASSPHRASE).lock()
    assert service.retry_after(workspace_path) == 0  # success resets the count


def test_changing_passphrase_rewraps_without_touching_the_database(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    workspace = created.workspace
    workspace.lock()
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    db_file = database_path(workspace_path)
    salt_before = db_file.read_bytes()[:16]  # SQLCipher's per-file salt
    workspace.change_passphrase(PASSPHRASE, OTHER_PASSPHRASE)
    workspace.lock()
    assert db_file.read_bytes()[:16] == salt_before
    with pytest.raises(WrongPassphrase):
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    service.unlock(workspace_path, COORDINATOR, OTHER_PASSPHRASE).lock()


def test_weak_new_passphrase_is_refused_and_the_old_one_still_works(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    before = file_hashes(workspace_path)
    with pytest.raises(WeakPassphrase):
        created.workspace.change_passphrase(PASSPHRASE, "court")
    with pytest.raises(WrongPassphrase):
        created.workspace.change_passphrase("ce n'est pas elle du tout", OTHER_PASSPHRASE)
    assert read_metadata(workspace_path).to_json() == json.loads(
        (workspace_path / "workspace.json").read_text()
    )
    assert (workspace_path / "workspace.json").read_bytes() and before["workspace.json"] == (
        file_hashes(workspace_path)["workspace.json"]
    )
    created.workspace.lock()
    service.unlock(workspace_path, COORDINATOR, PASSPHRASE).lock()


def test_recovery_key_resets_a_forgotten_passphrase(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    created.workspace.lock()
    before = file_hashes(workspace_path)
    with pytest.raises(WrongRecoveryKey):
        service.reset_with_recovery_key(
            workspace_path,
            "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA",
            COORDINATOR,
            OTHER_PASSPHRASE,
        )
    assert file_hashes(workspace_path) == before
    workspace = service.reset_with_recovery_key(
        workspace_path, created.recovery_key.lower(), COORDINATOR, OTHER_PASSPHRASE
    )
    assert workspace.territory() == TERRITORY
    workspace.lock()
    service.unlock(workspace_path, COORDINATOR, OTHER_PASSPHRASE).lock()
    with pytest.raises(WrongPassphrase):
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)


def test_coordinator_adds_a_volunteer_who_cannot_manage_users(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    coordinator = created.workspace
    volunteer = coordinator.add_user("Lucas Béranger", Role.VOLUNTEER, OTHER_PASSPHRASE)
    assert volunteer.role is Role.VOLUNTEER
    assert [u.name for u in coordinator.list_users()] == [COORDINATOR, "Lucas Béranger"]
    with pytest.raises(UserAlreadyExists):
        coordinator.add_user("lucas  béranger", Role.VOLUNTEER, OTHER_PASSPHRASE)
    coordinator.lock()
    session = service.unlock(workspace_path, "Lucas Béranger", OTHER_PASSPHRASE)
    assert session.user.role is Role.VOLUNTEER
    with pytest.raises(PermissionDenied):
        session.list_users()
    with pytest.raises(PermissionDenied):
        session.add_user("Intrus", Role.COORDINATOR, PASSPHRASE)
    session.lock()
    # each user's passphrase opens only their own account
    with pytest.raises(WrongPassphrase):
        service.unlock(workspace_path, COORDINATOR, OTHER_PASSPHRASE)


def test_creating_over_an_existing_workspace_is_refused(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    before = file_hashes(workspace_path)
    with pytest.raises(WorkspaceAlreadyExists):
        service.create(workspace_path, "Autre", "Autre Personne", OTHER_PASSPHRASE)
    assert file_hashes(workspace_path) == before


def test_missing_and_corrupt_workspaces_give_typed_errors(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path, tmp_path: Path
) -> None:
    with pytest.raises(WorkspaceNotFound):
        service.unlock(tmp_path / "nulle-part", COORDINATOR, PASSPHRASE)
    created.workspace.lock()
    meta = workspace_path / "workspace.json"
    original = meta.read_bytes()
    meta.write_bytes(original[: len(original) // 2])
    with pytest.raises(WorkspaceCorrupt):
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    meta.write_bytes(original)
    db = database_path(workspace_path)
    data = bytearray(db.read_bytes())
    data[100:4000] = bytes(3900)  # wipe most of the first page
    db.write_bytes(bytes(data))
    with pytest.raises(WorkspaceCorrupt):
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)


def test_check_reports_an_intact_workspace(created: CreatedWorkspace) -> None:
    report = check(created.workspace)
    assert report.ok
    assert report.audit_entries == 1  # workspace_created
    assert report.users == 1
    assert report.schema_revision == migrate.head_revision()


def _raw_sql(workspace: CreatedWorkspace, statement: str) -> None:
    from sqlalchemy import text

    with workspace.workspace.db.engine.begin() as conn:
        conn.execute(text(statement))


@pytest.mark.parametrize(
    ("tampering", "problem"),
    [
        (
            "UPDATE audit_log SET action = 'nothing_to_see' WHERE seq = 2",
            CheckFinding(CheckCode.AUDIT_ENTRY_ALTERED, {"seq": 2}),
        ),
        (
            "DELETE FROM audit_log WHERE seq = 2",
            CheckFinding(CheckCode.AUDIT_ENTRY_MISSING, {"seq": 2}),
        ),
        (
            "DELETE FROM audit_log WHERE seq = 3",
            CheckFinding(CheckCode.AUDIT_NEWEST_REMOVED, {"found": 2, "expected": 3}),
        ),
    ],
)
def test_check_detects_an_altered_or_removed_audit_entry(
    created: CreatedWorkspace, tampering: str, problem: CheckFinding
) -> None:
    created.workspace.audit("unlocked")
    created.workspace.audit("locked")
    assert check(created.workspace).ok
    _raw_sql(created, tampering)
    report = check(created.workspace)
    assert report.problems == (problem,)


def test_workspace_created_at_the_first_revision_is_migrated_on_open(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    """A workspace left at revision 0001 by an older Aller-Vers opens and is brought to head."""
    key = created.workspace.data_key
    created.workspace.lock()
    db = Database.open(database_path(workspace_path), key)
    migrate.downgrade(db.engine, "0001")  # as Aller-Vers 0.1 left it
    assert migrate.current_revision(db.engine) == "0001"
    db.dispose()
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    assert migrate.current_revision(workspace.db.engine) == migrate.head_revision()
    workspace.lock()


def test_every_record_has_a_random_id_and_a_change_stamp(created: CreatedWorkspace) -> None:
    from sqlalchemy import text

    with created.workspace.db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, origin_device, change_seq FROM users UNION ALL "
                "SELECT id, origin_device, change_seq FROM workspace_info UNION ALL "
                "SELECT id, origin_device, change_seq FROM audit_log"
            )
        ).fetchall()
        device = conn.execute(text("SELECT device_id, counter FROM device_clock")).one()
    assert len({r.id for r in rows}) == len(rows) == 3
    assert all(len(r.id) == 32 for r in rows)
    assert {r.origin_device for r in rows} == {device.device_id}
    assert sorted(r.change_seq for r in rows) == list(range(1, device.counter + 1))
