"""The volunteer's next doors of their rounds, in walking order: the come-back dates of the day
first, then the absent doors due again, then the doors never knocked. Picking a door fills the
door form; "absent" can be recorded for a whole street at once, and a person's request not to be
disturbed again is one click."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.doors import DoorStatus
from allervers.domain.errors import AllerVersError
from allervers.domain.walking import Due, NextDoor
from allervers.messages import describe
from allervers.services.doors import DoorService
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.doors.symbols import icon

translate = QCoreApplication.translate
NEXT_ROLE = Qt.ItemDataRole.UserRole


def due_text(item: NextDoor) -> str:
    if item.due is Due.COME_BACK_TODAY:
        return translate("RoundDoors", "à revoir aujourd'hui")
    if item.due is Due.ABSENT_AGAIN:
        return translate("RoundDoors", "absent {0} fois").format(item.state.absent_passes)
    return translate("RoundDoors", "à frapper")


class RoundDoors(QGroupBox):
    picked = Signal(object, str)  # domain.doors.Door, round id
    recorded = Signal()

    def __init__(self, service: DoorService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundDoors")
        self.setTitle(self.tr("Mes tournées : portes suivantes"))
        self._service = service
        self.round = QComboBox()
        self.round.setObjectName("roundChoice")
        self.round.currentIndexChanged.connect(lambda _i: self.refresh())
        self.note = QLabel()
        self.note.setObjectName("roundDoorsNote")
        self.note.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("roundDoorsList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._picked)
        self.list.itemClicked.connect(self._picked)
        self.street_absent = QPushButton(self.tr("Absent : &toute la rue"))
        self.street_absent.setObjectName("streetAbsent")
        self.street_absent.setToolTip(
            self.tr("Personne n'a ouvert dans cette rue : « absent » pour ses portes à frapper")
        )
        self.street_absent.clicked.connect(self.absent_for_street)
        self.do_not_disturb = QPushButton(self.tr("Ne plus &déranger"))
        self.do_not_disturb.setObjectName("doNotDisturb")
        self.do_not_disturb.setToolTip(self.tr("La personne demande à ne plus être sollicitée"))
        self.do_not_disturb.clicked.connect(self._do_not_disturb)
        self.other_door = QPushButton(self.tr("Autre &porte ici"))
        self.other_door.setObjectName("otherDoor")
        self.other_door.setToolTip(
            self.tr("Une autre porte à cette adresse (logements, ferme) : « porte 2 »")
        )
        self.other_door.clicked.connect(self._other_door)
        self.error = message_label("roundDoorsError", ERROR_STYLE)
        # Two rows: side by side, the three buttons widened the window past 960 pixels.
        buttons = QGridLayout()
        buttons.addWidget(self.street_absent, 0, 0)
        buttons.addWidget(self.do_not_disturb, 0, 1)
        buttons.addWidget(self.other_door, 1, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.round)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._round_ids: dict[str, str] = {}
        self.load_rounds()

    def load_rounds(self) -> bool:
        """The rounds given to this user; False (and hidden) when there is none."""
        try:
            rounds = self._service.rounds()
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            rounds = []
        self._round_ids = {r.name: r.id for r in rounds}
        self.round.blockSignals(True)
        self.round.clear()
        for found in rounds:
            self.round.addItem(found.name, found.name)
        self.round.blockSignals(False)
        self.round.setVisible(len(rounds) > 1)
        self.setVisible(bool(rounds))
        self.refresh()
        return bool(rounds)

    @property
    def round_name(self) -> str | None:
        name = self.round.currentData()
        return str(name) if name else None

    def refresh(self) -> None:
        self.list.clear()
        self.error.clear()
        name = self.round_name
        if name is None:
            return
        try:
            doors = self._service.next_doors(name)
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        for item in doors:
            entry = QListWidgetItem(
                icon(item.state.status), f"{item.door.address_text} — {due_text(item)}"
            )
            entry.setData(NEXT_ROLE, item)
            self.list.addItem(entry)
        self.note.setText(
            self.tr("{0} : {1} porte(s) à frapper aujourd'hui.").format(name, len(doors))
            if doors
            else self.tr("{0} : toutes les portes du jour sont faites.").format(name)
        )
        if doors:
            self.list.setCurrentRow(0)

    def _current(self) -> NextDoor | None:
        item = self.list.currentItem()
        found = item.data(NEXT_ROLE) if item is not None else None
        return found if isinstance(found, NextDoor) else None

    def _picked(self, item: QListWidgetItem) -> None:
        found = item.data(NEXT_ROLE)
        if isinstance(found, NextDoor):
            self.picked.emit(found.door, self._round_ids.get(self.round_name or "", ""))

    def absent_for_street(self) -> None:
        current = self._current()
        if current is None:
            self.error.setText(self.tr("Choisissez une porte de la rue dans la liste."))
            return
        way = current.door.way
        try:
            count = self._service.absent_street(way, self.round_name, current.door.commune_insee)
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        self.refresh()
        self.note.setText(
            self.tr("« Absent » enregistré pour {0} porte(s) de {1}.").format(count, way)
        )
        self.recorded.emit()

    def _other_door(self) -> None:
        current = self._current()
        if current is None:
            self.error.setText(self.tr("Choisissez d'abord la porte dans la liste."))
            return
        try:
            added = self._service.add_beside(current.door.id)
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        self.refresh()
        self.note.setText(self.tr("Porte ajoutée : {0}.").format(added.address_text))

    def _do_not_disturb(self) -> None:
        current = self._current()
        if current is None:
            self.error.setText(self.tr("Choisissez d'abord la porte dans la liste."))
            return
        try:
            self._service.record(
                current.door.id,
                DoorStatus.DO_NOT_DISTURB,
                round_id=self._round_ids.get(self.round_name or ""),
            )
        except AllerVersError as error:
            self.error.setText(describe(error, translate))
            return
        self.refresh()
        self.recorded.emit()
