"""The doors in the window: the coverage map (symbols by status, rounds outlined, a click shows a
door's history), the coordinator's rounds page (cut by streets or drawn on the map, given to a
volunteer), and the volunteer's next doors with "absent" for a whole street."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QPushButton, QTableWidget

from allervers.domain.doors import DoorStatus
from allervers.domain.users import Role
from allervers.services import address_samples as samples
from allervers.services import building_samples
from allervers.services.addresses import AddressService
from allervers.services.doors import DoorService
from allervers.services.rounds import RoundService
from allervers.services.workspace import CreatedWorkspace
from allervers.ui.doors.map_page import MapPage
from allervers.ui.doors.map_view import CoverageMap
from allervers.ui.doors.rounds_page import RoundsPage
from allervers.ui.doors.symbols import SYMBOLS
from tests.conftest import OTHER_PASSPHRASE
from tests.ui.conftest import find, type_text

VOLUNTEER = "Loïc Hervouet"


@pytest.fixture
def territory(created: CreatedWorkspace) -> tuple[str, list[str]]:
    workspace = created.workspace
    addresses = samples.commune_addresses("49092", 150)
    path = samples.write_ban(workspace.path.parent / "ban.csv", addresses)
    AddressService(workspace).import_file(path)
    building_samples.write_batiments(
        workspace.path / "cadastre-49092-batiments.json", addresses, "49092"
    )
    workspace.add_user(VOLUNTEER, Role.VOLUNTEER, OTHER_PASSPHRASE)
    counts: dict[str, int] = {}
    for a in addresses:
        counts[a.address.street] = counts.get(a.address.street, 0) + 1
    streets = sorted(counts, key=lambda s: -counts[s])
    made = RoundService(workspace).create("Bourg", "49092", streets[:1], [VOLUNTEER])
    doors = DoorService(workspace)
    doors.record(made.door_ids[0], DoorStatus.VACANT)
    doors.record(made.door_ids[1], DoorStatus.DO_NOT_DISTURB)
    return streets[1], list(made.door_ids)


def _page(window, kind, name):  # type: ignore[no-untyped-def]
    view = window._view
    assert view is not None
    index = [view.navigation.item(i).text() for i in range(view.navigation.count())].index(name)
    view.navigation.setCurrentRow(index)
    return find(window, kind, kind.__name__[0].lower() + kind.__name__[1:])


def test_the_map_draws_each_door_with_its_status_and_shows_a_door_s_history(
    territory: tuple[str, list[str]], qtbot, open_window
) -> None:
    _other, bourg = territory
    window = open_window()
    page = _page(window, MapPage, "Carte")
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    view = find(page, CoverageMap, "coverageMap")
    assert len(view.doors) == 150
    assert view.building_items  # the cadastre file next to the workspace
    vacant = view.doors[bourg[0]]
    assert vacant.status is DoorStatus.VACANT
    # The "do not disturb" door is drawn in its colour (a black diamond) where it stands.
    quiet = view.doors[bourg[1]]
    view.zoom_by(4 / view.zoom)
    view.centre_on(quiet.x, quiet.y)
    qtbot.wait(50)
    spot = view.mapFromScene(quiet.x, -quiet.y)
    image = view.viewport().grab().toImage()
    assert image.pixelColor(spot).name() == SYMBOLS[DoorStatus.DO_NOT_DISTURB].colour.lower()
    assert len(view.round_items) == 1
    assert [t.text() for t in view._labels] == [
        f"Bourg — 2/{len(bourg)} ({round(200 / len(bourg))} %)"
    ]
    # A click on the door shows its passes.
    view.centre_on(vacant.x, vacant.y)
    qtbot.wait(50)
    at = view.mapFromScene(vacant.x, -vacant.y)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at.x(), at.y()))
    history = find(page, QListWidget, "doorHistory")
    qtbot.waitUntil(lambda: history.count() == 1)
    assert history.item(0).text().endswith("— Vacant")
    before = view.zoom
    view.zoom_by(2.0)
    assert view.zoom == pytest.approx(before * 2.0)


def test_the_coordinator_cuts_a_round_by_street_and_by_drawing(
    territory: tuple[str, list[str]], qtbot, open_window
) -> None:
    other, _bourg = territory
    window = open_window()
    page = _page(window, RoundsPage, "Tournées")
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    table = find(page, QTableWidget, "roundsTable")
    assert table.rowCount() == 1 and table.item(0, 0).text() == "Bourg"
    assert table.item(0, 5).text() == VOLUNTEER
    type_text(qtbot, page.name, "Écarts")
    page.commune.set_code("49092")
    page._commune_picked("49092")
    ways = find(page, QListWidget, "roundWays")
    row = next(
        i for i in range(ways.count()) if ways.item(i).data(Qt.ItemDataRole.UserRole) == other
    )
    ways.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(find(page, QPushButton, "createRound"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=20_000)
    assert "Tournée « Écarts » créée" in page.done.text()

    # Drawing: a shape around part of the doors.
    type_text(qtbot, page.name, "Dessin")
    qtbot.mouseClick(find(page, QPushButton, "drawRound"), Qt.MouseButton.LeftButton)
    rect = page.map.viewport().rect()
    corners = [
        QPoint(rect.width() // 4, rect.height() // 4),
        QPoint(3 * rect.width() // 4, rect.height() // 4),
        QPoint(3 * rect.width() // 4, 3 * rect.height() // 4),
        QPoint(rect.width() // 4, 3 * rect.height() // 4),
    ]
    qtbot.mousePress(page.map.viewport(), Qt.MouseButton.LeftButton, pos=corners[0])
    for corner in corners[1:]:
        qtbot.mouseMove(page.map.viewport(), corner)
    qtbot.mouseRelease(page.map.viewport(), Qt.MouseButton.LeftButton, pos=corners[-1])
    qtbot.waitUntil(lambda: table.rowCount() == 3 or bool(page.error.text()), timeout=20_000)
    assert not page.error.text(), page.error.text()
    assert "Tournée « Dessin » créée" in page.done.text()


def test_the_volunteer_walks_the_round_and_records_a_whole_street_absent(
    territory: tuple[str, list[str]], qtbot, open_window
) -> None:
    _other, bourg = territory
    window = open_window(VOLUNTEER, OTHER_PASSPHRASE)
    doors = window._view.visits.round_doors
    assert doors.isVisible()
    listing = find(doors, QListWidget, "roundDoorsList")
    assert listing.count() == len(bourg) - 2  # vacant and "do not disturb" are not knocked again
    listing.setCurrentRow(0)
    qtbot.mouseClick(
        listing.viewport(),
        Qt.MouseButton.LeftButton,
        pos=listing.visualItemRect(listing.item(0)).center(),
    )
    form = window._view.visits.door_form
    assert form._door_id is not None
    qtbot.mouseClick(find(form, QPushButton, "door_refused"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: listing.count() == len(bourg) - 3)
    # Another door at the first address still to knock: it joins the round.
    listing.setCurrentRow(0)
    first = listing.item(0).text().split(" — ")[0]
    qtbot.mouseClick(find(doors, QPushButton, "otherDoor"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: listing.count() == len(bourg) - 2)
    assert any(
        listing.item(i).text().startswith(f"{first}, porte 2") for i in range(listing.count())
    )
    listing.setCurrentRow(0)
    qtbot.mouseClick(find(doors, QPushButton, "streetAbsent"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: listing.count() == 0)
    figures = DoorService(window.workspace, today=dt.date.today()).coverage("Bourg").total
    assert figures.doors == len(bourg) + 1 and figures.knocked == len(bourg) + 1
    assert figures.by_status["refused"] == 1 and figures.by_status["absent"] == len(bourg) - 2
