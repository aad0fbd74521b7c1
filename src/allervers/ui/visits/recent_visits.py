"""The latest finished visits, to open one again: to read it, or to correct an answer (each
change of a finished visit is kept in its history with the previous value)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.visits import Visit
from allervers.ui.visits.visit_lists import visit_text

VISIT_ROLE = Qt.ItemDataRole.UserRole
SHOWN = 30


class RecentVisits(QGroupBox):
    open_visit = Signal(str)  # visit id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentVisits")
        self.setTitle(self.tr("Visites récentes"))
        self.list = QListWidget()
        self.list.setObjectName("recentVisitsList")
        self.list.itemActivated.connect(self._activated)
        self.open_button = QPushButton(self.tr("&Ouvrir la visite"))
        self.open_button.setObjectName("openVisit")
        self.open_button.setAutoDefault(True)
        self.open_button.clicked.connect(self._open_current)
        self.list.currentItemChanged.connect(
            lambda current, _old: self.open_button.setEnabled(current is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.open_button)
        self.show_visits([])

    def show_visits(self, visits: list[Visit]) -> None:
        """`visits` oldest first, as the service lists them; the newest are shown first."""
        self.list.clear()
        for visit in list(reversed(visits))[:SHOWN]:
            item = QListWidgetItem(visit_text(visit))
            item.setData(VISIT_ROLE, visit.id)
            self.list.addItem(item)
        self.open_button.setEnabled(False)

    def add_visit(self, visit: Visit) -> None:
        """A visit just finished goes on top (and replaces its older line, if any)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(VISIT_ROLE) == visit.id:
                self.list.takeItem(row)
                break
        item = QListWidgetItem(visit_text(visit))
        item.setData(VISIT_ROLE, visit.id)
        self.list.insertItem(0, item)
        while self.list.count() > SHOWN:
            self.list.takeItem(self.list.count() - 1)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_visit.emit(str(item.data(VISIT_ROLE)))

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._activated(item)
