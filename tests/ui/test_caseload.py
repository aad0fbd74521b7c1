"""The caseload screen driven as a coordinator (or a volunteer) does: typing in the search field,
choosing in the filters, clicking a household, then the step buttons and their dialogs. What is
stored is read back through CaseloadService."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from allervers.domain.referrals import CaseloadFilter, ReferralStatus
from allervers.domain.rights import RightId
from allervers.domain.users import Role, User
from allervers.services.caseload import CaseloadService, step
from allervers.services.demo import fill_demo
from allervers.services.household_file import VisitIndex
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace, WorkspaceService
from allervers.ui.caseload.model import COMMUNE, KEPT_PAGES, NAME, PAGE_SIZE, CaseloadModel
from allervers.ui.caseload.page import CaseloadPage
from allervers.ui.caseload.step_dialogs import StepDialog
from allervers.ui.i18n import Translations
from allervers.ui.main_window import MainWindow
from tests.conftest import OTHER_PASSPHRASE
from tests.integration.test_caseload import BY_FRENCH_NAME, interview
from tests.ui.conftest import find, finish_tasks, type_text, visible_texts

LEFT = Qt.MouseButton.LeftButton
VOLUNTEER = "Basile Volontaire"


@pytest.fixture
def pages(qtbot: QtBot) -> Iterator[list[QWidget]]:
    """Pages shown by a test, held until they are deleted the way the window deletes its own
    (deleteLater, then the event loop). A parentless page left to Python's reference counting
    would be destroyed at the end of the test with its queued events still pending."""
    held: list[QWidget] = []
    yield held
    finish_tasks()
    for page in held:
        page.close()
        page.deleteLater()
    qtbot.wait(10)
    held.clear()


def caseload_page(
    qtbot: QtBot,
    pages: list[QWidget],
    workspace: OpenWorkspace,
    today: dt.date,
    coordinator: bool = True,
) -> CaseloadPage:
    """The page as WorkspaceView builds it, with the day it is injected; `coordinator=False`
    shows it as a volunteer's session would (the services stay the coordinator's)."""
    user = workspace.user
    if not coordinator:
        user = User(user.id, user.name, Role.VOLUNTEER)
    page = CaseloadPage(
        CaseloadService(workspace, today=today),
        RightsService(workspace),
        VisitService(workspace),
        user,
        workspace.list_users() if coordinator else None,
    )
    pages.append(page)
    page.resize(1400, 800)
    page.show()
    qtbot.waitUntil(lambda: find(page, QLabel, "caseloadCount").text() != "")
    return page


def table_names(page: CaseloadPage) -> list[str]:
    model = page.view.model()
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


def count_text(page: CaseloadPage) -> str:
    return find(page, QLabel, "caseloadCount").text().replace("\u00a0", " ")


def click_row(qtbot: QtBot, page: CaseloadPage, name: str) -> None:
    row = table_names(page).index(name)
    view = page.view
    rect = view.visualRect(view.model().index(row, NAME))
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def click(qtbot: QtBot, root: QWidget, name: str) -> None:
    qtbot.waitUntil(lambda: root.findChild(QPushButton, name) is not None, timeout=5_000)
    button = find(root, QPushButton, name)
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, LEFT)


def step_dialog(qtbot: QtBot, page: CaseloadPage) -> StepDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(StepDialog)))
    return next(d for d in page.findChildren(StepDialog) if d.isVisible())


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """With the keyboard: Home, then Down until the item is there."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


@pytest.fixture
def three_households(created: CreatedWorkspace, tmp_path: Path) -> dict[str, str]:
    """Octave (RSA, referred on 2 February: check due 2 May), Sidonie (PPA), Léon (RSA)."""
    workspace = created.workspace
    visits = {
        "Octave Brisemiche": interview(
            workspace, tmp_path, "Octave Brisemiche", "2026-02-01", rights=(RightId.RSA,)
        ),
        "Sidonie Paturel": interview(
            workspace, tmp_path, "Sidonie Paturel", "2026-02-03", rights=(RightId.PPA,)
        ),
        "Léon Carabistouille": interview(
            workspace, tmp_path, "Léon Carabistouille", "2026-02-05", rights=(RightId.RSA,)
        ),
    }
    caseload = CaseloadService(workspace, today=dt.date(2026, 2, 2))
    referral = caseload.refer(visits["Octave Brisemiche"], RightId.RSA)
    caseload.advance(referral.id, step(ReferralStatus.REFERRED, dt.date(2026, 2, 2)))
    return visits


