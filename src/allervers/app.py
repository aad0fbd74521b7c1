"""Composition root: paths -> services -> command line or window."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence

from allervers.cli.main import LaunchGui, run
from allervers.services.paths import app_paths
from allervers.services.workspace import WorkspaceService


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen build starts the rights engine's worker process by running itself again.
    multiprocessing.freeze_support()
    paths = app_paths()
    service = WorkspaceService(paths.state)
    outcome = run(argv, paths, service)
    if isinstance(outcome, LaunchGui):
        # Imported here so that command-line use never loads Qt.
        from allervers.ui.launch import run_gui

        return run_gui(service, outcome.workspace, outcome.user, outcome.banner)
    return outcome
