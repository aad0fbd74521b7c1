"""The follow-up panel of one household: who and where, each flagged right with its referral and
the buttons for the steps that may follow (NEXT_STEPS), and, for a coordinator, to whom its
follow-up visit is given and the person's rights on their data (export, erasure)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError
from allervers.domain.referrals import (
    CaseloadRow,
    Referral,
    ReferralStatus,
)
from allervers.domain.rights import RightId
from allervers.domain.users import User
from allervers.messages import describe
from allervers.services.caseload import CaseloadService
from allervers.services.household_file import HouseholdFile
from allervers.services.retention import RetentionService
from allervers.ui.caseload.notes_box import NotesBox
from allervers.ui.caseload.person_rights import PersonRightsBox
from allervers.ui.caseload.right_box import RightBox
from allervers.ui.caseload.step_dialogs import StepDialog
from allervers.ui.caseload.texts import (
    address_text,
    commune_name,
    date_text,
    status_name,
)
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.wording import right_name

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


class HouseholdDetail(QWidget):
    """`user` is who works: only coordinators record the steps of a referral, and a volunteer
    opens one only from their own visit (as CaseloadService allows). `users` (coordinators)
    fills the choice of the volunteer who follows the household; None hides it. `retention`
    gives a coordinator the export and the erasure of the person's data; None (and a volunteer's
    session) shows neither."""

    changed = Signal(str)  # household id: a referral or the assignment changed
    erased = Signal(str)  # household id: its personal data were erased

    def __init__(
        self,
        caseload: CaseloadService,
        user: User,
        users: list[User] | None,
        retention: RetentionService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("householdDetail")
        self._caseload = caseload
        self._users = users
        self._user = user
        self.household_id: str | None = None
        self._file: HouseholdFile | None = None

        self.name = QLabel()
        self.name.setObjectName("householdName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.address = QLabel()
        self.address.setObjectName("householdAddress")
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setWordWrap(True)
        self.phone = QLabel()
        self.phone.setObjectName("householdPhone")
        self.phone.setTextFormat(Qt.TextFormat.PlainText)
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setObjectName("householdMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)

        self.assign_box = QWidget()
        self.volunteer = QComboBox()
        self.volunteer.setObjectName("assignVolunteer")
        for user in users or []:
            self.volunteer.addItem(user.name, user.id)
        self.assign = QPushButton(self.tr("&Confier le suivi"))
        self.assign.setObjectName("assignButton")
        self.assign.clicked.connect(self._assign)
        assign_grid = QGridLayout(self.assign_box)
        assign_grid.setContentsMargins(0, 0, 0, 0)
        assign_label = QLabel(self.tr("Visite de suivi par :"))
        assign_label.setBuddy(self.volunteer)
        assign_grid.addWidget(assign_label, 0, 0, 1, 2)
        assign_grid.addWidget(self.volunteer, 1, 0)
        assign_grid.addWidget(self.assign, 1, 1)
        assign_grid.setColumnStretch(0, 1)

        self.notes = NotesBox()
        self.done = message_label("detailDone", DONE_STYLE)
        self.error = message_label("detailError", ERROR_STYLE)
        self.rights_title = QLabel(self.tr("Droits repérés"))
        bold = self.rights_title.font()
        bold.setBold(True)
        self.rights_title.setFont(bold)
        self._rights = QWidget()
        self._rights_layout = QVBoxLayout(self._rights)
        self._rights_layout.setContentsMargins(0, 0, 0, 0)
        self.person: PersonRightsBox | None = None
        if retention is not None and user.is_coordinator:
            self.person = PersonRightsBox(retention)
            self.person.done.connect(self._person_done)
            self.person.failed.connect(self.error.setText)
            self.person.erased.connect(self.erased)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.name)
        column.addWidget(self.address)
        column.addWidget(self.phone)
        column.addWidget(self.meta)
        column.addWidget(self.assign_box)
        column.addWidget(self.notes)
        column.addWidget(self.done)
        column.addWidget(self.error)
        column.addSpacing(6)
        column.addWidget(self.rights_title)
        column.addWidget(self._rights)
        if self.person is not None:
            column.addSpacing(6)
            column.addWidget(self.person)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.show_nothing()

    # What the page asks

    def show_nothing(self) -> None:
        self.household_id = None
        self._file = None
        for label in (self.name, self.address, self.phone, self.meta, self.rights_title):
            label.setVisible(False)
        for label in (self.name, self.address, self.phone, self.meta):
            label.clear()  # a hidden label still holds its text: an erased name goes with it
        self.assign_box.setVisible(False)
        self.notes.show_entry(None)
        self.done.clear()
        self.error.clear()
        self._clear_rights()
        if self.person is not None:
            self.person.set_household(None, None)
            self.person.setVisible(False)

    def show_loading(self, household_id: str, row: CaseloadRow | None) -> None:
        """At once, from the table's row; the rights follow when the file is read."""
        if household_id != self.household_id:
            self.done.clear()
        self.household_id = household_id
        self._file = None
        self.error.clear()
        if row is not None:
            self._header(row.contact_name, row.number, row.street, row.commune_insee, None)
            self._meta(row.last_contact, row.volunteer)
        else:
            self.name.setText(self.tr("Chargement…"))
            self.name.setVisible(True)
            if self.person is not None:
                self.person.set_household(household_id, None)
        self.notes.show_entry(None)
        self._clear_rights()
        self.rights_title.setVisible(False)

    def show_file(self, file: HouseholdFile, row: CaseloadRow | None) -> None:
        self.household_id = file.household_id
        self._file = file
        contact = file.contact
        if row is not None:
            self._header(
                row.contact_name,
                row.number,
                row.street,
                row.commune_insee,
                contact.phone if contact else None,
            )
            self._meta(row.last_contact, row.volunteer)
        elif contact is not None:
            self._header(
                contact.contact_name,
                contact.number,
                contact.street,
                contact.commune_insee,
                contact.phone,
            )
            self._meta(file.last_visit_on, None)
        self.notes.show_entry(file.interview)
        self._clear_rights()
        self.rights_title.setVisible(True)
        if not file.rights:
            empty = QLabel(self.tr("Aucun droit repéré pour ce foyer."))
            empty.setObjectName("noRights")
            self._rights_layout.addWidget(empty)
        for follow_up in file.rights:
            may_refer = self._user.is_coordinator or follow_up.flagged_by == self._user.id
            self._rights_layout.addWidget(
                RightBox(
                    follow_up,
                    self._caseload.today,
                    may_refer,
                    self._user.is_coordinator,
                    partial(self._refer, right=follow_up.right),
                    self._open_step,
                )
            )

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def show_done(self, text: str) -> None:
        self.done.setText(text)

    # Building

    def _header(
        self,
        name: str | None,
        number: str | None,
        street: str | None,
        commune: str,
        phone: str | None,
    ) -> None:
        self.name.setText(name or self.tr("Nom non noté"))
        if self.person is not None:
            self.person.set_household(self.household_id, name)
            self.person.setVisible(self.household_id is not None)
        where = address_text(number, street)
        town = commune_name(commune)
        self.address.setText(f"{where}, {town}" if where else town)
        self.phone.setText(self.tr("Tél. {0}").format(phone) if phone else "")
        for label in (self.name, self.address):
            label.setVisible(True)
        self.phone.setVisible(bool(phone))

    def _meta(self, last_contact: str | None, volunteer: str | None) -> None:
        parts = []
        if last_contact:
            parts.append(self.tr("Dernier contact le {0}.").format(date_text(last_contact)))
        if volunteer:
            parts.append(self.tr("Suivi par {0}.").format(volunteer))
            index = self.volunteer.findText(volunteer)
            if index >= 0:
                self.volunteer.setCurrentIndex(index)
        self.meta.setText(" ".join(parts))
        self.meta.setVisible(bool(parts))
        self.assign_box.setVisible(self._users is not None)

    def _clear_rights(self) -> None:
        while (item := self._rights_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    # Actions

    def _refer(self, visit_id: str, *, right: RightId) -> None:
        self.done.clear()
        self.error.clear()
        try:
            self._caseload.refer(visit_id, right)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.done.setText(
            self.tr("Orientation créée : {0}.").format(
                right_name(right, QCoreApplication.translate)
            )
        )
        if self.household_id is not None:
            self.changed.emit(self.household_id)

    def _open_step(self, referral: Referral, status: ReferralStatus) -> None:
        self.done.clear()
        self.error.clear()
        dialog = StepDialog(self._caseload, referral, status, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.advanced.connect(self._advanced)
        dialog.open()

    def _advanced(self, referral: Referral) -> None:
        self.done.setText(
            self.tr("Étape enregistrée : {0} — {1}.").format(
                right_name(referral.right, QCoreApplication.translate),
                status_name(referral.status.value),
            )
        )
        self.changed.emit(referral.household_id)

    def _person_done(self, text: str) -> None:
        self.error.clear()
        self.done.setText(text)

    def _assign(self) -> None:
        household_id = self.household_id
        volunteer_id = self.volunteer.currentData()
        if household_id is None or volunteer_id is None:
            return
        self.done.clear()
        self.error.clear()
        try:
            self._caseload.assign(household_id, volunteer_id)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.done.setText(
            self.tr("Visite de suivi confiée à {0}.").format(self.volunteer.currentText())
        )
        self.changed.emit(household_id)
