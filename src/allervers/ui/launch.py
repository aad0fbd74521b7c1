"""`run_gui`: the QApplication, its translators and its event loop, around `Shell`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from allervers.services.display_prefs import display_file, larger_text
from allervers.services.workspace import WorkspaceService
from allervers.ui.common.operations import tasks
from allervers.ui.display import apply_larger_text
from allervers.ui.i18n import Translations, choose_language, workspace_language
from allervers.ui.shell import Shell


def run_gui(
    service: WorkspaceService, workspace: Path, user: str | None, banner: str | None
) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Aller-Vers")
    app.setQuitOnLastWindowClosed(False)  # Shell decides when the person has left
    translations = Translations(app)
    translations.install(choose_language(workspace_language(service, workspace)))
    apply_larger_text(larger_text(display_file(service.state_dir)))
    shell = Shell(service, workspace, user, banner)
    shell.finished.connect(app.exit)
    shell.start()
    code = app.exec()
    # A task still running (the window closes only once its own are done, but a first-run
    # wizard or an unlock dialog may be left mid-way) finishes writing rather than being cut off;
    # its result is given back (an opened workspace is locked again).
    tasks().wait(timeout_ms=120_000)
    translations.remove()
    return code
