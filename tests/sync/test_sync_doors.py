"""Rounds travel in the sync files: a round given to a volunteer (or a pair) reaches their laptop,
the statuses they record come back, and the coordinator's coverage counts them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from allervers.domain.doors import DoorStatus
from allervers.services import address_samples as samples
from allervers.services.addresses import AddressService
from allervers.services.doors import DoorService
from allervers.services.retention import RetentionService
from allervers.services.rounds import RoundService
from allervers.services.sync import SyncService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace
from tests.conftest import OTHER_PASSPHRASE
from tests.sync.test_sync import SECOND_PASSPHRASE, Team, enrol, send


@pytest.fixture
def team(created: CreatedWorkspace, tmp_path: Path) -> Iterator[Team]:
    folder = tmp_path / "team"
    folder.mkdir()
    hub = created.workspace
    alice = enrol(hub, folder, "Alice Marchand", OTHER_PASSPHRASE)
    bruno = enrol(hub, folder, "Bruno Kervella", SECOND_PASSPHRASE)
    yield Team(hub, alice, bruno, folder)
    alice.lock()
    bruno.lock()


TODAY = dt.date(2026, 10, 14)


def _territory(team: Team, tmp_path: Path) -> tuple[str, str]:
    addresses = samples.commune_addresses("49092", 120)
    AddressService(team.hub).import_file(samples.write_ban(tmp_path / "ban.csv", addresses))
    ways = sorted(
        {a.address.street for a in addresses},
        key=lambda w: -sum(a.address.street == w for a in addresses),
    )
    return ways[0], ways[1]


def test_a_round_reaches_its_volunteer_and_the_statuses_come_back(
    team: Team, tmp_path: Path
) -> None:
    first, second = _territory(team, tmp_path)
    rounds = RoundService(team.hub)
    bourg = rounds.create("Bourg", "49092", [first], ["Alice Marchand"])
    other = rounds.create("Écarts", "49092", [second], ["Bruno Kervella"])
    send(team.hub, team.alice, tmp_path / "to-alice.avsync", "Alice Marchand")
    send(team.hub, team.bruno, tmp_path / "to-bruno.avsync", "Bruno Kervella")

    # Alice's laptop holds her round only.
    alice = DoorService(team.alice, today=TODAY)
    assert [r.name for r in RoundService(team.alice).rounds()] == ["Bourg"]
    mine = alice.doors()
    assert {v.door.id for v in mine} == set(bourg.door_ids)
    assert not {v.door.id for v in mine} & set(other.door_ids)
    walk = alice.next_doors("Bourg")
    assert [n.door.id for n in walk][:3] == [v.door.id for v in mine][:3]

    # She records doors: one interview through a visit, a refusal, the rest of the street absent.
    door = walk[0].door
    visits = VisitService(team.alice)
    visit = visits.start("49092", door.street, door.number_text, TODAY, door_id=door.id)
    visits.answer(visit.id, "door_outcome", "refused")
    visits.finish(visit.id)
    alice.record(walk[1].door.id, DoorStatus.COME_BACK, come_back_on=TODAY + dt.timedelta(days=3))
    absent = alice.absent_street(first, "Bourg")
    assert absent == len(bourg.door_ids) - 2
    send(team.alice, team.hub, tmp_path / "from-alice.avsync")

    figures = DoorService(team.hub, today=TODAY).coverage("Bourg")
    assert (figures.total.doors, figures.total.knocked) == (
        len(bourg.door_ids),
        len(bourg.door_ids),
    )
    assert figures.total.opened == 2 and figures.total.by_status["absent"] == absent
    by_name = {r.round.name: r for r in DoorService(team.hub).coverage().rounds}
    assert by_name["Bourg"].coverage.knocked == len(bourg.door_ids)
    assert by_name["Écarts"].coverage.knocked == 0
    assert by_name["Bourg"].volunteers == ("Alice Marchand",)


def test_a_pair_sees_each_other_s_doors_and_a_round_taken_back_leaves_the_laptop(
    team: Team, tmp_path: Path
) -> None:
    first, _second = _territory(team, tmp_path)
    rounds = RoundService(team.hub)
    bourg = rounds.create("Bourg", "49092", [first], ["Alice Marchand", "Bruno Kervella"])
    send(team.hub, team.alice, tmp_path / "a1.avsync", "Alice Marchand")
    send(team.hub, team.bruno, tmp_path / "b1.avsync", "Bruno Kervella")
    DoorService(team.alice, today=TODAY).record(bourg.door_ids[0], DoorStatus.VACANT)
    send(team.alice, team.hub, tmp_path / "a2.avsync")
    send(team.hub, team.bruno, tmp_path / "b2.avsync", "Bruno Kervella")
    seen = {v.door.id: v.state.status for v in DoorService(team.bruno).doors("Bourg")}
    assert seen[bourg.door_ids[0]] is DoorStatus.VACANT

    rounds.assign("Bourg", ["Alice Marchand"])
    send(team.bruno, team.hub, tmp_path / "b3.avsync")
    send(team.hub, team.bruno, tmp_path / "b4.avsync", "Bruno Kervella")
    assert [r.name for r in RoundService(team.bruno).rounds()] == ["Bourg"]  # grace period
    # The grace period over (the next day), the round leaves Bruno's laptop with its doors.
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    SyncService(team.bruno, keep_days=0, today=tomorrow).read_bundle(
        _written(team, tmp_path / "b5.avsync", "Bruno Kervella")
    )
    assert RoundService(team.bruno).rounds() == []
    assert DoorService(team.bruno).doors() == []


def _written(team: Team, path: Path, volunteer: str) -> Path:
    SyncService(team.hub).write_bundle(path, volunteer)
    return path


def test_refused_and_do_not_disturb_follow_the_retention_period(team: Team, tmp_path: Path) -> None:
    first, _ = _territory(team, tmp_path)
    bourg = RoundService(team.hub).create("Bourg", "49092", [first], ["Alice Marchand"])
    old = DoorService(team.hub, today=dt.date(2023, 1, 10))
    old.record(bourg.door_ids[0], DoorStatus.REFUSED)
    old.record(bourg.door_ids[1], DoorStatus.DO_NOT_DISTURB)
    old.record(bourg.door_ids[2], DoorStatus.VACANT)
    recent = DoorService(team.hub, today=TODAY)
    recent.record(bourg.door_ids[3], DoorStatus.DO_NOT_DISTURB)
    assert RetentionService(team.hub, today=TODAY).expire_door_statuses() == 2
    states = {v.door.id: v.state for v in recent.doors("Bourg")}
    assert states[bourg.door_ids[0]].status is DoorStatus.ERASED
    assert states[bourg.door_ids[1]].status is DoorStatus.ERASED
    assert states[bourg.door_ids[2]].status is DoorStatus.VACANT
    assert states[bourg.door_ids[3]].status is DoorStatus.DO_NOT_DISTURB
    assert states[bourg.door_ids[0]].knocked and states[bourg.door_ids[0]].opened
    # The erased statuses reach the volunteer's laptop too.
    send(team.hub, team.alice, tmp_path / "a.avsync", "Alice Marchand")
    there = {v.door.id: v.state.status for v in DoorService(team.alice).doors("Bourg")}
    assert there[bourg.door_ids[1]] is DoorStatus.ERASED
