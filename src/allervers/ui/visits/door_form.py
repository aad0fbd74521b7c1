"""The door: where the volunteer stands (commune, street, number) and what happened there.

"Entretien" opens a draft and the interview; the other outcomes are one click each and finish
the visit at once. After a door, the commune and the street stay and the number is cleared:
the next door is usually a few numbers further on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.doors import Door as RoundDoor
from allervers.domain.errors import AllerVersError
from allervers.domain.visits import Door, DoorOutcome, Visit
from allervers.messages import describe
from allervers.services.visits import VisitService
from allervers.ui.common.busy import message_label
from allervers.ui.common.commune_edit import CommuneEdit
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.visits.come_back_dialog import ComeBackDialog

STREET_LENGTH = 120  # the questionnaire's limits for address_street and address_number
NUMBER_LENGTH = 12


def outcome_label(outcome: DoorOutcome) -> str:
    labels = {
        DoorOutcome.INTERVIEW: QCoreApplication.translate("DoorForm", "Entretien"),
        DoorOutcome.ABSENT: QCoreApplication.translate("DoorForm", "Absent"),
        DoorOutcome.REFUSED: QCoreApplication.translate("DoorForm", "Refus"),
        DoorOutcome.VACANT: QCoreApplication.translate("DoorForm", "Vacant"),
        DoorOutcome.COME_BACK: QCoreApplication.translate("DoorForm", "Repasser"),
        DoorOutcome.NOT_DWELLING: QCoreApplication.translate("DoorForm", "Pas un logement"),
    }
    return labels[outcome]


class DoorForm(QGroupBox):
    interview_started = Signal(object)  # Visit (a draft)
    door_recorded = Signal(object)  # Visit (finished)
    commune_changed = Signal(str)  # INSEE code, "" when none

    def __init__(
        self,
        service: VisitService,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Nouvelle porte"))
        self.setObjectName("doorForm")
        self._service = service
        self._today = today
        self._household_id: str | None = None
        self._door_id: str | None = None  # a door of a round (ui/doors/round_doors.py)
        self._commune = ""
        self.commune = CommuneEdit()
        self.commune.setObjectName("doorCommune")
        self.street = QLineEdit()
        self.street.setObjectName("doorStreet")
        self.street.setMaxLength(STREET_LENGTH)
        self.number = QLineEdit()
        self.number.setObjectName("doorNumber")
        self.number.setMaxLength(NUMBER_LENGTH)
        self.number.setMaximumWidth(120)
        form = QFormLayout()
        form.addRow(self.tr("&Commune :"), self.commune)
        form.addRow(self.tr("&Rue :"), self.street)
        form.addRow(self.tr("&Numéro :"), self.number)
        self.attached = QLabel()
        self.attached.setObjectName("doorAttached")
        self.attached.setWordWrap(True)
        self.attached.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        self.attached.setVisible(False)
        self.error = message_label("doorError", ERROR_STYLE)

        self.interview_button = QPushButton(self.tr("En&tretien"))
        self.interview_button.setObjectName("startInterview")
        self.interview_button.setDefault(True)
        self.interview_button.setAutoDefault(True)
        self.interview_button.setToolTip(self.tr("Quelqu'un répond et accepte d'échanger"))
        self.interview_button.clicked.connect(self._start_interview)
        self.outcome_buttons: dict[DoorOutcome, QPushButton] = {}
        quick = QGridLayout()
        texts = {
            DoorOutcome.ABSENT: self.tr("&Absent"),
            DoorOutcome.REFUSED: self.tr("Re&fus"),
            DoorOutcome.VACANT: self.tr("&Vacant"),
            DoorOutcome.NOT_DWELLING: self.tr("&Pas un logement"),
            DoorOutcome.COME_BACK: self.tr("Repasser &le…"),
        }
        for index, (outcome, text) in enumerate(texts.items()):
            button = QPushButton(text)
            button.setObjectName(f"door_{outcome.value}")
            button.setAutoDefault(True)
            button.clicked.connect(lambda _=False, o=outcome: self._outcome_clicked(o))
            self.outcome_buttons[outcome] = button
            quick.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.attached)
        layout.addWidget(self.error)
        layout.addWidget(self.interview_button)
        layout.addLayout(quick)
        layout.addStretch(1)  # a taller neighbour must not push the buttons away from the fields

        self.commune.editingFinished.connect(self._commune_left)
        self.commune.picked.connect(lambda _code: self._commune_left())
        self.street.textEdited.connect(self._detach)
        self.number.textEdited.connect(self._detach)
        self.commune.textEdited.connect(self._detach)

    # The address

    def _commune_left(self) -> None:
        text = self.commune.text().strip()
        code = self.commune.code or ""
        if text and not code:
            self.error.setText(self.tr("Commune inconnue : choisissez-la dans la liste proposée."))
        else:
            self.error.clear()
        if code != self._commune:
            self._commune = code
            self.commune_changed.emit(code)

    def _detach(self) -> None:
        """The address was changed by hand: it is no longer the door picked from the list."""
        self._household_id = None
        self._door_id = None
        self.attached.setVisible(False)

    def fill_from(self, door: Door) -> None:
        """A door picked in "Portes suivantes": the visit will be added to its household."""
        self.commune.set_code(door.commune_insee)
        self.street.setText(door.street or "")
        self.number.setText(door.number or "")
        self._household_id = door.household_id
        self.attached.setText(
            self.tr("Porte déjà visitée : la nouvelle visite s'ajoutera à celles de ce foyer.")
        )
        self.attached.setVisible(True)
        self.error.clear()
        self.interview_button.setFocus()

    def fill_from_round(self, door: RoundDoor) -> None:
        """A door of the volunteer's round: the visit's pass will be at that very door."""
        self.commune.set_code(door.commune_insee)
        self.street.setText(door.way)
        self.number.setText(door.number_text)
        self._household_id = None
        self._door_id = door.id
        self.attached.setText(self.tr("Porte de votre tournée : {0}.").format(door.address_text))
        self.attached.setVisible(True)
        self.error.clear()
        self.interview_button.setFocus()

    def _address(self) -> tuple[str, str | None, str | None] | None:
        code = self.commune.code
        if not code:
            self.error.setText(self.tr("Indiquez d'abord la commune (nom ou code INSEE)."))
            self.commune.setFocus()
            return None
        return code, self.street.text().strip() or None, self.number.text().strip() or None

    # Outcomes

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the address fields starts the interview, the usual case at an open door.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.commune.suggesting():
                self._start_interview()
            return
        super().keyPressEvent(event)

    def _start_interview(self) -> None:
        address = self._address()
        if address is None:
            return
        try:
            visit = self._service.start(
                *address, household_id=self._household_id, door_id=self._door_id
            )
            visit = self._service.answer(visit.id, "door_outcome", DoorOutcome.INTERVIEW.value)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self._door_done()
        self.interview_started.emit(visit)

    def _outcome_clicked(self, outcome: DoorOutcome) -> None:
        if self._address() is None:
            return
        if outcome is DoorOutcome.COME_BACK:
            dialog = ComeBackDialog(self._today(), parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._record(outcome, dialog.chosen()))
            dialog.open()
            return
        self._record(outcome)

    def _record(self, outcome: DoorOutcome, come_back_on: dt.date | None = None) -> None:
        address = self._address()
        if address is None:
            return
        try:
            visit = self._record_visit(address, outcome, come_back_on)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self._door_done()
        self.door_recorded.emit(visit)

    def _record_visit(
        self,
        address: tuple[str, str | None, str | None],
        outcome: DoorOutcome,
        come_back_on: dt.date | None,
    ) -> Visit:
        commune, street, number = address
        if come_back_on is None:
            return self._service.record_door(
                commune,
                street,
                number,
                outcome,
                household_id=self._household_id,
                door_id=self._door_id,
            )
        # record_door has no date: the same three steps, with the agreed day in between.
        visit = self._service.start(
            commune, street, number, household_id=self._household_id, door_id=self._door_id
        )
        self._service.answer(visit.id, "door_outcome", outcome.value)
        self._service.answer(visit.id, "come_back_on", come_back_on.isoformat())
        return self._service.finish(visit.id)

    def _door_done(self) -> None:
        self.error.clear()
        self.number.clear()
        self._detach()
        self.number.setFocus()

    def focus_first(self) -> None:
        (self.number if self.commune.code else self.commune).setFocus()
