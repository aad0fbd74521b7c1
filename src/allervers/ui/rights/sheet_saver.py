"""Saving the household sheet as PDF, through the shared `PdfSaver`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from allervers.reports.household_sheet import SheetContent, write_household_sheet
from allervers.ui.common.pdf_saver import PdfSaver, write_atomically


def write_sheet_file(path: Path, content: SheetContent) -> Path:
    return write_atomically(
        path,
        lambda target: write_household_sheet(target, content, QCoreApplication.translate),
        ".feuille-",
    )


def default_name(content: SheetContent) -> str:
    """The visit's day only: a file name says nothing about the household."""
    return QCoreApplication.translate("SheetSaver", "feuille-droits-{0}.pdf").format(
        content.visited_on.isoformat()
    )


class SheetSaver(PdfSaver):
    def __init__(self, parent: QWidget, content: SheetContent, folder: Path) -> None:
        translate = QCoreApplication.translate
        super().__init__(
            parent,
            translate("SheetSaver", "Enregistrer la feuille pour le foyer"),
            folder / default_name(content),
            translate("SheetSaver", "Le fichier {0} existe déjà. Le remplacer par cette feuille ?"),
            lambda path: write_sheet_file(path, content),
            ("sheetFileDialog", "replaceSheet"),
        )
