"""Saving a PDF the person asked for: where (Qt's file dialog, which the idle lock can close like
any dialog), whether to replace a file already there (asked, never silently), and the writing
itself, off the UI thread, beside the target then renamed. The activity report and the household
sheet both go through it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from allervers.files.atomic import written_beside
from allervers.ui.common.choosers import ask_to_replace, qt_file_dialog
from allervers.ui.common.operations import run_in_background


def write_atomically(path: Path, write: Callable[[Path], None], prefix: str) -> Path:
    """Writes beside the target and renames (files/atomic.py): a failure leaves no half-written
    file, and a file being replaced stays whole until the new one is complete and on disk.
    `prefix` is no longer used (the temporary is named after the target)."""
    del prefix
    with written_beside(path, replace=True) as temporary:
        write(temporary)
    return path


class PdfSaver(QObject):
    """One PDF being saved. The dialogs are children of `parent`, so the idle lock closes them
    with the rest. Strings shared by every saver are looked up under "PdfSaver" (tr() would use
    the subclass's name, where lupdate does not put them)."""

    started = Signal()
    saved = Signal(object)  # Path
    failed = Signal(object)  # Exception

    def __init__(
        self,
        parent: QWidget,
        title: str,
        default_path: Path,
        replace_question: str,  # "{0}" is the file name
        write: Callable[[Path], Path],
        names: tuple[str, str],  # object names of the file dialog and of the question
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._replace_question = replace_question
        self._write_file = write
        self._question_name = names[1]
        self._path: Path | None = None
        translate = QCoreApplication.translate
        dialog = qt_file_dialog(parent, title, default_path, names[0])
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(translate("PdfSaver", "Documents PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        # We ask ourselves, with a dialog that does not block (see _chosen).
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.fileSelected.connect(self._chosen)
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
        ask_to_replace(
            self._parent,
            self._replace_question.format(path.name),
            self._question_name,
            self._write,
        )

    def _write(self) -> None:
        path, write = self._path, self._write_file
        if path is None:
            return
        self.started.emit()
        run_in_background(
            self,
            QCoreApplication.translate("PdfSaver", "Écriture d'un document PDF"),
            lambda: write(path),
            self.saved.emit,
            self.failed.emit,
        )
