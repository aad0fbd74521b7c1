"""Background operations: results come back on the UI thread, or not at all once the widget that
asked is gone."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from allervers.domain.errors import WrongPassphrase
from allervers.ui.operations import run_in_background


def test_success_is_delivered_on_the_ui_thread(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[object, bool]] = []

    def task() -> str:
        assert threading.current_thread() is not threading.main_thread()
        return "fini"

    run_in_background(
        parent,
        task,
        lambda result: seen.append((result, threading.current_thread() is threading.main_thread())),
        lambda error: seen.append((error, False)),
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("fini", True)]


def test_failure_is_delivered_without_logging_expected_errors(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[Exception] = []

    def task() -> None:
        raise WrongPassphrase

    run_in_background(parent, task, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], WrongPassphrase)
    assert caplog.records == []


def test_unexpected_errors_are_logged_without_their_message(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[Exception] = []

    secret = "0011" + "2233"

    def task() -> None:
        raise RuntimeError(f"PRAGMA key = \"x'{secret}'\"")

    with caplog.at_level(logging.ERROR):
        run_in_background(parent, task, lambda _r: None, failures.append)
        qtbot.waitUntil(lambda: bool(failures))
    assert "RuntimeError" in caplog.text
    assert "00112233" not in caplog.text


def test_nothing_is_delivered_once_the_parent_is_destroyed(qtbot) -> None:
    gate = threading.Event()
    parent = QWidget()
    calls: list[object] = []
    run_in_background(parent, lambda: gate.wait(5), calls.append, calls.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    gate.set()
    QThreadPool.globalInstance().waitForDone(5_000)
    qtbot.wait(50)  # any queued delivery would run here
    assert calls == []


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True
