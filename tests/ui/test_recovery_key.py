"""The coordinator replaces the recovery key from the window's workspace menu: the new key is
shown once, the sheet saved owner-only, and the old key no longer opens anything. And a
`workspace.json` edited by hand is refused in words at the unlock screen."""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from allervers.domain.errors import WrongRecoveryKey
from allervers.domain.users import Role
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.ui.main_window import MainWindow
from allervers.ui.shell import Shell
from allervers.ui.start.recovery_key_dialog import RecoveryKeyDialog
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, file_hashes
from tests.ui.conftest import find

KEY = re.compile(r"^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}$")


def test_the_coordinator_replaces_the_recovery_key_from_the_menu(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    created: CreatedWorkspace,
    service: WorkspaceService,
    workspace_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window()
    action = window.recovery_action
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    dialog = window.findChild(RecoveryKeyDialog, "recoveryKeyDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    save = find(dialog, QPushButton, "saveRecoverySheet")
    assert find(dialog, QLabel, "newRecoveryKey").text() == "" and not save.isEnabled()

    qtbot.mouseClick(find(dialog, QPushButton, "replaceRecoveryKey"), Qt.MouseButton.LeftButton)
    new_key = find(dialog, QLabel, "newRecoveryKey").text()
    assert KEY.match(new_key) and new_key != created.recovery_key
    assert "l'ancienne n'ouvre plus rien" in find(dialog, QLabel, "recoveryStatus").text()

    sheet = tmp_path / "nouvelle-cle"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(sheet), "Document PDF (*.pdf)")
    )
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    saved = sheet.with_name("nouvelle-cle.pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert str(saved) in find(dialog, QLabel, "recoveryStatus").text()

    dialog.reject()
    window.lock()
    with pytest.raises(WrongRecoveryKey):
        service.reset_with_recovery_key(
            workspace_path, created.recovery_key, COORDINATOR, OTHER_PASSPHRASE
        )
    service.reset_with_recovery_key(workspace_path, new_key, COORDINATOR, OTHER_PASSPHRASE).close()


def test_a_volunteer_has_no_recovery_key_action(
    request: pytest.FixtureRequest, created: CreatedWorkspace
) -> None:
    created.workspace.add_user("Noé Valadier", Role.VOLUNTEER, OTHER_PASSPHRASE)
    window = request.getfixturevalue("open_window")("Noé Valadier", OTHER_PASSPHRASE)
    assert not window.recovery_action.isVisible()
    assert window.open_recovery_key() is None


def test_a_tampered_workspace_file_is_refused_in_words_at_the_unlock_screen(
    qtbot: QtBot,
    start_shell: Callable[..., Shell],
    created: CreatedWorkspace,
    workspace_path: Path,
) -> None:
    """An idle-lock delay set to 0 by hand (it would never lock): the window says which value is
    impossible, opens nothing, and changes no file."""
    created.workspace.close()
    metadata = json.loads((workspace_path / "workspace.json").read_text())
    metadata["settings"]["idle_lock_minutes"] = 0
    (workspace_path / "workspace.json").write_text(json.dumps(metadata))
    before = file_hashes(workspace_path)
    shell = start_shell(user=COORDINATOR)
    dialog = shell.unlock_dialog
    assert dialog is not None
    qtbot.keyClicks(find(dialog, QLineEdit, "passphrase"), PASSPHRASE)
    qtbot.mouseClick(find(dialog, QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    error = find(dialog, QLabel, "unlockError")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=10_000)
    assert "valeur impossible (verrouillage après inactivité (de 1 à 60 minutes))" in error.text()
    assert shell.main_window is None
    assert file_hashes(workspace_path) == before
