"""What the team sync screens' tests share: another laptop's window, the sync page, Qt's file
dialogs filled in as a person does, and what the pages show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from allervers.ui.main_window import MainWindow
from allervers.ui.shell import Shell
from allervers.ui.team.page import SyncPage
from tests.conftest import file_hashes
from tests.ui.conftest import find, unlock_with

LEFT = Qt.MouseButton.LeftButton
SYNC_TITLE = "Équipe et\nsynchronisation"


def open_laptop(
    qtbot: QtBot, laptop_shell: Callable[[Path], Shell], path: Path, user: str, passphrase: str
) -> MainWindow:
    shell = laptop_shell(path)
    assert shell.unlock_dialog is not None
    unlock_with(qtbot, shell.unlock_dialog, user, passphrase)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    return window


def sync_page(qtbot: QtBot, window: MainWindow) -> SyncPage:
    """Clicks "Équipe et synchronisation" in the navigation."""
    navigate(qtbot, window, SYNC_TITLE)
    page = window.findChild(SyncPage)
    assert page is not None
    qtbot.waitUntil(page.isVisible)
    return page


def navigate(qtbot: QtBot, window: MainWindow, title: str) -> None:
    navigation = find(window, QListWidget, "navigation")
    item = navigation.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=navigation.visualItemRect(item).center())


def click(qtbot: QtBot, root: QWidget, name: str) -> None:
    button = find(root, QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, LEFT)


def fill_file_dialog(qtbot: QtBot, root: QWidget, name: str, path: Path) -> None:
    """In Qt's file dialog named `name`, picks `path` (its folder, and the file in the list or
    its name typed) and presses Save or Open."""
    qtbot.waitUntil(
        lambda: any(
            d.isVisible() and d.objectName() == name for d in root.findChildren(QFileDialog)
        )
    )
    dialog = next(d for d in root.findChildren(QFileDialog) if d.isVisible())
    assert dialog.objectName() == name
    dialog.selectFile(str(path))
    field = find(dialog, QLineEdit, "fileNameEdit")
    qtbot.waitUntil(lambda: field.text() == path.name)
    buttons = find(dialog, QDialogButtonBox, "buttonBox")
    accept = buttons.button(QDialogButtonBox.StandardButton.Save) or buttons.button(
        QDialogButtonBox.StandardButton.Open
    )
    qtbot.waitUntil(accept.isEnabled)  # once the dialog has read the folder
    qtbot.mouseClick(accept, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def wait_text(qtbot: QtBot, label: QLabel, timeout: int = 20_000) -> str:
    qtbot.waitUntil(lambda: bool(label.text()), timeout=timeout)
    return label.text()


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def stored(folder: Path) -> dict[str, str]:
    """The workspace's files, but SQLite's shared-memory index, which a mere read updates."""
    return {
        name: digest for name, digest in file_hashes(folder).items() if not name.endswith("-shm")
    }


def street(contact: str) -> str:
    """The address `interview` gives a visit: what the Visites page lists it by."""
    return f"Allée {contact.split()[-1]}"


def recent_visits(window: MainWindow) -> list[str]:
    listed = find(window, QListWidget, "recentVisitsList")
    return [listed.item(i).text() for i in range(listed.count())]
