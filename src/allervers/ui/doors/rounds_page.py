"""The coordinator's "Tournées" page: the rounds with their progress, a form to cut a new round
by commune, streets or lieux-dits, or by drawing around doors on the map, and giving a round to
a volunteer or a pair."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError
from allervers.domain.geometry import Point
from allervers.domain.rounds import RoundKind
from allervers.domain.users import Role, User
from allervers.messages import describe
from allervers.services.doors import DoorService
from allervers.services.rounds import RoundService
from allervers.ui.common.busy import message_label
from allervers.ui.common.commune_edit import CommuneEdit, display_code
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.ui.doors.map_data import MapData, read_map
from allervers.ui.doors.map_page import percent
from allervers.ui.doors.map_view import CoverageMap

translate = QCoreApplication.translate


def kind_label(kind: RoundKind) -> str:
    if kind is RoundKind.SPOTTING:
        return translate("RoundsPage", "Repérage")
    return translate("RoundsPage", "Relance")


class RoundsPage(QWidget):
    """`users` lists the workspace's accounts (read again at each refresh: the coordinator may
    add a volunteer meanwhile); the map is read through `doors`, with the building outlines
    found beside `workspace_path`."""

    def __init__(
        self,
        rounds: RoundService,
        doors: DoorService,
        users: Callable[[], list[User]],
        workspace_path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roundsPage")
        self._service = rounds
        self._doors = doors
        self._users = users
        self._path = workspace_path
        self.data: MapData | None = None

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("roundsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tournée"),
                self.tr("Commune"),
                self.tr("Version"),
                self.tr("Portes frappées"),
                self.tr("Couverture"),
                self.tr("Bénévoles"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.name = QLineEdit()
        self.name.setObjectName("roundName")
        self.name.setMaxLength(80)
        self.commune = CommuneEdit()
        self.commune.setObjectName("roundCommune")
        self.commune.picked.connect(self._commune_picked)
        self.commune.editingFinished.connect(lambda: self._commune_picked(self.commune.code or ""))
        self.ways = QListWidget()
        self.ways.setObjectName("roundWays")
        self.ways.setMinimumHeight(120)
        self.kind = QComboBox()
        self.kind.setObjectName("roundKind")
        for kind in RoundKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.first = QComboBox()
        self.first.setObjectName("roundVolunteer1")
        self.second = QComboBox()
        self.second.setObjectName("roundVolunteer2")
        self._fill_volunteers()
        form = QFormLayout()
        form.addRow(self.tr("&Nom :"), self.name)
        form.addRow(self.tr("&Commune :"), self.commune)
        form.addRow(self.tr("&Rues et lieux-dits :"), self.ways)
        form.addRow(self.tr("&Type :"), self.kind)
        form.addRow(self.tr("&Bénévole :"), self.first)
        form.addRow(self.tr("&Binôme :"), self.second)
        self.create_button = QPushButton(self.tr("Créer la &tournée"))
        self.create_button.setObjectName("createRound")
        self.create_button.clicked.connect(self.create_from_form)
        self.draw_button = QPushButton(self.tr("&Dessiner sur la carte"))
        self.draw_button.setObjectName("drawRound")
        self.draw_button.setCheckable(True)
        self.draw_button.toggled.connect(self._drawing)
        self.assign_button = QPushButton(self.tr("&Confier la tournée choisie"))
        self.assign_button.setObjectName("assignRound")
        self.assign_button.clicked.connect(self.assign_selected)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.draw_button, self.assign_button):
            buttons.addWidget(button)
        self.error = message_label("roundsError", ERROR_STYLE)
        self.done = message_label("roundsDone", DONE_STYLE)
        box = QGroupBox(self.tr("Nouvelle tournée ou nouveaux bénévoles"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addLayout(buttons)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.error)
        column.addWidget(self.done)
        column.addWidget(self.table, 1)
        column.addWidget(box)
        self.map = CoverageMap()
        self.map.setObjectName("roundsMap")
        self.map.polygon_drawn.connect(self.create_from_shape)
        # Both sides shrink with the window: the coordinator's pages fit 960 pixels.
        self.map.setMinimumWidth(220)
        left.setMinimumWidth(340)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.map)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 600])  # the map as wide as the form: drawing needs room
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._loaded_once = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def _fill_volunteers(self) -> None:
        volunteers = [u for u in self._users() if u.role is Role.VOLUNTEER and u.active]
        for combo in (self.first, self.second):
            combo.clear()
            combo.addItem(self.tr("(personne)"), "")
            for user in volunteers:
                combo.addItem(user.name, user.name)

    def _commune_picked(self, code: str) -> None:
        self.ways.clear()
        if not code:
            return
        try:
            ways = self._service.ways(code)
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        for way, count in ways:
            item = QListWidgetItem(self.tr("{0} ({1} portes)").format(way, count))
            item.setData(Qt.ItemDataRole.UserRole, way)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ways.addItem(item)

    def chosen_ways(self) -> list[str]:
        return [
            str(self.ways.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.ways.count())
            if self.ways.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _volunteers(self) -> list[str]:
        return [str(c.currentData()) for c in (self.first, self.second) if c.currentData()]

    def refresh(self) -> None:
        read_map(self, self._doors, self._path, self.show_data, self._failed)

    def _failed(self, error: Exception) -> None:
        self.error.setText(describe(error, translate))

    def show_data(self, data: MapData) -> None:
        first = self.data is None
        self.data = data
        self.table.setRowCount(len(data.rounds))
        for row, found in enumerate(data.rounds):
            c = found.coverage
            values = [
                found.round.name,
                display_code(found.round.commune_insee),
                f"v{found.round.version} · {kind_label(found.round.kind)}",
                f"{c.knocked}/{c.doors}",
                percent(c.coverage),
                ", ".join(found.volunteers) or self.tr("non confiée"),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.map.show_buildings(data.buildings)
        self.map.show_doors(data.map_doors())
        self.map.show_rounds(data.map_rounds())
        if first:
            self.map.fit_all()

    def _drawing(self, on: bool) -> None:
        self.map.set_drawing(on)
        if on:
            self.done.setText(
                self.tr(
                    "Entourez les portes de la tournée sur la carte, en gardant le bouton appuyé."
                )
            )

    def _create(self, polygon: list[Point] | None) -> None:
        self.error.clear()
        self.done.clear()
        try:
            made = self._service.create(
                self.name.text(),
                self.commune.code or "",
                [] if polygon is not None else self.chosen_ways(),
                self._volunteers(),
                RoundKind(self.kind.currentData()),
                polygon,
            )
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        self.done.setText(
            self.tr("Tournée « {0} » créée : {1} portes.").format(made.name, len(made.door_ids))
        )
        self.name.clear()
        self.refresh()

    def create_from_form(self) -> None:
        self._create(None)

    def create_from_shape(self, polygon: list[Point]) -> None:
        self.draw_button.setChecked(False)
        self._create(polygon)

    def assign_selected(self) -> None:
        self.error.clear()
        row = self.table.currentRow()
        if row < 0 or self.data is None or row >= len(self.data.rounds):
            self.error.setText(self.tr("Choisissez d'abord une tournée dans la liste."))
            return
        name = self.data.rounds[row].round.name
        try:
            self._service.assign(name, self._volunteers())
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        who = ", ".join(self._volunteers()) or self.tr("personne")
        self.done.setText(self.tr("Tournée « {0} » confiée à {1}.").format(name, who))
        self.refresh()
