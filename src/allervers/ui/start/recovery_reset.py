"""A forgotten passphrase: the recovery key sets a new one and opens the workspace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from allervers.services.workspace import MAX_NAME_LENGTH, OpenWorkspace, WorkspaceService
from allervers.ui.common.form import FormKit
from allervers.ui.common.passphrase_widgets import NewPassphraseFields


class RecoveryResetDialog(QDialog):
    """Emits `reset` with the open workspace, then closes."""

    reset = Signal(object)  # OpenWorkspace

    def __init__(
        self,
        service: WorkspaceService,
        workspace_path: Path,
        user: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._path = workspace_path
        self.setObjectName("recoveryResetDialog")
        self.setWindowTitle(self.tr("Phrase de passe oubliée"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Avec la clé de secours imprimée à la création de l'espace de travail, choisissez "
                "une nouvelle phrase de passe. Sans elle, personne ne peut rouvrir les données."
            )
        )
        intro.setWordWrap(True)
        self.user = QLineEdit(user)
        self.user.setObjectName("resetUserName")
        self.user.setMaxLength(MAX_NAME_LENGTH)
        # Shown as typed: 32 characters copied blind from paper fail too often, and the sheet
        # is on the table anyway.
        self.recovery_key = QLineEdit()
        self.recovery_key.setObjectName("recoveryKeyInput")
        self.recovery_key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.fields = NewPassphraseFields(self.tr("Nouvelle phrase de passe :"))
        self.fields.insert_row(0, self.tr("Nom d'utilisateur :"), self.user)
        self.fields.insert_row(1, self.tr("Clé de secours :"), self.recovery_key)
        self.form = FormKit(self, "resetError", self._ready)
        self.error, self.busy = self.form.error, self.form.busy
        self.buttons, self.confirm = self.form.button_box(
            self.tr("Enregistrer et déverrouiller"), "confirmReset"
        )
        self.form.column(self, [intro, self.fields], self.buttons, self._submit)
        self.form.follow(self.user.textChanged, self.recovery_key.textChanged, self.fields.changed)
        (self.recovery_key if user else self.user).setFocus()

    def _ready(self) -> bool:
        ready = bool(self.user.text().strip() and self.recovery_key.text().strip())
        return ready and self.fields.acceptable

    def _submit(self) -> None:
        if not self.form.can_confirm:
            return
        user, key, new = self.user.text(), self.recovery_key.text(), self.fields.passphrase
        self.form.run(
            self.tr("Enregistrement…"),
            self.tr("Nouvelle phrase de passe avec la clé de secours"),
            lambda: self._service.reset_with_recovery_key(self._path, key, user, new),
            self._succeeded,
            release=OpenWorkspace.lock,  # nobody left to use it: closed again
        )

    def _succeeded(self, workspace: OpenWorkspace) -> None:
        self.recovery_key.clear()
        self.fields.clear()
        self.reset.emit(workspace)
        self.accept()
