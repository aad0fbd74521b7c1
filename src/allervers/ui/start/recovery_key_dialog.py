"""The coordinator replaces the recovery key (a sheet lost, or seen by someone who left): the old
key stops opening anything, the new one is shown once, and can be saved as a sheet to print.

Replacing is quick (no slow derivation: the recovery key is random), so it runs on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError
from allervers.messages import describe
from allervers.services.workspace import OpenWorkspace
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.start.recovery_key_page import save_recovery_sheet


class RecoveryKeyDialog(QDialog):
    replaced = Signal()

    def __init__(self, workspace: OpenWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._key: str | None = None
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Nouvelle clé de secours"))
        self.setMinimumWidth(520)
        explanation = QLabel(
            self.tr(
                "Une nouvelle clé de secours remplace l'actuelle : l'ancienne clé, et toute "
                "feuille qui la porte, n'ouvrira plus rien. La nouvelle n'est affichée qu'une "
                "fois : enregistrez la feuille et imprimez-la, ou notez la clé."
            )
        )
        explanation.setWordWrap(True)
        self.key = QLabel()
        self.key.setObjectName("newRecoveryKey")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 4)
        self.key.setFont(font)
        self.status = message_label("recoveryStatus")
        self.error = message_label("recoveryError", ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.replace = QPushButton(self.tr("Remplacer la clé"))
        self.replace.setObjectName("replaceRecoveryKey")
        self.save = QPushButton(self.tr("Enregistrer la feuille…"))
        self.save.setObjectName("saveRecoverySheet")
        self.save.setEnabled(False)
        self.buttons.addButton(self.replace, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.key)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.replace.clicked.connect(self._replace)
        self.save.clicked.connect(self._save_sheet)

    def _replace(self) -> None:
        try:
            key = self._workspace.rotate_recovery_key()
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self._key = key
        self.key.setText(key)
        self.replace.setEnabled(False)
        self.save.setEnabled(True)
        self.error.clear()
        self.status.setText(self.tr("Clé remplacée : l'ancienne n'ouvre plus rien."))
        self.replaced.emit()

    def _save_sheet(self) -> None:
        if self._key is None:
            return
        saved = save_recovery_sheet(self, self._workspace, self._key)
        if saved is None:
            return
        written, text = saved
        if not written:
            self.error.setText(text)
            return
        self.error.clear()
        self.status.setText(text)

    def done(self, result: int) -> None:
        # The key leaves the screen with the dialog (the idle lock closes it too).
        self._key = None
        self.key.clear()
        super().done(result)
