"""The volunteer's screens, driven as a volunteer does: keys typed where the focus is, clicks on
the buttons they see. What is stored is read back through VisitService."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from allervers.domain.visits import DoorOutcome, VisitStatus
from allervers.questionnaire import loader
from allervers.questionnaire.model import Questionnaire
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace, WorkspaceService
from allervers.ui.interview.wizard import InterviewWizard
from allervers.ui.main_window import MainWindow
from allervers.ui.visits.page import VisitsPage
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.ui.conftest import find, type_text, unlock_with, visible_texts

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
V2_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "visite-v2.json"
ANGERS = "49007"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, *keys: Qt.Key | str) -> None:
    """Keys as typed on the keyboard, each going wherever the focus is at that moment: to an
    open popup (a commune's suggestions) first, as a real display sends them."""
    for key in keys:
        qtbot.keyClick(QApplication.activePopupWidget() or focused(), key)


def write(qtbot: QtBot, text: str) -> None:
    type_text(qtbot, focused(), text)


def plain(text: str) -> str:
    """French typography puts (narrow) no-break spaces in amounts: compare with plain spaces."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def visits_page(window: MainWindow) -> VisitsPage:
    page = window.findChild(VisitsPage)
    assert page is not None
    return page


def wizard_of(page: VisitsPage) -> InterviewWizard:
    assert page.wizard is not None, "no interview open"
    return page.wizard


def title(page: VisitsPage) -> str:
    return wizard_of(page).page_title.text()


def door(qtbot: QtBot, page: VisitsPage, commune: str, street: str, number: str) -> None:
    """The address typed in the door form, field after field with Tab."""
    page.door_form.commune.setFocus()
    for text in (commune, street):
        write(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, number)


def test_a_whole_interview_with_the_keyboard_alone(qtbot: QtBot, open_window) -> None:
    window = open_window()
    page = visits_page(window)
    assert focused() is page.door_form.commune  # where the volunteer types first

    door(qtbot, page, ANGERS, "Rue des Lilas", "12")
    press(qtbot, Qt.Key.Key_Return)  # Enter at an open door: the interview

    wizard = wizard_of(page)
    assert title(page) == "Information et accord"  # the door's outcome is already known
    assert wizard.progress_label.text().startswith("Page 2 sur ")
    press(qtbot, "1")  # accepts to be recorded: Oui
    press(qtbot, Qt.Key.Key_Tab, "1")  # to be contacted again: Oui
    press(qtbot, Qt.Key.Key_Tab, "2")  # situation passed to: la CAF
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "Aurore Lemaréchal")
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "06 12 34 56 78")
    press(qtbot, Qt.Key.Key_Return)

    assert title(page) == "Adresse"
    assert find(wizard, QLineEdit, "input_address_insee").text() == "Angers (49007)"
    press(qtbot, Qt.Key.Key_Return)

    assert title(page) == "Les personnes du foyer — personne 1 sur 1"
    press(qtbot, "1")  # Personne de référence
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "02/05/1981")
    press(qtbot, Qt.Key.Key_Tab)  # the age question goes away: a birth date was given
    assert find(wizard, QWidget, "field_age").isHidden()
    press(qtbot, "1")  # Salarié·e
    press(qtbot, Qt.Key.Key_Tab, "2")  # étudiant : Non
    press(qtbot, Qt.Key.Key_Tab, "2")  # handicap : Non
    press(qtbot, Qt.Key.Key_Tab, "1")  # Française
    press(qtbot, Qt.Key.Key_Tab, "1")  # resources: a salary, only its amount is asked
    assert find(wizard, QWidget, "field_unemployment").isHidden()
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "1 250")  # salary: the same each month, at first
    press(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Space)  # "pas le même chaque mois"
    for amount in ("1100", "1200", "1300"):  # each month starts at 1 250, selected on Tab
        press(qtbot, Qt.Key.Key_Tab)
        write(qtbot, amount)
    press(qtbot, Qt.Key.Key_PageDown)  # PageDown goes on too

    assert title(page) == "Logement"
    press(qtbot, "1", Qt.Key.Key_Tab, "1")  # régime général; locataire (privé)
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "520")
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "40,50")
    press(qtbot, Qt.Key.Key_Tab, "1")  # électricité
    press(qtbot, Qt.Key.Key_Return)

    assert title(page) == "Impôts et droits actuels"
    press(qtbot, "1", Qt.Key.Key_Tab)
    write(qtbot, "14500")
    press(qtbot, Qt.Key.Key_Tab, "1", "3")  # RSA, aide au logement
    press(qtbot, "9")  # "Aucun" stands alone: the two others are unticked
    press(qtbot, Qt.Key.Key_Return)

    assert title(page) == "Difficultés et besoins"
    press(qtbot, "2", "5")  # numérique, logement froid
    press(qtbot, Qt.Key.Key_Tab)  # the choices are one Tab stop (arrows move inside)
    write(qtbot, "Rappeler en janvier")
    qtbot.keyClick(focused(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Alt+→

    assert title(page) == "Récapitulatif"
    texts = [plain(t) for t in visible_texts(wizard)]
    for shown in ("Aurore Lemaréchal", "02/05/1981", "Salarié·e", "Locataire (privé)", "Aucun"):
        assert shown in texts
    assert any("1 100 €" in t and "1 300 €" in t for t in texts)
    assert wizard.next_button.hasFocus()  # nothing missing: Enter finishes
    press(qtbot, Qt.Key.Key_Return)

    assert page.wizard is None
    assert find(page, QLabel, "visitsDone").text() == "Entretien terminé et enregistré."
    (visit,) = VisitService(window.workspace).list_visits()
    assert visit.status is VisitStatus.FINISHED
    assert visit.answers == {
        "door_outcome": "interview",
        "address_insee": ANGERS,
        "address_street": "Rue des Lilas",
        "address_number": "12",
        "consent_recorded": "yes",
        "consent_contact": "yes",
        "consent_partner": "caf",
        "contact_name": "Aurore Lemaréchal",
        "contact_phone": "06 12 34 56 78",
        "persons": [
            {
                "relationship": "reference",
                "birth_date": "1981-05-02",
                "activity": "employed",
                "student": "no",
                "disability": "no",
                "nationality": "fr",
                "incomes": ["salary"],
                "salary": [1100, 1200, 1300],
            }
        ],
        "social_regime": "general",
        "housing_status": "private_tenant",
        "rent": 520,
        "charges": 40.5,
        "heating": "electricity",
        "tax_return_filed": "yes",
        "rfr": 14500,
        "rights_received": ["none"],
        "needs": ["digital", "cold_home"],
        "note": "Rappeler en janvier",
    }


def click(qtbot: QtBot, root: QWidget, name: str) -> None:
    qtbot.mouseClick(find(root, QPushButton, name), LEFT)


def click_item(qtbot: QtBot, widget: QListWidget, row: int) -> None:
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), LEFT, pos=rect.center())


def test_a_door_that_does_not_answer_is_one_click_and_comes_back_in_next_doors(
    qtbot: QtBot, open_window
) -> None:
    window = open_window()
    page = visits_page(window)
    door(qtbot, page, "Angers", "Rue des Lilas", "12")  # a name: one commune has it
    assert page.door_form.commune.text() == "Angers (49007)"  # what was understood
    assert find(page, QLabel, "nextDoorsNote").text() == "Angers (49007) : aucune porte à revoir."

    click(qtbot, page, "door_absent")

    visits = VisitService(window.workspace)
    (visit,) = visits.list_visits()
    assert visit.status is VisitStatus.FINISHED
    assert visit.door_outcome is DoorOutcome.ABSENT
    assert visit.answers["address_street"] == "Rue des Lilas"  # kept: the round comes back
    assert page.wizard is None  # no interview for a closed door
    assert (
        find(page, QLabel, "visitsDone").text() == "Porte enregistrée : Absent — 12 Rue des Lilas."
    )
    assert page.door_form.number.text() == ""  # ready for the next number in the street
    assert page.door_form.street.text() == "Rue des Lilas"
    doors = find(page, QListWidget, "nextDoorsList")
    assert [doors.item(i).text() for i in range(doors.count())] == [
        "12 Rue des Lilas\nabsent la dernière fois"
    ]

    # Next time: the door is picked from the list and the interview joins the same household.
    click_item(qtbot, doors, 0)
    assert page.door_form.number.text() == "12"
    assert find(page, QLabel, "doorAttached").isVisible()
    click(qtbot, page, "startInterview")
    assert wizard_of(page).visit.household_id == visit.household_id


def test_come_back_on_an_agreed_day(qtbot: QtBot, open_window) -> None:
    window = open_window()
    page = visits_page(window)
    door(qtbot, page, ANGERS, "Rue des Lilas", "14")
    click(qtbot, page, "door_come_back")
    dialog = page.findChild(QWidget, "comeBackDialog")
    qtbot.waitUntil(lambda: dialog.isVisible())
    day = dialog.chosen()
    click(qtbot, dialog, "confirmComeBack")

    (visit,) = VisitService(window.workspace).list_visits()
    assert visit.door_outcome is DoorOutcome.COME_BACK
    assert visit.answers["come_back_on"] == day.isoformat()
    assert find(page, QLabel, "visitsDone").text() == (
        f"Porte enregistrée : repasser le {day:%d/%m/%Y} — 14 Rue des Lilas."
    )
    # Not yet due: the door is not among the next doors before that day.
    assert find(page, QListWidget, "nextDoorsList").count() == 0


def to_persons_page(qtbot: QtBot, page: VisitsPage) -> InterviewWizard:
    door(qtbot, page, ANGERS, "Rue des Lilas", "12")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, "1")  # consent: Oui
    press(qtbot, Qt.Key.Key_PageDown, Qt.Key.Key_PageDown)  # past the address
    assert title(page) == "Les personnes du foyer — personne 1 sur 1"
    return wizard_of(page)


def test_an_impossible_answer_is_refused_in_french_and_not_stored(
    qtbot: QtBot, open_window
) -> None:
    window = open_window()
    page = visits_page(window)
    wizard = to_persons_page(qtbot, page)
    visits = VisitService(window.workspace)
    press(qtbot, "1", Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # reference person; no birth date: the age
    assert focused() is find(wizard, QLineEdit, "input_age")
    write(qtbot, "150")
    press(qtbot, Qt.Key.Key_Tab)

    problem = find(wizard, QLabel, "problem_age")
    assert problem.isVisible()
    assert problem.text() == "valeur hors des limites (0 à 120)"
    assert "age" not in visits.get(wizard.visit.id).answers["persons"][0]

    press(qtbot, Qt.Key.Key_Return)  # the page cannot be left with a refused answer
    assert title(page) == "Les personnes du foyer — personne 1 sur 1"
    assert find(wizard, QLabel, "pageMessage").text() == (
        "Corrigez ou effacez la réponse signalée avant de changer de page."
    )
    assert focused() is find(wizard, QLineEdit, "input_age")
    press(qtbot, Qt.Key.Key_End, *[Qt.Key.Key_Backspace] * 3)
    write(qtbot, "45")
    press(qtbot, Qt.Key.Key_Return)
    assert title(page) == "Logement"
    assert visits.get(wizard.visit.id).answers["persons"][0]["age"] == 45
    assert not find(wizard, QLabel, "pageMessage").text()

    press(qtbot, "1", Qt.Key.Key_Tab, "1", Qt.Key.Key_Tab)  # tenant: the rent is asked
    rent = find(wizard, QLineEdit, "input_rent")
    assert focused() is rent
    write(qtbot, "5a")
    assert rent.text() == "5"  # the letter never reaches the field
    assert find(wizard, QLabel, "problem_rent").text() == "un nombre est attendu"
    assert "rent" not in visits.get(wizard.visit.id).answers
    write(qtbot, "20")
    press(qtbot, Qt.Key.Key_Tab)
    assert visits.get(wizard.visit.id).answers["rent"] == 520
    assert not find(wizard, QLabel, "problem_rent").isVisible()


def test_an_unfinished_interview_is_offered_after_a_lock_with_every_answer(
    qtbot: QtBot, open_window
) -> None:
    window = open_window()
    page = visits_page(window)
    door(qtbot, page, ANGERS, "Rue des Lilas", "12")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, "1", Qt.Key.Key_Tab, "1", Qt.Key.Key_Tab, "1", Qt.Key.Key_Tab)
    write(qtbot, "Aurore Lemaréchal")  # still being typed when the laptop is locked
    qtbot.keyClick(focused(), Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.is_locked)
    # Nothing of the interview is left on screen, nor in memory.
    qtbot.waitUntil(lambda: window.findChild(VisitsPage) is None)

    assert window.unlock_dialog is not None
    unlock_with(qtbot, window.unlock_dialog, COORDINATOR, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    # The offscreen platform deactivates the window when the lock destroys the commune
    # suggestions' popup window; a person would be looking at the window they just unlocked.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = visits_page(window)
    banner = find(page, QWidget, "draftsBanner")
    assert banner.isVisible()
    assert find(banner, QLabel, "draftsTitle").text().startswith("Entretiens non terminés (1)")
    (resume,) = [b for b in banner.findChildren(QPushButton) if b.text() == "Reprendre"]
    qtbot.mouseClick(resume, LEFT)

    wizard = wizard_of(page)
    # It picks up at the first page with a required answer missing, the persons.
    assert title(page) == "Les personnes du foyer — personne 1 sur 1"
    press(qtbot, Qt.Key.Key_PageUp, Qt.Key.Key_PageUp)
    assert title(page) == "Information et accord"
    assert find(wizard, QWidget, "consent_recorded_yes").isChecked()
    assert find(wizard, QWidget, "consent_contact_yes").isChecked()
    assert find(wizard, QWidget, "consent_partner_no").isChecked()
    assert find(wizard, QLineEdit, "input_contact_name").text() == "Aurore Lemaréchal"


def test_closing_an_interview_keeps_it_as_a_draft(qtbot: QtBot, open_window) -> None:
    window = open_window()
    page = visits_page(window)
    door(qtbot, page, ANGERS, "Rue des Lilas", "12")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, "1")
    click(qtbot, wizard_of(page), "closeInterview")
    assert page.wizard is None
    assert find(page, QWidget, "draftsBanner").isVisible()
    (draft,) = VisitService(window.workspace).drafts()
    assert draft.answers["consent_recorded"] == "yes"


def test_the_summary_names_missing_answers_and_goes_back_to_them(qtbot: QtBot, open_window) -> None:
    window = open_window()
    page = visits_page(window)
    wizard = to_persons_page(qtbot, page)
    while title(page) != "Récapitulatif":
        press(qtbot, Qt.Key.Key_PageDown)
    press(qtbot, Qt.Key.Key_PageDown)  # paging on does not try to finish
    assert not find(wizard, QLabel, "pageMessage").text()
    problems = [
        b.text() for b in find(wizard, QWidget, "summaryProblems").findChildren(QPushButton)
    ]
    assert (
        "Information et accord — Elle accepte d'être recontactée : réponse obligatoire" in problems
    )
    assert "Les personnes du foyer : au moins 1 personne(s)" in problems

    click(qtbot, wizard, "nextPage")  # Terminer anyway: refused, and said so
    assert wizard.visit.status is VisitStatus.DRAFT
    assert find(wizard, QLabel, "pageMessage").text() == (
        "L'entretien n'est pas terminé : il manque des réponses."
    )
    click(qtbot, wizard, "goTo_persons")
    assert title(page) == "Les personnes du foyer — personne 1 sur 1"
    assert focused() is find(wizard, QWidget, "relationship_reference")


def test_persons_are_added_and_removed(qtbot: QtBot, open_window) -> None:
    window = open_window()
    page = visits_page(window)
    wizard = to_persons_page(qtbot, page)
    visits = VisitService(window.workspace)
    press(qtbot, "1")
    click(qtbot, wizard, "addItem")
    assert title(page) == "Les personnes du foyer — personne 2 sur 2"
    press(qtbot, "2")  # spouse
    assert visits.get(wizard.visit.id).answers["persons"] == [
        {"relationship": "reference"},
        {"relationship": "spouse"},
    ]
    remove = find(wizard, QPushButton, "removeItem")
    qtbot.mouseClick(remove, LEFT)
    assert remove.text() == "Confirmer : retirer la personne 2"  # a second click is needed
    qtbot.mouseClick(remove, LEFT)
    assert title(page) == "Les personnes du foyer — personne 1 sur 1"
    assert visits.get(wizard.visit.id).answers["persons"] == [{"relationship": "reference"}]


@pytest.fixture
def visite_v2() -> Questionnaire:
    questionnaire = loader.load_file(V2_FIXTURE)
    loader.register(questionnaire)
    return questionnaire


def _finished_v1_visit(workspace: OpenWorkspace) -> str:
    visits = VisitService(workspace)
    return visits.finish(_answered_draft(visits)).id


def _answered_draft(visits: VisitService) -> str:
    """A draft with every required answer, given through the service (the shipped v1)."""
    visit = visits.start(ANGERS, "Rue des Lilas", "12")
    for path, value in {
        "door_outcome": "interview",
        "consent_recorded": "yes",
        "consent_contact": "no",
        "consent_partner": "no",
        "persons[1].relationship": "reference",
        "persons[1].age": 67,
        "persons[1].activity": "retired",
        "persons[1].pension": 980,
        "social_regime": "general",
        "housing_status": "private_tenant",
        "rent": 520,
        "tax_return_filed": "no",
        "rights_received": ["dont_know"],
    }.items():
        visits.answer(visit.id, path, value)
    return visit.id


def test_a_v1_visit_opens_displays_and_edits_when_the_current_questionnaire_is_v2(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    service: WorkspaceService,
    workspace_path: Path,
    visite_v2: Questionnaire,
) -> None:
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    visit_id = _finished_v1_visit(workspace)
    workspace.lock()
    window = open_window(visit_service=lambda ws: VisitService(ws, questionnaire=visite_v2))
    page = visits_page(window)

    recent = find(page, QListWidget, "recentVisitsList")
    assert recent.count() == 1
    click_item(qtbot, recent, 0)
    click(qtbot, page, "openVisit")
    wizard = wizard_of(page)
    assert wizard.questionnaire.version == 1
    assert title(page) == "Récapitulatif"  # a finished visit opens on what it holds
    texts = [plain(t) for t in visible_texts(wizard)]
    assert "Locataire (privé)" in texts and "520 €" in texts and "980 € chaque mois" in texts
    assert not any("internet" in t for t in texts)  # v2's new question is not v1's

    click(qtbot, wizard, "edit_housing")
    assert title(page) == "Logement"
    rent = find(wizard, QLineEdit, "input_rent")
    assert rent.text() == "520"
    rent.setFocus()
    press(qtbot, Qt.Key.Key_End, *[Qt.Key.Key_Backspace] * 3)
    write(qtbot, "560")
    press(qtbot, Qt.Key.Key_Return)

    visits = VisitService(window.workspace, questionnaire=visite_v2)
    edited = visits.get(visit_id)
    assert edited.questionnaire_version == 1
    assert edited.status is VisitStatus.FINISHED
    assert edited.answers["rent"] == 560
    (change,) = visits.history(visit_id)
    assert (change.path, change.old, change.new) == ("rent", 520, 560)

    # A new interview is filled with v2 and asks its new question.
    while title(page) != "Récapitulatif":
        press(qtbot, Qt.Key.Key_PageDown)
    press(qtbot, Qt.Key.Key_Return)  # "Terminer la consultation": back to the doors
    assert page.wizard is None
    door(qtbot, page, ANGERS, "Rue des Lilas", "14")
    press(qtbot, Qt.Key.Key_Return)
    wizard = wizard_of(page)
    assert wizard.questionnaire.version == 2
    press(qtbot, "1")
    while title(page) != "Difficultés et besoins":
        press(qtbot, Qt.Key.Key_PageDown)
    assert find(wizard, QLabel, "label_internet_access").text() == "Accès à internet à domicile"
    find(wizard, QWidget, "field_internet_access").focus()
    press(qtbot, "1")
    assert visits.get(wizard.visit.id).answers["internet_access"] == "yes"


def test_answers_left_over_by_a_changed_choice_are_not_kept(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    service: WorkspaceService,
    workspace_path: Path,
) -> None:
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    draft_id = _answered_draft(VisitService(workspace))  # a tenant paying 520 of rent
    workspace.lock()
    window = open_window()
    page = visits_page(window)
    (resume,) = [
        b
        for b in find(page, QWidget, "draftsBanner").findChildren(QPushButton)
        if b.text() == "Reprendre"
    ]
    qtbot.mouseClick(resume, LEFT)
    wizard = wizard_of(page)
    assert title(page) == "Récapitulatif"  # nothing required is missing
    click(qtbot, wizard, "edit_housing")
    press(qtbot, Qt.Key.Key_Tab, "4")  # owner without a loan: the rent is no longer asked
    assert find(wizard, QWidget, "field_rent").isHidden()
    press(qtbot, Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Return)  # to the summary
    assert title(page) == "Récapitulatif"
    assert "Loyer mensuel (hors charges)" not in visible_texts(wizard)
    press(qtbot, Qt.Key.Key_Return)

    finished = VisitService(window.workspace).get(draft_id)
    assert finished.status is VisitStatus.FINISHED
    assert finished.answers["housing_status"] == "owner"
    assert "rent" not in finished.answers
    recent = find(page, QListWidget, "recentVisitsList")
    # On top of the recent visits, without its street: no consent to be contacted again.
    assert recent.item(0).text().endswith("adresse non notée, Angers (49007) — Entretien")


def test_the_visit_screens_speak_english(qtbot: QtBot, open_window, french) -> None:
    french.install("en")
    window = open_window()
    page = visits_page(window)
    assert find(page, QPushButton, "startInterview").text() == "In&terview"
    door(qtbot, page, ANGERS, "Rue des Lilas", "12")
    press(qtbot, Qt.Key.Key_Return)
    wizard = wizard_of(page)
    assert wizard.progress_label.text().startswith("Page 2 of ")
    assert find(wizard, QWidget, "consent_recorded_yes").text() == "1  Yes"
    assert find(wizard, QPushButton, "nextPage").text() == "&Next →"
