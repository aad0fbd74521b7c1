"""First run on a volunteer's laptop: joining the team with the invitation the coordinator wrote.

The person chooses the invitation, types the passphrase the coordinator set for their account and
says where to write the enrolment reply; the workspace is then created for that account (Argon2id
off the UI thread) and both fingerprints are shown, to be compared by voice. A wrong passphrase or
an altered invitation creates nothing and lets them try again. The recovery key follows, on the
wizard's own page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from allervers.crypto.kdf import KdfParams
from allervers.services.sync import Joined, join
from allervers.services.workspace import CreatedWorkspace
from allervers.ui.common.busy import message_label
from allervers.ui.common.choosers import choose_file
from allervers.ui.common.form import hold_wizard
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.passphrase_widgets import password_field
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.team.invite_dialog import invitation_filter
from allervers.ui.team.sync_texts import sync_error
from allervers.ui.team.widgets import REPLY_SUFFIX, fingerprint_font


def _file_row(field: QLineEdit, button: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(button)
    return row


class JoinPage(QWizardPage):
    """Creates the workspace from the invitation when the person presses the commit button;
    `validatePage` refuses until it is done (see wizard.PassphrasePage)."""

    def __init__(
        self,
        workspace: Path,
        params: KdfParams,
        on_joined: Callable[[Joined, Path], None],
        next_id: int,
    ) -> None:
        super().__init__()
        self._workspace = workspace
        self._params = params
        self._on_joined = on_joined
        self._next_id = next_id
        self.joined: Joined | None = None
        self._reply: Path | None = None
        self._busy = False
        self.setTitle(self.tr("Rejoindre une équipe"))
        self.setSubTitle(
            self.tr(
                "Avec le fichier d'invitation et la phrase de passe que votre coordinateur ou "
                "coordinatrice vous a donnés."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Rejoindre l'équipe"))
        self.invitation = QLineEdit()
        self.invitation.setObjectName("invitationFile")
        self.invitation.setPlaceholderText(self.tr("fichier .avinvite sur la clé USB"))
        browse_invitation = QPushButton(self.tr("&Choisir…"))
        browse_invitation.setObjectName("chooseInvitation")
        browse_invitation.clicked.connect(self._choose_invitation)
        self.passphrase = password_field("invitationPassphrase")
        self.reply = QLineEdit()
        self.reply.setObjectName("replyFile")
        browse_reply = QPushButton(self.tr("C&hoisir…"))
        browse_reply.setObjectName("chooseReply")
        browse_reply.clicked.connect(self._choose_reply)
        folder = QLabel(
            self.tr("Les données seront chiffrées dans le dossier :\n{0}").format(workspace)
        )
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Invitation :"), _file_row(self.invitation, browse_invitation))
        form.addRow(self.tr("Phrase de passe de votre compte :"), self.passphrase)
        form.addRow(self.tr("Réponse d'inscription :"), _file_row(self.reply, browse_reply))
        reply_hint = QLabel(
            self.tr(
                "Cet ordinateur y écrit sa réponse, à remettre à la coordination : elle "
                "l'inscrira dans l'équipe."
            )
        )
        reply_hint.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # indeterminate: Argon2id gives no progress
        self.progress.setVisible(False)
        self.status = message_label("joinStatus", ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(reply_hint)
        layout.addSpacing(12)
        layout.addWidget(folder)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for field in (self.invitation, self.passphrase, self.reply):
            field.textChanged.connect(self.completeChanged)

    def nextId(self) -> int:
        return self._next_id

    def initializePage(self) -> None:
        self.invitation.setFocus()

    @property
    def busy(self) -> bool:
        return self._busy

    def isComplete(self) -> bool:
        filled = all(f.text().strip() for f in (self.invitation, self.reply))
        return not self._busy and (
            self.joined is not None or (filled and bool(self.passphrase.text()))
        )

    def _choose_invitation(self) -> None:
        current = self.invitation.text().strip()
        choice = choose_file(
            self,
            self.tr("Fichier d'invitation"),
            Path(current).parent if current else Path.home(),
            [invitation_filter()],
            "invitationOpenDialog",
        )
        choice.chosen.connect(self._invitation_chosen)

    def _invitation_chosen(self, path: Path) -> None:
        self.invitation.setText(str(path))
        if not self.reply.text().strip():  # beside it, on the same key, by default
            name = self.tr("inscription-{0}").format(dt.date.today().isoformat())
            self.reply.setText(str(path.parent / (name + REPLY_SUFFIX)))
        self.passphrase.setFocus()

    def _choose_reply(self) -> None:
        current = self.reply.text().strip()
        name = self.tr("inscription-{0}").format(dt.date.today().isoformat()) + REPLY_SUFFIX
        choice = choose_file(
            self,
            self.tr("Enregistrer la réponse d'inscription"),
            Path(current) if current else Path.home() / name,
            [self.tr("Réponses d'inscription (*.avreply)")],
            "replySaveDialog",
            save_suffix=REPLY_SUFFIX,
        )
        choice.chosen.connect(lambda path: self.reply.setText(str(path)))

    def validatePage(self) -> bool:
        if self.joined is not None:
            return True
        if self._busy:
            return False
        invitation = Path(self.invitation.text().strip())
        reply = Path(self.reply.text().strip())
        if not reply.suffix:
            reply = reply.with_name(reply.name + REPLY_SUFFIX)
        if not reply.parent.is_dir():
            # Checked first: the workspace is created before the reply is written.
            self.status.setText(self.tr("Le dossier {0} n'existe pas.").format(reply.parent))
            return False
        if reply.resolve() == invitation.resolve():
            self.status.setText(self.tr("La réponse ne peut pas remplacer l'invitation."))
            return False
        passphrase, workspace, params = self.passphrase.text(), self._workspace, self._params
        self._reply = reply
        self._set_busy(True)
        run_in_background(
            self,
            self.tr("Création de l'espace de travail de l'équipe"),
            lambda: join(invitation, workspace, passphrase, reply, params),
            self._joined,
            self._failed,
            release=lambda joined: joined.created.workspace.lock(),
        )
        return False

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for field in (self.invitation, self.passphrase, self.reply):
            field.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.status.clear()
        hold_wizard(self, busy)

    def _joined(self, joined: Joined) -> None:
        self.joined = joined
        self.passphrase.clear()
        self._set_busy(False)
        assert self._reply is not None
        self._on_joined(joined, self._reply)
        self.wizard().next()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.status.setText(sync_error(error))
        self.passphrase.clear()
        self.passphrase.setFocus()


class JoinedPage(QWizardPage):
    """Both fingerprints, to compare by voice with the coordinator, and where the reply is."""

    def __init__(self, next_id: int) -> None:
        super().__init__()
        self._next_id = next_id
        self.setTitle(self.tr("Empreintes à comparer"))
        self.setSubTitle(
            self.tr(
                "Comparez-les de vive voix (en personne ou par téléphone) avec votre "
                "coordinateur ou coordinatrice, qui les lit sur son écran, page « Équipe et "
                "synchronisation »."
            )
        )
        self.hub_fingerprint = QLabel()
        self.hub_fingerprint.setObjectName("hubFingerprint")
        self.own_fingerprint = QLabel()
        self.own_fingerprint.setObjectName("ownFingerprint")
        for label in (self.hub_fingerprint, self.own_fingerprint):
            font = fingerprint_font()
            font.setPointSize(max(font.pointSize(), 14))
            label.setFont(font)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Empreinte de la coordination :"), self.hub_fingerprint)
        form.addRow(self.tr("Empreinte de cet ordinateur :"), self.own_fingerprint)
        warning = QLabel(
            self.tr(
                "Si l'empreinte de la coordination diffère de celle de son écran, l'invitation "
                "ne vient pas d'elle : ne remettez pas la réponse et prévenez-la."
            )
        )
        warning.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("joinDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(warning)
        layout.addSpacing(8)
        layout.addWidget(self.details)
        layout.addStretch(1)

    def nextId(self) -> int:
        return self._next_id

    def show_joined(self, joined: Joined, reply: Path) -> None:
        created: CreatedWorkspace = joined.created
        self.hub_fingerprint.setText(joined.hub_fingerprint)
        self.own_fingerprint.setText(joined.own_fingerprint)
        self.details.setText(
            self.tr(
                "Réponse d'inscription écrite dans {0} : remettez-la à la coordination. Pour "
                "ouvrir Aller-Vers ensuite : votre nom « {1} » et la phrase de passe de votre "
                "compte (vous pourrez la changer depuis le menu « Espace de travail »)."
            ).format(reply, created.workspace.user.name)
        )

    def forget(self) -> None:
        for label in (self.hub_fingerprint, self.own_fingerprint, self.details):
            label.clear()
