"""The caseload as a Qt table model fed page by page.

`rowCount` is the filtered count from the service; rows are fetched in pages of `PAGE_SIZE` when
the view asks for them and only the last `KEPT_PAGES` pages stay in memory. With 50,000 households
the view never holds more than a few hundred rows, and the scroll bar still shows the whole list.
Sorting and filtering happen in the query (CaseloadService.page), not here.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from allervers.domain.errors import AllerVersError
from allervers.domain.referrals import CaseloadFilter, CaseloadRow
from allervers.messages import describe
from allervers.services.caseload import CaseloadService
from allervers.ui.caseload.texts import (
    address_text,
    commune_name,
    date_text,
    flags_text,
    name_text,
    status_name,
)

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


PAGE_SIZE = 200
KEPT_PAGES = 6
OVERDUE_COLOUR = QColor("#b00020")

NAME, ADDRESS, COMMUNE, FLAGS, STATUS, VOLUNTEER, LAST_CONTACT, NEXT_ACTION = range(8)
# The service's sort keys, by column; the other columns cannot be sorted.
SORT_KEYS = {
    NAME: "name",
    COMMUNE: "commune",
    STATUS: "status",
    LAST_CONTACT: "last_contact",
    NEXT_ACTION: "next_action",
}
HOUSEHOLD_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


def _headers() -> list[str]:
    return [
        translate("CaseloadModel", "Nom"),
        translate("CaseloadModel", "Adresse"),
        translate("CaseloadModel", "Commune"),
        translate("CaseloadModel", "Droits repérés"),
        translate("CaseloadModel", "Étape"),
        translate("CaseloadModel", "Bénévole"),
        translate("CaseloadModel", "Dernier contact"),
        translate("CaseloadModel", "Prochaine action"),
    ]


def _cell(row: CaseloadRow, column: int) -> str:
    if column == NAME:
        return name_text(row.contact_name)
    if column == ADDRESS:
        return address_text(row.number, row.street)
    if column == COMMUNE:
        return commune_name(row.commune_insee)
    if column == FLAGS:
        return flags_text(row.flags)
    if column == STATUS:
        return status_name(row.status)
    if column == VOLUNTEER:
        return row.volunteer
    if column == LAST_CONTACT:
        return date_text(row.last_contact)
    return date_text(row.next_action)


class CaseloadModel(QAbstractTableModel):
    """`failed` carries the sentence to show when the workspace cannot be read."""

    failed = Signal(str)

    def __init__(self, service: CaseloadService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._filter = CaseloadFilter()
        self._sort = "last_contact"
        self._descending = True
        self._count = 0
        self._pages: OrderedDict[int, list[CaseloadRow]] = OrderedDict()
        self._headers = _headers()

    # What the view asks

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _cell(row, column)
        if role == HOUSEHOLD_ROLE:
            return row.household_id
        if column == NEXT_ACTION and row.overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self._sort = key
        self._descending = order is Qt.SortOrder.DescendingOrder
        self.reload()

    # What the page asks

    @property
    def filter(self) -> CaseloadFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, where: CaseloadFilter) -> None:
        self._filter = where
        self.reload()

    def reload(self) -> None:
        """Counts again and forgets every page (filter, sort or data changed)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self._fetch_count()
        self.endResetModel()

    def refresh(self) -> None:
        """After a change to one household: the same rows, read again. The selection stays
        when the number of rows did not change."""
        count = self._fetch_count()
        if count != self._count:
            self.beginResetModel()
            self._pages.clear()
            self._count = count
            self.endResetModel()
            return
        self._pages.clear()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self._headers) - 1))

    def row_at(self, row: int) -> CaseloadRow | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._page(number)
        return page[offset] if offset < len(page) else None

    def loaded_rows(self) -> int:
        """How many rows are held in memory (for tests and the benchmark)."""
        return sum(len(page) for page in self._pages.values())

    def row_of(self, household_id: str) -> int | None:
        """The row of a household among the pages held, if it is there."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.household_id == household_id:
                    return number * PAGE_SIZE + offset
        return None

    def _page(self, number: int) -> list[CaseloadRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        try:
            page = self._service.page(
                self._filter, number * PAGE_SIZE, PAGE_SIZE, self._sort, self._descending
            )
        except AllerVersError as error:
            self.failed.emit(describe(error, QCoreApplication.translate))
            page = []
        self._pages[number] = page
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return page

    def _fetch_count(self) -> int:
        try:
            return self._service.count(self._filter)
        except AllerVersError as error:
            self.failed.emit(describe(error, QCoreApplication.translate))
            return 0
