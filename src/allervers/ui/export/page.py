"""The Export page (coordinators): signed releases for the TZNR evaluation, through the register.

A table release covers a calendar month, quarter or year once it is over; releasing it again after
late syncs is a revision ("Réviser"), refused when it would tell nothing new or give the late
households away. Microdata are released apart (quarter or year, after the table). The page shows
the signing key's fingerprint (to give the evaluators by another channel) and the register. A file
of the same name already in the folder is replaced only after a question (the command line's
`--force`); nothing is recorded while the question waits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.export import ExportExists
from allervers.domain.release import ReleaseKind, ReleaseReport
from allervers.messages import describe
from allervers.services import export as export_service
from allervers.services import export_microdata
from allervers.services.workspace import OpenWorkspace
from allervers.ui.common.busy import title_label
from allervers.ui.common.operations import run_in_background

Release = Callable[[Path, bool], ReleaseReport]
"""A release to make: (folder, replace an existing file) -> report."""

MONTHS_SHOWN = 12
QUARTERS_SHOWN = 8
YEARS_SHOWN = 3


def ended_periods(today: dt.date, months: bool = True) -> list[str]:
    """Recent calendar periods that are over, newest first: months, then quarters, then years."""
    labels: list[str] = []
    if months:
        year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        for _ in range(MONTHS_SHOWN):
            labels.append(f"{year}-{month:02d}")
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    quarter = (today.month - 1) // 3  # the last quarter that is over
    year = today.year if quarter else today.year - 1
    quarter = quarter or 4
    for _ in range(QUARTERS_SHOWN):
        labels.append(f"{year}-Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    labels += [str(today.year - back) for back in range(1, YEARS_SHOWN + 1)]
    return labels


class ExportPage(QWidget):
    def __init__(
        self,
        workspace: OpenWorkspace,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportPage")
        self._workspace = workspace
        day = today or dt.date.today()
        title = title_label(self.tr("Publications pour l'évaluation"))
        intro = QLabel(
            self.tr(
                "Le tableau des indicateurs d'un mois, d'un trimestre ou d'une année terminés, "
                "signé, sans case de moins de 11, protégé avec toutes les publications "
                "précédentes. Aucun nom, adresse, téléphone ni date exacte."
            )
        )
        intro.setWordWrap(True)
        self.period = QComboBox()
        self.period.setObjectName("releasePeriod")
        for label in ended_periods(day):
            self.period.addItem(label, label)
        self.revise = QCheckBox(
            self.tr("&Réviser : intégrer les visites arrivées depuis la publication")
        )
        self.revise.setObjectName("releaseRevise")
        self.folder = QLineEdit()
        self.folder.setObjectName("exportFolder")
        self.folder.setPlaceholderText(self.tr("clé USB ou dossier partagé"))
        browse = QPushButton(self.tr("&Choisir…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Période :"), self.period)
        form.addRow(self.revise)
        form.addRow(self.tr("Dossier cible :"), folder_row)
        self.button = QPushButton(self.tr("&Publier le tableau"))
        self.button.setObjectName("exportButton")
        self.button.clicked.connect(self.start_export)

        micro = QGroupBox(self.tr("Microdonnées (sous convention)"))
        self.micro_period = QComboBox()
        self.micro_period.setObjectName("microdataPeriod")
        for label in ended_periods(day, months=False):
            self.micro_period.addItem(label, label)
        self.micro_button = QPushButton(self.tr("Publier les &microdonnées"))
        self.micro_button.setObjectName("microdataButton")
        self.micro_button.clicked.connect(self.start_microdata)
        micro_note = QLabel(
            self.tr(
                "Un fichier à part, pour un trimestre ou une année dont le tableau est publié ; "
                "une seule fois par période."
            )
        )
        micro_note.setWordWrap(True)
        micro_row = QHBoxLayout(micro)
        micro_row.addWidget(self.micro_period)
        micro_row.addWidget(self.micro_button)
        micro_row.addWidget(micro_note, 1)

        self.result = QLabel()
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("exportFingerprint")
        self.fingerprint.setWordWrap(True)  # one line would make the window wider than 960 px
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log = QTableWidget(0, 5)
        self.log.setObjectName("exportLog")
        self.log.setHorizontalHeaderLabels(
            [
                self.tr("Publié le"),
                self.tr("Période"),
                self.tr("Contenu"),
                self.tr("Version"),
                self.tr("Fichier"),
            ]
        )
        self.log.horizontalHeader().setStretchLastSection(True)
        self.log.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(micro)
        layout.addWidget(self.result)
        layout.addWidget(self.fingerprint)
        layout.addWidget(QLabel(self.tr("Registre des publications :")))
        layout.addWidget(self.log, 1)
        self.refresh()

    def refresh(self) -> None:
        self.fingerprint.setText(
            self.tr(
                "Empreinte de la clé de signature : {0} — à donner aux évaluateurs par un autre "
                "moyen (téléphone, courrier)."
            ).format(export_service.fingerprint(self._workspace))
        )
        entries = export_service.register(self._workspace)
        self.log.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):
            at = dt.datetime.fromisoformat(entry.at).astimezone()
            kind = (
                self.tr("Tableau") if entry.kind is ReleaseKind.TABLE else self.tr("Microdonnées")
            )
            version = (
                self.tr("révision {0}").format(entry.revision)
                if entry.revision
                else self.tr("première")
            )
            for column, value in enumerate(
                (at.strftime("%d/%m/%Y %H:%M"), entry.period, kind, version, entry.file_name)
            ):
                self.log.setItem(row, column, QTableWidgetItem(value))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Dossier cible"))
        if chosen:
            self.folder.setText(chosen)

    def _start(self, action: Release, force: bool = False) -> None:
        folder = self.folder.text().strip()
        if not folder:
            self.result.setText(self.tr("Choisissez un dossier cible."))
            return
        self._busy(True)
        self.result.setText(self.tr("Publication en cours…"))
        target = Path(folder)
        run_in_background(
            self,
            self.tr("Export pour l'évaluation"),
            lambda: action(target, force),
            self._done,
            lambda error: self._failed(error, action),
        )

    def _busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.micro_button.setEnabled(not busy)

    def start_export(self) -> None:
        workspace, label, revise = (
            self._workspace,
            self.period.currentData(),
            self.revise.isChecked(),
        )
        self._start(
            lambda folder, force: export_service.release_table(
                workspace, label, folder, revise, force
            )
        )

    def start_microdata(self) -> None:
        workspace, label = self._workspace, self.micro_period.currentData()
        self._start(
            lambda folder, force: export_microdata.release_microdata(
                workspace, label, folder, force
            )
        )

    def _done(self, report: ReleaseReport) -> None:
        self._busy(False)
        entry = report.entry
        if entry.kind is ReleaseKind.TABLE:
            shown = sum(1 for value in entry.published.values() if value is not None)
            text = self.tr("Publication écrite : {0}. Cases publiées : {1} sur {2}.").format(
                report.path, shown, len(entry.published)
            )
        else:
            text = self.tr("Microdonnées écrites : {0}.").format(report.path)
        self.result.setText(text)
        self.refresh()

    def _failed(self, error: Exception, action: Release) -> None:
        self._busy(False)
        if isinstance(error, ExportExists):
            self._ask_replace(error.path, action)
            return
        self.result.setText(describe(error, QCoreApplication.translate))

    def _ask_replace(self, path: Path, action: Release) -> None:
        """Asked without blocking (the idle lock can close it with the page); nothing was
        recorded or written before the answer."""
        self.result.setText(self.tr("Le fichier {0} existe déjà.").format(path.name))
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remplacer le fichier ?"),
            self.tr(
                "Le fichier {0} existe déjà dans ce dossier. Le remplacer par cette publication ?"
            ).format(path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        question.setObjectName("replaceRelease")
        question.setDefaultButton(QMessageBox.StandardButton.No)
        question.setEscapeButton(QMessageBox.StandardButton.No)
        question.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Remplacer"))
        question.button(QMessageBox.StandardButton.No).setText(self.tr("&Annuler"))
        question.finished.connect(question.deleteLater)

        def answered(button: QAbstractButton) -> None:
            if question.standardButton(button) == QMessageBox.StandardButton.Yes:
                self._start(action, force=True)
            else:
                self.result.setText(
                    self.tr("Rien n'a été écrit : le fichier {0} est gardé tel quel.").format(
                        path.name
                    )
                )

        question.buttonClicked.connect(answered)
        question.open()
