"""Helpers for driving the interface as a person does: find widgets by the names given in the UI
code, type, click, wait for what appears on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from faker import Faker
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.ui.common.operations import tasks
from allervers.ui.i18n import Translations
from allervers.ui.idle import Clock
from allervers.ui.main_window import MainWindow
from allervers.ui.rights.engine_host import EngineFactory
from allervers.ui.shell import Shell
from allervers.ui.workspace_view import VisitServiceFactory
from tests.conftest import COORDINATOR, PASSPHRASE

W = TypeVar("W", bound=QWidget)


@pytest.fixture(autouse=True)
def french(qapp: QApplication) -> Iterator[Translations]:
    """Every UI test starts in French, the source language, with Qt's own strings in French."""
    translations = Translations(qapp)
    translations.install("fr")
    yield translations
    translations.remove()


@pytest.fixture(autouse=True)
def _finish_background_work() -> Iterator[None]:
    yield
    # An Argon2id run still going at teardown would outlive the temporary folder.
    assert tasks().wait(timeout_ms=30_000), tasks().waiting_for()


def finish_tasks() -> None:
    """What a window does before it closes the database: the task runner drained (reads
    cancelled, writes waited for, every result delivered on the UI thread or reported). The
    fixtures call it before closing their windows, so that no window is deleted while a task it
    started is still running."""
    assert tasks().wait(timeout_ms=30_000), tasks().waiting_for()


class FakeClock:
    """The idle lock's clock, moved forward by the test instead of waiting real minutes."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def close_shells(shells: list[Shell]) -> None:
    finish_tasks()
    for shell in shells:
        wizard = shell.wizard
        if wizard is not None and wizard.created is not None:
            # Otherwise closing asks "close without confirming the key?" in a modal box.
            wizard.created.workspace.lock()
            wizard.created = None
        for window in (shell.wizard, shell.unlock_dialog, shell.main_window):
            if window is not None:
                window.close()
                window.deleteLater()


@pytest.fixture
def start_shell(service: WorkspaceService, workspace_path: Path) -> Iterator[Callable[..., Shell]]:
    shells: list[Shell] = []

    def start(
        user: str | None = None,
        banner: str | None = None,
        idle_ms: int | None = None,
        visit_service: VisitServiceFactory = VisitService,
        engine: EngineFactory | None = None,
        idle_clock: Clock | None = None,
    ) -> Shell:
        # No rights engine unless a test asks for one (tests/ui/test_rights_*.py): a real one
        # is a process that takes seconds of CPU to load.
        shell = Shell(
            service,
            workspace_path,
            user=user,
            banner=banner,
            idle_ms=idle_ms,
            visit_service=visit_service,
            engine=engine,
            idle_clock=idle_clock,
        )
        shells.append(shell)
        shell.start()
        return shell

    yield start
    close_shells(shells)


def unlock_with(qtbot: QtBot, dialog: QWidget, user: str, passphrase: str) -> None:
    user_field = find(dialog, QLineEdit, "userName")
    user_field.clear()
    type_text(qtbot, user_field, user)
    qtbot.keyClicks(find(dialog, QLineEdit, "passphrase"), passphrase)
    qtbot.mouseClick(find(dialog, QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)


@pytest.fixture
def open_window(
    qtbot: QtBot, start_shell: Callable[..., Shell], created: CreatedWorkspace
) -> Callable[..., MainWindow]:
    """The main window as a person reaches it: start-up, unlock dialog, passphrase. Active, so
    that keys typed go where the focus is."""
    created.workspace.lock()

    def open_as(
        user: str = COORDINATOR,
        passphrase: str = PASSPHRASE,
        idle_ms: int | None = None,
        visit_service: VisitServiceFactory = VisitService,
        engine: EngineFactory | None = None,
        idle_clock: Clock | None = None,
    ) -> MainWindow:
        shell = start_shell(
            idle_ms=idle_ms, visit_service=visit_service, engine=engine, idle_clock=idle_clock
        )
        assert shell.unlock_dialog is not None
        unlock_with(qtbot, shell.unlock_dialog, user, passphrase)
        qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
        window = shell.main_window
        assert window is not None
        qtbot.waitUntil(window.isVisible)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_as


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text the widget tree under `root` holds: labels, fields, buttons, lists,
    tables, titles and the status bar message."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QTableWidget):
            texts.extend(
                item.text()
                for r in range(widget.rowCount())
                for c in range(widget.columnCount())
                if (item := widget.item(r, c)) is not None
            )
        if isinstance(widget, QMainWindow):
            texts.append(widget.statusBar().currentMessage())
        texts.append(widget.toolTip())
        texts.append(widget.windowTitle())
    return [t for t in texts if t]


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """`qtbot.keyClicks`, plus the accented letters French names have: QTest's ASCII key table
    asserts on them, so those go as key events carrying the character, as a keyboard sends."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def wait_for_question(qtbot: QtBot, root: QWidget, name: str) -> QMessageBox:
    """The question box named `name`, once it shows (they open without blocking)."""
    qtbot.waitUntil(
        lambda: any(
            q.isVisible() and q.objectName() == name for q in root.findChildren(QMessageBox)
        )
    )
    return next(q for q in root.findChildren(QMessageBox) if q.isVisible())


def answer_question(qtbot: QtBot, question: QMessageBox, text: str) -> None:
    """Click the button labelled `text`, as a person would, and wait for the box to close."""
    button = next(b for b in question.findChildren(QAbstractButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not question.isVisible())


def find(root: QWidget, kind: type[W], name: str) -> W:
    widget = root.findChild(kind, name)
    assert isinstance(widget, kind), f"no {kind.__name__} named {name!r}"
    return widget


@pytest.fixture
def fake() -> Faker:
    """Synthetic French names and numbers, the same at every run."""
    faker = Faker("fr_FR")
    faker.seed_instance(7)
    return faker


@pytest.fixture
def laptop_shell(service: WorkspaceService) -> Iterator[Callable[[Path], Shell]]:
    """Another laptop: a shell on its own workspace folder (no rights engine)."""
    shells: list[Shell] = []

    def start(path: Path) -> Shell:
        shell = Shell(service, path, engine=None)
        shells.append(shell)
        shell.start()
        return shell

    yield start
    close_shells(shells)
