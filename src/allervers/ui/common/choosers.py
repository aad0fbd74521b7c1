"""Choosing a file to read or to write (the team's sync files) or a folder to write into (a USB
key, a shared folder): one piece for both, and the PDF saver opens its dialog here too.

Qt's own file dialog, not the platform's: it opens without blocking (the idle lock closes it like
any other dialog of the window) and it is the same on every laptop. A file already there is
replaced only when the person says so, in a question that does not block either.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

translate = QCoreApplication.translate  # called with literal strings, for pyside6-lupdate


def qt_file_dialog(parent: QWidget, title: str, start: Path, name: str) -> QFileDialog:
    """Qt's dialog (never the platform's), named for tests, deleted once closed; a child of
    `parent`, so that the idle lock closes it with the rest of the window."""
    dialog = QFileDialog(parent, title, str(start))
    dialog.setObjectName(name)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.finished.connect(dialog.deleteLater)
    return dialog


def ask_to_replace(
    parent: QWidget,
    text: str,
    name: str,
    replace: Callable[[], None],
    keep: Callable[[], None] = lambda: None,
) -> None:
    """Asks, without blocking, whether to replace a file already there: `replace()` on yes,
    `keep()` otherwise. "Annuler" is the default: nothing is overwritten by a stray Enter."""
    question = QMessageBox(
        QMessageBox.Icon.Question,
        translate("FileChoice", "Remplacer le fichier ?"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    question.setObjectName(name)
    question.setDefaultButton(QMessageBox.StandardButton.No)
    question.button(QMessageBox.StandardButton.Yes).setText(translate("FileChoice", "&Remplacer"))
    question.button(QMessageBox.StandardButton.No).setText(translate("FileChoice", "&Annuler"))
    question.finished.connect(question.deleteLater)
    question.buttonClicked.connect(
        lambda button: (
            replace()
            if question.standardButton(button) == QMessageBox.StandardButton.Yes
            else keep()
        )
    )
    question.open()


class _Choice(QObject):
    """One question asked with Qt's file dialog. `chosen(Path)` once answered; nothing when the
    person cancels. The object deletes itself once answered."""

    chosen = Signal(object)  # Path

    def __init__(self, parent: QWidget, title: str, start: Path, name: str) -> None:
        super().__init__(parent)
        self.dialog = qt_file_dialog(parent, title, start, name)
        self.dialog.fileSelected.connect(self._selected)
        self.dialog.rejected.connect(self.deleteLater)

    def start(self) -> None:
        self.dialog.open()

    def _selected(self, name: str) -> None:
        self.chosen.emit(Path(name))
        self.deleteLater()


class FileChoice(_Choice):
    """ "Which file?" When saving over an existing file, `chosen` waits until the person agreed
    to replace it."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        start: Path,
        filters: list[str],
        name: str,
        save_suffix: str | None = None,
    ) -> None:
        """`start`: the folder to open in, or for saving the suggested file. `save_suffix`
        (".avsync"...): a file to write, given that suffix when typed without one; None: an
        existing file to read. `name`: the dialog's object name; the replace question is
        `name + "Replace"`."""
        super().__init__(parent, title, start, name)
        self._parent = parent
        self._suffix = save_suffix
        self._name = name
        self._path: Path | None = None
        dialog = self.dialog
        dialog.setNameFilters([*filters, translate("FileChoice", "Tous les fichiers (*)")])
        if save_suffix is not None:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            # We ask ourselves, without blocking (see _selected).
            dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

    def _selected(self, name: str) -> None:
        path = Path(name)
        if self._suffix is not None and not path.suffix:
            path = path.with_name(path.name + self._suffix)
        self._path = path
        if self._suffix is None or not path.exists():
            self._done()
            return
        ask_to_replace(
            self._parent,
            translate("FileChoice", "Le fichier {0} existe déjà. Le remplacer ?").format(path.name),
            self._name + "Replace",
            self._done,
            self.deleteLater,
        )

    def _done(self) -> None:
        if self._path is not None:
            self.chosen.emit(self._path)
        self.deleteLater()


def choose_file(
    parent: QWidget,
    title: str,
    start: Path,
    filters: list[str],
    name: str,
    save_suffix: str | None = None,
) -> FileChoice:
    """Opens the dialog; connect to the returned object's `chosen`."""
    choice = FileChoice(parent, title, start, filters, name, save_suffix)
    choice.start()
    return choice


class FolderChoice(_Choice):
    """ "Which folder?" `start`: the folder the dialog opens in. `name`: the dialog's object
    name."""

    def __init__(self, parent: QWidget, title: str, start: Path, name: str) -> None:
        super().__init__(parent, title, start, name)
        self.dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self.dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        self.dialog.setFileMode(QFileDialog.FileMode.Directory)


def choose_folder(parent: QWidget, title: str, start: Path, name: str) -> FolderChoice:
    """Opens the dialog; connect to the returned object's `chosen`."""
    choice = FolderChoice(parent, title, start, name)
    choice.start()
    return choice
