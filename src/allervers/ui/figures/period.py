"""The period of the figures: a recent quarter or year, or two dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from allervers.domain.errors import AllerVersError
from allervers.domain.figures import Period, parse_period, period_between

QUARTERS_SHOWN = 8
YEARS_SHOWN = 3
DATE_FORMAT = "dd/MM/yyyy"
EDIT_PAUSE_MS = 400
CUSTOM = "custom"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class PeriodChooser(QWidget):
    changed = Signal(object)  # Period
    invalid = Signal()  # the end date is before the start date

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("periodChooser")
        self.choice = QComboBox()
        self.choice.setObjectName("periodChoice")
        year, quarter = today.year, (today.month - 1) // 3 + 1
        for _ in range(QUARTERS_SHOWN):
            self.choice.addItem(
                self.tr("{0}e trimestre {1}").format(quarter, year)
                if quarter > 1
                else self.tr("1er trimestre {0}").format(year),
                f"{year}-Q{quarter}",
            )
            year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
        for back in range(YEARS_SHOWN):
            self.choice.addItem(
                self.tr("Année {0}").format(today.year - back), str(today.year - back)
            )
        self.choice.addItem(self.tr("Autre période…"), CUSTOM)
        first = parse_period(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
        self.start = QDateEdit(_qdate(first.start))
        self.start.setObjectName("periodStart")
        self.end = QDateEdit(_qdate(today))
        self.end.setObjectName("periodEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
        self.from_label = QLabel(self.tr("du"))
        self.to_label = QLabel(self.tr("au"))
        label = QLabel(self.tr("&Période :"))
        label.setBuddy(self.choice)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.choice)
        row.addWidget(self.from_label)
        row.addWidget(self.start)
        row.addWidget(self.to_label)
        row.addWidget(self.end)
        row.addStretch(1)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(EDIT_PAUSE_MS)
        self._pause.timeout.connect(self._emit)
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.start.dateChanged.connect(self._pause.start)
        self.end.dateChanged.connect(self._pause.start)
        self._show_dates(False)

    def period(self) -> Period | None:
        """None when the two dates are in the wrong order."""
        key = self.choice.currentData()
        try:
            if key == CUSTOM:
                return period_between(_day(self.start.date()), _day(self.end.date()))
            return parse_period(str(key))
        except AllerVersError:
            return None

    def _show_dates(self, shown: bool) -> None:
        for widget in (self.from_label, self.start, self.to_label, self.end):
            widget.setVisible(shown)

    def _choice_changed(self) -> None:
        self._show_dates(self.choice.currentData() == CUSTOM)
        self._emit()

    def _emit(self) -> None:
        self._pause.stop()
        period = self.period()
        if period is None:
            self.invalid.emit()
        else:
            self.changed.emit(period)
