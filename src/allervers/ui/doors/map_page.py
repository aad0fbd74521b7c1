"""The "Carte" page: the coverage map with its legend, the progress of each round, and the
history of the door clicked. For the coordinator, the whole territory; for a volunteer, the
rounds given to them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.doors import DoorStatus
from allervers.domain.errors import AllerVersError
from allervers.messages import describe
from allervers.services.doors import DoorService
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.doors.map_data import MapData, read_map
from allervers.ui.doors.map_view import CoverageMap
from allervers.ui.doors.symbols import icon, status_label

translate = QCoreApplication.translate
PANEL_WIDTH = 300


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


def day_text(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) >= 10 else iso


class MapPage(QWidget):
    """`workspace_path` is where building outlines are looked for beside the workspace."""

    def __init__(
        self, doors: DoorService, workspace_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapPage")
        self._doors = doors
        self._path = workspace_path
        self.data: MapData | None = None
        self.map = CoverageMap()
        self.map.door_clicked.connect(self.show_door)
        self.summary = QLabel()
        self.summary.setObjectName("mapSummary")
        self.summary.setWordWrap(True)
        self.error = message_label("mapError", ERROR_STYLE)
        self.legend = QListWidget()
        self.legend.setObjectName("mapLegend")
        self.legend.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rounds = QVBoxLayout()
        self.door_title = QLabel(self.tr("Cliquez sur une porte pour voir ses passages."))
        self.door_title.setObjectName("doorTitle")
        self.door_title.setWordWrap(True)
        self.history = QListWidget()
        self.history.setObjectName("doorHistory")
        fit = QPushButton(self.tr("&Tout voir"))
        fit.setObjectName("mapFit")
        fit.clicked.connect(self.map.fit_all)
        zoom_in = QPushButton("+")
        zoom_in.setToolTip(self.tr("Zoomer"))
        zoom_in.clicked.connect(lambda: self.map.zoom_by(1.5))
        zoom_out = QPushButton("−")
        zoom_out.setToolTip(self.tr("Dézoomer"))
        zoom_out.clicked.connect(lambda: self.map.zoom_by(1 / 1.5))
        buttons = QHBoxLayout()
        for button in (fit, zoom_in, zoom_out):
            buttons.addWidget(button)

        legend_box = QGroupBox(self.tr("Légende"))
        QVBoxLayout(legend_box).addWidget(self.legend)
        rounds_box = QGroupBox(self.tr("Avancement des tournées"))
        rounds_box.setLayout(self.rounds)
        door_box = QGroupBox(self.tr("Porte"))
        door_layout = QVBoxLayout(door_box)
        door_layout.addWidget(self.door_title)
        door_layout.addWidget(self.history)
        panel = QVBoxLayout()
        panel.addWidget(self.summary)
        panel.addLayout(buttons)
        panel.addWidget(legend_box, 2)
        panel.addWidget(rounds_box)
        panel.addWidget(door_box, 2)
        panel_widget = QWidget()
        panel_widget.setLayout(panel)
        panel_widget.setFixedWidth(PANEL_WIDTH)
        layout = QHBoxLayout(self)
        column = QVBoxLayout()
        column.addWidget(self.error)
        column.addWidget(self.map, 1)
        layout.addLayout(column, 1)
        layout.addWidget(panel_widget)
        self._loaded_once = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def refresh(self) -> None:
        """Reads the doors again (off the UI thread) and redraws."""
        self.summary.setText(self.tr("Chargement de la carte…"))
        read_map(self, self._doors, self._path, self.show_data, self._failed)

    def _failed(self, error: Exception) -> None:
        self.summary.clear()
        if isinstance(error, AllerVersError):
            self.error.setText(describe(error, translate))
        else:
            self.error.setText(self.tr("La carte n'a pas pu être chargée."))

    def show_data(self, data: MapData) -> None:
        first = self.data is None
        self.data = data
        self.error.clear()
        self.map.show_buildings(data.buildings)
        self.map.show_doors(data.map_doors())
        self.map.show_rounds(data.map_rounds())
        total = data.total
        if total.doors == 0:
            self.summary.setText(
                self.tr(
                    "Aucune porte : importez les adresses du territoire (allervers addresses import)."
                )
            )
        else:
            self.summary.setText(
                self.tr("{0} portes, {1} frappées ({2}), {3} foyers rencontrés.").format(
                    total.doors, total.knocked, percent(total.coverage), total.households_met
                )
            )
        self.legend.clear()
        for status in DoorStatus:
            count = total.by_status.get(status.value, 0)
            item = QListWidgetItem(icon(status), f"{status_label(status)} ({count})")
            self.legend.addItem(item)
        while self.rounds.count():
            taken = self.rounds.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None:
                old.deleteLater()
        for found in data.rounds:
            bar = QProgressBar()
            bar.setObjectName("roundProgress")
            bar.setRange(0, max(1, found.coverage.doors))
            bar.setValue(found.coverage.knocked)
            bar.setFormat(f"{found.round.name} : %v/%m")
            self.rounds.addWidget(bar)
        if not data.rounds:
            self.rounds.addWidget(QLabel(self.tr("Aucune tournée.")))
        if first:
            self.map.fit_all()

    def show_door(self, door_id: str) -> None:
        """The door clicked: its address and every pass, oldest first."""
        self.map.mark(door_id)
        try:
            door, passes = self._doors.history(door_id)
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        self.door_title.setText(door.address_text or door.commune_insee)
        self.history.clear()
        for made in passes:
            text = f"{day_text(made.on)} — {status_label(made.status)}"
            if made.come_back_on:
                text += self.tr(" (le {0})").format(day_text(made.come_back_on))
            self.history.addItem(QListWidgetItem(icon(made.status), text))
        if not passes:
            self.history.addItem(self.tr("Jamais frappée."))
