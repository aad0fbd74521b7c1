"""Saving the household sheet as PDF: where (a file dialog), whether to replace a file already
there (asked, never silently), and the writing itself, off the UI thread."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from allervers.reports.household_sheet import SheetContent, write_household_sheet
from allervers.ui.operations import run_in_background


def write_sheet_file(path: Path, content: SheetContent) -> Path:
    """Writes beside the target and renames: a failure leaves no half-written sheet, and a file
    being replaced stays whole until the new one is complete."""
    handle, temporary = tempfile.mkstemp(prefix=".feuille-", suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        write_household_sheet(Path(temporary), content, QCoreApplication.translate)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def default_name(content: SheetContent) -> str:
    """The visit's day only: a file name says nothing about the household."""
    return QCoreApplication.translate("SheetSaver", "feuille-droits-{0}.pdf").format(
        content.visited_on.isoformat()
    )


class SheetSaver(QObject):
    """One sheet being saved: file dialog, confirmation, writing. The dialogs are children of
    `parent`, so the idle lock closes them with the rest."""

    started = Signal()
    saved = Signal(object)  # Path
    failed = Signal(object)  # Exception

    def __init__(self, parent: QWidget, content: SheetContent, folder: Path) -> None:
        super().__init__(parent)
        self._parent = parent
        self._content = content
        self._path: Path | None = None
        # Qt's own dialog rather than the system's: the idle lock can close it like any dialog.
        dialog = QFileDialog(
            parent,
            self.tr("Enregistrer la feuille pour le foyer"),
            str(folder / default_name(content)),
        )
        dialog.setObjectName("sheetFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(self.tr("Documents PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        # We ask ourselves, with a dialog that does not block (see _chosen).
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(self._chosen)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog

    def start(self) -> None:
        self.file_dialog.open()

    def _chosen(self, name: str) -> None:
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._path = path
        if not path.exists():
            self._write()
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remplacer le fichier ?"),
            self.tr("Le fichier {0} existe déjà. Le remplacer par cette feuille ?").format(
                path.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self._parent,
        )
        question.setObjectName("replaceSheet")
        question.setDefaultButton(QMessageBox.StandardButton.No)
        question.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Remplacer"))
        question.button(QMessageBox.StandardButton.No).setText(self.tr("&Annuler"))
        question.finished.connect(question.deleteLater)
        question.buttonClicked.connect(
            lambda button: (
                self._write()
                if question.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        question.open()

    def _write(self) -> None:
        path, content = self._path, self._content
        if path is None:
            return
        self.started.emit()
        run_in_background(
            self,
            lambda: write_sheet_file(path, content),
            self.saved.emit,
            self.failed.emit,
        )
