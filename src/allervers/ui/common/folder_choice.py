"""Choosing a folder to write into (a USB key, a shared folder), with Qt's own file dialog.

Like `file_choice`: Qt's dialog, not the platform's, so it opens without blocking and the idle lock
closes it like any other dialog of the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget


class FolderChoice(QObject):
    """One question "which folder?". `chosen(Path)` once the person has picked one; nothing when
    they cancel. The object deletes itself once answered."""

    chosen = Signal(object)  # Path

    def __init__(self, parent: QWidget, title: str, start: Path, name: str) -> None:
        """`start`: the folder the dialog opens in. `name`: the dialog's object name."""
        super().__init__(parent)
        dialog = QFileDialog(parent, title, str(start))
        dialog.setObjectName(name)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(self._selected)
        dialog.rejected.connect(self.deleteLater)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog

    def start(self) -> None:
        self.dialog.open()

    def _selected(self, name: str) -> None:
        self.chosen.emit(Path(name))
        self.deleteLater()


def choose_folder(parent: QWidget, title: str, start: Path, name: str) -> FolderChoice:
    """Opens the dialog; connect to the returned object's `chosen`."""
    choice = FolderChoice(parent, title, start, name)
    choice.start()
    return choice
