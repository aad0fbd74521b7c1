"""'Portes suivantes': the doors of the commune to knock at again (absent last time, or a day
agreed to come back that has come). Picking one fills the door form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from allervers.domain.visits import Door
from allervers.ui.common.commune_edit import display_code
from allervers.ui.visits.visit_lists import door_text

DOOR_ROLE = Qt.ItemDataRole.UserRole


class NextDoors(QGroupBox):
    picked = Signal(object)  # Door

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextDoors")
        self.setTitle(self.tr("Portes suivantes"))
        self.note = QLabel()
        self.note.setObjectName("nextDoorsNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        self.list = QListWidget()
        self.list.setObjectName("nextDoorsList")
        # A narrow column: addresses wrap instead of hiding behind a horizontal scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.list.itemActivated.connect(self._picked)
        self.list.itemClicked.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self.show_doors("", [])

    def show_doors(self, commune: str, doors: list[Door]) -> None:
        self.list.clear()
        for door in doors:
            item = QListWidgetItem(door_text(door))
            item.setData(DOOR_ROLE, door)
            self.list.addItem(item)
        if not commune:
            self.note.setText(self.tr("Choisissez une commune pour voir ses portes à revoir."))
        elif doors:
            self.note.setText(
                self.tr(
                    "{0} : {1} porte(s) à revoir. Cliquez sur une porte pour la reprendre."
                ).format(display_code(commune), len(doors))
            )
        else:
            self.note.setText(self.tr("{0} : aucune porte à revoir.").format(display_code(commune)))
        self.list.setVisible(bool(doors))

    def _picked(self, item: QListWidgetItem) -> None:
        door = item.data(DOOR_ROLE)
        if isinstance(door, Door):
            self.picked.emit(door)
