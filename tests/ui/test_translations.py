"""French is the source language; English comes from the compiled .qm shipped in the package."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWizard

from allervers.domain.workspace import WorkspaceSettings
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.ui.i18n import Translations, choose_language, translations_folder, workspace_language
from allervers.ui.launch import run_gui
from allervers.ui.start.unlock import UnlockDialog
from tests.conftest import COORDINATOR
from tests.ui.conftest import find

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "translations" / "allervers_en.ts"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts_file).getroot()  # noqa: S314 (our own .ts files, not untrusted input)
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_english_changes_what_the_unlock_screen_says(
    qtbot, start_shell, created: CreatedWorkspace, french: Translations
) -> None:
    created.workspace.lock()
    assert french.install("en")
    dialog = start_shell(user=COORDINATOR).unlock_dialog

    assert find(dialog, QPushButton, "unlockButton").text() == "Unlock"
    assert find(dialog, QPushButton, "forgotPassphrase").text() == "Forgotten passphrase?"

    qtbot.keyClicks(find(dialog, QLineEdit, "passphrase"), "not the right one at all")
    qtbot.mouseClick(find(dialog, QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    error = find(dialog, QLabel, "unlockError")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=10_000)
    assert error.text() == "Wrong user name or passphrase."  # allervers.messages, translated


def test_french_interface_has_qt_buttons_in_french_too(qtbot, start_shell) -> None:
    wizard = start_shell().wizard
    assert "Annuler" in wizard.button(QWizard.WizardButton.CancelButton).text()
    assert "Suivant" in wizard.button(QWizard.WizardButton.NextButton).text()


def test_english_wizard(qtbot, start_shell, french: Translations) -> None:
    french.install("en")
    wizard = start_shell().wizard
    assert wizard.currentPage().title() == "Welcome to Aller-Vers"
    assert "Next" in wizard.button(QWizard.WizardButton.NextButton).text()


@pytest.mark.parametrize(
    ("environment", "setting", "expected"),
    [
        ({}, None, "fr"),
        ({}, "en", "en"),
        ({"ALLERVERS_LANG": "en"}, None, "en"),
        ({"ALLERVERS_LANG": "en_GB.UTF-8"}, "fr", "en"),
        ({"ALLERVERS_LANG": "fr"}, "en", "fr"),
        ({"ALLERVERS_LANG": "de"}, None, "fr"),
    ],
)
def test_language_choice(environment: dict[str, str], setting: str | None, expected: str) -> None:
    assert choose_language(setting, environment) == expected


def test_workspace_language_setting_is_readable_before_unlocking(
    created: CreatedWorkspace, service: WorkspaceService, workspace_path: Path
) -> None:
    assert workspace_language(service, workspace_path) == "fr"
    created.workspace.set_settings(WorkspaceSettings(language="en"))
    created.workspace.lock()
    assert workspace_language(service, workspace_path) == "en"
    assert workspace_language(service, workspace_path / "nowhere") is None


def test_run_gui_speaks_english_when_asked_and_quits_from_the_unlock_screen(
    qapp: QApplication,
    created: CreatedWorkspace,
    service: WorkspaceService,
    workspace_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    created.workspace.lock()
    monkeypatch.setenv("ALLERVERS_LANG", "en")
    seen: list[str] = []

    def quit_from_unlock_screen() -> None:
        dialogs = [
            w for w in qapp.topLevelWidgets() if isinstance(w, UnlockDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(20, quit_from_unlock_screen)
            return
        seen.append(find(dialogs[0], QPushButton, "unlockButton").text())
        find(dialogs[0], QPushButton, "cancelUnlock").click()

    QTimer.singleShot(0, quit_from_unlock_screen)
    try:
        code = run_gui(service, workspace_path, COORDINATOR, None)
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert code == 0
    assert seen == ["Unlock"]


def test_every_string_has_an_english_translation_in_the_shipped_qm() -> None:
    translator = QTranslator()
    assert translator.load(str(translations_folder() / "allervers_en.qm"))
    messages = _messages(TS_FILE)
    assert messages
    for context, source, translation in messages:
        assert translation is not None and translation.get("type") is None, (context, source)
        english = translation.text or ""
        assert english, (context, source)
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(source)), source
        # The .qm is compiled from this very .ts (translations/update.sh was run to the end).
        assert translator.translate(context, source) == english, (context, source)


def test_the_ts_file_holds_every_string_of_the_source(tmp_path: Path) -> None:
    """Fails when an interface string was added or changed without running
    translations/update.sh."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh_en.ts"
    subprocess.run(
        [
            str(lupdate),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            str(ROOT / "src" / "allervers"),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    in_source = {(c, s) for c, s, _ in _messages(fresh)}
    in_ts = {(c, s) for c, s, _ in _messages(TS_FILE)}
    assert in_source - in_ts == set(), "run translations/update.sh and translate the new strings"
    assert in_ts - in_source == set(), "run translations/update.sh to drop vanished strings"
