"""The first run's last page, whichever way in: the recovery key, shown once, printed if the
person wants, and confirmed by typing its last group (which shows they have at least looked at
it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from allervers.domain.errors import AllerVersError
from allervers.messages import describe
from allervers.reports.recovery_sheet import write_recovery_sheet
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace
from allervers.ui.common.busy import message_label

# Crockford base32, as on the printed sheet: letters that look like digits read as those digits.
_LOOK_ALIKES = str.maketrans("OIL", "011")


def save_recovery_sheet(
    parent: QWidget, workspace: OpenWorkspace, recovery_key: str
) -> tuple[bool, str] | None:
    """Asks where, then writes the sheet to print. None when the person cancelled; else whether
    it was written and the sentence that says so (or why not)."""
    translate = QCoreApplication.translate
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("RecoverySheet", "Enregistrer la feuille de secours"),
        str(Path.home() / translate("RecoverySheet", "cle-de-secours-aller-vers.pdf")),
        translate("RecoverySheet", "Document PDF (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_recovery_sheet(path, workspace.territory(), recovery_key, date.today())
    except (OSError, AllerVersError) as error:
        return False, describe(error, translate)
    return True, translate(
        "RecoverySheet",
        "Feuille enregistrée dans {0} : imprimez-la, rangez-la à part, puis supprimez le fichier.",
    ).format(path)


def last_group(recovery_key: str) -> str:
    return recovery_key.rsplit("-", 1)[-1]


def matches_last_group(typed: str, recovery_key: str) -> bool:
    return typed.strip().upper().translate(_LOOK_ALIKES) == last_group(recovery_key)


class RecoveryKeyPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self._created: CreatedWorkspace | None = None
        self.setTitle(self.tr("Clé de secours"))
        self.setSubTitle(
            self.tr(
                "Elle permet de choisir une nouvelle phrase de passe si elle est oubliée. "
                "Elle ne sera plus jamais affichée."
            )
        )
        self.key = QLabel()
        self.key.setObjectName("recoveryKey")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(18)
        font.setWeight(QFont.Weight.Bold)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Selectable so it can be read back carefully; never put on the clipboard by us.
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 12px; }")
        advice = QLabel(
            self.tr(
                "Notez-la ou imprimez la feuille de secours, puis rangez-la sous clé, jamais avec "
                "l'ordinateur : elle ouvre toutes les données de l'espace de travail."
            )
        )
        advice.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Imprimer la feuille de secours (PDF)…"))
        self.print_button.setObjectName("printRecoverySheet")
        self.print_button.clicked.connect(self._save_sheet)
        self.sheet_status = message_label("sheetStatus")
        self.confirmation = QLineEdit()
        self.confirmation.setObjectName("keyConfirmation")
        self.confirmation.setMaxLength(4)
        self.confirmation.setMaximumWidth(
            self.confirmation.fontMetrics().horizontalAdvance("W") * 8
        )
        self.confirmation.textChanged.connect(self.completeChanged)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(
            QLabel(self.tr("Pour confirmer, tapez les 4 derniers caractères de la clé :"))
        )
        confirm_row.addWidget(self.confirmation)
        confirm_row.addStretch(1)
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key)
        layout.addWidget(advice)
        layout.addLayout(print_row)
        layout.addWidget(self.sheet_status)
        layout.addSpacing(16)
        layout.addLayout(confirm_row)
        layout.addStretch(1)

    def nextId(self) -> int:
        return -1

    def initializePage(self) -> None:
        # Ready for the four characters, no click needed. Deferred: the page is not shown yet,
        # and the passphrase fields that had the focus were disabled during the creation.
        QTimer.singleShot(0, self.confirmation.setFocus)

    def show_key(self, created: CreatedWorkspace) -> None:
        self._created = created
        self.key.setText(created.recovery_key)

    def forget_key(self) -> None:
        self._created = None
        self.key.clear()
        self.confirmation.clear()

    def isComplete(self) -> bool:
        created = self._created
        return created is not None and matches_last_group(
            self.confirmation.text(), created.recovery_key
        )

    def _save_sheet(self) -> None:
        created = self._created
        if created is None:
            return
        saved = save_recovery_sheet(self, created.workspace, created.recovery_key)
        if saved is not None:
            self.sheet_status.setText(saved[1])
