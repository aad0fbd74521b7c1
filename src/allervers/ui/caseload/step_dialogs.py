"""One small dialog per step of a referral: what the coordinator records for it (organisation,
dates, contact, appointment, amount, reason), then CaseloadService.advance.

Opened with `open()` (window-modal, not blocking), so the idle lock can close it like any dialog.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.directory import freeze
from allervers.domain.errors import AllerVersError
from allervers.domain.referrals import Referral, ReferralStatus
from allervers.domain.rights import Organisation, RightId
from allervers.messages import describe
from allervers.services.caseload import CaseloadService, step
from allervers.ui.caseload.date_field import DateField, day_problem
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.directory.choice import service_choice
from allervers.wording import organisation_name, organisation_short_name, right_name

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate

DATE_FORMAT = "dd/MM/yyyy"
CONTACT_LENGTH = 120
REASON_LENGTH = 200
_AMOUNT = re.compile(r"^\d+(?:[.,]\d{1,2})?$")
_SPACES = re.compile(r"[\s\u00a0\u202f€]+")


def parse_amount(text: str) -> float | None:
    """ "1 234,50 €" -> 1234.5; None when the text is not an amount."""
    plain = _SPACES.sub("", text)
    if not _AMOUNT.match(plain):
        return None
    return float(plain.replace(",", "."))


def step_label(status: ReferralStatus) -> str:
    """The button that takes a referral to `status`."""
    return {
        ReferralStatus.REFERRED: translate("StepDialog", "Orienter…"),
        ReferralStatus.CLAIM_FILED: translate("StepDialog", "Demande déposée…"),
        ReferralStatus.OPENED: translate("StepDialog", "Droit ouvert…"),
        ReferralStatus.REFUSED: translate("StepDialog", "Refusé…"),
        ReferralStatus.ABANDONED: translate("StepDialog", "Abandon…"),
        ReferralStatus.NO_NEWS: translate("StepDialog", "Sans nouvelles…"),
        ReferralStatus.TO_REFER: translate("StepDialog", "À orienter"),
    }[status]


# The order of the buttons: the path forward first, the ways out last.
STEP_ORDER = (
    ReferralStatus.REFERRED,
    ReferralStatus.CLAIM_FILED,
    ReferralStatus.OPENED,
    ReferralStatus.REFUSED,
    ReferralStatus.ABANDONED,
    ReferralStatus.NO_NEWS,
)


class StepDialog(QDialog):
    """Records one step of `referral`; `advanced` carries the referral as stored afterwards."""

    advanced = Signal(object)  # Referral

    def __init__(
        self,
        caseload: CaseloadService,
        referral: Referral,
        status: ReferralStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._caseload = caseload
        self._referral = referral
        self.status = status
        self.setObjectName("stepDialog")
        self.setWindowTitle(
            self.tr("{0} — {1}").format(
                step_label(status).rstrip("…"),
                right_name(referral.right, QCoreApplication.translate),
            )
        )
        self.setMinimumWidth(420)
        # What this is about, inside the dialog: the title bar is not always in view.
        heading = QLabel(
            self.tr("{0} : {1}").format(
                right_name(referral.right, QCoreApplication.translate),
                step_label(status).rstrip("…").lower(),
            )
        )
        heading.setObjectName("stepHeading")
        heading.setWordWrap(True)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        today = caseload.today
        form = QFormLayout()
        self.day = DateField(today, "stepDate")
        form.addRow(self._date_label(), self.day)

        self.organisation: QComboBox | None = None
        self.service: QComboBox | None = None
        self.contact: QLineEdit | None = None
        self.appointment: QCheckBox | None = None
        self.appointment_at: QDateTimeEdit | None = None
        self.amount: QLineEdit | None = None
        self.opened_from: DateField | None = None
        self.reason: QLineEdit | None = None
        self.also: dict[Organisation, QCheckBox] = {}
        if status is ReferralStatus.REFERRED:
            self._referral_fields(form, today)
        elif status is ReferralStatus.OPENED:
            self._opened_fields(form, today)
        elif status in (ReferralStatus.REFUSED, ReferralStatus.ABANDONED):
            self.reason = QLineEdit()
            self.reason.setObjectName("stepReason")
            self.reason.setMaxLength(REASON_LENGTH)
            form.addRow(self.tr("&Motif :"), self.reason)

        self.error = message_label("stepError", ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(
            self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setObjectName("confirmStep")
        self.confirm.setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # The keyboard goes where there is something to type.
        fields: tuple[QWidget | None, ...] = (self.amount, self.reason, self.organisation, self.day)
        next(field for field in fields if field is not None).setFocus()

    def _date_label(self) -> str:
        return {
            ReferralStatus.REFERRED: self.tr("&Date de l'orientation :"),
            ReferralStatus.CLAIM_FILED: self.tr("&Date du dépôt :"),
            ReferralStatus.OPENED: self.tr("&Date de la décision :"),
            ReferralStatus.REFUSED: self.tr("&Date du refus :"),
            ReferralStatus.ABANDONED: self.tr("&Date :"),
            ReferralStatus.NO_NEWS: self.tr("&Date de la relance :"),
        }.get(self.status, self.tr("&Date :"))

    def _referral_fields(self, form: QFormLayout, today: dt.date) -> None:
        self.organisation = QComboBox()
        self.organisation.setObjectName("stepOrganisation")
        for organisation in Organisation:
            self.organisation.addItem(
                organisation_name(organisation, QCoreApplication.translate), organisation
            )
        if self._referral.organisation is not None:
            self.organisation.setCurrentIndex(list(Organisation).index(self._referral.organisation))
        self.contact = QLineEdit(self._referral.contact or "")
        self.contact.setObjectName("stepContact")
        self.contact.setMaxLength(CONTACT_LENGTH)
        self.contact.setPlaceholderText(self.tr("nom de l'agent, accueil…"))
        self.appointment = QCheckBox(self.tr("Rendez-&vous pris le"))
        self.appointment.setObjectName("stepHasAppointment")
        moment = QDateTime(QDate(today.year, today.month, today.day), QTime(9, 0))
        self.appointment_at = QDateTimeEdit(moment.addDays(7))
        self.appointment_at.setObjectName("stepAppointment")
        self.appointment_at.setCalendarPopup(True)
        self.appointment_at.setDisplayFormat(f"{DATE_FORMAT} HH:mm")
        self.appointment_at.setEnabled(False)
        self.appointment.toggled.connect(self.appointment_at.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.appointment)
        row.addWidget(self.appointment_at, 1)
        form.addRow(self.tr("&Organisme :"), self.organisation)
        # Other organisations for the same right (the CAF and the CPAM): one referral each,
        # created with this one; the contact, appointment and place below are the first's.
        also = QGridLayout()
        also.setContentsMargins(0, 0, 0, 0)
        for number, organisation in enumerate(Organisation):
            box = QCheckBox(organisation_short_name(organisation))
            box.setObjectName(f"stepAlso-{organisation.value}")
            box.setToolTip(organisation_name(organisation, QCoreApplication.translate))
            also.addWidget(box, number // 4, number % 4)
            self.also[organisation] = box
        self.organisation.currentIndexChanged.connect(self._primary_changed)
        self._primary_changed()
        form.addRow(self.tr("Aussi orienté vers :"), also)
        form.addRow(self.tr("&Contact (facultatif) :"), self.contact)
        form.addRow(row)
        self.service = service_choice(self._caseload, self._referral)
        form.addRow(self.tr("&Lieu (annuaire) :"), self.service)

    def _primary_changed(self) -> None:
        """The organisation chosen above is not offered again below."""
        if self.organisation is None:
            return
        primary = Organisation(self.organisation.currentData())
        for organisation, box in self.also.items():
            box.setEnabled(organisation is not primary)
            if organisation is primary:
                box.setChecked(False)

    def also_chosen(self) -> list[Organisation]:
        return [o for o, box in self.also.items() if box.isChecked() and box.isEnabled()]

    def _opened_fields(self, form: QFormLayout, today: dt.date) -> None:
        right = self._referral.right
        if right is not RightId.CSS:  # health cover, not cash: no amount is recorded
            self.amount = QLineEdit()
            self.amount.setObjectName("stepAmount")
            self.amount.setPlaceholderText(self.tr("par exemple 607,75"))
            if right is RightId.CHEQUE_ENERGIE:
                label = self.tr("&Montant par an (€) :")
            else:
                label = self.tr("&Montant par mois (€) :")
            form.addRow(label, self.amount)
        self.opened_from = DateField(today, "stepOpenedFrom")
        form.addRow(self.tr("Droit ouvert à &partir du :"), self.opened_from)

    def _bad_day(self, field: DateField) -> None:
        """A date not whole or not real: said, never replaced by another date."""
        self.error.setText(day_problem())
        field.setFocus()
        field.selectAll()

    def _submit(self) -> None:
        day = self.day.day()
        if day is None:
            self._bad_day(self.day)
            return
        opened_from = None
        if self.opened_from is not None:
            opened_from = self.opened_from.day()
            if opened_from is None:
                self._bad_day(self.opened_from)
                return
        details: dict[str, object] = {}
        if self.organisation is not None:
            details["organisation"] = Organisation(self.organisation.currentData())
        if self.service is not None and self.service.currentData() is not None:
            details["service"] = freeze(self.service.currentData())
        if self.contact is not None and self.contact.text().strip():
            details["contact"] = self.contact.text().strip()
        appointment, moment = self.appointment, self.appointment_at
        if appointment is not None and moment is not None and appointment.isChecked():
            details["appointment_at"] = moment.dateTime().toString("yyyy-MM-ddTHH:mm")
        if self.status is ReferralStatus.OPENED:
            amount: float | None = 0.0
            if self.amount is not None:
                amount = parse_amount(self.amount.text())
                if amount is None:
                    self.error.setText(self.tr("Montant attendu en euros, par exemple 607,75."))
                    self.amount.setFocus()
                    return
            details["amount"] = amount
            if opened_from is not None:
                details["opened_from"] = opened_from.isoformat()
        if self.reason is not None and self.reason.text().strip():
            details["reason"] = self.reason.text().strip()
        try:
            taken = step(self.status, day, **details)
            if self.status is ReferralStatus.REFERRED:
                referral = self._caseload.refer_to(self._referral.id, taken, self.also_chosen())[0]
            else:
                referral = self._caseload.advance(self._referral.id, taken)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.advanced.emit(referral)
        self.accept()
