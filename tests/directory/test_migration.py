"""Migration 0010: the offices typed by hand before the directory become its office entries."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from allervers.domain.rights import Organisation
from allervers.services.rights import RightsService
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.storage import migrate
from allervers.storage.database import Database
from allervers.storage.metadata_file import database_path
from tests.conftest import COORDINATOR, PASSPHRASE


def test_places_typed_before_the_directory_are_kept_as_office_entries(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    key = created.workspace.data_key
    created.workspace.lock()
    db = Database.open(database_path(workspace_path), key)
    migrate.downgrade(db.engine, "0007")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO places (id, created_at, updated_at, origin_device, change_seq, "
                "organisation, name, address, phone, hours) VALUES ('p1', '2026-01-02T10:00:00', "
                "'2026-01-02T10:00:00', 'd', 1, 'cpam', 'CPAM de Cholet', '5 rue X, Cholet', "
                "'36 46', 'lun.-ven.')"
            )
        )
    db.dispose()
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    try:
        places = RightsService(workspace).places()
        assert set(places) == {Organisation.CPAM}
        cpam = places[Organisation.CPAM]
        assert (cpam.name, cpam.address, cpam.phone, cpam.hours) == (
            "CPAM de Cholet",
            "5 rue X, Cholet",
            "36 46",
            "lun.-ven.",
        )
    finally:
        workspace.lock()
    db = Database.open(database_path(workspace_path), key)
    migrate.downgrade(db.engine, "0007")  # and back: the office is in `places` again
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT organisation, name FROM places")).fetchall()
    db.dispose()
    assert [tuple(r) for r in rows] == [("cpam", "CPAM de Cholet")]
