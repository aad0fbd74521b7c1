"""The order of the first screens: first-run wizard or unlock dialog, then the main window.

Kept apart from `launch` (which owns the QApplication and its event loop) so tests can drive the
whole start-up as a person would, inside pytest-qt's application.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from allervers.rights.worker import EngineClient
from allervers.services.workspace import OpenWorkspace, WorkspaceService, is_workspace
from allervers.ui.start.unlock import UnlockDialog

if TYPE_CHECKING:
    from allervers.ui.idle import Clock
    from allervers.ui.main_window import MainWindow
    from allervers.ui.rights.engine_host import EngineFactory
    from allervers.ui.start.first_run import FirstRunWizard
    from allervers.ui.workspace_view import VisitServiceFactory

# The main window and the wizard (every page, and the database layer under them) are imported when
# they are shown, not here: the unlock window comes first and fast (packaging/README.md).

EXIT_OK = 0


class Shell(QObject):
    """Emits `finished(exit_code)` when the person leaves: wizard or unlock cancelled, or the main
    window closed. The application quits on that signal, not on "last window closed", because
    between the dialog and the main window there is a moment with no window at all."""

    finished = Signal(int)

    def __init__(
        self,
        service: WorkspaceService,
        workspace_path: Path,
        user: str | None = None,
        banner: str | None = None,
        idle_ms: int | None = None,
        visit_service: VisitServiceFactory | None = None,
        engine: EngineFactory | None = EngineClient,
        idle_clock: Clock | None = None,
    ) -> None:
        """`visit_service`: None for `VisitService` (imported when the main window opens)."""
        super().__init__()
        self._idle_clock = idle_clock
        self._visit_service = visit_service
        self._engine = engine
        self._service = service
        self._path = workspace_path
        self._user = user
        self._banner = banner
        self._idle_ms = idle_ms
        self.wizard: FirstRunWizard | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.main_window: MainWindow | None = None

    def start(self) -> None:
        if is_workspace(self._path):
            self._show_unlock()
        else:
            self._show_wizard()

    def _show_wizard(self) -> None:
        from allervers.ui.start.first_run import FirstRunWizard

        wizard = FirstRunWizard(self._service, self._path)
        wizard.accepted.connect(self._wizard_done)
        wizard.rejected.connect(self._quit)
        self.wizard = wizard
        wizard.show()

    def _wizard_done(self) -> None:
        wizard = self.wizard
        if wizard is None or wizard.created is None:
            self._quit()
            return
        workspace = wizard.created.workspace
        wizard.created = None  # drops the wizard's reference to the recovery key
        self._show_main(workspace)

    def _show_unlock(self) -> None:
        dialog = UnlockDialog(self._service, self._path, self._user, self._banner)
        dialog.unlocked.connect(self._show_main)
        dialog.rejected.connect(self._quit)
        self.unlock_dialog = dialog
        dialog.show()

    def _show_main(self, workspace: OpenWorkspace) -> None:
        from allervers.services.display_prefs import display_file
        from allervers.services.visits import VisitService
        from allervers.ui.display import DisplayMenu, fit_to_screen
        from allervers.ui.main_window import MainWindow

        window = MainWindow(
            self._service,
            self._path,
            workspace,
            banner=self._banner,
            idle_ms=self._idle_ms,
            visit_service=self._visit_service or VisitService,
            engine=self._engine,
            idle_clock=self._idle_clock,
        )
        window.closed.connect(self._quit)
        self.main_window = window
        DisplayMenu(window, display_file(self._service.state_dir))
        fit_to_screen(window)
        window.show()

    def _quit(self) -> None:
        self.finished.emit(EXIT_OK)
