"""The task runner: results come back on the UI thread, everything a task holds is released there,
a result whose page has gone is reported, and a drain cancels what it can and waits for the rest."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from concurrent.futures import Future

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from allervers.domain.errors import WrongPassphrase
from allervers.ui.common.operations import TaskRunner, run_in_background


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A runner of its own with one thread: a second task waits in the queue."""
    own = TaskRunner(workers=1)
    yield own
    assert own.wait(10_000)
    own.shutdown()
    own.deleteLater()


def _page(qtbot: QtBot) -> QWidget:
    page = QWidget()
    qtbot.addWidget(page)
    return page


def test_success_is_delivered_on_the_ui_thread(qtbot) -> None:
    seen: list[tuple[object, bool]] = []

    def task() -> str:
        assert threading.current_thread() is not threading.main_thread()
        return "fini"

    run_in_background(
        _page(qtbot),
        "Essai",
        task,
        lambda result: seen.append((result, threading.current_thread() is threading.main_thread())),
        lambda error: seen.append((error, False)),
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("fini", True)]


def test_failure_is_delivered_without_logging_expected_errors(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    failures: list[Exception] = []

    def task() -> None:
        raise WrongPassphrase

    run_in_background(_page(qtbot), "Essai", task, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], WrongPassphrase)
    assert caplog.records == []


def test_unexpected_errors_are_logged_without_their_message(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    failures: list[Exception] = []

    secret = "0011" + "2233"

    def task() -> None:
        raise RuntimeError(f"PRAGMA key = \"x'{secret}'\"")

    with caplog.at_level(logging.ERROR):
        run_in_background(_page(qtbot), "Essai", task, lambda _r: None, failures.append)
        qtbot.waitUntil(lambda: bool(failures))
    assert "RuntimeError" in caplog.text
    assert "00112233" not in caplog.text


class _Probe:
    """Records the thread that frees it: stands for a page that only a task keeps alive."""

    def __init__(self, freed_on: list[bool], value: object = None) -> None:
        self._freed_on = freed_on
        self._value = value

    def __call__(self, *_args: object) -> object:
        return self._value

    def __del__(self) -> None:
        self._freed_on.append(threading.current_thread() is threading.main_thread())


def test_the_task_and_its_callbacks_are_freed_on_the_ui_thread(qtbot) -> None:
    """A pool thread freeing the last reference to a parentless page destroyed it off the UI
    thread: a segfault in about 1 run of tests/ui/test_export_page.py in 5."""
    freed_on: list[bool] = []
    page = _page(qtbot)
    for _ in range(30):
        run_in_background(
            page, "Essai", _Probe(freed_on, "fini"), _Probe(freed_on), _Probe(freed_on)
        )
    qtbot.waitUntil(lambda: len(freed_on) == 90, timeout=10_000)
    assert all(freed_on)


def test_a_result_whose_page_has_gone_is_reported_and_given_back(qtbot, runner) -> None:
    gate = threading.Event()
    page = QWidget()
    delivered: list[object] = []
    reports: list[str] = []
    given_back: list[str] = []
    runner.reported.connect(reports.append)
    runner.run(
        page,
        "Ouverture de l'espace de travail",
        lambda: gate.wait(5) and "espace ouvert",
        delivered.append,
        delivered.append,
        release=given_back.append,
    )
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page))
    gate.set()
    qtbot.waitUntil(lambda: runner.idle, timeout=5_000)
    assert delivered == []
    assert reports == ["Ouverture de l'espace de travail : terminé."]
    assert given_back == ["espace ouvert"]  # an opened workspace would be locked again


def test_a_drain_cancels_what_can_be_and_waits_for_writes(qtbot, runner) -> None:
    write_gate, read_gate = threading.Event(), threading.Event()
    page = _page(qtbot)
    delivered: list[object] = []
    reports: list[str] = []
    drained: list[list[str]] = []
    runner.reported.connect(reports.append)
    runner.run(page, "Export", lambda: write_gate.wait(5) and "écrit", delivered.append, print)
    freed_on: list[bool] = []
    runner.run(page, "Purge", _Probe(freed_on, "effacé"), delivered.append, print)  # queued
    qtbot.waitUntil(lambda: runner.waiting_for() == ["Export", "Purge"])

    assert not runner.drain(page, lambda: drained.append(list(delivered)))

    assert reports == ["Purge : annulé."]  # never started: nothing of it happened
    assert freed_on == [True]  # let go here, not by the pool thread that skips it later
    assert runner.waiting_for() == ["Export"]  # a write that began ends whole
    runner.run(page, "Chiffres", lambda: "lu", delivered.append, print)  # refused meanwhile
    assert reports[-1] == "Chiffres : annulé."
    write_gate.set()
    qtbot.waitUntil(lambda: bool(drained), timeout=5_000)
    assert drained == [["écrit"]]  # delivered before the drain's end
    assert reports[-1] == "Export : terminé."  # and said, since the page is about to go
    assert runner.idle

    # A read that is running when the drain comes is cancelled: its result is thrown away, but
    # its thread is still waited for (it uses the database).
    runner.run(
        page, "Lecture", lambda: read_gate.wait(5) and "lu", delivered.append, print,
        cancellable=True,
    )  # fmt: skip
    qtbot.waitUntil(lambda: runner.waiting_for() == ["Lecture"])
    qtbot.wait(50)  # running, not queued
    done: list[bool] = []
    assert not runner.drain(page, lambda: done.append(True))
    assert runner.waiting_for() == ["Lecture"]  # its thread is waited for
    assert reports[-1] == "Export : terminé."  # its result is not delivered nor reported yet
    read_gate.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert delivered == ["écrit"]
    assert reports[-1] == "Lecture : annulé."


def test_work_done_elsewhere_is_followed_and_cancelled_at_once_by_a_drain(qtbot, runner) -> None:
    page = _page(qtbot)
    seen: list[tuple[object, bool]] = []
    reports: list[str] = []
    runner.reported.connect(reports.append)
    first: Future[str] = Future()
    runner.follow(
        page,
        "Calcul des droits",
        first,
        lambda result: seen.append((result, threading.current_thread() is threading.main_thread())),
        print,
    )
    threading.Thread(target=first.set_result, args=("573 €",)).start()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("573 €", True)]

    second: Future[str] = Future()
    runner.follow(page, "Calcul des droits", second, seen.append, seen.append)
    assert runner.drain(page, lambda: None)  # nothing to wait for: the engine holds no database
    assert reports == ["Calcul des droits : annulé."]
    second.set_result("trop tard")
    qtbot.wait(50)
    assert len(seen) == 1


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True
