"""What the volunteer noted at the household's latest interview, for the coordinator who follows
it up (issue 13): the free note, the difficulties, and to whom the person agrees their situation
is passed. The wishes about each right are in its box (right_box.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from allervers.services.household_file import VisitEntry
from allervers.ui.caseload.texts import date_text

translate = QCoreApplication.translate


class NotesBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdNotes")
        self.note = self._line("householdNote")
        self.needs = self._line("householdNeeds")
        self.partners = self._line("householdPartners")
        column = QVBoxLayout(self)
        for line in (self.note, self.needs, self.partners):
            column.addWidget(line)
        self.show_entry(None)

    @staticmethod
    def _line(name: str) -> QLabel:
        line = QLabel()
        line.setObjectName(name)
        line.setWordWrap(True)
        line.setTextFormat(Qt.TextFormat.PlainText)  # the note is typed text
        line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return line

    def show_entry(self, entry: VisitEntry | None) -> None:
        """`entry`: the latest interview, or None (hidden; the texts go with it)."""
        if entry is None:
            for line in (self.note, self.needs, self.partners):
                line.clear()
            self.setVisible(False)
            return
        self.setTitle(
            translate("HouseholdNotes", "Noté à l'entretien du {0}").format(
                date_text(entry.visited_on)
            )
        )
        self.note.setText(
            translate("HouseholdNotes", "Note : {0}").format(entry.note)
            if entry.note
            else translate("HouseholdNotes", "Pas de note.")
        )
        self.needs.setText(
            translate("HouseholdNotes", "Difficultés : {0}.").format(", ".join(entry.needs))
            if entry.needs
            else translate("HouseholdNotes", "Aucune difficulté signalée.")
        )
        self.partners.setText(
            translate("HouseholdNotes", "Accepte que sa situation soit transmise à : {0}.").format(
                ", ".join(entry.partners)
            )
            if entry.partners
            else translate("HouseholdNotes", "N'a accepté de transmission à aucun organisme.")
        )
        self.setVisible(True)
