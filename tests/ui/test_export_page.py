"""The Export page, driven as a coordinator would: choose a period and a folder, publish, see the
result, the fingerprint and the register; the file verifies; a file already there is replaced
only after a question; a revision after late visits; microdata apart, after the table."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from allervers.domain.release import ReleaseReport
from allervers.domain.rights import AmountPeriod, AssessmentStatus, RightAssessment, RightId
from allervers.export.package import read_members
from allervers.export.verify import verify_export
from allervers.services import export as export_service
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace, WorkspaceService
from allervers.ui.export.page import ExportPage
from allervers.ui.main_window import MainWindow
from tests.conftest import COORDINATOR, PASSPHRASE, TERRITORY
from tests.export.workspace import add_visits
from tests.ui.conftest import answer_question, find, unlock_with, visible_texts, wait_for_question
from tests.ui.sync_support import navigate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"
LEFT = Qt.MouseButton.LeftButton
OCTOBER = dt.date(2026, 10, 14)


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


def _page(qtbot: QtBot, created: CreatedWorkspace, folder: Path) -> ExportPage:
    page = ExportPage(created.workspace, today=OCTOBER)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(find(page, QLineEdit, "exportFolder"), str(folder))
    return page


def _publish(qtbot: QtBot, page: ExportPage, button_name: str) -> str:
    """Click, wait for the work to end, return what the page says."""
    button = find(page, QPushButton, button_name)
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=60_000)
    return find(page, QLabel, "exportResult").text()


def _choose(page: ExportPage, name: str, label: str) -> None:
    periods = find(page, QComboBox, name)
    periods.setCurrentIndex(periods.findData(label))
    assert periods.currentData() == label


def _register(page: ExportPage) -> list[tuple[str, str, str, str]]:
    """(period, content, version, file) of each row, newest first, as the table shows them."""
    log = find(page, QTableWidget, "exportLog")
    return [
        (
            log.item(r, 1).text(),
            log.item(r, 2).text(),
            log.item(r, 3).text(),
            log.item(r, 4).text(),
        )
        for r in range(log.rowCount())
    ]


def test_export_from_the_page_writes_a_file_that_verifies_and_logs_it(
    qtbot: QtBot, created: CreatedWorkspace, tmp_path: Path
) -> None:
    _fill(created.workspace, tmp_path)
    target = tmp_path / "cle-usb"
    page = _page(qtbot, created, target)
    fingerprint = export_service.fingerprint(created.workspace)
    assert fingerprint in find(page, QLabel, "exportFingerprint").text()
    periods = find(page, QComboBox, "releasePeriod")
    assert periods.itemData(0) == "2026-09"  # the last month that is over comes first
    _choose(page, "releasePeriod", "2026-08")
    result = _publish(qtbot, page, "exportButton")
    assert "Publication écrite" in result, result
    written = sorted(target.glob("*.zip"))
    assert len(written) == 1
    public = export_service.signing_key(created.workspace)[1]
    assert verify_export(written[0], public).ok
    assert _register(page) == [("2026-08", "Tableau", "première", written[0].name)]

    # The same again into the same folder: a question first; "Annuler" keeps the file.
    first = written[0].read_bytes()
    find(page, QPushButton, "exportButton").click()
    question = wait_for_question(qtbot, page, "replaceRelease")
    assert written[0].name in question.text()
    answer_question(qtbot, question, "&Annuler")
    assert "Rien n'a été écrit" in find(page, QLabel, "exportResult").text()
    assert written[0].read_bytes() == first
    assert len(_register(page)) == 1  # nothing recorded either

    # "Remplacer": the file is written again (the same table, signed at another moment).
    find(page, QPushButton, "exportButton").click()
    answer_question(qtbot, wait_for_question(qtbot, page, "replaceRelease"), "&Remplacer")
    button = find(page, QPushButton, "exportButton")
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=60_000)
    assert "Publication écrite" in find(page, QLabel, "exportResult").text()
    assert sorted(target.glob("*.zip")) == written
    assert written[0].read_bytes() != first and verify_export(written[0], public).ok
    assert [row[0] for row in _register(page)] == ["2026-08", "2026-08"]


def test_the_revise_box_publishes_late_visits_as_a_revision_and_refuses_an_empty_one(
    qtbot: QtBot, created: CreatedWorkspace, tmp_path: Path
) -> None:
    _fill(created.workspace, tmp_path)
    target = tmp_path / "envoi"
    page = _page(qtbot, created, target)
    _choose(page, "releasePeriod", "2026-Q3")
    revise = find(page, QCheckBox, "releaseRevise")
    assert not revise.isChecked()
    assert "Publication écrite" in _publish(qtbot, page, "exportButton")
    first = export_service.register(created.workspace)[0]

    # Fifteen interviews of August synced after the quarter was out.
    add_visits(created.workspace, tmp_path, [f"2026-08-{d:02d}" for d in range(1, 16)], ())
    revise.click()
    assert revise.isChecked()
    result = _publish(qtbot, page, "exportButton")
    assert "Publication écrite" in result, result
    revision = export_service.register(created.workspace)[-1]
    assert revision.revision == 1 and revision.file_name.endswith("-r1.zip")
    assert revision.published[("doors_knocked", "interview")] == 28 + 15
    assert first.published[("doors_knocked", "interview")] == 28
    assert verify_export(target / revision.file_name).ok
    assert _register(page)[0] == ("2026-Q3", "Tableau", "révision 1", revision.file_name)

    # Nothing new since: the revision is refused in French, nothing written or recorded.
    files = sorted(target.iterdir())
    result = _publish(qtbot, page, "exportButton")
    assert result.startswith("Révision refusée : rien n'a changé dans 2026-Q3"), result
    assert sorted(target.iterdir()) == files
    assert len(_register(page)) == 2


def test_microdata_are_published_apart_for_a_quarter_after_its_table(
    qtbot: QtBot, created: CreatedWorkspace, tmp_path: Path
) -> None:
    _fill(created.workspace, tmp_path)
    target = tmp_path / "convention"
    page = _page(qtbot, created, target)
    micro_periods = find(page, QComboBox, "microdataPeriod")
    labels = [micro_periods.itemData(i) for i in range(micro_periods.count())]
    # Never finer than a quarter: quarters and years only, the last quarter over first.
    assert labels[0] == "2026-Q3" and "2025" in labels
    assert all("-Q" in label or len(label) == 4 for label in labels)

    _choose(page, "microdataPeriod", "2026-Q3")
    result = _publish(qtbot, page, "microdataButton")
    assert (
        result
        == "Publiez d'abord le tableau de 2026-Q3 : les microdonnées sont protégées avec lui."
    )
    assert not target.exists() or not list(target.glob("*.zip"))

    _choose(page, "releasePeriod", "2026-Q3")
    assert "Publication écrite" in _publish(qtbot, page, "exportButton")
    result = _publish(qtbot, page, "microdataButton")
    assert result.startswith("Microdonnées écrites"), result
    table, micro = export_service.register(created.workspace)
    assert micro.file_name.endswith("-microdonnees.zip") and micro.file_name != table.file_name
    names = {name for name, _ in read_members((target / micro.file_name).read_bytes())}
    assert "microdata.csv" in names and "indicators.csv" not in names
    assert verify_export(target / micro.file_name).ok
    assert _register(page)[0] == ("2026-Q3", "Microdonnées", "première", micro.file_name)

    # Once per period.
    result = _publish(qtbot, page, "microdataButton")
    assert result.startswith("Microdonnées de 2026-Q3 refusées"), result
    assert len(_register(page)) == 2


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
    release_table = export_service.release_table

    def held_release(*args: Any, **kwargs: Any) -> ReleaseReport:  # a large territory: seconds
        writing.set()
        gate.wait(10)
        return release_table(*args, **kwargs)

    monkeypatch.setattr(export_service, "release_table", held_release)
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
    assert [e.file_name for e in export_service.register(reopened)] == [written.name]
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
