"""Saving the activity report as PDF, through the shared `PdfSaver`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from allervers.domain.figures import TerritoryFigures
from allervers.reports.activity_report import write_activity_report
from allervers.ui.common.pdf_saver import PdfSaver, write_atomically


def write_report_file(path: Path, figures: TerritoryFigures, produced: dt.date) -> Path:
    return write_atomically(
        path,
        lambda target: write_activity_report(target, figures, produced, QCoreApplication.translate),
        ".rapport-",
    )


def default_name(figures: TerritoryFigures) -> str:
    label = figures.period.label.replace("/", "_")
    return QCoreApplication.translate("ReportSaver", "rapport-activite-{0}.pdf").format(label)


class ReportSaver(PdfSaver):
    def __init__(
        self, parent: QWidget, figures: TerritoryFigures, produced: dt.date, folder: Path
    ) -> None:
        translate = QCoreApplication.translate
        super().__init__(
            parent,
            translate("ReportSaver", "Enregistrer le rapport d'activité"),
            folder / default_name(figures),
            translate("ReportSaver", "Le fichier {0} existe déjà. Le remplacer par ce rapport ?"),
            lambda path: write_report_file(path, figures, produced),
            ("reportFileDialog", "replaceReport"),
        )
