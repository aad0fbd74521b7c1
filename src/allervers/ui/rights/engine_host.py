"""The rights engine for the session: one worker process, started after unlock, closed on quit.

OpenFisca holds Python's interpreter lock for seconds while it loads and computes; in a thread of
this process the window would stutter (docs/architecture.md, "Threads and processes": p99 delay of a 10 ms timer 94 ms in a
thread, 0.5 ms with a spawned process). So the engine runs in `allervers.rights.worker`'s process
and this host only passes messages. The client reports states and results on its own reader
thread; states become queued Qt signals, results are followed by the task runner
(`allervers.ui.common.operations`), so that widgets are only ever touched on the UI thread.

The client comes from a factory (production: `EngineClient`); tests give a real client shared by a
module, or none. With no factory the session simply has no engine: requests fail at once with
`EngineUnavailable`, and visits go on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from allervers.domain.rights import EngineUnavailable, RightAssessment
from allervers.rights.worker import EngineState
from allervers.ui.common.operations import tasks

Assessments = list[RightAssessment]


class Engine(Protocol):
    """What the host needs of `allervers.rights.worker.EngineClient`."""

    @property
    def state(self) -> EngineState: ...

    def start(self) -> None: ...

    def on_state(self, listener: Callable[[EngineState], None]) -> None: ...

    def assess(
        self,
        visit: Mapping[str, Any],
        month: date | None = None,
        callback: Callable[[Future[Assessments]], None] | None = None,
    ) -> Future[Assessments]: ...

    def close(self, timeout: float = 5.0) -> None: ...


EngineFactory = Callable[[], Engine]


class EngineHost(QObject):
    """Owns the session's engine client. `state_changed(EngineState)` is emitted on the UI
    thread."""

    state_changed = Signal(object)
    _state_posted = Signal(object, object)  # (client, EngineState), from the reader thread

    def __init__(self, factory: EngineFactory | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._client: Engine | None = None
        self._state = EngineState.NOT_STARTED
        self._state_posted.connect(self._state_arrived, Qt.ConnectionType.QueuedConnection)

    @property
    def state(self) -> EngineState:
        return self._state

    @property
    def available(self) -> bool:
        """An engine was configured for this session (it may still be loading, or have failed)."""
        return self._factory is not None

    def is_ready(self) -> bool:
        return self._state is EngineState.READY

    def start(self) -> None:
        """Spawns the worker process (about 40 ms here); it loads in the background. Once."""
        if self._client is not None or self._factory is None:
            return
        client = self._factory()
        self._client = client
        client.on_state(lambda state: self._post_state(client, state))
        client.start()
        self._set_state(client.state)

    def restart(self) -> None:
        """After a failure: a new worker process, for a new try."""
        if self._state is not EngineState.FAILED:
            return
        client, self._client = self._client, None
        if client is not None:
            client.close()
        self._state = EngineState.NOT_STARTED
        self.start()

    def close(self) -> None:
        """On quit: lets the engine finish the request in hand and stops its process."""
        client, self._client = self._client, None
        self._factory = None
        if client is not None:
            client.close()
        self._set_state(EngineState.CLOSED)

    def assess(
        self,
        visit: Mapping[str, Any],
        parent: QObject,
        on_success: Callable[[Assessments], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        """Assesses one visit (`visit_to_json`); the result or the error reaches `on_success` or
        `on_failure` later, on the UI thread, through the task runner (a lock cancels it, a page
        gone by then gets it reported, not delivered). A request made while the engine loads
        waits for it."""
        self.start()  # asked before the window's first turn of the event loop: start now
        client = self._client
        if client is None:
            future: Future[Assessments] = Future()
            future.set_exception(EngineUnavailable())
        else:
            future = client.assess(visit)
        label = QCoreApplication.translate("EngineHost", "Calcul des droits")
        tasks().follow(parent, label, future, on_success, on_failure)

    # From the reader thread --------------------------------------------------------------------

    def _post_state(self, client: Engine, state: EngineState) -> None:
        with contextlib.suppress(RuntimeError):  # the host is gone (window closed)
            self._state_posted.emit(client, state)

    @Slot(object, object)
    def _state_arrived(self, client: Engine, state: EngineState) -> None:
        if client is not self._client:
            return  # a client replaced by `restart`, or closed
        self._set_state(state)

    def _set_state(self, state: EngineState) -> None:
        if state is self._state:
            return
        self._state = state
        self.state_changed.emit(state)
