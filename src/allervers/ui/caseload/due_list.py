""" "À relancer": the referrals whose outcome check has come, or without news ten days after they
were made (CaseloadService.due_checks), oldest due first, with the phone to call when the
household agreed to be contacted. Double-click (or Enter) opens the household's follow-up; a
referral leaves the list once its outcome, or "sans nouvelles", is recorded."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.referrals import Referral, due_on
from allervers.services.household_file import VisitIndex
from allervers.ui.caseload.texts import (
    commune_name,
    date_text,
    name_text,
    organisation_text,
    status_name,
)
from allervers.wording import right_short_name

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole
HOUSEHOLD_COLUMN = 1


def due_count_text(count: int) -> str:
    if count == 0:
        return translate("DueList", "Aucune orientation à relancer.")
    if count == 1:
        return translate("DueList", "1 orientation à relancer.")
    return translate("DueList", "{0} orientations à relancer.").format(
        f"{count:,}".replace(",", "\u00a0")
    )


class DueList(QWidget):
    open_household = Signal(str)  # household id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueList")
        self.count = QLabel()
        self.count.setObjectName("dueCount")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("dueTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("À vérifier depuis"),
                self.tr("Foyer"),
                self.tr("Téléphone"),
                self.tr("Commune"),
                self.tr("Droit"),
                self.tr("Organisme"),
                self.tr("Étape"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HOUSEHOLD_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        self.open_button = QPushButton(self.tr("&Ouvrir le foyer"))
        self.open_button.setObjectName("openDue")
        self.open_button.clicked.connect(lambda: self._activated(self.table.currentRow(), 0))
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(bool(self.table.selectedItems()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.show_due([], None)

    def show_due(self, referrals: list[Referral], index: VisitIndex | None) -> None:
        """`index` names the households; None while it is being read (names come later)."""
        self.table.setRowCount(0)
        self.table.setRowCount(len(referrals))
        for row, referral in enumerate(referrals):
            entry = index.contact(referral.household_id) if index is not None else None
            name = name_text(entry.contact_name) if entry else "…"
            commune = commune_name(entry.commune_insee) if entry else ""
            # The phone is kept only when the household agreed to be contacted (VisitEntry).
            phone = (entry.phone or "") if entry else ""
            cells = [
                date_text(due_on(referral)),
                name,
                phone,
                commune,
                right_short_name(referral.right, QCoreApplication.translate),
                organisation_text(referral.organisation),
                status_name(referral.status.value),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(HOUSEHOLD_ROLE, referral.household_id)
                self.table.setItem(row, column, item)
        self.count.setText(due_count_text(len(referrals)))
        self.open_button.setEnabled(False)

    def households(self) -> list[str]:
        """The households listed, in order (one per due referral)."""
        return [
            str(item.data(HOUSEHOLD_ROLE))
            for row in range(self.table.rowCount())
            if (item := self.table.item(row, 0)) is not None
        ]

    def _activated(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_household.emit(str(item.data(HOUSEHOLD_ROLE)))
