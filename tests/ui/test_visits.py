"""The volunteer's screens, driven as a volunteer does: keys typed where the focus is, clicks on
the buttons they see. What is stored is read back through VisitService."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from allervers.domain.visits import VisitStatus
from allervers.services.visits import VisitService
from allervers.ui.interview.wizard import InterviewWizard
from allervers.ui.main_window import MainWindow
from allervers.ui.visits_page import VisitsPage
from tests.ui.conftest import find, type_text, visible_texts

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
V2_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "visite-v2.json"
ANGERS = "49007"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, *keys: Qt.Key | str) -> None:
    """Keys as typed on the keyboard, each going wherever the focus is at that moment."""
    for key in keys:
        qtbot.keyClick(focused(), key)


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
    press(qtbot, Qt.Key.Key_Tab)
    write(qtbot, "1 250")  # salary: the same each month, at first
    press(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Space)  # "pas le même chaque mois"
    for amount in ("1100", "1200", "1300"):  # each month starts at 1 250, selected on Tab
        press(qtbot, Qt.Key.Key_Tab)
        write(qtbot, amount)
    press(qtbot, Qt.Key.Key_Tab)  # to the unemployment benefit
    write(qtbot, "0")
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
                "salary": [1100, 1200, 1300],
                "unemployment": 0,
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
