"""For a flagged right: why the household does not receive it (ODENORE's typology, with the
sub-reason of a non-demande) and what the person decides. Saved the moment a choice is made,
like every answer of the interview."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from allervers.domain.errors import AllerVersError
from allervers.domain.followup import (
    Decision,
    NonDemandeDetail,
    NonRecoursReason,
    StoredAssessment,
)
from allervers.messages import describe
from allervers.services.rights import RightsService
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.wording import decision_name, nondemande_detail_name, nonrecours_reason_name


class ChoiceBox(QComboBox):
    """A combo box that lets the mouse wheel scroll the list of rights it sits in, even when it
    has the keyboard focus: seen on screen, a wheel or a touchpad passing over a focused box
    changed (and saved) what the person had said. Choices are made by clicking or with the
    arrow keys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # to the scroll area


def _not_asked() -> str:
    return QCoreApplication.translate("FollowUpForm", "— à demander —")


class FollowUpForm(QWidget):
    saved = Signal(object)  # the StoredAssessment as now stored

    def __init__(
        self, stored: StoredAssessment, service: RightsService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        right = stored.assessment.right.value
        self.setObjectName(f"followUp_{right}")
        self.stored = stored
        self._service = service
        translate = QCoreApplication.translate

        self.reason = ChoiceBox()
        self.reason.setObjectName(f"reason_{right}")
        self.reason.addItem(_not_asked(), None)
        for reason in NonRecoursReason:
            self.reason.addItem(nonrecours_reason_name(reason, translate), reason.value)
        self.detail = ChoiceBox()
        self.detail.setObjectName(f"detail_{right}")
        self.detail.addItem(_not_asked(), None)
        for detail in NonDemandeDetail:
            self.detail.addItem(nondemande_detail_name(detail, translate), detail.value)
        self.decision = ChoiceBox()
        self.decision.setObjectName(f"decision_{right}")
        self.decision.addItem(_not_asked(), None)
        for decision in Decision:
            self.decision.addItem(decision_name(decision, translate), decision.value)
        for box, value in (
            (self.reason, stored.reason),
            (self.detail, stored.reason_detail),
            (self.decision, stored.decision),
        ):
            box.setCurrentIndex(max(0, box.findData(value.value if value else None)))

        self.saved_label = message_label(f"followUpSaved_{right}", DONE_STYLE)
        self.error = message_label(f"followUpError_{right}", ERROR_STYLE)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.form.addRow(self.tr("Pourquoi ce droit n'est pas perçu :"), self.reason)
        self.form.addRow(self.tr("Raison de la non-demande :"), self.detail)
        self.form.addRow(self.tr("Ce que la personne décide :"), self.decision)
        self.form.addRow(self.saved_label)
        self.form.addRow(self.error)
        self._show_detail()
        for box in (self.reason, self.detail, self.decision):
            box.activated.connect(self._save)

    def _show_detail(self) -> None:
        """The sub-reason belongs to a non-demande only."""
        self.form.setRowVisible(self.detail, self._reason() is NonRecoursReason.NON_DEMANDE)

    def _reason(self) -> NonRecoursReason | None:
        data = self.reason.currentData()
        return NonRecoursReason(data) if data else None

    def _save(self) -> None:
        self._show_detail()
        reason = self._reason()
        if reason is not NonRecoursReason.NON_DEMANDE:
            self.detail.setCurrentIndex(0)  # the service keeps no sub-reason for it either
        detail_value = self.detail.currentData()
        decision_value = self.decision.currentData()
        detail = NonDemandeDetail(detail_value) if detail_value else None
        decision = Decision(decision_value) if decision_value else None
        try:
            self.stored = self._service.record_followup(self.stored.id, reason, detail, decision)
        except AllerVersError as error:
            self.saved_label.clear()
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.error.clear()
        self.saved_label.setText(self.tr("Enregistré."))
        self.saved.emit(self.stored)
