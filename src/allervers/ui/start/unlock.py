"""The unlock dialog: at start-up and after every lock.

A wrong passphrase costs Argon2id time and, after a few tries, a growing wait decided by the
service (`WorkspaceService.retry_after`); the button shows that wait and comes back by itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import TooManyAttempts
from allervers.messages import describe
from allervers.services.workspace import MAX_NAME_LENGTH, OpenWorkspace, WorkspaceService
from allervers.ui.common.busy import message_label, title_label
from allervers.ui.common.form import FormKit, error_text
from allervers.ui.common.passphrase_widgets import password_field
from allervers.ui.start.recovery_reset import RecoveryResetDialog

COUNTDOWN_TICK_MS = 250


def _wording(error: Exception) -> str:
    # Too many attempts: the countdown line says it (and how long), not the error line.
    return "" if isinstance(error, TooManyAttempts) else error_text(error)


class UnlockDialog(QDialog):
    """Accepted once a workspace is open; `workspace` then holds it and `unlocked` has fired."""

    unlocked = Signal(object)  # OpenWorkspace

    def __init__(
        self,
        service: WorkspaceService,
        workspace_path: Path,
        user: str | None = None,
        banner: str | None = None,
        embedded: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._embedded = embedded
        if embedded:
            # Part of the main window's lock screen: a plain child widget, no window of its own.
            self.setWindowFlags(Qt.WindowType.Widget)
        self._service = service
        self._path = workspace_path
        self._waiting = False
        self.workspace: OpenWorkspace | None = None
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Aller-Vers — déverrouiller"))
        self.setMinimumWidth(460)

        title = title_label(self.tr("Espace de travail verrouillé"), 1.3)
        title.setObjectName("unlockTitle")
        self.banner = QLabel()
        self.banner.setObjectName("demoBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c060;"
            " padding: 6px; }"
        )
        if banner:
            # Synthetic demo data only: the app shows its passphrase so anyone can try it.
            self.banner.setText(self.tr("Démonstration — phrase de passe : {0}").format(banner))
        self.banner.setVisible(bool(banner))

        self.user = QLineEdit(user or "")
        self.user.setObjectName("userName")
        self.user.setMaxLength(MAX_NAME_LENGTH)
        self.passphrase = password_field("passphrase")
        form = QFormLayout()
        form.addRow(self.tr("Nom d'utilisateur :"), self.user)
        form.addRow(self.tr("Phrase de passe :"), self.passphrase)

        self.form = FormKit(self, "unlockError", self._ready, _wording)
        self.error, self.busy = self.form.error, self.form.busy
        self.countdown = message_label("unlockCountdown")

        self.unlock_button = QPushButton(self.tr("Déverrouiller"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("Phrase de passe oubliée ?"))
        self.forgot_button.setObjectName("forgotPassphrase")
        self.forgot_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Quitter"))
        self.cancel_button.setObjectName("cancelUnlock")
        self.cancel_button.setAutoDefault(False)
        # Locked inside the main window, "Quitter" is in its menu; here the form is all there is.
        self.cancel_button.setVisible(not embedded)
        self.form.use_confirm(self.unlock_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.unlock_button)

        title.setVisible(not embedded)  # the lock screen has its own title
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.countdown)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(COUNTDOWN_TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.user.textChanged.connect(self.form.update)
        self.passphrase.textChanged.connect(self.form.update)
        self.unlock_button.clicked.connect(self._unlock)
        self.forgot_button.clicked.connect(self._forgot)
        self.cancel_button.clicked.connect(self.reject)
        (self.passphrase if user else self.user).setFocus()
        # A wait may already be running (failures before a restart): honour it from the start.
        self._tick()

    def reject(self) -> None:
        if self._embedded:
            # Escape on the lock screen must not leave a locked window with no way to unlock.
            self.passphrase.clear()
            return
        super().reject()

    def _ready(self) -> bool:
        return bool(self.user.text().strip() and self.passphrase.text()) and not self._waiting

    def _fields_enabled(self, enabled: bool) -> None:
        for widget in (self.user, self.passphrase, self.forgot_button):
            widget.setEnabled(enabled)

    def _unlock(self) -> None:
        if not self.form.can_confirm:
            return
        user, passphrase = self.user.text(), self.passphrase.text()
        self._fields_enabled(False)
        self.form.run(
            self.tr("Déverrouillage…"),
            self.tr("Ouverture de l'espace de travail"),
            lambda: self._service.unlock(self._path, user, passphrase),
            self._succeeded,
            self._failed,
            release=OpenWorkspace.lock,  # nobody left to use it: closed again
        )

    def _succeeded(self, workspace: OpenWorkspace) -> None:
        self.form.set_running(False)
        self._fields_enabled(True)
        self._finish(workspace)

    def _failed(self, _error: Exception) -> None:
        self._fields_enabled(True)
        self.passphrase.clear()
        self.passphrase.setFocus()
        self._tick()

    def _tick(self) -> None:
        """Asks the service how long to wait; shows it and keeps the button off until zero."""
        wait = self._service.retry_after(self._path)
        self._waiting = wait > 0
        if self._waiting:
            self.countdown.setText(describe(TooManyAttempts(wait), QCoreApplication.translate))
            if not self._timer.isActive():
                self._timer.start()
        else:
            self.countdown.clear()
            self._timer.stop()
        self.form.update()

    def _forgot(self) -> None:
        dialog = RecoveryResetDialog(self._service, self._path, self.user.text(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reset.connect(self._finish)
        dialog.open()

    def _finish(self, workspace: OpenWorkspace) -> None:
        self.passphrase.clear()
        self.error.clear()
        self._timer.stop()
        self.workspace = workspace
        self.unlocked.emit(workspace)
        self.accept()
