"""The main window: navigation and pages while unlocked, a generic lock screen while locked.

Locking and closing are a handshake with the task runner (`allervers.ui.common.operations`). At once: what
is being typed is saved, every dialog that may show data is closed and the lock screen covers the
content. Then the runner drains: tasks not started and reads are cancelled, running writes (an
export, a purge, a sync file) are waited for, with their names in the status bar. Only then is the
unlocked content destroyed and the database closed and the key forgotten (`OpenWorkspace.lock`);
what became of each task is said on the lock screen and in the status bar. The database used to be
closed under running tasks, which then failed with a message about a damaged file.

Whoever unlocks (possibly another user of the same laptop) gets a fresh content built for them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QStackedWidget

from allervers.domain.workspace import WorkspaceSettings
from allervers.messages import role_label
from allervers.rights.worker import EngineClient
from allervers.services.retention import RetentionService
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace, WorkspaceService
from allervers.ui.common.operations import tasks
from allervers.ui.export.retention_dialog import RetentionDialog
from allervers.ui.idle import Clock, IdleWatcher, minutes_to_ms
from allervers.ui.interview.position import InterviewKeeper
from allervers.ui.rights.assessor import rights_tools
from allervers.ui.rights.engine_host import EngineFactory, EngineHost
from allervers.ui.rights.engine_status import EngineStatus
from allervers.ui.start.change_passphrase import ChangePassphraseDialog
from allervers.ui.start.lock_keys import KeysEverywhere
from allervers.ui.start.lock_screen import LockScreen
from allervers.ui.start.recovery_key_dialog import RecoveryKeyDialog
from allervers.ui.start.unlock import UnlockDialog
from allervers.ui.start.users_dialog import UsersDialog
from allervers.ui.workspace_view import VisitServiceFactory, WorkspaceView

STATUS_MESSAGE_MS = 6000
REPORT_MS = 20_000  # the outcome of a task whose page has gone: longer, it was not expected


class MainWindow(QMainWindow):
    """`idle_ms` overrides the workspace's idle-lock setting (tests use a fraction of a second);
    `visit_service` builds the visits' service at each unlock (tests give another questionnaire);
    `engine` makes the rights engine's client, started once for the session (None: no engine);
    `idle_clock` is the idle lock's clock (tests move it forward instead of waiting)."""

    closed = Signal()

    def __init__(
        self,
        service: WorkspaceService,
        workspace_path: Path,
        workspace: OpenWorkspace,
        banner: str | None = None,
        idle_ms: int | None = None,
        visit_service: VisitServiceFactory = VisitService,
        engine: EngineFactory | None = EngineClient,
        idle_clock: Clock | None = None,
    ) -> None:
        super().__init__()
        # The engine outlives locks (it holds no key and no stored data) and loads once.
        self.engine = EngineHost(engine, self)
        self._service = service
        self._visit_service = visit_service
        self._path = workspace_path
        self._banner = banner
        self._idle_override = idle_ms
        self._workspace: OpenWorkspace | None = None
        self._view: WorkspaceView | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self._leaving = False  # locking or closing: waiting for the tasks
        self._closing = False
        self._closed = False
        self._reports: list[str] = []  # what became of the tasks, since the lock began
        self.setObjectName("mainWindow")
        # Neutral on purpose: the title bar stays visible in the task bar while locked.
        self.setWindowTitle("Aller-Vers")
        self.resize(960, 640)

        self._stack = QStackedWidget()
        self.lock_screen = LockScreen()
        self._stack.addWidget(self.lock_screen)
        self.setCentralWidget(self._stack)

        self.territory_label = QLabel()
        self.territory_label.setObjectName("statusTerritory")
        self.folder_label = QLabel()
        self.folder_label.setObjectName("statusFolder")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        bold = self.territory_label.font()
        bold.setBold(True)
        self.territory_label.setFont(bold)
        for label in (self.territory_label, self.folder_label, self.user_label):
            label.setContentsMargins(6, 0, 6, 0)
        status = self.statusBar()
        status.addWidget(self.territory_label)
        status.addWidget(self.folder_label, 1)
        self.engine_status = EngineStatus(self.engine)
        status.addPermanentWidget(self.engine_status)
        status.addPermanentWidget(self.user_label)

        if idle_clock is None:
            self.idle = IdleWatcher(idle_ms or 60_000, self)
        else:
            self.idle = IdleWatcher(idle_ms or 60_000, self, idle_clock)
        self.idle.idle.connect(self._idle_lock)
        self._kept = InterviewKeeper(minutes_to_ms(WorkspaceSettings().interview_idle_minutes))
        self.idle.set_interval_source(self._idle_interval)
        tasks().changed.connect(self._tasks_changed)
        tasks().reported.connect(self._task_reported)
        self._build_menu()
        self._restore(workspace)
        # After the first paint: the window is usable while the engine's process loads.
        QTimer.singleShot(0, self.engine, self.engine.start)

    @property
    def workspace(self) -> OpenWorkspace | None:
        """The open workspace, or None while locked."""
        return self._workspace

    @property
    def is_locked(self) -> bool:
        return self._workspace is None

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Espace de travail"))
        lock_keys = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)
        self.lock_action = QAction(self.tr("&Verrouiller"), self)
        self.lock_action.setShortcut(QKeySequence(lock_keys))
        self.lock_action.triggered.connect(self.lock)
        KeysEverywhere(lock_keys, self).activated.connect(self.lock)
        self.passphrase_action = QAction(self.tr("&Changer de phrase de passe…"), self)
        self.passphrase_action.triggered.connect(self._change_passphrase)
        self.users_action = QAction(self.tr("&Utilisateurs…"), self)
        self.users_action.triggered.connect(self._manage_users)
        self.retention_action = QAction(self.tr("Conservation des &données…"), self)
        self.retention_action.setObjectName("retentionAction")
        self.retention_action.triggered.connect(self.open_retention)
        self.recovery_action = QAction(self.tr("Nouvelle clé de &secours…"), self)
        self.recovery_action.setObjectName("recoveryKeyAction")
        self.recovery_action.triggered.connect(self.open_recovery_key)
        self.quit_action = QAction(self.tr("&Quitter"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        menu.addAction(self.lock_action)
        menu.addAction(self.passphrase_action)
        menu.addAction(self.users_action)
        menu.addAction(self.retention_action)
        menu.addAction(self.recovery_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    # Locking and unlocking

    def _idle_lock(self) -> None:
        self._kept.idle_lock = True  # an interview left open comes back at unlock
        self.lock()
        self._kept.idle_lock = False

    def lock(self) -> None:
        if self._workspace is None or self._leaving:
            return
        self._leave()
        if tasks().drain(self, self._finish_lock):
            self._finish_lock()
        else:
            self._show_waiting()

    def _leave(self) -> None:
        """The first half of a lock or a close, at once: nothing personal stays on screen."""
        self._leaving = True
        self._reports = []
        self.idle.stop()
        if self._view is not None and self._workspace is not None:
            self._kept.remember(self._view.visits.wizard, self._workspace.user.name)
            self._view.save_pending()  # the answer being typed, while the key is still there
        # Dialogs first: they hold references to the workspace and may show names.
        # Deleted, not just hidden: a hidden dialog still holds its texts in memory. A task a
        # dialog started goes on; its outcome is reported once the dialog is gone.
        for dialog in self.findChildren(QDialog):
            if dialog is not self.unlock_dialog:
                dialog.reject()
                dialog.deleteLater()
        self._stack.setCurrentWidget(self.lock_screen)
        self.statusBar().clearMessage()
        for label in (self.territory_label, self.folder_label, self.user_label):
            label.clear()  # the lock screen names no place, no folder, no person
        self.lock_screen.show_note("")
        self._set_actions_enabled(False)

    def _finish_lock(self) -> None:
        """The second half, once no task uses the workspace: its database closes."""
        workspace, self._workspace = self._workspace, None
        if self._view is not None:
            self._stack.removeWidget(self._view)
            self._view.deleteLater()
            self._view = None
        if workspace is not None:
            workspace.lock()
        self._leaving = False
        self._show_reports()
        if not self._closing:
            self._ask_unlock()

    def _tasks_changed(self) -> None:
        if self._leaving or self._closing:
            self._show_waiting()

    def _show_waiting(self) -> None:
        labels = tasks().waiting_for()
        if not labels:
            return
        text = self.tr("En attente de la fin de : {0}.").format(", ".join(labels))
        self.statusBar().showMessage(text)
        self.lock_screen.show_note(text)

    def _task_reported(self, text: str) -> None:
        """An outcome its page could not show: said in the status bar, and on the lock screen
        when it came during a lock (generic sentences: no name, no folder)."""
        if self._leaving or self._closing or self._workspace is None:
            self._reports.append(text)
            self._show_reports()
        else:
            self.statusBar().showMessage(text, REPORT_MS)

    def _show_reports(self) -> None:
        text = " ".join(self._reports)
        self.lock_screen.show_note(text)
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _ask_unlock(self) -> None:
        # No user name prefilled, the lock screen must not say who uses this laptop; except in
        # the middle of an interview, where the volunteer is at the door and the household
        # already knows who they are talking to: retyping it costs their time (issue 13).
        form = UnlockDialog(
            self._service,
            self._path,
            user=self._kept.user,
            banner=self._banner,
            embedded=True,
            parent=self.lock_screen,
        )
        form.unlocked.connect(self._unlocked)
        self.unlock_dialog = form
        self.lock_screen.show_form(form)
        (form.passphrase if self._kept.user else form.user).setFocus()

    def _unlocked(self, workspace: OpenWorkspace) -> None:
        form = self.unlock_dialog
        self.unlock_dialog = None
        self.lock_screen.hide_form()
        if form is not None:
            form.deleteLater()
        if self._closing:  # unlocked while the window waited to close: closed again at once
            workspace.lock()
            return
        self._restore(workspace)

    def _restore(self, workspace: OpenWorkspace) -> None:
        self._workspace = workspace
        self._reports = []
        self.lock_screen.show_note("")
        self.statusBar().clearMessage()
        self._view = WorkspaceView(workspace, self._visit_service)
        self._view.visits.attach_rights(rights_tools(self.engine, workspace))
        # An erased household's address leaves the Visites page's lists too.
        self._view.caseload.erased.connect(lambda _ids: self._refresh_visits())
        self._stack.addWidget(self._view)
        self._stack.setCurrentWidget(self._view)
        self._view.focus_start()
        if (kept := self._kept.give_back(workspace.user.name)) is not None:
            self._view.visits.resume_at(kept.visit_id, kept.page, kept.question)
        user = workspace.user
        self.territory_label.setText(workspace.territory())
        self.folder_label.setText(str(self._path))
        self.user_label.setText(
            self.tr("{0} ({1})").format(
                user.name, role_label(user.role, QCoreApplication.translate)
            )
        )
        self._set_actions_enabled(True)
        self.users_action.setVisible(user.is_coordinator)
        self.retention_action.setVisible(user.is_coordinator)
        self.recovery_action.setVisible(user.is_coordinator)
        self.idle.set_interval(
            self._idle_override or minutes_to_ms(workspace.settings.idle_lock_minutes)
        )
        self._kept.interview_ms = minutes_to_ms(workspace.settings.interview_idle_minutes)
        self.idle.start()

    def _idle_interval(self) -> int:
        interviewing = self._view is not None and self._view.visits.wizard is not None
        ordinary = self.idle.interval_ms
        return ordinary if self._idle_override else self._kept.interval(interviewing, ordinary)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.lock_action,
            self.passphrase_action,
            self.users_action,
            self.retention_action,
            self.recovery_action,
        ):
            action.setEnabled(enabled)

    # Dialogs

    def _change_passphrase(self) -> None:
        if self._workspace is None:
            return
        dialog = ChangePassphraseDialog(self._workspace, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Phrase de passe changée."), STATUS_MESSAGE_MS
            )
        )
        dialog.open()

    def _manage_users(self) -> None:
        workspace = self._workspace
        if workspace is None or not workspace.user.is_coordinator:
            return
        dialog = UsersDialog(workspace, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_recovery_key(self) -> RecoveryKeyDialog | None:
        """The coordinator's "Nouvelle clé de secours" dialog."""
        workspace = self._workspace
        if workspace is None or not workspace.user.is_coordinator:
            return None
        dialog = RecoveryKeyDialog(workspace, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_retention(self) -> RetentionDialog | None:
        """The coordinator's "Conservation des données" dialog: households past the retention
        period, and their purge."""
        workspace = self._workspace
        if workspace is None or not workspace.user.is_coordinator:
            return None
        dialog = RetentionDialog(
            RetentionService(workspace), workspace.settings.retention_months, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.purged.connect(self._purged)
        dialog.open()
        return dialog

    def _purged(self, _count: int) -> None:
        if self._view is not None:
            self._view.caseload.forget_households(None)
        self._refresh_visits()

    def _refresh_visits(self) -> None:
        if self._view is not None:
            self._view.visits.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closes once no task uses the workspace: until then the window stays, covered, with
        what it waits for in the status bar."""
        if self._closed:
            super().closeEvent(event)
            return
        if self._closing:
            event.ignore()  # already waiting for the tasks
            return
        if self._workspace is not None and not self._leaving:
            self._leave()
        self.idle.stop()
        self._closing = True
        if not tasks().drain(self, self._close_drained):
            self._show_waiting()
            event.ignore()
            return
        self._close_now()
        super().closeEvent(event)

    def _close_drained(self) -> None:
        self._closing = False
        self.close()  # again: this time nothing runs

    def _close_now(self) -> None:
        self._closed = True
        if self._workspace is not None:
            self._finish_lock()
        self.engine.close()
        self.closed.emit()
