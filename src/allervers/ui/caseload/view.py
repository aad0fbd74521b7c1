"""The caseload's table: one row per household, sorted by clicking a header (in the query, through
the model), the current row telling which household to show in the follow-up panel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
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
# The text columns share the width the dates leave, in these proportions, and never get narrower
# than MINIMUM characters: measuring the contents instead would read every row. Long texts are
# elided; the tooltip shows them whole.
SHARES = {
    NAME: 18,
    ADDRESS: 18,
    COMMUNE: 13,
    FLAGS: 16,
    STATUS: 15,
    VOLUNTEER: 10,
}
MINIMUM = 8
DATE_SAMPLE = "00/00/0000"


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
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        self._em = metrics.horizontalAdvance("n")
        padding = 3 * self._em  # the cell's margins and the sort arrow
        for column in (LAST_CONTACT, NEXT_ACTION):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(DATE_SAMPLE), metrics.horizontalAdvance(title))
            self.setColumnWidth(column, widest + padding)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._fit_columns()
        self._show_sort()
        header.sortIndicatorChanged.connect(self._sort_asked)
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The whole row in view when there is room: no sideways scrolling to see the dates."""
        dates = self.columnWidth(LAST_CONTACT) + self.columnWidth(NEXT_ACTION)
        # The vertical scroll bar's room is kept whether it shows yet or not.
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        room = self.contentsRect().width() - scroll_bar - dates - 2
        total = sum(SHARES.values())
        least = MINIMUM * self._em
        widths = {column: max(least, room * share // total) for column, share in SHARES.items()}
        excess = sum(widths.values()) - room  # what the minimums took: from the widest column
        widest = max(widths, key=widths.__getitem__)
        widths[widest] = max(least, widths[widest] - max(excess, 0))
        for column, width in widths.items():
            self.setColumnWidth(column, width)

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