def test_filters_and_search_change_the_rows(
    qtbot: QtBot,
    pages: list[QWidget],
    created: CreatedWorkspace,
    three_households: dict[str, str],
) -> None:
    page = caseload_page(qtbot, pages, created.workspace, dt.date(2026, 6, 1))
    assert count_text(page) == "3 foyers rencontrés"
    # Newest contact first, until another order is asked.
    assert table_names(page) == ["Léon Carabistouille", "Sidonie Paturel", "Octave Brisemiche"]

    choose(qtbot, find(page, QComboBox, "rightFilter"), "RSA")
    qtbot.waitUntil(lambda: count_text(page) == "2 foyers rencontrés")
    assert table_names(page) == ["Léon Carabistouille", "Octave Brisemiche"]

    overdue = find(page, QCheckBox, "overdueFilter")
    qtbot.mouseClick(overdue, LEFT, pos=QPoint(4, overdue.height() // 2))
    qtbot.waitUntil(lambda: count_text(page) == "1 foyer rencontré")
    assert table_names(page) == ["Octave Brisemiche"]  # the check was due on 2 May
    model = page.view.model()
    next_action = model.index(0, 7)
    assert next_action.data() == "02/05/2026"
    assert next_action.data(Qt.ItemDataRole.FontRole).bold()  # overdue: red and bold

    qtbot.mouseClick(overdue, LEFT, pos=QPoint(4, overdue.height() // 2))
    choose(qtbot, find(page, QComboBox, "rightFilter"), "Tous les droits")
    qtbot.waitUntil(lambda: count_text(page) == "3 foyers rencontrés")

    search = find(page, QLineEdit, "caseloadSearch")
    type_text(qtbot, search, "pature")
    qtbot.waitUntil(lambda: count_text(page) == "1 foyer rencontré")
    assert table_names(page) == ["Sidonie Paturel"]
    search.clear()
    type_text(qtbot, search, "nobody at all")
    qtbot.waitUntil(lambda: count_text(page) == "Aucun foyer rencontré")
    assert table_names(page) == []


def test_clicking_a_header_sorts_in_the_query(
    qtbot: QtBot,
    pages: list[QWidget],
    created: CreatedWorkspace,
    three_households: dict[str, str],
) -> None:
    page = caseload_page(qtbot, pages, created.workspace, dt.date(2026, 6, 1))
    header = page.view.horizontalHeader()

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))

    by_name = ["Léon Carabistouille", "Octave Brisemiche", "Sidonie Paturel"]
    click_header(NAME)
    qtbot.waitUntil(lambda: table_names(page) == by_name)
    click_header(NAME)
    qtbot.waitUntil(lambda: table_names(page) == list(reversed(by_name)))
    click_header(3)  # the flags: not sortable, nothing moves
    qtbot.wait(50)
    assert table_names(page) == list(reversed(by_name))
    assert header.sortIndicatorSection() == NAME


def test_clicking_the_commune_header_orders_the_rows_by_french_name(
    qtbot: QtBot, pages: list[QWidget], created: CreatedWorkspace, tmp_path: Path
) -> None:
    for insee, name in reversed(BY_FRENCH_NAME):
        interview(created.workspace, tmp_path, f"Foyer {name}", "2026-03-02", commune=insee)
    page = caseload_page(qtbot, pages, created.workspace, dt.date(2026, 6, 1))
    header = page.view.horizontalHeader()
    model = page.view.model()

    def click_commune_header() -> None:  # where it is now: widths change when the rows do
        x = header.sectionViewportPosition(COMMUNE) + header.sectionSize(COMMUNE) // 2
        qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))

    def communes() -> list[str]:
        return [model.index(row, COMMUNE).data() for row in range(model.rowCount())]

    by_name = [name for _insee, name in BY_FRENCH_NAME]
    click_commune_header()
    qtbot.waitUntil(lambda: communes() == by_name)
    assert header.sortIndicatorSection() == COMMUNE
    click_commune_header()
    qtbot.waitUntil(lambda: communes() == list(reversed(by_name)))


