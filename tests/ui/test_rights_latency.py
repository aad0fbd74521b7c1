"""The window keeps processing events while the rights engine loads, warms up and computes.

Measured the way docs/ARCHITECTURE.md measured it: a 10 ms Qt timer on the window's event loop,
whose every delay beyond its interval is recorded, from the unlock (the engine's process is
spawned right after) until the engine is ready, then while a volunteer finishes an interview
and its rights are computed. The engine is the real `EngineClient`, started by the window.

Figures on the 2-core development machine, engine in its spawned process (this code): p99 of the
whole run 3-9 ms; while the engine loads with the window on screen, p99 about 2.5 ms and worst
5-32 ms. The largest single delays, 65-190 ms, are the window's own work on its thread, not the
engine's: building the main window at unlock, opening and finishing the interview and building
the result cards. The same engine in a thread of the window's process gave a p99 of 94 ms and a
worst case of 141 ms (docs/ARCHITECTURE.md), and a loop blocked by a synchronous load stalls for
seconds. The bound below, 200 ms for the p99, is passed with a wide margin by the process and
failed by a blocked loop.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from allervers.rights.worker import EngineClient, EngineState
from allervers.services.workspace import WorkspaceService
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.ui.conftest import find
from tests.ui.rights_support import (
    COMPUTE_TIMEOUT_MS,
    interview_left_to_finish,
    label_text,
    panel_of,
    resume_and_finish,
    visits_page,
    wait_for_results,
)

pytestmark = pytest.mark.slow

INTERVAL_MS = 10
P99_BOUND_S = 0.200


class TimerDelays:
    """Delays of a 10 ms timer beyond its interval, in seconds."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.delays.append(max(0.0, now - self._last - INTERVAL_MS / 1000))
        self._last = now

    def p99(self, start: int = 0, end: int | None = None) -> float:
        ordered = sorted(self.delays[start:end])
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]

    def worst(self, start: int = 0, end: int | None = None) -> float:
        return max(self.delays[start:end])


def test_the_window_keeps_processing_events_while_the_engine_loads_and_computes(
    qtbot: QtBot,
    open_window,
    service: WorkspaceService,
    workspace_path: Path,
    record_property,
) -> None:
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    interview_left_to_finish(workspace)
    workspace.lock()
    clients: list[EngineClient] = []

    def engine() -> EngineClient:
        client = EngineClient()
        clients.append(client)
        return client

    measure = TimerDelays()
    measure.start()
    window = open_window(engine=engine)
    status = find(window, QLabel, "engineStatusLabel")
    qtbot.waitUntil(lambda: bool(clients))  # spawned once the window was on screen
    assert status.text().startswith("Moteur de calcul : chargement")
    assert window.engine_status.bar.isVisible()  # the busy bar
    qtbot.waitUntil(lambda: window.engine.is_ready(), timeout=COMPUTE_TIMEOUT_MS)
    assert status.text() == "Moteur de calcul : prêt"
    assert not window.engine_status.bar.isVisible()
    loading = len(measure.delays)

    page = visits_page(window)
    resume_and_finish(qtbot, page)
    panel = panel_of(page)
    wait_for_results(qtbot, panel)
    measure.timer.stop()
    assert label_text(panel, "rightAmount_rsa") == "environ 573 € par mois (estimation)"

    figures = {
        "ticks_loading": loading,
        "p99_loading_ms": round(measure.p99(0, loading) * 1000, 1),
        "worst_loading_ms": round(measure.worst(0, loading) * 1000, 1),
        "ticks_computing": len(measure.delays) - loading,
        "p99_computing_ms": round(measure.p99(loading) * 1000, 1),
        "worst_computing_ms": round(measure.worst(loading) * 1000, 1),
        "p99_all_ms": round(measure.p99() * 1000, 1),
        "engine_load_s": round(clients[0].load_seconds or 0.0, 2),
    }
    for name, value in figures.items():
        record_property(name, value)
    print(f"\nevent loop delays while the engine loads and computes: {figures}")
    assert measure.p99() < P99_BOUND_S, figures
    assert loading > 100, figures  # the timer did run all along the loading

    window.close()  # quitting stops the engine's process
    assert clients[0].state is EngineState.CLOSED
