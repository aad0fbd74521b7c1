"""The idle lock during an interview (issue 13): it waits longer (the workspace's
`interview_idle_minutes`, 15 by default, instead of 5), shows nothing of the household, keeps
the user name, and unlocking returns to the same question."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from allervers.ui.main_window import MainWindow
from allervers.ui.visits.page import VisitsPage
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.ui.conftest import FakeClock, find, visible_texts
from tests.ui.doorstep_support import Hands
from tests.ui.rights_support import visits_page

CHEMILLE = "49092"
NAME = "Maëlle Guérin"


def interview_at_the_persons(hands: Hands, window: MainWindow) -> None:
    """An interview open on the first person, the keyboard on the birth date."""
    page = visits_page(window)
    hands.type_into(page, "doorCommune", CHEMILLE)
    hands.type_into(page, "doorStreet", "Rue du Lavoir")
    hands.click(page, "startInterview")
    wizard = page.wizard
    assert wizard is not None
    hands.click(wizard, "consent_recorded_yes")
    hands.click(wizard, "consent_contact_yes")
    hands.click(wizard, "consent_partner_caf")
    hands.type_into(wizard, "input_contact_name", NAME)
    hands.key(Qt.Key.Key_Return)
    hands.key(Qt.Key.Key_Return)
    hands.click(wizard, "relationship_reference")
    hands.click(wizard, "input_birth_date")


def test_the_lock_waits_longer_during_an_interview_and_returns_to_the_same_question(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    clock = FakeClock()
    window = open_window(idle_clock=clock)  # the workspace's settings: 5 and 15 minutes
    interview_at_the_persons(Hands(qtbot), window)

    clock.advance(6 * 60)  # past the 5 minutes of the ordinary lock
    window.idle.check()
    assert not window.is_locked
    clock.advance(9 * 60 - 1)
    window.idle.check()
    assert not window.is_locked
    clock.advance(1)  # 15 minutes without a key or a click
    window.idle.check()
    qtbot.waitUntil(lambda: window.is_locked)
    # Nothing of the household is left on screen, nor in memory.
    qtbot.waitUntil(lambda: window.findChild(VisitsPage) is None)
    texts = " ".join(visible_texts(window))
    for personal in (NAME, "Rue du Lavoir", "Chemillé", "Lavoir", "personne 1"):
        assert personal not in texts, personal
    dialog = window.unlock_dialog
    assert dialog is not None
    user = find(dialog, QLineEdit, "userName")
    assert user.text() == COORDINATOR  # kept: the volunteer types the passphrase only
    passphrase = find(dialog, QLineEdit, "passphrase")
    # The offscreen platform deactivates the window when the lock destroys the commune
    # suggestions' popup; a person would be looking at the window they just locked.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is passphrase
    qtbot.keyClicks(passphrase, PASSPHRASE)
    qtbot.keyClick(passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)

    wizard = visits_page(window).wizard
    assert wizard is not None, "the interview is open again"
    assert wizard.page_title.text() == "Les personnes du foyer — personne 1 sur 1"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is find(wizard, QLineEdit, "input_birth_date")
    assert wizard.answers["contact_name"] == NAME  # every answer given before the lock


def test_without_an_interview_the_ordinary_lock_applies_and_names_nobody(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    clock = FakeClock()
    window = open_window(idle_clock=clock)
    clock.advance(5 * 60)
    window.idle.check()
    qtbot.waitUntil(lambda: window.is_locked)
    dialog = window.unlock_dialog
    assert dialog is not None
    assert find(dialog, QLineEdit, "userName").text() == ""
