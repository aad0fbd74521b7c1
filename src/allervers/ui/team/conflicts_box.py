"""The coordinator's conflicts to settle: one row per value changed here and on a volunteer's
laptop, the value here kept until the coordinator chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.sync import Conflict, Peer
from allervers.ui.team.sync_texts import conflict_text, household_text
from allervers.ui.team.widgets import fit_height, read_only_table

CONFLICT_ROLE = Qt.ItemDataRole.UserRole


class ConflictsBox(QGroupBox):
    """`resolve(take_remote)` when a button is pressed; `selection_changed` when a row is (un)
    selected."""

    resolve = Signal(bool)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Conflits à arbitrer"))
        explain = QLabel(
            self.tr(
                "Une même information a été modifiée ici et sur l'ordinateur d'un ou une "
                "bénévole : la valeur d'ici est gardée en attendant votre choix."
            )
        )
        explain.setWordWrap(True)
        table = read_only_table(
            "conflictsTable",
            [
                self.tr("Élément"),
                self.tr("Champ"),
                self.tr("Valeur ici"),
                self.tr("Valeur reçue"),
            ],
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self.selection_changed)
        self.table = table
        self.no_conflicts = QLabel(self.tr("Aucun conflit à arbitrer."))
        self.no_conflicts.setObjectName("noConflicts")
        self.keep_button = QPushButton(self.tr("&Garder la valeur d'ici"))
        self.keep_button.setObjectName("keepLocal")
        self.keep_button.clicked.connect(lambda: self.resolve.emit(False))
        self.take_button = QPushButton(self.tr("Prendre la valeur &reçue"))
        self.take_button.setObjectName("takeRemote")
        self.take_button.clicked.connect(lambda: self.resolve.emit(True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        self._widgets: list[QWidget] = [explain, table, self.keep_button, self.take_button]
        self._conflicts: list[Conflict] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_conflicts)
        layout.addWidget(explain)
        layout.addWidget(table)
        layout.addLayout(buttons)

    def show_conflicts(
        self, conflicts: list[Conflict], users: dict[str, str], peers: list[Peer]
    ) -> None:
        table = self.table
        self._conflicts = conflicts
        senders = {p.device_id: p.user_name for p in peers}
        table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            text = conflict_text(conflict, users)
            household = household_text(conflict)
            element = f"{text.entity}\n{household}" if household else text.entity
            cells = (
                (element, element),
                (text.field, text.field),
                (text.local, text.local_full),
                (text.remote, text.remote_full),
            )
            sender = senders.get(conflict.remote_device) or self.tr("(ordinateur inconnu)")
            for column, (shown, whole) in enumerate(cells):
                item = QTableWidgetItem(shown)
                tip = whole
                if column == 3:
                    tip = self.tr("{0}\n(reçue de l'ordinateur de {1})").format(whole, sender)
                item.setToolTip(tip)
                item.setData(CONFLICT_ROLE, conflict.id)
                table.setItem(row, column, item)
        fit_height(table, len(conflicts))
        self.no_conflicts.setVisible(not conflicts)
        for widget in self._widgets:
            widget.setVisible(bool(conflicts))

    def selected(self) -> Conflict | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        wanted = None if item is None else item.data(CONFLICT_ROLE)
        return next((c for c in self._conflicts if c.id == wanted), None)

    def set_idle(self, idle: bool) -> None:
        chosen = self.selected() is not None
        for button in (self.keep_button, self.take_button):
            button.setEnabled(idle and chosen)