def test_a_referral_moves_through_its_steps_and_leaves_the_due_list(
    qtbot: QtBot, pages: list[QWidget], created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    interview(workspace, tmp_path, "Gaëlle Tourmente", "2026-01-05", rights=(RightId.RSA,))

    # 10 January: the coordinator opens the follow-up and refers the household to the CAF.
    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 1, 10))
    click_row(qtbot, page, "Gaëlle Tourmente")
    click(qtbot, page, "refer-rsa")
    status = lambda: find(page, QLabel, "status-rsa").text()  # noqa: E731
    qtbot.waitUntil(lambda: status().startswith("À orienter"))
    click(qtbot, page, "step-rsa-referred")
    dialog = step_dialog(qtbot, page)
    assert find(dialog, QComboBox, "stepOrganisation").currentText().startswith("CAF")
    type_text(qtbot, find(dialog, QLineEdit, "stepContact"), "Mme Leroux")
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    qtbot.waitUntil(lambda: status().startswith("Orienté"))
    history = find(page, QLabel, "history-rsa").text()
    assert "10/01/2026" in history and "Mme Leroux" in history
    assert find(page, QLabel, "check-rsa").text() == "Vérification du résultat : le 10/04/2026."
    assert page.tabs.tabText(1) == "À relancer"
    page.close()

    # 10 April: the check has come.
    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 4, 10))
    assert page.tabs.tabText(1) == "À relancer (1)"
    due = find(page, QTableWidget, "dueTable")
    assert find(page, QLabel, "dueCount").text() == "1 orientation à relancer."
    tab_bar = page.tabs.tabBar()
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(1).center())
    qtbot.waitUntil(due.isVisible)
    qtbot.waitUntil(lambda: due.item(0, 1).text() == "Gaëlle Tourmente", timeout=10_000)
    rect = due.visualItemRect(due.item(0, 1))
    qtbot.mouseClick(due.viewport(), LEFT, pos=rect.center())  # QTest's double-click alone
    qtbot.mouseDClick(due.viewport(), LEFT, pos=rect.center())  # lacks the first press
    assert page.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: find(page, QLabel, "householdName").text() == "Gaëlle Tourmente")

    click(qtbot, page, "step-rsa-claim_filed")
    dialog = step_dialog(qtbot, page)
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    qtbot.waitUntil(lambda: find(page, QLabel, "status-rsa").text().startswith("Demande déposée"))
    assert page.due.households()  # filing is not the outcome: still to check

    click(qtbot, page, "step-rsa-opened")
    dialog = step_dialog(qtbot, page)
    amount = find(dialog, QLineEdit, "stepAmount")
    type_text(qtbot, amount, "six cents")
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    assert find(dialog, QLabel, "stepError").text() == (
        "Montant attendu en euros, par exemple 607,75."
    )
    amount.clear()
    type_text(qtbot, amount, "607,75")
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    qtbot.waitUntil(lambda: find(page, QLabel, "status-rsa").text().startswith("Droit ouvert"))
    assert "607,75" in find(page, QLabel, "history-rsa").text()
    assert page.findChild(QPushButton, "step-rsa-no_news") is None  # closed: no step follows

    assert page.due.households() == []
    assert find(page, QLabel, "dueCount").text() == "Aucune orientation à relancer."
    assert page.tabs.tabText(1) == "À relancer"
    referral = CaseloadService(workspace).referrals(page.detail.household_id or "")[0]
    assert referral.status is ReferralStatus.OPENED and referral.opened_amount == 607.75
    assert referral.checked_on == "2026-04-10"
    assert table_names(page) == ["Gaëlle Tourmente"]
    assert page.view.model().index(0, 4).data() == "Droit ouvert"


