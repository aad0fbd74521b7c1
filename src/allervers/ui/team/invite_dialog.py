"""Inviting a volunteer (coordinator): the account's name and first passphrase, then where to
write the invitation. The invitation is sealed with that passphrase (Argon2id: off the UI thread)
and signed by this workspace; the volunteer opens it on their own laptop (docs/sync-format.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from allervers.domain.users import User
from allervers.services.sync import SyncService
from allervers.services.workspace import MAX_NAME_LENGTH
from allervers.ui.common.choosers import choose_file
from allervers.ui.common.form import FormKit
from allervers.ui.common.passphrase_widgets import NewPassphraseFields
from allervers.ui.team.sync_texts import sync_error

INVITATION_SUFFIX = ".avinvite"


def invitation_filter() -> str:
    return QCoreApplication.translate("InviteDialog", "Invitations Aller-Vers (*.avinvite)")


class InviteDialog(QDialog):
    """`invited(user, fingerprint, path)` once the account exists and the invitation is
    written; the dialog then closes."""

    invited = Signal(object, str, object)  # User, this workspace's fingerprint, Path

    def __init__(self, service: SyncService, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._folder = folder
        self.setObjectName("inviteDialog")
        self.setWindowTitle(self.tr("Inviter un ou une bénévole"))
        self.setMinimumWidth(520)
        self.name = QLineEdit()
        self.name.setObjectName("inviteName")
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setPlaceholderText(self.tr("prénom et nom"))
        hint = QLabel(
            self.tr(
                "Choisissez la phrase de passe avec la personne : elle la tapera sur son "
                "ordinateur pour ouvrir l'invitation, puis pour ouvrir Aller-Vers. Elle pourra la "
                "changer ensuite. Ne l'écrivez jamais à côté du fichier d'invitation."
            )
        )
        hint.setWordWrap(True)
        self.fields = NewPassphraseFields()
        self.fields.insert_row(0, self.tr("Nom :"), self.name)
        self.form = FormKit(self, "inviteError", self._ready, sync_error)
        self.error, self.busy = self.form.error, self.form.busy
        self.buttons, self.confirm = self.form.button_box(
            self.tr("Enregistrer l'invitation…"), "confirmInvite"
        )
        self.form.column(self, [self.fields, hint], self.buttons, self._choose_file)
        self.form.follow(self.name.textChanged, self.fields.changed)
        self.name.setFocus()

    def reject(self) -> None:
        if self.form.running:
            return  # the account is being created: the result must be seen
        super().reject()

    def _ready(self) -> bool:
        return bool(self.name.text().strip()) and self.fields.acceptable

    def _choose_file(self) -> None:
        if not self.form.can_confirm:
            return
        self.error.clear()
        default = self.tr("invitation-{0}").format(dt.date.today().isoformat())
        choice = choose_file(
            self,
            self.tr("Enregistrer l'invitation"),
            self._folder / (default + INVITATION_SUFFIX),
            [invitation_filter()],
            "invitationFileDialog",
            save_suffix=INVITATION_SUFFIX,
        )
        choice.chosen.connect(self._write)

    def _write(self, path: Path) -> None:
        if not path.parent.is_dir():
            # Checked first: the account is created before the file is written.
            self.error.setText(self.tr("Le dossier {0} n'existe pas.").format(path.parent))
            return
        name, passphrase, service = self.name.text(), self.fields.passphrase, self._service
        self.fields.setEnabled(False)
        self.name.setEnabled(False)
        self.form.run(
            self.tr("Création du compte et de l'invitation…"),
            self.tr("Invitation d'un ou une bénévole"),
            lambda: (*service.invite(name, passphrase, path), path),
            self._succeeded,
            self._failed,
        )

    def _succeeded(self, result: tuple[User, str, Path]) -> None:
        user, fingerprint, path = result
        self.fields.clear()
        self.invited.emit(user, fingerprint, path)
        self.accept()

    def _failed(self, _error: Exception) -> None:
        self.fields.setEnabled(True)
        self.name.setEnabled(True)
