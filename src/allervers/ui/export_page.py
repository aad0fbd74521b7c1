"""The Export page (coordinators): the signed, anonymised export for the TZNR evaluation.

The export is written to a target folder (a shared drive or a USB key), never over an existing
file, in the background; the page shows the signing key's fingerprint (to give the evaluators by
another channel, phone or letter) and the log of what was sent and when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.export import K_DEFAULT, K_FLOOR, ExportReport, Thresholds
from allervers.domain.figures import Period
from allervers.messages import describe
from allervers.services import export as export_service
from allervers.services.workspace import OpenWorkspace
from allervers.ui.figures.period import PeriodChooser
from allervers.ui.operations import run_in_background

Exporter = Callable[[Period, Path, bool, Thresholds], ExportReport]


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
        title = QLabel(self.tr("Export pour l'évaluation"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Les indicateurs du territoire, sans aucune case de moins de 11, et, si vous le "
                "choisissez, des microdonnées pseudonymisées (k-anonymat, l-diversité), avec leur "
                "rapport de risque ; le tout signé. Aucun nom, adresse, téléphone ni date exacte."
            )
        )
        intro.setWordWrap(True)
        self.period = PeriodChooser(today or dt.date.today())
        self.microdata = QCheckBox(self.tr("Ajouter les &microdonnées (sous convention)"))
        self.microdata.setObjectName("exportMicrodata")
        self.k = QSpinBox()
        self.k.setObjectName("exportK")
        self.k.setRange(K_FLOOR, 100)
        self.k.setValue(K_DEFAULT)
        self.folder = QLineEdit()
        self.folder.setObjectName("exportFolder")
        self.folder.setPlaceholderText(self.tr("clé USB ou dossier partagé"))
        browse = QPushButton(self.tr("&Choisir…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.period)
        form.addRow(self.microdata)
        form.addRow(self.tr("k-anonymat :"), self.k)
        form.addRow(self.tr("Dossier cible :"), folder_row)
        self.button = QPushButton(self.tr("&Exporter"))
        self.button.setObjectName("exportButton")
        self.button.clicked.connect(self.start_export)
        self.result = QLabel()
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("exportFingerprint")
        self.fingerprint.setWordWrap(True)  # one line would make the window wider than 960 px
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log = QTableWidget(0, 4)
        self.log.setObjectName("exportLog")
        self.log.setHorizontalHeaderLabels(
            [self.tr("Envoyé le"), self.tr("Période"), self.tr("Fichier"), self.tr("Dossier")]
        )
        self.log.horizontalHeader().setStretchLastSection(True)
        self.log.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result)
        layout.addWidget(self.fingerprint)
        layout.addWidget(QLabel(self.tr("Exports envoyés :")))
        layout.addWidget(self.log, 1)
        self.refresh()

    def refresh(self) -> None:
        self.fingerprint.setText(
            self.tr(
                "Empreinte de la clé de signature : {0} — à donner aux évaluateurs par un autre "
                "moyen (téléphone, courrier)."
            ).format(export_service.fingerprint(self._workspace))
        )
        entries = export_service.export_log(self._workspace)
        self.log.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):
            at = dt.datetime.fromisoformat(entry.at).astimezone()
            for column, value in enumerate(
                (at.strftime("%d/%m/%Y %H:%M"), entry.period, entry.file_name, entry.destination)
            ):
                self.log.setItem(row, column, QTableWidgetItem(value))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Dossier cible"))
        if chosen:
            self.folder.setText(chosen)

    def start_export(self) -> None:
        period = self.period.period()
        folder = self.folder.text().strip()
        if period is None or not folder:
            self.result.setText(self.tr("Choisissez une période valide et un dossier cible."))
            return
        self.button.setEnabled(False)
        self.result.setText(self.tr("Export en cours…"))
        workspace, microdata = self._workspace, self.microdata.isChecked()
        thresholds = Thresholds(k=self.k.value())
        run_in_background(
            self,
            self.tr("Export pour l'évaluation"),
            lambda: export_service.export(
                workspace, period, Path(folder), with_microdata=microdata, thresholds=thresholds
            ),
            self._done,
            self._failed,
        )

    def _done(self, report: ExportReport) -> None:
        self.button.setEnabled(True)
        summary = report.summary
        text = self.tr("Export écrit : {0}. Cases publiées : {1} sur {2}.").format(
            report.path, summary.cells.published, summary.cells.cells
        )
        if summary.microdata is not None:
            text += " " + self.tr("Microdonnées : {0} lignes, k = {1}, l = {2}.").format(
                summary.microdata.rows_published, summary.microdata.k, summary.microdata.l
            )
        self.result.setText(text)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.result.setText(describe(error, QCoreApplication.translate))
