"""Asks the day agreed with the household to come back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

DEFAULT_DELAY_DAYS = 7


class ComeBackDialog(QDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comeBackDialog")
        self.setWindowTitle(self.tr("Repasser à une date convenue"))
        self.date = QDateEdit()
        self.date.setObjectName("comeBackDate")
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        first = QDate(today.year, today.month, today.day)
        self.date.setMinimumDate(first)  # the questionnaire wants a day not yet past
        self.date.setMaximumDate(first.addDays(366))  # ...and within a year (validation.py)
        self.date.setDate(first.addDays(DEFAULT_DELAY_DAYS))
        text = QLabel(self.tr("La porte reviendra dans « Portes suivantes » à partir de ce jour."))
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Repasser le :"), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Enregistrer"))
        ok.setObjectName("confirmComeBack")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.date.setFocus()

    def chosen(self) -> dt.date:
        day = self.date.date()
        return dt.date(day.year(), day.month(), day.day())
