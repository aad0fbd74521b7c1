"""The caseload's filters: a text search (name, street) and choices (right, step, commune,
volunteer, overdue). Typing waits for a short pause before asking the workspace again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from allervers.domain.referrals import CaseloadFilter
from allervers.domain.rights import RightId
from allervers.domain.users import User
from allervers.ui.caseload.texts import HOUSEHOLD_STATUSES, status_name
from allervers.ui.common.commune_edit import CommuneEdit, resolve
from allervers.wording import right_short_name

TYPING_PAUSE_MS = 250


class CaseloadFilters(QWidget):
    """`users` fills the volunteer choice; None (a volunteer's session) hides it: a volunteer
    only sees their own households anyway."""

    changed = Signal(object)  # CaseloadFilter

    def __init__(self, users: list[User] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadFilters")
        self.search = QLineEdit()
        self.search.setObjectName("caseloadSearch")
        self.search.setPlaceholderText(self.tr("Nom ou rue…"))
        self.search.setClearButtonEnabled(True)
        self.right = QComboBox()
        self.right.setObjectName("rightFilter")
        self.right.addItem(self.tr("Tous les droits"), None)
        for right in RightId:
            self.right.addItem(right_short_name(right, QCoreApplication.translate), right)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Toutes les étapes"), None)
        for status in HOUSEHOLD_STATUSES:
            self.status.addItem(status_name(status), status)
        self.commune = CommuneEdit()
        self.commune.setObjectName("communeFilter")
        self.commune.setClearButtonEnabled(True)
        self.volunteer = QComboBox()
        self.volunteer.setObjectName("volunteerFilter")
        self.volunteer.addItem(self.tr("Tous les bénévoles"), None)
        for user in users or []:
            self.volunteer.addItem(user.name, user.id)
        self.overdue = QCheckBox(self.tr("En &retard seulement"))
        self.overdue.setObjectName("overdueFilter")

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._emit)
        self.search.textChanged.connect(self._pause.start)
        self.commune.textChanged.connect(self._pause.start)
        self.commune.picked.connect(self._emit)
        for combo in (self.right, self.status, self.volunteer):
            combo.currentIndexChanged.connect(self._emit)
            # As wide as the space allows, not as the longest name ("Complémentaire santé
            # solidaire"): the page must fit a 960-pixel-wide window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.overdue.toggled.connect(self._emit)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("&Rechercher :"))
        search_label.setBuddy(self.search)
        commune_label = QLabel(self.tr("&Commune :"))
        commune_label.setBuddy(self.commune)
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 2)
        grid.addWidget(commune_label, 0, 3)
        grid.addWidget(self.commune, 0, 4)
        grid.addWidget(self.right, 1, 1)
        grid.addWidget(self.status, 1, 2)
        grid.addWidget(self.volunteer, 1, 3, 1, 2)
        grid.addWidget(self.overdue, 1, 5)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 1)
        self.volunteer.setVisible(users is not None)
        self._last = self.current()

    def current(self) -> CaseloadFilter:
        commune_text = self.commune.text().strip()
        right = self.right.currentData()  # Qt gives the enum back as its string value
        return CaseloadFilter(
            right=RightId(right) if right else None,
            status=self.status.currentData(),
            commune=resolve(commune_text) if commune_text else None,
            volunteer_id=self.volunteer.currentData(),
            overdue_only=self.overdue.isChecked(),
            text=self.search.text().strip(),
        )

    def _emit(self) -> None:
        self._pause.stop()
        where = self.current()
        if where != self._last:
            self._last = where
            self.changed.emit(where)
