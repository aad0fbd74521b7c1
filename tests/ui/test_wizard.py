"""First run: a person creates the workspace, sees the recovery key once and confirms it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QWizard

from allervers.services.workspace import WorkspaceService, is_workspace
from allervers.ui.start.first_run import FirstRunWizard
from tests.conftest import COORDINATOR, PASSPHRASE, TERRITORY
from tests.ui.conftest import find, type_text

LEFT = Qt.MouseButton.LeftButton


def _fill_identity(qtbot, wizard: FirstRunWizard) -> None:
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    type_text(qtbot, find(wizard, QLineEdit, "territory"), TERRITORY)
    assert not next_button.isEnabled()
    type_text(qtbot, find(wizard, QLineEdit, "coordinator"), COORDINATOR)
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, LEFT)


def _create(qtbot, wizard: FirstRunWizard) -> str:
    """Types the passphrase twice, creates the workspace and returns the key shown on screen."""
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.keyClicks(find(wizard, QLineEdit, "newPassphrase"), PASSPHRASE)
    qtbot.keyClicks(find(wizard, QLineEdit, "confirmPassphrase"), PASSPHRASE)
    assert commit.isEnabled()
    qtbot.mouseClick(commit, LEFT)
    key_label = find(wizard, QLabel, "recoveryKey")
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=10_000)
    return key_label.text()


def test_wizard_creates_a_workspace_that_opens_with_the_chosen_passphrase(
    qtbot, start_shell, service: WorkspaceService, workspace_path: Path
) -> None:
    shell = start_shell()
    wizard = shell.wizard
    assert wizard is not None and wizard.isVisible()
    assert shell.unlock_dialog is None

    _fill_identity(qtbot, wizard)
    key = _create(qtbot, wizard)

    assert is_workspace(workspace_path)
    assert (workspace_path / "workspace.avdb").is_file()
    # The key: 8 groups of 4 characters, shown once, nothing to go back to.
    groups = key.split("-")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    confirmation = find(wizard, QLineEdit, "keyConfirmation")
    assert not finish.isEnabled()
    wrong = "0000" if groups[-1] != "0000" else "1111"
    qtbot.keyClicks(confirmation, wrong)
    assert not finish.isEnabled()
    confirmation.clear()
    qtbot.keyClicks(confirmation, groups[-1].lower())
    assert finish.isEnabled()
    qtbot.mouseClick(finish, LEFT)

    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    assert TERRITORY in window.territory_label.text()
    assert COORDINATOR in window.user_label.text()
    # The wizard forgot the key once finished.
    assert key not in find(wizard, QLabel, "recoveryKey").text()

    window.close()
    assert not window.isVisible()
    reopened = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    assert reopened.user.name == COORDINATOR
    assert reopened.territory() == TERRITORY
    reopened.lock()


@pytest.mark.parametrize(
    ("first", "second", "word", "allowed"),
    [
        ("chat", "chat", "trop courte", False),
        ("abcdefghijkl", "abcdefghijkl", "faible", False),
        ("bonjourlamer", "bonjourlamer", "correcte", True),
        (PASSPHRASE, PASSPHRASE, "solide", True),
        (PASSPHRASE, PASSPHRASE + "x", "solide", False),
    ],
)
def test_passphrase_page_shows_strength_and_waits_for_a_good_matching_pair(
    qtbot, start_shell, workspace_path: Path, first: str, second: str, word: str, allowed: bool
) -> None:
    wizard = start_shell().wizard
    _fill_identity(qtbot, wizard)
    qtbot.keyClicks(find(wizard, QLineEdit, "newPassphrase"), first)
    qtbot.keyClicks(find(wizard, QLineEdit, "confirmPassphrase"), second)

    assert find(wizard, QLabel, "strengthWord").text() == word
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled() is allowed
    if first != second:
        assert find(wizard, QLabel, "mismatch").text() == "Les deux saisies diffèrent."
    assert not is_workspace(workspace_path)


def test_recovery_sheet_is_saved_where_the_person_chooses(
    qtbot, start_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = start_shell().wizard
    _fill_identity(qtbot, wizard)
    key = _create(qtbot, wizard)
    chosen = tmp_path / "feuille"
    # The save dialog is the platform's own window; stand in for the person choosing a file.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(chosen), ""))
    )

    qtbot.mouseClick(find(wizard, QPushButton, "printRecoverySheet"), LEFT)

    written = tmp_path / "feuille.pdf"
    assert written.is_file()
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    assert key in text
    assert TERRITORY in text
    assert str(written) in find(wizard, QLabel, "sheetStatus").text()


def test_cancelling_before_creation_writes_nothing(
    qtbot, start_shell, workspace_path: Path
) -> None:
    shell = start_shell()
    wizard = shell.wizard
    with qtbot.waitSignal(shell.finished):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), LEFT)
    assert not is_workspace(workspace_path)
    assert shell.main_window is None


def test_closing_after_creation_asks_before_the_key_is_lost(
    qtbot, start_shell, workspace_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = start_shell()
    wizard = shell.wizard
    _fill_identity(qtbot, wizard)
    _create(qtbot, wizard)
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    questions: list[str] = []

    def answer(reply: QMessageBox.StandardButton):
        def ask(_parent, _title, text, *args, **kwargs):
            questions.append(text)
            return reply

        return staticmethod(ask)

    # The question box is modal; stand in for the person's answer.
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    wizard.close()
    assert wizard.isVisible()
    assert "ne sera plus jamais affichée" in questions[-1]

    opened = wizard.created.workspace
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(shell.finished):
        wizard.close()
    assert not wizard.isVisible()
    assert not opened.is_open
    assert is_workspace(workspace_path)  # created, and still opens with the passphrase


def test_no_going_back_or_cancelling_while_the_workspace_is_written(
    qtbot, start_shell, service: WorkspaceService, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real_create = service.create

    def slow_create(*args):
        gate.wait(10)  # holds the background creation until the test has looked
        return real_create(*args)

    monkeypatch.setattr(service, "create", slow_create)
    wizard = start_shell().wizard
    _fill_identity(qtbot, wizard)
    qtbot.keyClicks(find(wizard, QLineEdit, "newPassphrase"), PASSPHRASE)
    qtbot.keyClicks(find(wizard, QLineEdit, "confirmPassphrase"), PASSPHRASE)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)

    assert find(wizard, QLabel, "wizardStatus").text() == "Création de l'espace de travail…"
    for button in (
        QWizard.WizardButton.BackButton,
        QWizard.WizardButton.CancelButton,
        QWizard.WizardButton.CommitButton,
    ):
        assert not wizard.button(button).isEnabled()
    wizard.close()
    assert wizard.isVisible()

    gate.set()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=10_000)
    assert find(wizard, QLabel, "recoveryKey").text().count("-") == 7
