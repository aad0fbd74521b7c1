"""Changing one's own passphrase: the database key is rewrapped, the data is not re-encrypted."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from allervers.services.workspace import OpenWorkspace
from allervers.ui.common.form import FormKit
from allervers.ui.common.passphrase_widgets import NewPassphraseFields, password_field


class ChangePassphraseDialog(QDialog):
    changed = Signal()

    def __init__(self, workspace: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Changer de phrase de passe"))
        self.setMinimumWidth(480)
        self.old = password_field("oldPassphrase")
        self.fields = NewPassphraseFields(self.tr("Nouvelle phrase de passe :"))
        self.fields.insert_row(0, self.tr("Phrase de passe actuelle :"), self.old)
        self.form = FormKit(self, "changeError", self._ready)
        self.error, self.busy = self.form.error, self.form.busy
        self.buttons, self.confirm = self.form.button_box(self.tr("Changer"), "confirmChange")
        self.form.column(self, [self.fields], self.buttons, self._submit)
        self.form.follow(self.old.textChanged, self.fields.changed)
        self.old.setFocus()

    def _ready(self) -> bool:
        return bool(self.old.text()) and self.fields.acceptable

    def _submit(self) -> None:
        if not self.form.can_confirm:
            return
        old, new = self.old.text(), self.fields.passphrase
        self.form.run(
            self.tr("Enregistrement…"),
            self.tr("Changement de phrase de passe"),
            lambda: self._workspace.change_passphrase(old, new),
            self._succeeded,
            lambda _error: self.old.clear(),
        )

    def _succeeded(self, _result: None) -> None:
        self.old.clear()
        self.fields.clear()
        self.changed.emit()
        self.accept()
