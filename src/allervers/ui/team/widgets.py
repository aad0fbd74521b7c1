"""What the team's screens share: the sync files' suffixes, the font of a fingerprint, read-only
tables as tall as their rows."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QAbstractItemView, QTableWidget

BUNDLE_SUFFIX = ".avsync"
REPLY_SUFFIX = ".avreply"
SHOWN_ROWS = 5  # rows of a table shown without scrolling


def fingerprint_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setWeight(QFont.Weight.Bold)
    return font


def fit_height(table: QTableWidget, rows: int) -> None:
    """The table as tall as its rows (up to SHOWN_ROWS), so the page does not scroll for a
    team of a few laptops and a blank block does not stand where no row is."""
    table.resizeRowsToContents()
    shown = min(max(rows, 1), SHOWN_ROWS)
    height = sum(table.rowHeight(r) for r in range(min(rows, shown)))
    if rows == 0:
        height = table.verticalHeader().defaultSectionSize()
    height += table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
    table.setFixedHeight(height)


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    return table
