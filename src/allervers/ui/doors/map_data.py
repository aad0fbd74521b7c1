"""What the map shows, read in one go off the UI thread (ui/common/operations.py): doors with their
state, rounds with their progress, building outlines found next to the workspace."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from allervers.domain.coverage import Coverage
from allervers.domain.geometry import Point
from allervers.services.buildings import buildings_near
from allervers.services.doors import DoorService, DoorView, RoundCoverage
from allervers.ui.common.operations import run_in_background
from allervers.ui.doors.map_view import MapDoor, MapRound


@dataclass(frozen=True, slots=True)
class MapData:
    doors: list[DoorView]
    total: Coverage
    rounds: list[RoundCoverage]
    buildings: list[list[Point]] = field(default_factory=list)

    def map_doors(self) -> list[MapDoor]:
        return [
            MapDoor(v.door.id, v.door.x, v.door.y, v.state.status)
            for v in self.doors
            if v.door.x is not None and v.door.y is not None
        ]

    def map_rounds(self) -> list[MapRound]:
        where = {v.door.id: (v.door.x, v.door.y) for v in self.doors if v.door.x is not None}
        return [
            MapRound(
                r.round.name,
                tuple(
                    (x, y)
                    for d in r.round.door_ids
                    if (p := where.get(d))
                    for x, y in [p]
                    if y is not None and x is not None
                ),
                r.coverage.knocked,
                r.coverage.doors,
            )
            for r in self.rounds
        ]


def load_map(service: DoorService, workspace_path: Path | None) -> MapData:
    """`workspace_path`: where to look for building outlines (None: none drawn)."""
    doors = service.doors()
    report = service.coverage()
    buildings = buildings_near(workspace_path) if workspace_path is not None else []
    return MapData(doors, report.total, report.rounds, buildings)


def read_map(
    owner: QObject,
    doors: DoorService,
    workspace_path: Path | None,
    shown: Callable[[MapData], None],
    failed: Callable[[Exception], None],
) -> None:
    """Reads the map off the UI thread for a page that draws it (the map, the rounds)."""
    run_in_background(
        owner,
        QCoreApplication.translate("MapData", "Lecture de la carte"),
        lambda: load_map(doors, workspace_path),
        shown,
        failed,
        cancellable=True,  # a read: nothing lost if its result is thrown away
    )
