"""When the rights engine cannot start, the volunteer is told in French and the visit goes on: it
is finished and stored, and its rights can be assessed later.

The engine is the real `EngineClient` and its real worker process; only OpenFisca is made to fail
in that process: a package named `openfisca_core` that raises on import comes first on the path
the spawned process inherits (as a broken or missing installation would). Nothing in the window's
process imports OpenFisca (an import-linter contract), so only the worker meets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from allervers.domain.visits import VisitStatus
from allervers.rights.worker import EngineClient, EngineState
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import WorkspaceService
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.ui.conftest import find
from tests.ui.rights_support import (
    LEFT,
    interview_left_to_finish,
    panel_of,
    resume_and_finish,
    visits_page,
)

pytestmark = pytest.mark.slow

FAILURE_TIMEOUT_MS = 120_000


@pytest.fixture
def broken_openfisca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "broken" / "openfisca_core"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        'raise ImportError("OpenFisca est absent (test)")\n', encoding="utf-8"
    )
    # 'spawn' hands the parent's sys.path to the worker process.
    monkeypatch.syspath_prepend(str(tmp_path / "broken"))


@pytest.mark.usefixtures("broken_openfisca")
def test_an_engine_that_cannot_start_is_said_and_the_visit_is_still_finished(
    qtbot: QtBot, open_window, service: WorkspaceService, workspace_path: Path
) -> None:
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    visit_id = interview_left_to_finish(workspace)
    workspace.lock()
    window = open_window(engine=EngineClient)
    status = find(window, QLabel, "engineStatusLabel")
    qtbot.waitUntil(lambda: window.engine.state is EngineState.FAILED, timeout=FAILURE_TIMEOUT_MS)
    assert status.text() == "Moteur de calcul : indisponible"
    assert "Les visites continuent" in window.engine_status.toolTip()

    page = visits_page(window)
    resume_and_finish(qtbot, page)  # the volunteer goes on with the interview all the same
    panel = panel_of(page)
    error = find(panel, QLabel, "rightsError")
    qtbot.waitUntil(lambda: bool(error.text()), timeout=FAILURE_TIMEOUT_MS)
    assert error.text() == (
        "Le moteur de calcul n'a pas pu démarrer. L'entretien est bien enregistré : les droits "
        "pourront être évalués plus tard (« Évaluer les droits » depuis la visite)."
    )
    assert not panel.busy.isVisible()
    assert not panel.cards
    assert not find(panel, QPushButton, "sheetButton").isEnabled()
    assert find(panel, QPushButton, "rightsRerun").isEnabled()  # a new try stays possible

    visit = VisitService(window.workspace).get(visit_id)
    assert visit.status is VisitStatus.FINISHED
    assert visit.answers["rent"] == 430
    assert RightsService(window.workspace).current(visit_id) == []

    qtbot.mouseClick(find(panel, QPushButton, "rightsBack"), LEFT)
    assert page.rights_panel is None
    assert find(page, QLabel, "visitsDone").text() == "Entretien terminé et enregistré."
    assert page.door_form.commune.hasFocus()  # the next door


def test_a_session_without_engine_says_so_in_english(
    qtbot: QtBot, open_window, service: WorkspaceService, workspace_path: Path, french
) -> None:
    """No engine at all (engine=None: nothing is started, nothing is faked): the interview is
    finished and the panel says, in the interface's language, that rights wait."""
    french.install("en")
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    visit_id = interview_left_to_finish(workspace)
    workspace.lock()
    window = open_window(engine=None)
    assert not window.engine_status.isVisible()  # nothing is loading, nothing to announce
    page = visits_page(window)
    (resume,) = [
        b
        for b in find(page, QWidget, "draftsBanner").findChildren(QPushButton)
        if b.text() == "Resume"
    ]
    qtbot.mouseClick(resume, LEFT)
    assert page.wizard is not None
    qtbot.mouseClick(find(page.wizard, QPushButton, "nextPage"), LEFT)
    panel = panel_of(page)
    error = find(panel, QLabel, "rightsError")
    qtbot.waitUntil(lambda: bool(error.text()))
    assert error.text() == (
        "The calculation engine is not available. The interview is saved: rights can be "
        "assessed later (“Assess rights” from the visit)."
    )
    assert find(panel, QPushButton, "sheetButton").text() == "&Sheet for the household (PDF)…"
    assert VisitService(window.workspace).get(visit_id).status is VisitStatus.FINISHED
