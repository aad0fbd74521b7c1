"""The form kit: what every dialog (or wizard page) that runs one operation in the background
repeats — a busy flag, a busy indicator, an error line worded by `messages.describe`, and the
confirm button, enabled only while the form is ready and nothing runs.

A dialog keeps its own fields and says when it is ready; the kit does the rest:

    self.form = FormKit(self, "changeError", ready=self._ready)
    self.buttons, self.confirm = self.form.button_box(self.tr("Changer"), "confirmChange")
    ...
    self.form.run(self.tr("Enregistrement…"), self.tr("Changement…"), work, self._succeeded)

The dialog lays out `form.error` and `form.busy` where it likes; tests find them by object name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from allervers.messages import describe
from allervers.ui.common.busy import BusyIndicator, message_label
from allervers.ui.common.operations import run_in_background
from allervers.ui.common.styles import ERROR_STYLE


def error_text(error: Exception) -> str:
    """The French sentence for a failed operation (the typed errors are worded in messages)."""
    return describe(error, QCoreApplication.translate)


class FormKit(QObject):
    """`ready()` says whether the fields allow confirming; `wording` turns a failure into the
    error line's text (default: `error_text`)."""

    def __init__(
        self,
        owner: QWidget,
        error_name: str,
        ready: Callable[[], bool] = lambda: True,
        wording: Callable[[Exception], str] = error_text,
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self._ready = ready
        self._wording = wording
        self.running = False
        self.error: QLabel = message_label(error_name, ERROR_STYLE)
        self.busy = BusyIndicator()
        self.confirm: QPushButton | None = None

    def button_box(self, text: str, object_name: str) -> tuple[QDialogButtonBox, QPushButton]:
        """Cancel and the confirm button, which the kit then enables and disables."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        confirm = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        confirm.setObjectName(object_name)
        self.confirm = confirm
        return buttons, confirm

    def column(
        self,
        dialog: QDialog,
        widgets: list[QWidget],
        buttons: QDialogButtonBox,
        accepted: Callable[[], None],
    ) -> QVBoxLayout:
        """The usual dialog: its `widgets`, then the error line, the busy indicator and the
        buttons; confirming calls `accepted`, cancelling rejects."""
        layout = QVBoxLayout(dialog)
        for widget in (*widgets, self.error, self.busy, buttons):
            layout.addWidget(widget)
        buttons.accepted.connect(accepted)
        buttons.rejected.connect(dialog.reject)
        return layout

    def follow(self, *changes: SignalInstance) -> None:
        """The confirm button follows these signals of the fields (and their state now)."""
        for change in changes:
            change.connect(self.update)
        self.update()

    def use_confirm(self, button: QPushButton) -> None:
        """A confirm button the dialog laid out itself."""
        self.confirm = button

    @property
    def can_confirm(self) -> bool:
        return self._ready() and not self.running

    def update(self) -> None:
        """Call when a field changed: the confirm button follows."""
        if self.confirm is not None:
            self.confirm.setEnabled(self.can_confirm)

    def set_running(self, running: bool, text: str = "") -> None:
        """Busy with `text` ("Enregistrement…"), or idle again; the error line clears on start."""
        self.running = running
        if running:
            self.error.clear()
            self.busy.start(text)
        else:
            self.busy.stop()
        self.update()

    def run(
        self,
        busy_text: str,
        task_name: str,
        work: Callable[[], Any],
        succeeded: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
        release: Callable[[Any], None] | None = None,
        cancellable: bool = False,
    ) -> None:
        """Runs `work` off the UI thread (`task_name` is what the status bar and the lock say).
        On failure the form is idle again with the error worded, then `failed` runs if given.
        `succeeded` runs with the form still busy: it usually closes the dialog. `cancellable`:
        a read, thrown away if the workspace locks meanwhile (see TaskRunner.run)."""
        self.set_running(True, busy_text)

        def fail(error: Exception) -> None:
            self.show_failure(error)
            if failed is not None:
                failed(error)

        run_in_background(
            self._owner,
            task_name,
            work,
            succeeded,
            fail,
            cancellable=cancellable,
            release=release,
        )

    def show_failure(self, error: Exception) -> None:
        self.set_running(False)
        self.error.setText(self._wording(error))


def hold_wizard(page: QWizardPage, busy: bool) -> None:
    """A wizard page's operation starts or ends: Next follows `isComplete` again, and there is no
    going back or cancelling while it runs (the result would land on another page, or after the
    window closed). After completeChanged, which lets QWizard reset its buttons."""
    page.completeChanged.emit()
    wizard = page.wizard()
    for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
        wizard.button(button).setEnabled(not busy)
