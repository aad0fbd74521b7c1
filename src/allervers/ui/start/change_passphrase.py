"""Changing one's own passphrase: the database key is rewrapped, the data is not re-encrypted."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from allervers.messages import describe
from allervers.services.workspace import OpenWorkspace
from allervers.ui.common.busy import ERROR_STYLE, BusyIndicator, message_label
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.passphrase_widgets import NewPassphraseFields, password_field


class ChangePassphraseDialog(QDialog):
    changed = Signal()

    def __init__(self, workspace: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._busy = False
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Changer de phrase de passe"))
        self.setMinimumWidth(480)
        self.old = password_field("oldPassphrase")
        self.fields = NewPassphraseFields(self.tr("Nouvelle phrase de passe :"))
        self.fields.insert_row(0, self.tr("Phrase de passe actuelle :"), self.old)
        self.error = message_label("changeError", ERROR_STYLE)
        self.busy = BusyIndicator()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = self.buttons.addButton(
            self.tr("Changer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setObjectName("confirmChange")
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.old.textChanged.connect(self._update_button)
        self.fields.changed.connect(self._update_button)
        self._update_button()
        self.old.setFocus()

    def _update_button(self) -> None:
        self.confirm.setEnabled(bool(self.old.text()) and self.fields.acceptable and not self._busy)

    def _submit(self) -> None:
        if not self.confirm.isEnabled():
            return
        old, new = self.old.text(), self.fields.passphrase
        self._busy = True
        self.error.clear()
        self.busy.start(self.tr("Enregistrement…"))
        self._update_button()
        run_in_background(
            self,
            self.tr("Changement de phrase de passe"),
            lambda: self._workspace.change_passphrase(old, new),
            self._succeeded,
            self._failed,
        )

    def _succeeded(self, _result: None) -> None:
        self.old.clear()
        self.fields.clear()
        self.changed.emit()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.busy.stop()
        self.old.clear()
        self.error.setText(describe(error, QCoreApplication.translate))
        self._update_button()
