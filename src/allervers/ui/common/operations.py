"""The one task runner of the interface: long work off the UI thread, results back on it (the idea
of Anki's `aqt.operations`).

Argon2id costs about half a second per passphrase, an export or a sync file several seconds: run
on the UI thread they would freeze the window. Every background operation of the interface goes
through `tasks()`, so that one object knows what is in flight; the lock and the close of the main
window ask it to `drain` before they close the database (they used to dispose of it under running
tasks, which then failed with misleading errors).

What it guarantees:
- A task runs on a pool thread, which holds only a small holder object. The task's callable, its
  result or error and the callbacks are released on the UI thread, after the result has arrived
  there. A pool thread that dropped the last reference to a parentless page destroyed the widget on
  that thread, and one of its timers then fired on freed memory: the segfault of
  tests/ui/test_export_page.py, about 1 run in 5.
- A result reaches its callbacks only while the owner (the page or dialog that asked) still lives.
  Otherwise it is reported (`reported`, shown in the status bar) and `release` gives back what it
  holds (an opened workspace is locked again), never dropped silently.
- `drain(owner, then)`: tasks not started yet are cancelled; running tasks marked `cancellable`
  (reads: nothing is lost when their result is thrown away) are cancelled too, but their thread is
  still waited for, since a thread cannot be stopped from outside and it is using the database;
  the others (writes, which must end whole) are waited for. No new task starts meanwhile. Every
  outcome during a drain is reported, since the page that would show it is about to go.
- Work done elsewhere (the rights engine's process) is followed through `follow`: always
  cancellable, and never waited for by a drain (it holds no database).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal, Slot
from shiboken6 import Shiboken

from allervers.domain.errors import AllerVersError

T = TypeVar("T")
log = logging.getLogger(__name__)

# Called by this name so that pyside6-lupdate finds the strings (translations/update.sh).
translate = QCoreApplication.translate

WORKERS = 4  # Argon2id and SQLCipher release the interpreter lock: a few threads are useful


def finished_text(label: str) -> str:
    return translate("TaskRunner", "{0} : terminé.").format(label)


def failed_text(label: str) -> str:
    return translate("TaskRunner", "{0} : échec.").format(label)


def cancelled_text(label: str) -> str:
    return translate("TaskRunner", "{0} : annulé.").format(label)


class _Work:
    """What a pool thread holds: the callable and, once run, its outcome. The runner clears both
    on the UI thread; the pool thread only ever drops a holder already emptied or still held."""

    def __init__(self, runner: TaskRunner, task_id: int, call: Callable[[], Any]) -> None:
        self.runner = runner
        self.task_id = task_id
        self.call: Callable[[], Any] | None = call
        self.outcome: tuple[bool, Any] | None = None

    def run(self) -> None:
        """On a pool thread."""
        call = self.call
        if call is None:  # pragma: no cover - emptied only once run, or cancelled before
            return
        try:
            self.outcome = (True, call())
        except Exception as error:
            if not isinstance(error, AllerVersError):
                # The type and the frames only, not the message: a driver's message may quote
                # the statement it ran, and a statement may hold a key.
                frames = "".join(traceback.format_tb(error.__traceback__))
                log.error("background task failed: %s\n%s", type(error).__name__, frames)
            _forget_frames(error)
            self.outcome = (False, error)
        del call
        self.runner._post(self.task_id)


def _forget_frames(error: BaseException) -> None:
    """The traceback's frames hold the task's locals (a page, say): cut them, so that the error,
    wherever it is freed, frees no widget. The interface needs the error, not its frames."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


@dataclass(eq=False)
class _Task:
    label: str
    owner: QObject | None
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[Exception], None] | None
    release: Callable[[Any], None] | None
    cancellable: bool
    work: _Work | None  # None: work done elsewhere (`follow`)
    future: Future[Any] | None
    cancelled: bool = False

    @property
    def waited_for(self) -> bool:
        """Its thread uses the workspace: a drain waits for it."""
        return self.work is not None

    def outcome(self) -> tuple[bool, Any]:
        if self.work is not None:
            outcome = self.work.outcome
            self.work.call = None
            self.work.outcome = None
            assert outcome is not None
            return outcome
        assert self.future is not None
        error = self.future.exception()
        if error is None:
            return True, self.future.result()
        _forget_frames(error)
        return False, error


