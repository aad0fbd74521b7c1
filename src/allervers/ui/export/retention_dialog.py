"""The coordinator's "Conservation des données" dialog (menu "Espace de travail").

CNIL référentiel 2023-095 (social sector): a household's active data are kept `retention_months`
(24 by default) after the last contact. The dialog counts the households past that period
(RetentionService.purge_candidates) and, once the coordinator confirms, erases their personal data
(RetentionService.purge), as `allervers purge --apply` does. Both run off the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.services.retention import RetentionService
from allervers.ui.common.busy import message_label, title_label
from allervers.ui.common.form import FormKit, error_text
from allervers.ui.common.styles import DONE_STYLE

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate


def count_text(count: int) -> str:
    return f"{count:,}".replace(",", "\u00a0")


def candidates_text(count: int, months: int) -> str:
    if count == 0:
        return translate(
            "RetentionDialog",
            "Aucun foyer sans contact depuis plus de {0} mois : il n'y a rien à effacer.",
        ).format(months)
    if count == 1:
        return translate("RetentionDialog", "1 foyer sans contact depuis plus de {0} mois.").format(
            months
        )
    return translate("RetentionDialog", "{0} foyers sans contact depuis plus de {1} mois.").format(
        count_text(count), months
    )


def purge_button_text(count: int) -> str:
    if count == 1:
        return translate("RetentionDialog", "&Effacer ce foyer…")
    return translate("RetentionDialog", "&Effacer ces {0} foyers…").format(count_text(count))


def purge_question_text(count: int, months: int) -> str:
    if count == 1:
        return translate(
            "RetentionDialog",
            "Effacer les données personnelles du foyer sans contact depuis plus de {0} mois ?",
        ).format(months)
    return translate(
        "RetentionDialog",
        "Effacer les données personnelles des {0} foyers sans contact depuis plus de {1} mois ?",
    ).format(count_text(count), months)


def purge_details() -> str:
    """What goes and what stays, as RetentionService.purge does it."""
    return translate(
        "RetentionDialog",
        "Seront effacés pour de bon : les noms, adresses, téléphones, réponses aux entretiens, "
        "raisons du non-recours, notes et contacts des orientations. Ces foyers quitteront le "
        "suivi des dossiers.\n\n"
        "Resteront, sans rien qui désigne les personnes, les comptes anonymes des chiffres : "
        "portes frappées, communes, nombres de personnes, droits repérés et ouverts.\n\n"
        "Cet effacement ne peut pas être annulé.",
    )


def purged_text(count: int) -> str:
    if count == 0:
        return translate("RetentionDialog", "Aucun foyer effacé.")
    if count == 1:
        return translate(
            "RetentionDialog", "1 foyer effacé ; ses comptes anonymes restent dans les chiffres."
        )
    return translate(
        "RetentionDialog", "{0} foyers effacés ; leurs comptes anonymes restent dans les chiffres."
    ).format(count_text(count))


class RetentionDialog(QDialog):
    """`months`: the workspace's retention period, for the texts. `purged(count)` once the
    personal data of `count` households were erased."""

    purged = Signal(int)

    def __init__(
        self, retention: RetentionService, months: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Conservation des données"))
        self.setMinimumWidth(520)
        self._retention = retention
        self._months = months
        self.candidates: int | None = None

        title = title_label(self.tr("Conservation des données"), 1.3)
        intro = QLabel(
            self.tr(
                "Les données d'un foyer sont gardées {0} mois après le dernier contact "
                "(CNIL, référentiel du secteur social et médico-social 2023-095). Passé ce délai, "
                "ses données personnelles sont effacées ; les comptes anonymes des chiffres "
                "restent."
            ).format(months)
        )
        intro.setObjectName("retentionIntro")
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("retentionStatus")
        self.status.setWordWrap(True)
        bold = self.status.font()
        bold.setBold(True)
        self.status.setFont(bold)
        self.form = FormKit(self, "retentionError")
        self.busy, self.error = self.form.busy, self.form.error
        self.outcome = message_label("retentionDone", DONE_STYLE)
        self.purge_button = QPushButton()
        self.purge_button.setObjectName("retentionPurge")
        self.purge_button.setVisible(False)
        self.purge_button.clicked.connect(self.ask_purge)
        self.form.use_confirm(self.purge_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Fermer"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.count()

    # Counting

    def count(self) -> None:
        retention = self._retention
        self.buttons.setEnabled(False)
        self.form.run(
            self.tr("Recherche des foyers sans contact…"),
            self.tr("Recherche des foyers sans contact"),
            lambda: len(retention.purge_candidates()),
            self._counted,
            self._failed,
            cancellable=True,  # a read
        )

    def _counted(self, count: int) -> None:
        self._idle()
        self.candidates = count
        self.status.setText(candidates_text(count, self._months))
        self.purge_button.setText(purge_button_text(count))
        self.purge_button.setVisible(count > 0)

    def _failed(self, _error: Exception) -> None:
        self.buttons.setEnabled(True)

    # Erasing

    def ask_purge(self) -> None:
        count = self.candidates
        if not count:
            return
        self.outcome.clear()
        self.error.clear()
        question = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Effacer les foyers sans contact"),
            purge_question_text(count, self._months),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        question.setObjectName("confirmPurge")
        question.setInformativeText(purge_details())
        question.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Effacer"))
        question.button(QMessageBox.StandardButton.Cancel).setText(self.tr("&Annuler"))
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        question.setEscapeButton(QMessageBox.StandardButton.Cancel)
        question.finished.connect(question.deleteLater)
        question.buttonClicked.connect(
            lambda button: (
                self._purge()
                if question.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        question.open()

    def _purge(self) -> None:
        self.buttons.setEnabled(False)
        self.form.run(
            self.tr("Effacement en cours…"),
            self.tr("Effacement des foyers sans contact"),
            self._retention.purge,
            self._purged,
            self._purge_failed,
        )

    def _purged(self, count: int) -> None:
        self._idle()
        self.outcome.setText(purged_text(count))
        if count:
            self.purged.emit(count)
        self.count()

    def _purge_failed(self, error: Exception) -> None:
        self.count()  # what is left to erase, as the workspace now holds it
        self.error.setText(error_text(error))  # kept while counting (count clears the line)

    def _idle(self) -> None:
        self.form.set_running(False)
        self.buttons.setEnabled(True)

    def reject(self) -> None:
        """Not while erasing: the dialog would drop the result the caseload waits for."""
        if self.form.running and self.isVisible():
            return
        super().reject()
