"""Composition root: paths -> services -> command line or window.

Modules are imported where they are needed, for two reasons. The unlock window must show within
two seconds of a click on the icon (packaging/README.md), so a plain `allervers` goes straight
to the window without the command line's modules (every command, reportlab...). And a packaged
build starts the rights engine's worker process by running this same program again: that process
should not load the window's or the command line's modules either.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SELF_TEST = "--self-test"
EXIT_REFUSED = 1
# The command line's environment variables (allervers.cli.main.ENV_WORKSPACE, ENV_USER), read
# here without importing it; tests/unit/test_app_start.py checks that both paths agree.
ENV_WORKSPACE = "ALLERVERS_WORKSPACE"
ENV_USER = "ALLERVERS_USER"
WINDOW_OPTIONS = ("--workspace", "--user")


@dataclass(frozen=True, slots=True)
class WindowRequest:
    """`allervers [--workspace DIR] [--user NOM]`: the window, and nothing else to do first."""

    workspace: Path | None
    user: str | None


def window_request(argv: Sequence[str]) -> WindowRequest | None:
    """The window options when the command line holds nothing else; None otherwise (a command,
    `--help`, an option without its value...: the command line's parser takes it)."""
    values: dict[str, str] = {}
    items = list(argv)
    while items:
        option, equals, value = items.pop(0).partition("=")
        if option not in WINDOW_OPTIONS:
            return None
        if not equals:
            if not items:
                return None
            value = items.pop(0)
        if not value or value.startswith("-"):
            return None
        values[option] = value
    workspace = values.get("--workspace")
    return WindowRequest(Path(workspace) if workspace else None, values.get("--user"))


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen build starts the rights engine's worker process by running itself again.
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args == [SELF_TEST]:
        from allervers.ui.self_test import run_self_test

        return run_self_test()
    if _opens_window(args) and not _display_ready():
        return EXIT_REFUSED

    from allervers.services.paths import app_paths
    from allervers.services.workspace import WorkspaceService

    paths = app_paths()
    service = WorkspaceService(paths.state)
    request = window_request(args)
    if request is not None:
        workspace = request.workspace or _env_path(ENV_WORKSPACE) or paths.default_workspace
        user = request.user or os.environ.get(ENV_USER)
        banner = None
    else:
        from allervers.cli.main import LaunchGui, run

        outcome = run(args, paths, service)
        if not isinstance(outcome, LaunchGui):
            return outcome
        workspace, user, banner = outcome.workspace, outcome.user, outcome.banner
    # Imported here so that command-line use never loads Qt.
    from allervers.ui.launch import run_gui

    return run_gui(service, workspace, user, banner)


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def _opens_window(args: Sequence[str]) -> bool:
    """Checked before any work: `allervers demo` spends half a minute building its workspace
    before it opens the window."""
    if window_request(args) is not None:
        return True
    return bool(args) and args[0] == "demo" and "--no-gui" not in args


def _display_ready() -> bool:
    """False, after a French message, when Qt's X11 platform lacks system libraries (naming the
    packages to install) or has no display: instead of Qt's own abort, in English."""
    from allervers.ui.system_libraries import install_advice, missing_libraries, no_display

    missing = missing_libraries()
    problem = install_advice(missing) if missing else no_display()
    if problem is not None:
        print(problem, file=sys.stderr)
        return False
    return True