class TaskRunner(QObject):
    """Create it on the UI thread (`tasks()` does). `changed` is emitted when a task starts or
    ends; `reported(text)` carries a sentence about an outcome its page could not show."""

    changed = Signal()
    reported = Signal(str)
    _arrived = Signal(int)  # a task id, emitted from whichever thread finished the work

    def __init__(self, parent: QObject | None = None, workers: int = WORKERS) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="allervers-task")
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        self._drained: list[tuple[QObject, Callable[[], None]]] = []
        self._draining = False
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # Starting work --------------------------------------------------------------------------

    def run(
        self,
        owner: QObject,
        label: str,
        task: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
        *,
        cancellable: bool = False,
        release: Callable[[T], None] | None = None,
    ) -> None:
        """Runs `task` on a pool thread; its result or error reaches `on_success` or
        `on_failure` later, on the UI thread, while `owner` lives. `label` names the work for
        the person ("Export pour l'évaluation"): no personal datum in it."""
        if self._draining:
            self.reported.emit(cancelled_text(label))
            return
        task_id = next(self._ids)
        work = _Work(self, task_id, task)
        self._tasks[task_id] = _Task(
            label, owner, on_success, on_failure, release, cancellable, work, None
        )
        self._tasks[task_id].future = self._pool.submit(work.run)
        self.changed.emit()

    def follow(
        self,
        owner: QObject,
        label: str,
        future: Future[T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        """Delivers a future completed by another thread (the rights engine's reader) the same
        way. Even when `future` is already done the callbacks run later, never inside this call."""
        if self._draining:
            self.reported.emit(cancelled_text(label))
            return
        task_id = next(self._ids)
        self._tasks[task_id] = _Task(label, owner, on_success, on_failure, None, True, None, future)
        future.add_done_callback(functools.partial(self._post_done, task_id))
        self.changed.emit()

    def _post_done(self, task_id: int, _future: Future[Any]) -> None:
        self._post(task_id)

    def _post(self, task_id: int) -> None:
        """Any thread: only an int crosses to the UI thread."""
        with contextlib.suppress(RuntimeError):  # the runner went with the application
            self._arrived.emit(task_id)

    # What runs --------------------------------------------------------------------------------

    @property
    def idle(self) -> bool:
        return not self._tasks

    def waiting_for(self) -> list[str]:
        """The labels of the tasks whose thread a drain waits for (a cancelled read too: it
        is still using the database), oldest first."""
        return [t.label for t in self._tasks.values() if t.waited_for]

    # Delivering -------------------------------------------------------------------------------

    @Slot(int)
    def _deliver(self, task_id: int) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return  # followed work cancelled by a drain, already reported
        try:
            self._settle(task)
        finally:
            self.changed.emit()
            self._check_drained()

    def _settle(self, task: _Task) -> None:
        succeeded, value = task.outcome()
        owner, on_success, on_failure, release = (
            task.owner,
            task.on_success,
            task.on_failure,
            task.release,
        )
        task.owner = task.on_success = task.on_failure = task.release = None
        task.future = task.work = None
        alive = owner is not None and Shiboken.isValid(owner)
        if task.cancelled or not alive:
            if task.cancelled:
                self._report(cancelled_text(task.label))
            else:
                log.info("a background task ended after its page closed")
                self._report(self._outcome_text(task.label, succeeded))
            if succeeded and release is not None:
                release(value)
            return
        if self._draining:
            self._report(self._outcome_text(task.label, succeeded))
        if succeeded:
            assert on_success is not None
            on_success(value)
        else:
            assert on_failure is not None
            on_failure(value)

    def _outcome_text(self, label: str, succeeded: bool) -> str:
        # Not the error's wording: it may name a folder, and reports are shown on the lock
        # screen, which names nothing. Starting the work again shows the reason on its page.
        return finished_text(label) if succeeded else failed_text(label)

    def _report(self, text: str) -> None:
        self.reported.emit(text)

    # Draining ---------------------------------------------------------------------------------

    def drain(self, owner: QObject, then: Callable[[], None]) -> bool:
        """Before the database closes. Returns True when nothing uses the workspace any more
        (`then` is not called); otherwise `then` is called on the UI thread once the last task
        waited for has ended, if `owner` still lives."""
        self._draining = True
        for task_id, task in list(self._tasks.items()):
            if task.work is None or (task.future is not None and task.future.cancel()):
                # Followed work, or a task not started: nothing of it touches the workspace.
                # The pool still holds a task not started until a thread skips it: emptied here.
                del self._tasks[task_id]
                if task.work is not None:
                    task.work.call = None
                self._report(cancelled_text(task.label))
                task.owner = task.on_success = task.on_failure = task.release = None
                task.future = task.work = None
            elif task.cancellable:
                task.cancelled = True
        if any(t.waited_for for t in self._tasks.values()):
            self._drained.append((owner, then))
            self.changed.emit()
            return False
        self._draining = bool(self._drained)
        self.changed.emit()
        return True

    def _check_drained(self) -> None:
        if not self._draining or any(t.waited_for for t in self._tasks.values()):
            return
        waiting, self._drained = self._drained, []
        try:
            for owner, then in waiting:
                if Shiboken.isValid(owner):
                    then()
        finally:
            self._draining = False

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Drains and waits, processing events, until no task is left (tests, and the end of
        the application). False if some task still ran after `timeout_ms`."""
        if self.drain(self, lambda: None) and self.idle:
            return True
        loop = QEventLoop()
        self.changed.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(timeout_ms)
        while not self.idle and timer.isActive():
            loop.exec()
        self.changed.disconnect(loop.quit)
        return self.idle

    def shutdown(self) -> None:
        """Stops the pool's threads once their work is done (a runner made for a test)."""
        self._pool.shutdown(wait=True)


_runner: TaskRunner | None = None


def tasks() -> TaskRunner:
    """The application's runner, made on first use (on the UI thread)."""
    global _runner
    if _runner is None or not Shiboken.isValid(_runner):
        _runner = TaskRunner(QCoreApplication.instance())
    return _runner


def run_in_background(
    owner: QObject,
    label: str,
    task: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[Exception], None],
    *,
    cancellable: bool = False,
    release: Callable[[T], None] | None = None,
) -> None:
    """`tasks().run(...)`: see `TaskRunner.run`."""
    tasks().run(
        owner, label, task, on_success, on_failure, cancellable=cancellable, release=release
    )
