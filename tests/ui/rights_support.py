"""What the rights screens' tests share: a known household as an interview left to finish, and a
real engine client lent to each window of a test module."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.exceptions import TimeoutError as QtBotTimeout
from pytestqt.qtbot import QtBot

from allervers.domain.rights import RightAssessment
from allervers.rights.worker import EngineClient, EngineState
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace
from allervers.ui.main_window import MainWindow
from allervers.ui.rights.panel import RightsPanel
from allervers.ui.visits.page import VisitsPage
from tests.ui.conftest import find

ROOT = Path(__file__).resolve().parents[2]
ALONE_NO_INCOME = ROOT / "examples" / "households" / "personne-seule-sans-revenu.json"
"""Chemillé-en-Anjou, one unemployed person with no income, private tenant (430 € of rent), no
tax return, receives nothing: RSA about 573 € a month, aide au logement, chèque énergie (after a
tax return), free complémentaire santé solidaire (`allervers assess` on the file)."""
COMPUTE_TIMEOUT_MS = 180_000  # a cold engine on a busy 2-core machine
LEFT = Qt.MouseButton.LeftButton


def known_household() -> tuple[dt.date, dict[str, Any]]:
    data = json.loads(ALONE_NO_INCOME.read_text(encoding="utf-8"))
    return dt.date.fromisoformat(data["visited_on"]), data["answers"]


def answer_paths(answers: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Answers as the interview stores them one by one (persons counted from 1)."""
    paths: list[tuple[str, Any]] = []
    for key, value in answers.items():
        if key == "persons":
            for number, person in enumerate(value, start=1):
                paths += [(f"persons[{number}].{k}", v) for k, v in person.items()]
        else:
            paths.append((key, value))
    return paths


def interview_left_to_finish(
    workspace: OpenWorkspace, drop: tuple[str, ...] = (), street: str = "Rue des Acacias"
) -> str:
    """The known household's interview with every answer given, not finished yet: the
    volunteer resumes it and finishes it on screen. `drop` leaves answers out."""
    visited_on, answers = known_household()
    visits = VisitService(workspace)
    visit = visits.start(answers["address_insee"], street, "3", visited_on=visited_on)
    for path, value in answer_paths(answers):
        if path not in drop and path != "address_insee":
            visits.answer(visit.id, path, value)
    return visit.id


def visits_page(window: MainWindow) -> VisitsPage:
    page = window.findChild(VisitsPage)
    assert page is not None
    return page


def resume_and_finish(qtbot: QtBot, page: VisitsPage) -> None:
    """'Reprendre' on the unfinished interview, then Enter on its summary: 'Terminer'."""
    (resume,) = [
        b
        for b in find(page, QWidget, "draftsBanner").findChildren(QPushButton)
        if b.text() == "Reprendre"
    ]
    qtbot.mouseClick(resume, LEFT)
    assert page.wizard is not None
    assert page.wizard.page_title.text() == "Récapitulatif"
    focused = QApplication.focusWidget()
    assert focused is page.wizard.next_button  # nothing missing: Enter finishes
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def panel_of(page: VisitsPage) -> RightsPanel:
    assert page.rights_panel is not None, "no results panel on screen"
    return page.rights_panel


def wait_for_results(qtbot: QtBot, panel: RightsPanel) -> None:
    """Until the results are on screen; a failure said on screen ends the wait at once."""
    try:
        qtbot.waitUntil(
            lambda: (bool(panel.cards) and not panel.busy.isVisible()) or bool(panel.error.text()),
            timeout=COMPUTE_TIMEOUT_MS,
        )
    except QtBotTimeout as timeout:
        engine = panel.assessor.tools.engine
        raise AssertionError(
            f"no results: engine {engine.state}, busy {panel.busy.isVisible()}, "
            f"running {panel.assessor.running}, cards {list(panel.cards)}"
        ) from timeout
    assert not panel.error.text()


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def label_text(root: QWidget, name: str) -> str:
    """What a label shows, as read on screen (markup removed, ordinary spaces)."""
    document = QTextDocument()
    document.setHtml(find(root, QLabel, name).text())
    return plain(document.toPlainText())


class LentEngine:
    """The test module's real `EngineClient`, lent to one window. Loading OpenFisca costs seconds
    of CPU, so a module loads it once; the window's host closes what it was given at quit, and
    closing this loan leaves the module's client running for the next test. Everything else goes
    to the real client unchanged."""

    def __init__(self, client: EngineClient) -> None:
        self._client = client
        self.closed = False

    @property
    def state(self) -> EngineState:
        return self._client.state

    def start(self) -> None:
        self._client.start()

    def on_state(self, listener: Callable[[EngineState], None]) -> None:
        self._client.on_state(lambda state: None if self.closed else listener(state))

    def assess(
        self,
        visit: Mapping[str, Any],
        month: dt.date | None = None,
        callback: Callable[[Future[list[RightAssessment]]], None] | None = None,
    ) -> Future[list[RightAssessment]]:
        return self._client.assess(visit, month, callback)

    def close(self, timeout: float = 5.0) -> None:
        self.closed = True
