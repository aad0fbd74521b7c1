"""The caseload's table: one row per household, sorted by clicking a header (in the query, through
the model), the current row telling which household to show in the follow-up panel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from allervers.ui.caseload.model import (
    ADDRESS,
    COMMUNE,
    FLAGS,
    LAST_CONTACT,
    NAME,
    NEXT_ACTION,
    SORT_KEYS,
    STATUS,
    VOLUNTEER,
    CaseloadModel,
)

# Dates read best newest first; names, communes and steps in alphabetical order.
FIRST_ORDER = {
    LAST_CONTACT: Qt.SortOrder.DescendingOrder,
    NEXT_ACTION: Qt.SortOrder.AscendingOrder,
}
# Character widths of the columns: computing them from the contents would read every row.
WIDTHS = {
    NAME: 22,
    ADDRESS: 24,
    COMMUNE: 16,
    FLAGS: 22,
    STATUS: 16,
    VOLUNTEER: 16,
    LAST_CONTACT: 13,
    NEXT_ACTION: 14,
}


class CaseloadView(QTableView):
    household_chosen = Signal(str)  # the household of the new current row

    def __init__(self, model: CaseloadModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadTable")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("n")
        for column, width in WIDTHS.items():
            self.setColumnWidth(column, width * em)
        self._show_sort()
        header.sortIndicatorChanged.connect(self._sort_asked)
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)

    def _show_sort(self) -> None:
        column = next(c for c, key in SORT_KEYS.items() if key == self._model.sort_key)
        order = (
            Qt.SortOrder.DescendingOrder if self._model.descending else Qt.SortOrder.AscendingOrder
        )
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def _sort_asked(self, column: int, order: Qt.SortOrder) -> None:
        if column not in SORT_KEYS:  # flags and volunteers: not sortable in the query
            self._show_sort()
            return
        if SORT_KEYS[column] != self._model.sort_key:
            order = FIRST_ORDER.get(column, Qt.SortOrder.AscendingOrder)
        # After the header has finished handling the click: resetting the model from inside
        # the header's own mouse event pulls its sections away under it.
        QTimer.singleShot(0, self, lambda: self._sort(column, order))

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self._model.sort(column, order)
        self._show_sort()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self._model.row_at(current.row())
        if row is not None:
            self.household_chosen.emit(row.household_id)

    def select_household(self, household_id: str) -> None:
        """Makes the household's row current if it is among the rows read, else clears."""
        row = self._model.row_of(household_id)
        if row is None:
            self.clearSelection()
            return
        self.selectRow(row)
        self.scrollTo(self._model.index(row, 0))
