"""The main window: what it shows, locking (on demand and when idle), passphrase and users."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget

from allervers.domain.users import Role
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.ui.main_window import MainWindow
from allervers.ui.start.users_dialog import AddUserDialog, UsersDialog
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, TERRITORY
from tests.ui.conftest import FakeClock, find, type_text, unlock_with, visible_texts

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
VOLUNTEER = "Élodie Marchand"
IDLE_MS = 200


def _shows_personal_data(window: MainWindow, *names: str) -> list[str]:
    return [t for t in visible_texts(window) if any(name in t for name in names)]


def test_window_shows_areas_and_who_is_working_where(open_window, workspace_path: Path) -> None:
    window = open_window()
    navigation = window.findChild(QListWidget, "navigation")
    assert [navigation.item(i).text() for i in range(navigation.count())] == [
        "Visites",
        "Suivi des dossiers",
        "Carte",
        "Tournées",
        "Chiffres",
        "Export",
        "Annuaire",
        "Équipe et\nsynchronisation",
    ]
    assert window.territory_label.text() == TERRITORY
    assert window.folder_label.text() == str(workspace_path)
    assert window.user_label.text() == f"{COORDINATOR} (coordination)"
    assert window.users_action.isVisible()


def test_idle_lock_hides_every_personal_datum_until_unlocked_again(qtbot, open_window) -> None:
    clock = FakeClock()
    window = open_window(idle_ms=IDLE_MS, idle_clock=clock)
    opened = window.workspace
    assert _shows_personal_data(window, TERRITORY, COORDINATOR)
    qtbot.wait(2 * IDLE_MS)  # the watcher's timer wakes up: by its clock, nobody has been idle
    assert not window.is_locked

    clock.advance(IDLE_MS / 1000)
    qtbot.waitUntil(lambda: window.is_locked, timeout=5_000)  # at the timer's next look

    assert not opened.is_open
    assert _shows_personal_data(window, TERRITORY, COORDINATOR) == []
    assert window.isVisible()
    assert "Espace de travail verrouillé" in visible_texts(window)
    assert not window.passphrase_action.isEnabled()
    assert not window.users_action.isEnabled()
    dialog = window.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    assert find(dialog, QLineEdit, "userName").text() == ""  # nobody named on the lock screen

    unlock_with(qtbot, dialog, COORDINATOR, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert window.workspace.is_open
    assert window.territory_label.text() == TERRITORY
    assert COORDINATOR in window.user_label.text()
    assert window.findChild(QListWidget, "navigation") is not None


def test_activity_postpones_the_idle_lock(qtbot, open_window) -> None:
    clock = FakeClock()
    window = open_window(idle_ms=10 * 60_000, idle_clock=clock)  # ten minutes
    navigation = window.findChild(QListWidget, "navigation")
    for _ in range(8):  # 32 minutes of someone using the keyboard every 4 minutes
        clock.advance(4 * 60)
        qtbot.keyClick(navigation, Qt.Key.Key_Down)
        window.idle.check()
    assert not window.is_locked

    clock.advance(9 * 60 + 59)
    window.idle.check()
    assert not window.is_locked
    clock.advance(1)  # ten minutes since the last key
    window.idle.check()
    # At once if nothing runs; else once the page read last (the figures, say) has finished.
    qtbot.waitUntil(lambda: window.is_locked)


def test_ctrl_l_locks_at_once(qtbot, open_window) -> None:
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.findChild(QListWidget, "navigation"), Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.is_locked)
    assert _shows_personal_data(window, TERRITORY, COORDINATOR) == []


def test_ctrl_l_in_a_dialog_locks_and_closes_the_dialog_showing_names(qtbot, open_window) -> None:
    window = open_window()
    window.users_action.trigger()
    users = window.findChild(UsersDialog)
    qtbot.waitUntil(users.isVisible)
    assert COORDINATOR in visible_texts(users)

    qtbot.keyClick(find(users, QTableWidget, "usersTable"), Qt.Key.Key_L, CTRL)

    qtbot.waitUntil(lambda: window.is_locked)
    qtbot.waitUntil(lambda: window.findChild(UsersDialog) is None)  # destroyed, not just hidden
    assert _shows_personal_data(window, TERRITORY, COORDINATOR) == []


def test_a_volunteer_unlocking_after_a_lock_gets_their_own_view(
    qtbot, open_window, created: CreatedWorkspace, service: WorkspaceService, workspace_path: Path
) -> None:
    coordinator = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    coordinator.add_user(VOLUNTEER, Role.VOLUNTEER, OTHER_PASSPHRASE)
    coordinator.lock()
    window = open_window()
    window.lock_action.trigger()

    unlock_with(qtbot, window.unlock_dialog, VOLUNTEER, OTHER_PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)

    assert window.user_label.text() == f"{VOLUNTEER} (bénévole)"
    assert not window.users_action.isVisible()
    assert COORDINATOR not in " ".join(visible_texts(window))


def test_coordinator_adds_a_volunteer_who_can_thenunlock_with(
    qtbot, open_window, service: WorkspaceService, workspace_path: Path
) -> None:
    window = open_window()
    window.users_action.trigger()
    users = window.findChild(UsersDialog)
    qtbot.waitUntil(users.isVisible)
    table = find(users, QTableWidget, "usersTable")
    assert table.rowCount() == 1

    qtbot.mouseClick(find(users, QPushButton, "addUser"), LEFT)
    add = users.findChild(AddUserDialog)
    qtbot.waitUntil(add.isVisible)
    confirm = find(add, QPushButton, "confirmAddUser")
    type_text(qtbot, find(add, QLineEdit, "newUserName"), VOLUNTEER)
    qtbot.keyClicks(find(add, QLineEdit, "newPassphrase"), OTHER_PASSPHRASE)
    assert not confirm.isEnabled()
    qtbot.keyClicks(find(add, QLineEdit, "confirmPassphrase"), OTHER_PASSPHRASE)
    qtbot.mouseClick(confirm, LEFT)

    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=10_000)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(2)}
    assert rows == {COORDINATOR: "coordination", VOLUNTEER: "bénévole"}
    volunteer = service.unlock(workspace_path, VOLUNTEER, OTHER_PASSPHRASE)
    assert volunteer.user.role is Role.VOLUNTEER
    volunteer.lock()


def test_adding_an_existing_name_says_so(qtbot, open_window) -> None:
    window = open_window()
    window.users_action.trigger()
    users = window.findChild(UsersDialog)
    qtbot.mouseClick(find(users, QPushButton, "addUser"), LEFT)
    add = users.findChild(AddUserDialog)
    type_text(qtbot, find(add, QLineEdit, "newUserName"), COORDINATOR.upper())
    qtbot.keyClicks(find(add, QLineEdit, "newPassphrase"), OTHER_PASSPHRASE)
    qtbot.keyClicks(find(add, QLineEdit, "confirmPassphrase"), OTHER_PASSPHRASE)
    qtbot.mouseClick(find(add, QPushButton, "confirmAddUser"), LEFT)
    error = find(add, QLabel, "addUserError")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=10_000)
    assert error.text() == f"L'utilisateur « {COORDINATOR.upper()} » existe déjà."
    assert find(users, QTableWidget, "usersTable").rowCount() == 1


def test_change_passphrase_refuses_a_wrong_old_one_then_changes_it(
    qtbot, open_window, service: WorkspaceService, workspace_path: Path
) -> None:
    window = open_window()
    window.passphrase_action.trigger()
    dialog = window.findChild(QDialog, "changePassphraseDialog")
    qtbot.waitUntil(dialog.isVisible)
    confirm = find(dialog, QPushButton, "confirmChange")
    qtbot.keyClicks(find(dialog, QLineEdit, "oldPassphrase"), "pas la bonne phrase du tout")
    qtbot.keyClicks(find(dialog, QLineEdit, "newPassphrase"), OTHER_PASSPHRASE)
    qtbot.keyClicks(find(dialog, QLineEdit, "confirmPassphrase"), OTHER_PASSPHRASE)
    qtbot.mouseClick(confirm, LEFT)
    error = find(dialog, QLabel, "changeError")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=10_000)
    assert error.text() == "Nom d'utilisateur ou phrase de passe incorrect."

    qtbot.keyClicks(find(dialog, QLineEdit, "oldPassphrase"), PASSPHRASE)
    qtbot.mouseClick(confirm, LEFT)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Phrase de passe changée.", timeout=10_000
    )
    qtbot.waitUntil(lambda: window.findChild(QDialog, "changePassphraseDialog") is None)
    service.unlock(workspace_path, COORDINATOR, OTHER_PASSPHRASE).lock()


def test_closing_the_window_locks_the_workspace(qtbot, open_window) -> None:
    window = open_window()
    opened = window.workspace
    window.close()
    assert not opened.is_open
