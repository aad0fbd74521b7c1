"""One flagged right in the household panel: the engine's estimate, then each referral made for it
(one per organisation: the CAF and the CPAM may both be on one right, issue 13) with where it
stands and the buttons for the steps that may follow (NEXT_STEPS)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from allervers.domain.followup import StoredAssessment
from allervers.domain.referrals import CLOSED_STATUSES, NEXT_STEPS, Referral, ReferralStatus
from allervers.services.household_file import RightFollowUp
from allervers.ui.caseload.referral_text import referral_text
from allervers.ui.caseload.step_dialogs import STEP_ORDER, step_label
from allervers.ui.caseload.texts import date_text, organisation_text, status_name
from allervers.wording import (
    amount_text,
    decision_name,
    nondemande_detail_name,
    nonrecours_reason_name,
    right_name,
)

translate = QCoreApplication.translate

LATE_STYLE = "QLabel { color: #b00020; font-weight: bold; }"
BUTTONS_PER_ROW = 2


def wishes_text(flag: StoredAssessment) -> str:
    """What the person said at the doorstep about this right: what they want, and why they
    had not claimed it (ODENORE's reasons)."""
    parts = [
        translate("HouseholdDetail", "Souhait : {0}.").format(
            decision_name(flag.decision, translate)
        )
        if flag.decision
        else translate("HouseholdDetail", "Souhait non noté.")
    ]
    if flag.reason is not None:
        why = nonrecours_reason_name(flag.reason, translate)
        if flag.reason_detail is not None:
            why = f"{why} ({nondemande_detail_name(flag.reason_detail, translate).lower()})"
        parts.append(translate("HouseholdDetail", "Pourquoi pas demandé : {0}.").format(why))
    return " ".join(parts)


class RightBox(QGroupBox):
    """`may_refer`: the user may open this right's referral (a coordinator, or the volunteer of
    the flagging visit); `may_step`: the user records steps (coordinators). `refer` and `step`
    are what the buttons do."""

    def __init__(
        self,
        follow_up: RightFollowUp,
        today: dt.date,
        may_refer: bool,
        may_step: bool,
        refer: Callable[[str], None],
        step: Callable[[Referral, ReferralStatus], None],
        parent: QWidget | None = None,
    ) -> None:
        right = follow_up.right
        super().__init__(right_name(right, translate), parent)
        self.setObjectName(f"right-{right.value}")
        self._today = today
        self._step = step
        column = QVBoxLayout(self)
        flag = follow_up.flag
        if flag is not None:
            estimate = amount_text(flag.assessment, translate)
            where = organisation_text(flag.assessment.organisation)
            ask = translate("HouseholdDetail", "à demander : {0}").format(where) if where else ""
            parts = [p for p in (estimate, ask) if p]
            if parts:
                estimate_label = QLabel(" — ".join(parts))
                estimate_label.setWordWrap(True)
                column.addWidget(estimate_label)
            wishes = QLabel(wishes_text(flag))
            wishes.setObjectName(f"wishes-{right.value}")
            wishes.setWordWrap(True)
            column.addWidget(wishes)
        if not follow_up.referrals:
            status = QLabel(translate("HouseholdDetail", "Pas encore d'orientation"))
            status.setObjectName(f"status-{right.value}")
            column.addWidget(_bold(status))
            if flag is not None and may_refer:
                button = QPushButton(translate("HouseholdDetail", "Créer l'&orientation"))
                button.setObjectName(f"refer-{right.value}")
                button.clicked.connect(lambda: refer(flag.visit_id))
                column.addWidget(button)
        several = len(follow_up.referrals) > 1
        for number, referral in enumerate(follow_up.referrals):
            # The first referral keeps the right's own names; the next ones add their
            # organisation ("status-css-cpam").
            suffix = f"-{referral.organisation.value}" if number and referral.organisation else ""
            self._referral(column, referral, f"{right.value}{suffix}", several, may_step)

    def _referral(
        self, column: QVBoxLayout, referral: Referral, name: str, several: bool, may_step: bool
    ) -> None:
        status = QLabel(status_name(referral.status.value))
        if several and referral.organisation is not None:
            status.setText(
                translate("HouseholdDetail", "{0} — {1}").format(
                    organisation_text(referral.organisation), status.text()
                )
            )
        status.setObjectName(f"status-{name}")
        column.addWidget(_bold(status))
        history = QLabel(referral_text(referral))
        history.setObjectName(f"history-{name}")
        history.setWordWrap(True)
        history.setTextFormat(Qt.TextFormat.PlainText)  # contacts and reasons are typed text
        history.setVisible(bool(history.text()))
        column.addWidget(history)
        due = referral.check_due_on
        if due and referral.status not in CLOSED_STATUSES:
            check = QLabel(
                translate("HouseholdDetail", "Vérification du résultat : le {0}.").format(
                    date_text(due)
                )
            )
            check.setObjectName(f"check-{name}")
            check.setWordWrap(True)
            if due <= self._today.isoformat():
                check.setText(
                    translate(
                        "HouseholdDetail", "Vérification du résultat à faire (depuis le {0})."
                    ).format(date_text(due))
                )
                check.setStyleSheet(LATE_STYLE)
            column.addWidget(check)
        if not may_step:
            return
        # Two buttons a row: the panel stays narrow beside the table.
        buttons = QGridLayout()
        steps = [s for s in STEP_ORDER if s in NEXT_STEPS[referral.status]]
        for number, next_status in enumerate(steps):
            button = QPushButton(step_label(next_status))
            button.setObjectName(f"step-{name}-{next_status.value}")
            button.clicked.connect(lambda _=False, s=next_status: self._step(referral, s))
            buttons.addWidget(button, number // BUTTONS_PER_ROW, number % BUTTONS_PER_ROW)
        column.addLayout(buttons)


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
