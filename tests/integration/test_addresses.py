"""Importing the territory's addresses: BAN csv-legacy and BAL 1.4 (synthetic files in the exact
formats), idempotent, with refusals that change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allervers.domain.addresses import AddressFileInvalid
from allervers.domain.doors import DoorStatus
from allervers.messages import describe
from allervers.services import address_samples as samples
from allervers.services.addresses import AddressService
from allervers.services.doors import DoorService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import file_hashes

THREE = ["49092", "49023", "49125"]


@pytest.fixture(scope="module")
def departement(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ban")
    return samples.write_ban(folder / "adresses-49.csv", samples.departement_addresses(30_000))


def test_a_departement_file_filtered_to_three_communes_then_imported_again(
    created: CreatedWorkspace, departement: Path
) -> None:
    service = AddressService(created.workspace)
    first = service.import_file(departement, THREE)
    expected = sum(
        1 for s in samples.departement_addresses(30_000) if s.address.commune_insee in THREE
    )
    assert (first.added, first.changed, first.removed) == (expected, 0, 0)
    doors = DoorService(created.workspace).doors()
    assert len(doors) == expected
    assert {d.door.commune_insee for d in doors} == set(THREE)
    again = service.import_file(departement, THREE)
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, expected)
    assert len(DoorService(created.workspace).doors()) == expected


def test_a_newer_file_reports_added_changed_and_removed(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    addresses = samples.commune_addresses("49092", 200)
    service = AddressService(created.workspace)
    service.import_file(samples.write_ban(tmp_path / "v1.csv", addresses))
    newer = [samples.moved(a, 12.0) if i < 3 else a for i, a in enumerate(addresses[:-5])]
    newer += samples.commune_addresses("49092", 210)[200:]
    counts = service.import_file(samples.write_ban(tmp_path / "v2.csv", newer))
    assert (counts.added, counts.changed, counts.removed) == (10, 3, 5)
    doors = DoorService(created.workspace).doors()
    assert len(doors) == 205  # the removed addresses' doors leave the list
    moved = {d.door.cle_interop: d.door for d in doors}[addresses[0].address.cle_interop]
    assert moved.x == pytest.approx(addresses[0].address.x + 12.0)


def test_ban_and_bal_of_a_commune_give_the_same_doors(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    addresses = samples.commune_addresses("49023", 300)
    service = AddressService(created.workspace)
    service.import_file(samples.write_ban(tmp_path / "ban.csv", addresses))
    before = {
        (d.door.cle_interop, d.door.address_text) for d in DoorService(created.workspace).doors()
    }
    counts = service.import_file(samples.write_bal(tmp_path / "bal.csv", addresses))
    assert (counts.added, counts.changed, counts.removed) == (0, 0, 0)
    after = {
        (d.door.cle_interop, d.door.address_text) for d in DoorService(created.workspace).doors()
    }
    assert before == after and len(after) == 300


def test_a_bal_alone_gives_the_same_doors_as_the_ban(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    addresses = samples.commune_addresses("49023", 120)
    AddressService(created.workspace).import_file(
        samples.write_bal(tmp_path / "bal.csv", addresses)
    )
    texts = sorted(d.door.address_text for d in DoorService(created.workspace).doors())
    assert texts == sorted(
        " ".join(p for p in (f"{a.address.number} {a.address.suffix}".strip(), a.address.street))
        + (f" ({a.address.lieu_dit})" if a.address.lieu_dit else "")
        for a in addresses
    )


def test_a_malformed_line_is_refused_with_its_number_and_nothing_changes(
    created: CreatedWorkspace, tmp_path: Path, workspace_path: Path
) -> None:
    service = AddressService(created.workspace)
    good = samples.write_ban(tmp_path / "ok.csv", samples.commune_addresses("49092", 50))
    service.import_file(good)
    lines = good.read_text(encoding="utf-8").splitlines()
    cells = lines[7].split(";")
    cells[2] = "douze"
    lines[7] = ";".join(cells)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = file_hashes(workspace_path)  # the open workspace's files, -wal and -shm included
    with pytest.raises(AddressFileInvalid) as refused:
        service.import_file(bad)
    assert (refused.value.line, refused.value.reason, refused.value.column) == (
        8,
        "number",
        "numero",
    )
    assert describe(refused.value).endswith(
        "ligne 8 : numéro impossible (numero). Aucune adresse n'a été prise en compte."
    )
    assert file_hashes(workspace_path) == before
    skipped = service.import_file(bad, skip_invalid=True)
    assert [line for line, _r, _c in skipped.skipped] == [8]
    assert skipped.removed == 0  # a skipped line is not an address that left the reference


def test_old_visits_are_matched_to_their_doors_on_import(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    addresses = samples.commune_addresses("49092", 40)
    first = addresses[4].address
    visits = VisitService(created.workspace)
    absent = visits.record_door(
        "49092", first.street.upper(), str(first.number), _outcome("absent")
    )
    elsewhere = visits.record_door("49092", "Rue Inconnue", "3", _outcome("vacant"))
    AddressService(created.workspace).import_file(samples.write_ban(tmp_path / "a.csv", addresses))
    doors = {d.door.cle_interop: d for d in DoorService(created.workspace).doors()}
    met = doors[first.cle_interop]
    assert met.state.status is DoorStatus.ABSENT and met.state.passes == 1
    assert sum(d.state.knocked for d in doors.values()) == 1
    assert absent.id != elsewhere.id


def test_a_visit_names_its_door_by_its_ban_id(created: CreatedWorkspace, tmp_path: Path) -> None:
    addresses = samples.commune_addresses("49092", 20)
    target = addresses[3].address
    line = {
        "format": "allervers-visit/1",
        "questionnaire": {"id": "visite", "version": 1},
        "visited_on": "2026-10-14",
        "address_ban_id": target.cle_interop,
        "answers": {"door_outcome": "refused", "address_insee": "49092"},
    }
    path = tmp_path / "v.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    VisitService(created.workspace).import_file(path)
    # The addresses come after the visit: the door it named becomes the address's door.
    AddressService(created.workspace).import_file(samples.write_ban(tmp_path / "a.csv", addresses))
    doors = DoorService(created.workspace).doors()
    assert len(doors) == 20
    named = next(d for d in doors if d.door.cle_interop == target.cle_interop)
    assert named.state.status is DoorStatus.REFUSED and named.door.street == target.street


def _outcome(value: str):  # type: ignore[no-untyped-def]
    from allervers.domain.visits import DoorOutcome

    return DoorOutcome(value)


def test_visits_of_a_workspace_upgraded_to_the_doors_are_matched_at_the_first_import(
    created: CreatedWorkspace, tmp_path: Path, workspace_path: Path, service: WorkspaceService
) -> None:
    """A workspace left at revision 0007 (before the doors) opens with its visits; the first
    address import gives them their doors."""
    from allervers.domain.visits import DoorOutcome
    from allervers.storage import migrate
    from allervers.storage.database import Database
    from allervers.storage.metadata_file import database_path
    from tests.conftest import COORDINATOR, PASSPHRASE

    addresses = samples.commune_addresses("49092", 30)
    target = addresses[7].address
    VisitService(created.workspace).record_door(
        "49092", target.street, str(target.number), DoorOutcome.VACANT
    )
    key = created.workspace.data_key
    created.workspace.lock()
    db = Database.open(database_path(workspace_path), key)
    migrate.downgrade(db.engine, "0007")
    db.dispose()
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    try:
        assert migrate.current_revision(workspace.db.engine) == migrate.head_revision()
        counts = AddressService(workspace).import_file(
            samples.write_ban(tmp_path / "a.csv", addresses)
        )
        assert counts.visits_matched == 1
        doors = {d.door.cle_interop: d.state for d in DoorService(workspace).doors()}
        assert doors[target.cle_interop].status is DoorStatus.VACANT
    finally:
        workspace.lock()