def test_a_coordinator_gives_the_follow_up_to_a_volunteer(
    qtbot: QtBot,
    pages: list[QWidget],
    created: CreatedWorkspace,
    three_households: dict[str, str],
) -> None:
    workspace = created.workspace
    workspace.add_user(VOLUNTEER, Role.VOLUNTEER, OTHER_PASSPHRASE)
    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 6, 1))
    click_row(qtbot, page, "Sidonie Paturel")
    qtbot.waitUntil(lambda: find(page, QLabel, "householdName").text() == "Sidonie Paturel")
    choose(qtbot, find(page, QComboBox, "assignVolunteer"), VOLUNTEER)
    click(qtbot, page, "assignButton")
    qtbot.waitUntil(
        lambda: find(page, QLabel, "detailDone").text() == f"Visite de suivi confiée à {VOLUNTEER}."
    )
    row = table_names(page).index("Sidonie Paturel")
    assert page.view.model().index(row, 5).data() == VOLUNTEER

    choose(qtbot, find(page, QComboBox, "volunteerFilter"), VOLUNTEER)
    qtbot.waitUntil(lambda: count_text(page) == "1 foyer rencontré")
    assert table_names(page) == ["Sidonie Paturel"]


def _navigate(qtbot: QtBot, window: MainWindow, title: str) -> None:
    navigation = window.findChild(QListWidget, "navigation")
    item = navigation.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    rect = navigation.visualItemRect(item)
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=rect.center())


def test_a_volunteers_session_shows_only_their_households(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    service: WorkspaceService,
    workspace_path: Path,
    created: CreatedWorkspace,
    tmp_path: Path,
) -> None:
    workspace = created.workspace
    volunteer = workspace.add_user(VOLUNTEER, Role.VOLUNTEER, OTHER_PASSPHRASE)
    interview(workspace, tmp_path, "Coralie du Coordinateur", "2026-03-01")
    assigned = interview(workspace, tmp_path, "Jules Assigné", "2026-03-02")
    household = VisitService(workspace).get(assigned).household_id
    CaseloadService(workspace).assign(household, volunteer.id)
    own = service.unlock(workspace_path, VOLUNTEER, OTHER_PASSPHRASE)
    interview(own, tmp_path, "Rose du Bénévole", "2026-03-03")
    own.lock()

    open_window = request.getfixturevalue("open_window")  # it locks the workspace first
    window = open_window(user=VOLUNTEER, passphrase=OTHER_PASSPHRASE)
    navigation = window.findChild(QListWidget, "navigation")
    titles = [navigation.item(i).text() for i in range(navigation.count())]
    assert "Chiffres" not in titles  # the territory's figures are the coordinator's
    assert "Export" not in titles  # and so are the exports
    _navigate(qtbot, window, "Suivi des dossiers")
    page = window.findChild(CaseloadPage)
    qtbot.waitUntil(lambda: page.isVisible() and count_text(page) != "")
    assert table_names(page) == ["Rose du Bénévole", "Jules Assigné"]
    assert count_text(page) == "2 foyers rencontrés"
    assert not find(page, QComboBox, "volunteerFilter").isVisible()
    texts = visible_texts(window)
    assert not any("Coralie" in t for t in texts)

    # The assigned household: followed, but its visit is the coordinator's to refer from.
    click_row(qtbot, page, "Jules Assigné")
    status = lambda: page.findChild(QLabel, "status-rsa")  # noqa: E731
    qtbot.waitUntil(lambda: status() is not None and status().isVisible())
    assert status().text() == "Pas encore d'orientation"
    assert page.findChild(QPushButton, "refer-rsa") is None
    assert not page.detail.assign_box.isVisible()
    # Their own visit: they open the referral; its steps are the coordinator's.
    click_row(qtbot, page, "Rose du Bénévole")
    click(qtbot, page, "refer-rsa")
    qtbot.waitUntil(lambda: status().text() == "À orienter")
    assert not [b for b in page.findChildren(QPushButton) if b.objectName().startswith("step-")]

    # Searching for the other household's name finds nothing either.
    type_text(qtbot, find(page, QLineEdit, "caseloadSearch"), "Coralie")
    qtbot.waitUntil(lambda: count_text(page) == "Aucun foyer rencontré")


def test_a_volunteer_sees_the_steps_but_cannot_record_them(
    qtbot: QtBot,
    pages: list[QWidget],
    created: CreatedWorkspace,
    three_households: dict[str, str],
) -> None:
    page = caseload_page(qtbot, pages, created.workspace, dt.date(2026, 6, 1), coordinator=False)
    click_row(qtbot, page, "Octave Brisemiche")
    status = lambda: page.findChild(QLabel, "status-rsa")  # noqa: E731
    qtbot.waitUntil(lambda: status() is not None and status().text().startswith("Orienté"))
    assert not [b for b in page.findChildren(QPushButton) if b.objectName().startswith("step-")]


