"""The rights engine as the window shows it: loading, then ready, then the results of a finished
interview, and its process stopped when the window closes.

These assertions lived in the event-loop latency test until its timing moved to
benchmarks/event_loop.py (`dev.py bench latency`): what a volunteer sees stays tested here, with
the real `EngineClient` and its worker process."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_the_status_bar_says_loading_then_ready_and_closing_stops_the_engine(
    qtbot: QtBot, open_window, service: WorkspaceService, workspace_path: Path
) -> None:
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    interview_left_to_finish(workspace)
    workspace.lock()
    clients: list[EngineClient] = []

    def engine() -> EngineClient:
        client = EngineClient()
        clients.append(client)
        return client

    window = open_window(engine=engine)
    status = find(window, QLabel, "engineStatusLabel")
    qtbot.waitUntil(lambda: bool(clients))  # spawned once the window was on screen
    assert status.text().startswith("Moteur de calcul : chargement")
    assert window.engine_status.bar.isVisible()  # the busy bar
    qtbot.waitUntil(lambda: window.engine.is_ready(), timeout=COMPUTE_TIMEOUT_MS)
    assert status.text() == "Moteur de calcul : prêt"
    assert not window.engine_status.bar.isVisible()

    page = visits_page(window)
    resume_and_finish(qtbot, page)
    panel = panel_of(page)
    wait_for_results(qtbot, panel)
    assert label_text(panel, "rightAmount_rsa") == "environ 573 € par mois (estimation)"

    window.close()  # quitting stops the engine's process
    assert clients[0].state is EngineState.CLOSED
