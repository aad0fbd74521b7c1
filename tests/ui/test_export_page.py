"""The Export page, driven as a coordinator would: choose a folder, export, see the result, the
fingerprint and the log; the file verifies; a volunteer has no Export page."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from allervers.domain.export import ExportReport
from allervers.domain.rights import AmountPeriod, AssessmentStatus, RightAssessment, RightId
from allervers.export.verify import verify_export
from allervers.services import export as export_service
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace, WorkspaceService
from allervers.ui.export_page import ExportPage
from allervers.ui.main_window import MainWindow
from tests.conftest import COORDINATOR, PASSPHRASE, TERRITORY
from tests.ui.conftest import find, unlock_with, visible_texts
from tests.ui.sync_support import navigate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"


def _fill(workspace: OpenWorkspace, tmp_path: Path) -> None:
    visit = json.loads((EXAMPLES / "personne-seule-sans-revenu.json").read_text("utf-8"))
    lines = []
    for day in range(1, 29):
        visit["visited_on"] = f"2026-08-{day:02d}"
        lines.append(json.dumps(visit, ensure_ascii=False))
    source = tmp_path / "visites.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    visits = VisitService(workspace)
    visits.import_file(source)
    rights = RightsService(workspace)
    for stored in visits.list_visits():
        rights.store(
            stored.id,
            [
                RightAssessment(
                    RightId.RSA, AssessmentStatus.PROBABLE_NON_RECOURS, 573.49, AmountPeriod.MONTH
                )
            ],
        )


def test_export_from_the_page_writes_a_file_that_verifies_and_logs_it(
    qtbot: QtBot, created: CreatedWorkspace, tmp_path: Path
) -> None:
    _fill(created.workspace, tmp_path)
    page = ExportPage(created.workspace, today=dt.date(2026, 10, 14))
    qtbot.addWidget(page)
    page.show()
    fingerprint = export_service.fingerprint(created.workspace)
    assert fingerprint in page.findChild(QLabel, "exportFingerprint").text()
    target = tmp_path / "cle-usb"
    qtbot.keyClicks(page.findChild(QLineEdit, "exportFolder"), str(target))
    button = page.findChild(QPushButton, "exportButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # default period: 2026-Q4 (empty)
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=20_000)
    result = page.findChild(QLabel, "exportResult").text()
    assert "Export écrit" in result, result
    written = sorted(target.glob("*.zip"))
    assert len(written) == 1
    assert verify_export(written[0], export_service.signing_key(created.workspace)[1]).ok
    log = page.findChild(QTableWidget, "exportLog")
    assert log.rowCount() == 1 and log.item(0, 2).text() == written[0].name

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the same again: never overwritten
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=20_000)
    assert "existe déjà" in page.findChild(QLabel, "exportResult").text()
    assert len(list(target.glob("*.zip"))) == 1


def test_an_export_running_when_the_window_locks_ends_whole_and_the_user_is_told(
    qtbot: QtBot,
    tmp_path: Path,
    open_window: Callable[..., MainWindow],
    service: WorkspaceService,
    workspace_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lock used to close the database under the export, which then failed with "fichier
    illisible ou abîmé". Now the lock covers the screen at once, waits for the export (a write:
    it ends whole) with its name in the status bar, then closes the database and says what
    became of the export."""
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    _fill(workspace, tmp_path)
    workspace.lock()
    writing, gate = threading.Event(), threading.Event()
    export = export_service.export

    def held_export(*args: Any, **kwargs: Any) -> ExportReport:  # a large territory: seconds
        writing.set()
        gate.wait(10)
        return export(*args, **kwargs)

    monkeypatch.setattr(export_service, "export", held_export)
    window = open_window()
    opened = window.workspace
    navigate(qtbot, window, "Export")
    page = window.findChild(ExportPage)
    target = tmp_path / "cle-usb"
    qtbot.keyClicks(find(page, QLineEdit, "exportFolder"), str(target))
    qtbot.mouseClick(find(page, QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert writing.wait(5)

    window.lock()

    assert not page.isVisible()  # covered at once, and nobody named
    assert _shows(window, TERRITORY, COORDINATOR) == []
    waiting = "En attente de la fin de : Export pour l'évaluation."
    assert window.statusBar().currentMessage() == waiting
    assert find(window, QLabel, "lockNote").text() == waiting
    assert opened.is_open and window.unlock_dialog is None  # not before the export has ended
    gate.set()
    qtbot.waitUntil(lambda: window.is_locked, timeout=20_000)

    assert not opened.is_open
    said = "Export pour l'évaluation : terminé."
    assert find(window, QLabel, "lockNote").text() == said
    assert window.statusBar().currentMessage() == said
    assert not [t for t in visible_texts(window) if "abîmé" in t or "illisible" in t]
    assert window.unlock_dialog is not None and window.unlock_dialog.isVisible()
    (written,) = target.glob("*.zip")
    reopened = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    assert verify_export(written, export_service.signing_key(reopened)[1]).ok
    assert [e.file_name for e in export_service.export_log(reopened)] == [written.name]
    reopened.lock()

    unlock_with(qtbot, window.unlock_dialog, COORDINATOR, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert find(window, QLabel, "lockNote").text() == ""  # said once, not for ever


def _shows(window: MainWindow, *texts: str) -> list[str]:
    """What the window shows of these texts: its widgets on screen, and the status bar."""
    on_screen = [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.text()] + [
        window.statusBar().currentMessage()
    ]
    return [t for t in on_screen if any(text in t for text in texts)]
