"""Change notifications (domain/changes.py, ui/common/changes.py): a visit finished on the
Visites page shows in the caseload and in the figures, already open, without anyone refreshing
them by hand. Real widgets, offscreen, driven as a volunteer does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from allervers.domain.changes import Area, Changes
from allervers.domain.visits import VisitStatus
from allervers.services.visits import VisitService
from allervers.services.workspace import WorkspaceService
from allervers.ui.caseload.page import CaseloadPage
from allervers.ui.common.changes import ChangeNotifier
from allervers.ui.figures.page import FiguresPage
from allervers.ui.main_window import MainWindow
from allervers.ui.visits.page import VisitsPage
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.ui.conftest import find
from tests.ui.test_visits import _answered_draft, press, title, wizard_of

LEFT = Qt.MouseButton.LeftButton


def go_to(qtbot: QtBot, window: MainWindow, name: str) -> None:
    navigation = window.findChild(QListWidget, "navigation")
    item = navigation.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=navigation.visualItemRect(item).center())


def test_finishing_a_visit_updates_the_open_caseload_and_figures(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    service: WorkspaceService,
    workspace_path: object,
) -> None:
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)  # type: ignore[arg-type]
    draft_id = _answered_draft(VisitService(workspace))
    workspace.lock()
    window = open_window()

    # Both pages open once and show no household yet.
    go_to(qtbot, window, "Suivi des dossiers")
    caseload = window.findChild(CaseloadPage)
    qtbot.waitUntil(caseload.isVisible)
    assert caseload.model.rowCount() == 0
    go_to(qtbot, window, "Chiffres")
    figures = window.findChild(FiguresPage)
    qtbot.waitUntil(lambda: figures.figures is not None, timeout=20_000)
    assert figures.figures is not None and figures.figures.households_met == 0

    # Back to the visits: the interview is resumed and finished there.
    go_to(qtbot, window, "Visites")
    page = window.findChild(VisitsPage)
    qtbot.waitUntil(page.isVisible)
    (resume,) = [
        b
        for b in find(page, QWidget, "draftsBanner").findChildren(QPushButton)
        if b.text() == "Reprendre"
    ]
    qtbot.mouseClick(resume, LEFT)
    wizard_of(page)
    assert title(page) == "Récapitulatif"
    press(qtbot, Qt.Key.Key_Return)
    assert VisitService(window.workspace).get(draft_id).status is VisitStatus.FINISHED

    # Neither page was shown again, yet both hold the new household.
    assert not caseload.isVisible() and not figures.isVisible()
    assert caseload.model.rowCount() == 1
    assert find(caseload, QLabel, "caseloadCount").text().startswith("1 foyer")
    row = caseload.model.row_at(0)
    assert row is not None and row.status == "met"
    qtbot.waitUntil(
        lambda: figures.figures is not None and figures.figures.households_met == 1,
        timeout=20_000,
    )


def test_a_page_hears_only_the_areas_it_shows_and_only_while_it_lives(qapp: object) -> None:
    notifier = ChangeNotifier()
    page = QWidget()
    heard: list[Changes] = []
    notifier.subscribe(page, [Area.HOUSEHOLDS], heard.append)
    notifier.publish(Changes(frozenset({Area.SETTINGS})))
    assert heard == []
    both = Changes(frozenset({Area.HOUSEHOLDS, Area.VISITS}), frozenset({"h1"}))
    notifier.publish(both)
    assert heard == [both]
    Shiboken.delete(page)  # the page and its subscription are gone
    notifier.publish(both)  # nothing is called, nothing fails
    assert heard == [both]