def test_the_model_reads_pages_not_the_whole_caseload(
    qtbot: QtBot, pages: list[QWidget], created: CreatedWorkspace
) -> None:
    workspace = created.workspace
    # The caseload lists households met only: about 30 % of the demo's doors give an interview,
    # so 5,000 visits make a caseload longer than the pages the model keeps.
    fill_demo(workspace, 5_000, seed=3)
    service = CaseloadService(workspace)
    total = service.count(CaseloadFilter())
    model = CaseloadModel(service)
    view = QTableView()
    pages.append(view)
    view.setModel(model)
    model.reload()
    view.show()
    assert model.rowCount() == total > KEPT_PAGES * PAGE_SIZE
    assert model.loaded_rows() <= PAGE_SIZE
    seen = set()
    for row in range(0, total, 37):  # scrolling through the whole list
        view.scrollTo(model.index(row, 0))
        seen.add(model.index(row, 0).data(Qt.ItemDataRole.UserRole))
        assert model.loaded_rows() <= KEPT_PAGES * PAGE_SIZE
    assert len(seen) == len(range(0, total, 37))
    assert model.index(total - 1, 0).data() is not None
    assert model.index(total, 0).data() is None
    assert model.data(QModelIndex()) is None


def test_the_caseload_speaks_english_when_asked(
    qtbot: QtBot,
    pages: list[QWidget],
    created: CreatedWorkspace,
    three_households: dict[str, str],
    french: Translations,
) -> None:
    assert french.install("en")
    page = caseload_page(qtbot, pages, created.workspace, dt.date(2026, 6, 1))
    assert count_text(page) == "3 households met"
    assert page.tabs.tabText(1) == "To follow up (1)"
    model = page.view.model()
    assert model.headerData(7, Qt.Orientation.Horizontal) == "Next action"
    click_row(qtbot, page, "Octave Brisemiche")
    qtbot.waitUntil(lambda: page.findChild(QPushButton, "step-rsa-claim_filed") is not None)
    assert find(page, QPushButton, "step-rsa-claim_filed").text() == "Claim filed…"
    assert find(page, QLabel, "status-rsa").text() == "Referred"
    assert find(page, QLabel, "history-rsa").text() == "Referred on 02/02/2026 to CAF."


def test_the_coordinators_caseload_fits_a_960_pixel_wide_window(
    qtbot: QtBot, three_households: dict[str, str], open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    window.resize(960, 640)
    _navigate(qtbot, window, "Suivi des dossiers")
    qtbot.wait(50)
    # A layout wider than the window would force it wider than a small laptop's screen.
    assert window.minimumSizeHint().width() <= 960
    assert window.width() <= 960
    page = window.findChild(CaseloadPage)
    assert page is not None
    click_row(qtbot, page, "Sidonie Paturel")  # the follow-up panel opens beside the list
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 960
    assert window.width() <= 960


def test_closing_the_window_while_the_follow_up_panel_loads_does_not_crash(
    qtbot: QtBot,
    three_households: dict[str, str],
    open_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The panel's visits are read off the UI thread; the window closes while they are. The
    database closes once the read has left it, and no widget outlives its thread."""
    reading, gate = threading.Event(), threading.Event()
    build = VisitIndex.build

    def slow_build(visits: VisitService, language: str = "fr") -> VisitIndex:  # 50,000: seconds
        reading.set()
        gate.wait(10)
        return build(visits, language)

    monkeypatch.setattr(VisitIndex, "build", slow_build)
    window = open_window()
    opened = window.workspace
    _navigate(qtbot, window, "Suivi des dossiers")
    page = window.findChild(CaseloadPage)
    qtbot.waitUntil(lambda: "Sidonie Paturel" in table_names(page))
    click_row(qtbot, page, "Sidonie Paturel")
    assert find(page.detail, QLabel, "householdName").text() == "Sidonie Paturel"
    assert reading.wait(5)

    window.close()
    # Covered at once; closed once the read has ended.
    assert window.isVisible()
    assert not page.isVisible()  # the lock screen covers it
    assert "Lecture des visites pour le suivi" in window.statusBar().currentMessage()
    assert opened.is_open
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert not opened.is_open
    qtbot.wait(50)  # the page's destruction and any late event: no crash
