"""Unlocking at start-up: wrong passphrase, growing wait, forgotten passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton

from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.ui.start.recovery_reset import RecoveryResetDialog
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, TERRITORY
from tests.ui.conftest import find

LEFT = Qt.MouseButton.LeftButton
WRONG = "une phrase de passe fausse"


def _attempt(qtbot, dialog: QDialog, passphrase: str) -> None:
    field = find(dialog, QLineEdit, "passphrase")
    field.clear()
    qtbot.keyClicks(field, passphrase)
    button = find(dialog, QPushButton, "unlockButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, LEFT)


def _wait_for_error(qtbot, dialog: QDialog) -> QLabel:
    error = find(dialog, QLabel, "unlockError")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=10_000)
    return error


def test_wrong_passphrase_is_refused_then_the_right_one_opens_the_window(
    qtbot, start_shell, created: CreatedWorkspace
) -> None:
    created.workspace.lock()
    shell = start_shell(user=COORDINATOR)
    dialog = shell.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert shell.wizard is None
    assert find(dialog, QLineEdit, "userName").text() == COORDINATOR
    assert not find(dialog, QPushButton, "unlockButton").isEnabled()  # nothing typed yet

    _attempt(qtbot, dialog, WRONG)
    error = _wait_for_error(qtbot, dialog)

    assert error.text() == "Nom d'utilisateur ou phrase de passe incorrect."
    assert error.isVisible()
    assert shell.main_window is None
    assert dialog.isVisible()
    assert find(dialog, QLineEdit, "passphrase").text() == ""

    _attempt(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    window = shell.main_window
    qtbot.waitUntil(window.isVisible)
    assert not dialog.isVisible()
    assert window.territory_label.text() == TERRITORY
    assert window.user_label.text() == f"{COORDINATOR} (coordination)"
    assert window.workspace is not None and window.workspace.is_open


def test_repeated_failures_disable_the_button_until_the_wait_is_over(
    qtbot, start_shell, created: CreatedWorkspace, clock: list[float]
) -> None:
    created.workspace.lock()
    dialog = start_shell(user=COORDINATOR).unlock_dialog
    countdown = find(dialog, QLabel, "unlockCountdown")
    button = find(dialog, QPushButton, "unlockButton")

    for _ in range(3):
        _attempt(qtbot, dialog, WRONG)
        qtbot.waitUntil(lambda: find(dialog, QLineEdit, "passphrase").isEnabled(), timeout=10_000)

    # Two mistakes are free, the third one costs 2 seconds (domain.attempts).
    assert countdown.text() == "Trop d'essais : réessayez dans 2 secondes."
    qtbot.keyClicks(find(dialog, QLineEdit, "passphrase"), PASSPHRASE)
    assert not button.isEnabled()

    clock[0] += 1.2
    qtbot.waitUntil(lambda: "réessayez dans 1 " in countdown.text())
    assert not button.isEnabled()

    clock[0] += 1.0
    qtbot.waitUntil(button.isEnabled)
    assert countdown.text() == ""
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: dialog.workspace is not None, timeout=10_000)


def test_forgotten_passphrase_is_replaced_with_the_recovery_key(
    qtbot, start_shell, created: CreatedWorkspace, service: WorkspaceService, workspace_path: Path
) -> None:
    created.workspace.lock()
    shell = start_shell(user=COORDINATOR)
    dialog = shell.unlock_dialog
    qtbot.mouseClick(find(dialog, QPushButton, "forgotPassphrase"), LEFT)
    reset = dialog.findChild(RecoveryResetDialog)
    assert reset is not None
    qtbot.waitUntil(reset.isVisible)
    assert find(reset, QLineEdit, "resetUserName").text() == COORDINATOR
    confirm = find(reset, QPushButton, "confirmReset")

    qtbot.keyClicks(
        find(reset, QLineEdit, "recoveryKeyInput"), "0000-0000-0000-0000-0000-0000-0000-0000"
    )
    qtbot.keyClicks(find(reset, QLineEdit, "newPassphrase"), OTHER_PASSPHRASE)
    assert not confirm.isEnabled()  # confirmation still missing
    qtbot.keyClicks(find(reset, QLineEdit, "confirmPassphrase"), OTHER_PASSPHRASE)
    qtbot.mouseClick(confirm, LEFT)
    error = find(reset, QLabel, "resetError")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=10_000)
    assert error.text() == "Clé de secours incorrecte."

    key_field = find(reset, QLineEdit, "recoveryKeyInput")
    key_field.clear()
    qtbot.keyClicks(key_field, created.recovery_key.lower())
    qtbot.mouseClick(confirm, LEFT)

    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    assert shell.main_window.user_label.text().startswith(COORDINATOR)
    shell.main_window.close()
    reopened = service.unlock(workspace_path, COORDINATOR, OTHER_PASSPHRASE)
    reopened.lock()


def test_demo_banner_shows_the_demo_passphrase(
    qtbot, start_shell, created: CreatedWorkspace
) -> None:
    created.workspace.lock()
    dialog = start_shell(user="demo", banner="aller-vers-demo-2026").unlock_dialog
    banner = find(dialog, QLabel, "demoBanner")
    assert banner.isVisible()
    assert banner.text() == "Démonstration — phrase de passe : aller-vers-demo-2026"


def test_no_banner_outside_the_demo(qtbot, start_shell, created: CreatedWorkspace) -> None:
    created.workspace.lock()
    dialog = start_shell(user=COORDINATOR).unlock_dialog
    assert not find(dialog, QLabel, "demoBanner").isVisible()


def test_quitting_at_the_unlock_screen_ends_the_application(
    qtbot, start_shell, created: CreatedWorkspace
) -> None:
    created.workspace.lock()
    shell = start_shell()
    with qtbot.waitSignal(shell.finished):
        qtbot.mouseClick(find(shell.unlock_dialog, QPushButton, "cancelUnlock"), LEFT)
    assert shell.main_window is None
