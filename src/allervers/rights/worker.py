"""The rights engine in its own process, and the client the UI talks to.

OpenFisca holds the interpreter lock for seconds while it loads and computes. Measured on a 2-core
machine with a 10 ms Qt timer (docs/architecture.md): in a thread of the UI process the event loop's
p99 delay is 94 ms; in a spawned process, 0.5 ms. So the engine lives in a process started with the
'spawn' method (no inherited Qt state, same behaviour on Windows and macOS), loads once, and answers
requests over two queues. The client side is plain Python: futures, plus an optional callback that
runs on the client's reader thread (the UI marshals it to its own thread).

    client = EngineClient()
    client.start()                      # returns at once; the engine loads in the background
    future = client.assess(visit)       # may be called before ready: queued
    assessments = future.result()       # list[RightAssessment]
    client.close()
"""

from __future__ import annotations

import contextlib
import enum
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from typing import Any

from allervers.domain.rights import EngineFailed, EngineUnavailable, RightAssessment

Visit = Mapping[str, Any]
Assessments = list[RightAssessment]
POLL_SECONDS = 0.1
WORKER_NICENESS = 5
"""Lower priority than the UI process: on two cores the window keeps one for itself."""


class EngineState(enum.StrEnum):
    NOT_STARTED = "not_started"
    LOADING = "loading"
    """Building the OpenFisca-France tax-benefit system (seconds)."""
    WARMING_UP = "warming_up"
    """Computing a first synthetic household (lazy loading of parameters and tables)."""
    READY = "ready"
    FAILED = "failed"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class _Request:
    request_id: int
    visits: list[dict[str, Any]]
    month: date | None


PARENT_CHECK_SECONDS = 2.0


