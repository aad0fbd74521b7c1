"""Issue 13 at the doorstep: the reference household (single parent, children of 4 and 9,
part-time job 700 € net, private tenant in Chemillé-en-Anjou) entered as a volunteer does,
without a single 0 typed, gives its four rights; and the work it took is counted. The engine is
the real one, in its own process, loaded once for this module."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from allervers.domain.rights import RightId
from allervers.domain.visits import VisitStatus
from allervers.rights.worker import EngineClient
from allervers.services.visits import VisitService
from allervers.ui.main_window import MainWindow
from tests.ui.conftest import find, type_text
from tests.ui.doorstep_support import Hands
from tests.ui.rights_support import (
    LentEngine,
    label_text,
    panel_of,
    visits_page,
    wait_for_results,
)

CHEMILLE = "49092"
BEFORE_CLICKS, BEFORE_KEYS = 55, 115
"""A full visit of this household before issue 13 (measured by the volunteer who filed it)."""
FOUR_RIGHTS = (RightId.AIDE_LOGEMENT, RightId.PPA, RightId.CHEQUE_ENERGIE, RightId.CSS)


@pytest.fixture(scope="module")
def engine_client() -> Iterator[EngineClient]:
    client = EngineClient()
    client.start()
    yield client
    client.close()


def born(years: int, today: dt.date) -> str:
    """A birthday `years` ago, a few weeks back, typed the quick way (eight digits)."""
    day = today - dt.timedelta(days=40)
    return f"{day.day:02d}{day.month:02d}{day.year - years}"


def enter_reference_household(
    hands: Hands, window: MainWindow, salary: str | None = "700", finish: bool = True
) -> None:
    page = visits_page(window)
    hands.type_into(page, "doorCommune", CHEMILLE)
    hands.click(page, "startInterview")
    wizard = page.wizard
    assert wizard is not None
    today = dt.date.fromisoformat(wizard.visit.visited_on)
    # Information et accord
    for choice in ("consent_recorded_yes", "consent_contact_no", "consent_partner_caf"):
        hands.click(wizard, choice)
    hands.key(Qt.Key.Key_Return)
    assert wizard.page_title.text() == "Adresse"  # the commune came from the door
    hands.key(Qt.Key.Key_Return)
    # The parent: no zero for the resources she does not have.
    hands.click(wizard, "relationship_reference")
    hands.type_into(wizard, "input_birth_date", born(34, today))
    for choice in ("activity_employed", "nationality_fr", "incomes_salary"):
        hands.click(wizard, choice)
    if salary is not None:
        hands.type_into(wizard, "input_salary", salary)
    hands.click(wizard, "addItem")
    # The children: relationship and birth date, nothing else.
    for years in (4, 9):
        hands.click(wizard, "relationship_child")
        hands.type_into(wizard, "input_birth_date", born(years, today))
        if years == 4:
            hands.click(wizard, "addItem")
    hands.key(Qt.Key.Key_Return)
    assert wizard.page_title.text() == "Logement"
    hands.click(wizard, "social_regime_general")
    hands.click(wizard, "housing_status_private_tenant")
    hands.type_into(wizard, "input_rent", "560")
    hands.type_into(wizard, "input_charges", "40")
    hands.key(Qt.Key.Key_Return)
    assert wizard.page_title.text() == "Impôts et droits actuels"
    hands.click(wizard, "tax_return_filed_yes")
    hands.click(wizard, "rights_received_none")
    hands.key(Qt.Key.Key_Return)
    assert wizard.page_title.text() == "Difficultés et besoins"
    hands.key(Qt.Key.Key_Return)
    assert wizard.page_title.text() == "Récapitulatif"
    if finish:
        hands.key(Qt.Key.Key_Return)  # nothing missing: Enter finishes


def test_the_reference_household_without_a_single_zero_gives_its_four_rights(
    qtbot: QtBot, open_window: Callable[..., MainWindow], engine_client: EngineClient
) -> None:
    window = open_window(engine=lambda: LentEngine(engine_client))
    hands = Hands(qtbot)
    enter_reference_household(hands, window)

    page = visits_page(window)
    (visit,) = VisitService(window.workspace).list_visits()
    assert visit.status is VisitStatus.FINISHED
    reference, *children = visit.answers["persons"]
    assert reference["incomes"] == ["salary"] and reference["salary"] == 700
    assert not any(k in reference for k in ("unemployment", "pension", "alimony"))
    assert [set(child) for child in children] == [{"relationship", "birth_date"}] * 2
    panel = panel_of(page)
    wait_for_results(qtbot, panel)
    for right in FOUR_RIGHTS:
        assert label_text(panel, f"rightStatus_{right.value}") == "Droit probable non perçu"
    assert not panel.missing.isVisible()  # nothing left "impossible à dire"
    assert label_text(panel, "rightsSummary").startswith("4 droits probablement non perçus")

    print(
        f"\nreference household: {hands.clicks} clicks, {hands.keys} keys "
        f"(before: {BEFORE_CLICKS} clicks, {BEFORE_KEYS} keys)"
    )
    assert hands.clicks <= BEFORE_CLICKS / 2
    assert hands.keys <= BEFORE_KEYS / 2


def test_a_child_with_only_birth_date_and_relationship_finishes(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    hands = Hands(qtbot)
    page = visits_page(window)
    hands.type_into(page, "doorCommune", CHEMILLE)
    hands.click(page, "startInterview")
    wizard = page.wizard
    assert wizard is not None
    hands.click(wizard, "consent_recorded_yes")
    hands.click(wizard, "consent_contact_no")
    hands.click(wizard, "consent_partner_no")
    hands.key(Qt.Key.Key_Return)
    hands.key(Qt.Key.Key_Return)
    hands.click(wizard, "relationship_reference")
    hands.type_into(wizard, "input_birth_date", "11/03/1990")
    hands.click(wizard, "activity_inactive")
    hands.click(wizard, "addItem")
    hands.click(wizard, "relationship_child")
    # A child is not asked the adult questions, nor any income unless they have one.
    for hidden in ("activity", "nationality", "incomes", "salary"):
        assert find_field(wizard, hidden).isHidden(), hidden
    assert not find_field(wizard, "child_income").isHidden()
    hands.type_into(wizard, "input_birth_date", "08/01/2019")
    hands.key(Qt.Key.Key_Tab)
    assert find_field(wizard, "student").isHidden()  # studies are asked from 16
    # Nothing else is required of a child: Enter goes on.
    hands.key(Qt.Key.Key_Return)
    assert wizard.page_title.text() == "Logement"
    hands.click(wizard, "social_regime_general")
    hands.click(wizard, "housing_status_owner")
    hands.key(Qt.Key.Key_Return)
    hands.click(wizard, "tax_return_filed_yes")
    hands.click(wizard, "rights_received_none")
    hands.key(Qt.Key.Key_Return)
    hands.key(Qt.Key.Key_Return)
    assert wizard.page_title.text() == "Récapitulatif"
    hands.key(Qt.Key.Key_Return)
    assert page.wizard is None
    (visit,) = VisitService(window.workspace).list_visits()
    assert visit.status is VisitStatus.FINISHED
    assert visit.answers["persons"][1] == {"relationship": "child", "birth_date": "2019-01-08"}


def find_field(root: QWidget, question: str) -> QWidget:
    widget = root.findChild(QWidget, f"field_{question}")
    assert widget is not None, question
    return widget


def test_the_summary_names_an_answer_a_right_needs_and_what_finishing_now_costs(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    hands = Hands(qtbot)
    enter_reference_household(hands, window, salary=None, finish=False)  # salary ticked, no amount
    page = visits_page(window)
    wizard = page.wizard
    assert wizard is not None
    summary = wizard.scroll_area.widget()
    link = find(summary, QPushButton, "cost_persons[1].salary")
    assert link.isVisible()
    assert link.text() == (
        "Les personnes du foyer — personne 1 sur 3 — Salaires nets — sinon impossible à dire : "
        "RSA, Prime d'activité, Aide au logement, Chèque énergie, Complémentaire santé"
    )
    assert [
        b.objectName() for b in summary.findChildren(QPushButton) if "cost_" in b.objectName()
    ] == ["cost_persons[1].salary"]
    price = find(summary, QLabel, "costsPrice").text()
    assert price.startswith("Vous pouvez terminer quand même : 5 droit(s) resteront")
    assert wizard.next_button.text() == "&Terminer quand même"

    hands.click(summary, "cost_persons[1].salary")  # back to the question...
    assert wizard.page_title.text() == "Les personnes du foyer — personne 1 sur 3"
    assert QApplication.focusWidget() is find(wizard, QLineEdit, "input_salary")
    hands.keys += 3
    type_text(qtbot, find(wizard, QLineEdit, "input_salary"), "700")
    while wizard.page_title.text() != "Récapitulatif":
        hands.key(Qt.Key.Key_PageDown)
    summary = wizard.scroll_area.widget()
    assert find(summary, QWidget, "summaryCosts").isHidden()  # ...and nothing is missing now
    assert wizard.next_button.text() == "&Terminer l'entretien"


def test_finishing_anyway_is_allowed(qtbot: QtBot, open_window: Callable[..., MainWindow]) -> None:
    window = open_window()
    hands = Hands(qtbot)
    enter_reference_household(hands, window, salary=None, finish=False)
    page = visits_page(window)
    assert page.wizard is not None
    hands.click(page.wizard, "nextPage")  # "Terminer quand même"
    assert page.wizard is None
    (visit,) = VisitService(window.workspace).list_visits()
    assert visit.status is VisitStatus.FINISHED
    assert visit.answers["persons"][0]["incomes"] == ["salary"]
    assert "salary" not in visit.answers["persons"][0]


def test_an_answer_that_removes_a_field_never_moves_the_field_under_the_pointer(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    window.resize(1366, 768)
    hands = Hands(qtbot)
    page = visits_page(window)
    hands.type_into(page, "doorCommune", CHEMILLE)
    hands.click(page, "startInterview")
    wizard = page.wizard
    assert wizard is not None
    for choice in ("consent_recorded_yes", "consent_contact_no", "consent_partner_no"):
        hands.click(wizard, choice)
    hands.key(Qt.Key.Key_Return)
    hands.key(Qt.Key.Key_Return)
    hands.click(wizard, "relationship_reference")
    age = find_field(wizard, "age")
    assert age.isVisible()  # asked while no birth date is given
    employed = find(wizard, QWidget, "activity_employed")
    aimed = employed.mapToGlobal(employed.rect().center())
    QCursor.setPos(aimed)  # the volunteer's next click: "Salarié·e"
    assert QApplication.widgetAt(aimed) is employed
    hands.type_into(wizard, "input_birth_date", "11/03/1990")
    # The click: its press takes the focus, which stores the date, which removes the age
    # question above "Salarié·e"; the release must still land on "Salarié·e".
    local = employed.mapFromGlobal(aimed)
    qtbot.mousePress(employed, Qt.MouseButton.LeftButton, pos=local)
    assert age.isHidden()
    assert employed.mapToGlobal(employed.rect().center()) == aimed
    assert QApplication.widgetAt(aimed) is employed
    qtbot.mouseRelease(QApplication.widgetAt(aimed), Qt.MouseButton.LeftButton, pos=local)
    assert wizard.answers["persons"][0]["activity"] == "employed"
    # A field below the pointer may come and go: it moves nothing above it.
    hands.click(wizard, "disability_yes")
    assert not find_field(wizard, "incapacity_rate").isHidden()
    qtbot.wait(50)  # the page grows once its layout request is handled
    assert employed.mapToGlobal(employed.rect().center()) == aimed


def test_a_partly_typed_date_is_refused_never_completed(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    hands = Hands(qtbot)
    page = visits_page(window)
    hands.type_into(page, "doorCommune", CHEMILLE)
    hands.click(page, "startInterview")
    wizard = page.wizard
    assert wizard is not None
    for choice in ("consent_recorded_yes", "consent_contact_no", "consent_partner_no"):
        hands.click(wizard, choice)
    hands.key(Qt.Key.Key_Return)
    hands.key(Qt.Key.Key_Return)
    hands.click(wizard, "relationship_reference")
    for partial in ("25", "25/12", "2512199"):
        birth = find(wizard, QLineEdit, "input_birth_date")
        birth.clear()
        hands.type_into(wizard, "input_birth_date", partial)
        hands.key(Qt.Key.Key_Tab)
        assert find(wizard, QLabel, "problem_birth_date").text() == "date impossible (JJ/MM/AAAA)"
        assert "birth_date" not in wizard.answers["persons"][0]
        stored = VisitService(window.workspace).get(wizard.visit.id)
        assert "birth_date" not in stored.answers["persons"][0], partial
    hands.key(Qt.Key.Key_Return)  # the page is not left with it
    assert wizard.page_title.text() == "Les personnes du foyer — personne 1 sur 1"


def test_a_phone_number_takes_no_letter_and_only_french_or_international_numbers(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window()
    hands = Hands(qtbot)
    page = visits_page(window)
    hands.type_into(page, "doorCommune", CHEMILLE)
    hands.click(page, "startInterview")
    wizard = page.wizard
    assert wizard is not None
    for choice in ("consent_recorded_yes", "consent_contact_yes", "consent_partner_no"):
        hands.click(wizard, choice)
    hands.type_into(wizard, "input_contact_phone", "06 12 34 5x")
    phone = find(wizard, QLineEdit, "input_contact_phone")
    assert phone.text() == "06 12 34 5"  # the letter never reaches the field
    problem = find(wizard, QLabel, "problem_contact_phone")
    assert problem.text() == "numéro impossible (10 chiffres, ou +indicatif international)"
    hands.key(Qt.Key.Key_Tab)  # too short to be a number
    assert problem.text() == "numéro impossible (10 chiffres, ou +indicatif international)"
    assert "contact_phone" not in VisitService(window.workspace).get(wizard.visit.id).answers
    phone.clear()
    hands.type_into(wizard, "input_contact_phone", "+33 6 12 34 56 78")
    hands.key(Qt.Key.Key_Tab)
    assert not problem.text()
    stored = VisitService(window.workspace).get(wizard.visit.id).answers
    assert stored["contact_phone"] == "+33 6 12 34 56 78"
