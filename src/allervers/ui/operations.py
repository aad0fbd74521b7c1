"""Long work off the UI thread, results back on it (the idea of Anki's `aqt.operations`).

Argon2id costs about half a second per passphrase with production parameters; run on the UI thread
it would freeze the window. `run_in_background` runs a callable on a `QThreadPool` thread and
delivers its result or its exception to callbacks on the UI thread, through a queued signal to a
QObject that lives there.

The operation is a child of `parent`: when the parent widget is destroyed first (a dialog closed by
the idle lock, for instance) the pending delivery is dropped with it instead of reaching a dead
widget.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from allervers.domain.errors import AllerVersError

T = TypeVar("T")
log = logging.getLogger(__name__)


class Operation(QObject, Generic[T]):
    """One background call. Create it on the UI thread; `start()` it once."""

    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(
        self,
        parent: QObject,
        task: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        super().__init__(parent)
        self._task = task
        self._on_success = on_success
        self._on_failure = on_failure
        # The receiver is this object, which lives on the UI thread: emitting from the pool
        # thread therefore queues the call onto the UI thread's event loop.
        self._succeeded.connect(self._deliver_success)
        self._failed.connect(self._deliver_failure)

    def start(self, pool: QThreadPool | None = None) -> None:
        _running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _run(self) -> None:
        """Runs on the pool thread."""
        try:
            result = self._task()
        except Exception as error:
            if not isinstance(error, AllerVersError):
                # The type and the frames only, not the message: a driver's message may quote
                # the statement it ran, and a statement may hold a key.
                frames = "".join(traceback.format_tb(error.__traceback__))
                log.error("background operation failed: %s\n%s", type(error).__name__, frames)
            self._emit(False, error)
        else:
            self._emit(True, result)

    def _emit(self, succeeded: bool, value: object) -> None:
        try:
            (self._succeeded if succeeded else self._failed).emit(value)
        except RuntimeError:
            # The parent was destroyed while we worked (C++ object already deleted): nobody is
            # left to tell, which is what the parent's destruction asked for.
            _running.discard(self)

    @Slot(object)
    def _deliver_success(self, result: T) -> None:
        self._finish()
        self._on_success(result)

    @Slot(object)
    def _deliver_failure(self, error: Exception) -> None:
        self._finish()
        self._on_failure(error)

    def _finish(self) -> None:
        _running.discard(self)
        self.deleteLater()


class _Runner(QRunnable):
    def __init__(self, operation: Operation[T]) -> None:
        super().__init__()
        self._operation = operation

    def run(self) -> None:
        self._operation._run()


# Keeps the Python side of running operations alive until their result is delivered.
_running: set[Operation[Any]] = set()


def run_in_background(
    parent: QObject,
    task: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[Exception], None],
) -> Operation[T]:
    operation = Operation(parent, task, on_success, on_failure)
    operation.start()
    return operation