def serve(requests: Any, responses: Any, warm_up_month: date | None) -> None:
    """Worker process entry point: load the engine once, then answer until `None` arrives."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)
    started = time.perf_counter()
    try:
        responses.put(("state", None, EngineState.LOADING.value))
        from allervers.rights.engine import RightsEngine

        engine = RightsEngine()
        responses.put(("state", None, EngineState.WARMING_UP.value))
        engine.warm_up(warm_up_month)
    except BaseException as error:  # the client must learn why, whatever happened
        responses.put(("failed", None, f"{type(error).__name__}: {error}"))
        return
    responses.put(
        ("ready", None, {"version": engine.version, "seconds": time.perf_counter() - started})
    )
    parent = multiprocessing.parent_process()
    while True:
        try:
            request = requests.get(timeout=PARENT_CHECK_SECONDS)
        except queue.Empty:
            # The window was killed or crashed (no close() came): leave rather than linger.
            if parent is not None and not parent.is_alive():
                break
            continue
        if request is None:
            break
        try:
            result = engine.assess_batch(request.visits, request.month)
        except Exception as error:
            responses.put(("error", request.request_id, f"{type(error).__name__}: {error}"))
        else:
            responses.put(("result", request.request_id, result))


class EngineClient:
    """Starts and talks to the engine process. Thread-safe; one per application."""

    def __init__(self, warm_up_month: date | None = None) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._warm_up_month = warm_up_month
        self._requests: Any = None
        self._responses: Any = None
        self._process: Any = None
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()
        self._pending: dict[int, Future[list[Assessments]]] = {}
        self._next_id = 0
        self._state = EngineState.NOT_STARTED
        self._ready = threading.Event()
        self._failure: str | None = None
        self._listeners: list[Callable[[EngineState], None]] = []
        self.engine_version: str | None = None
        self.load_seconds: float | None = None

    # Lifecycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Spawns the worker; returns immediately."""
        with self._lock:
            if self._process is not None:
                return
            self._requests = self._context.Queue()
            self._responses = self._context.Queue()
            self._process = self._context.Process(
                target=serve,
                args=(self._requests, self._responses, self._warm_up_month),
                name="allervers-rights-engine",
                daemon=True,
            )
            self._process.start()
            self._reader = threading.Thread(
                target=self._read, name="allervers-rights-reader", daemon=True
            )
            self._reader.start()
        self._set_state(EngineState.LOADING)

    def is_ready(self) -> bool:
        return self._state is EngineState.READY

    @property
    def state(self) -> EngineState:
        return self._state

    def wait_ready(self, timeout: float | None = None) -> bool:
        """True once ready; False on timeout. Raises `EngineFailed` if loading failed."""
        self._ready.wait(timeout)
        if self._state is EngineState.FAILED:
            raise EngineFailed(self._failure or "")
        return self._state is EngineState.READY

    def on_state(self, listener: Callable[[EngineState], None]) -> None:
        """`listener(state)` on every change, called from the reader thread."""
        self._listeners.append(listener)

    def close(self, timeout: float = 5.0) -> None:
        with self._lock:
            process = self._process
            if process is None or self._state is EngineState.CLOSED:
                self._state = EngineState.CLOSED
                return
            was_ready = self._state is EngineState.READY
            self._state = EngineState.CLOSED
        if was_ready:
            # Let the engine finish the request in hand and leave cleanly.
            with contextlib.suppress(Exception):
                self._requests.put(None)
            process.join(timeout)
        if process.is_alive():
            # Still loading (it reads no request before it is ready), or stuck: stop it.
            process.terminate()
            process.join(timeout)
        self._fail_pending(EngineUnavailable())
        for channel in (self._requests, self._responses):
            with contextlib.suppress(Exception):
                channel.cancel_join_thread()  # never block on a pipe nobody reads any more
                channel.close()
        self._notify(EngineState.CLOSED)

    def __enter__(self) -> EngineClient:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Requests ----------------------------------------------------------------------------------

    def assess(
        self,
        visit: Visit,
        month: date | None = None,
        callback: Callable[[Future[Assessments]], None] | None = None,
    ) -> Future[Assessments]:
        """Assessments of one visit. `callback(future)` runs when done (on the reader thread)."""
        batch = self.assess_batch([visit], month)
        single: Future[Assessments] = Future()

        def unwrap(done: Future[list[Assessments]]) -> None:
            error = done.exception()
            if error is not None:
                single.set_exception(error)
            else:
                single.set_result(done.result()[0])

        batch.add_done_callback(unwrap)
        if callback is not None:
            single.add_done_callback(callback)
        return single

    def assess_batch(
        self, visits: Sequence[Visit], month: date | None = None
    ) -> Future[list[Assessments]]:
        future: Future[list[Assessments]] = Future()
        with self._lock:
            if self._process is None or self._state in (EngineState.CLOSED, EngineState.FAILED):
                future.set_exception(
                    EngineFailed(self._failure) if self._failure else EngineUnavailable()
                )
                return future
            self._next_id += 1
            request_id = self._next_id
            self._pending[request_id] = future
            self._requests.put(_Request(request_id, [dict(v) for v in visits], month))
        return future

    # Reader thread -----------------------------------------------------------------------------

    def _read(self) -> None:
        while self._state is not EngineState.CLOSED:
            try:
                kind, request_id, payload = self._responses.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if self._process is not None and not self._process.is_alive():
                    self._died()
                    return
                continue
            except (EOFError, OSError, ValueError):
                return
            self._handle(kind, request_id, payload)

    def _handle(self, kind: str, request_id: int | None, payload: Any) -> None:
        if kind == "state":
            self._set_state(EngineState(payload))
        elif kind == "ready":
            self.engine_version = payload["version"]
            self.load_seconds = payload["seconds"]
            self._set_state(EngineState.READY)
            self._ready.set()
        elif kind == "failed":
            self._failure = payload
            self._set_state(EngineState.FAILED)
            self._ready.set()
            self._fail_pending(EngineFailed(payload))
        elif request_id is not None:
            with self._lock:
                future = self._pending.pop(request_id, None)
            if future is None:
                return
            if kind == "result":
                future.set_result(payload)
            else:
                future.set_exception(EngineFailed(payload))

    def _died(self) -> None:
        if self._state is EngineState.CLOSED:
            return
        exitcode = self._process.exitcode if self._process is not None else None
        self._failure = self._failure or f"engine process exited with code {exitcode}"
        self._set_state(EngineState.FAILED)
        self._ready.set()
        self._fail_pending(EngineFailed(self._failure))

    def _fail_pending(self, error: Exception) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(error)

    def _set_state(self, state: EngineState) -> None:
        if (
            self._state in (EngineState.CLOSED, EngineState.FAILED)
            and state is not EngineState.CLOSED
        ):
            return
        if self._state is EngineState.READY and state in (
            EngineState.LOADING,
            EngineState.WARMING_UP,
        ):
            return
        self._state = state
        self._notify(state)

    def _notify(self, state: EngineState) -> None:
        for listener in list(self._listeners):
            with contextlib.suppress(Exception):
                listener(state)
