"""The window fits a 1366x768 laptop, and the larger text option (issue 13)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from allervers.services.display_prefs import display_file, larger_text, set_larger_text
from allervers.services.workspace import WorkspaceService
from allervers.ui.display import LARGER, apply_larger_text, opening_size
from allervers.ui.main_window import MainWindow
from tests.ui.doorstep_support import Hands
from tests.ui.rights_support import visits_page

LAPTOP_FREE_AREA = QRect(0, 0, 1366, 768 - 40)  # a 1366x768 screen less its task bar


@pytest.fixture
def ordinary_text() -> Iterator[None]:
    yield
    apply_larger_text(False)  # the next test starts with the ordinary size


@pytest.mark.parametrize(
    ("available", "size"),
    [
        (LAPTOP_FREE_AREA, None),  # maximised
        (QRect(0, 0, 1920, 1040), QSize(1280, 800)),
        (QRect(0, 0, 800, 600), QSize(960, 640)),
    ],
)
def test_the_window_opens_maximised_on_a_laptop_screen(
    available: QRect, size: QSize | None
) -> None:
    assert opening_size(available) == size


def test_an_interview_fits_a_1366x768_screen_even_with_larger_text(
    qtbot: QtBot, open_window: Callable[..., MainWindow], ordinary_text: None
) -> None:
    window = open_window()
    hands = Hands(qtbot)
    page = visits_page(window)
    hands.type_into(page, "doorCommune", "49092")
    hands.click(page, "startInterview")
    wizard = page.wizard
    assert wizard is not None
    for choice in ("consent_recorded_yes", "consent_contact_yes", "consent_partner_caf"):
        hands.click(wizard, choice)
    for larger in (False, True):
        apply_larger_text(larger)
        needed = window.minimumSizeHint()
        assert needed.width() <= LAPTOP_FREE_AREA.width(), (larger, needed)
        assert needed.height() <= LAPTOP_FREE_AREA.height(), (larger, needed)


def test_larger_text_is_a_menu_choice_kept_on_this_machine(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    service: WorkspaceService,
    ordinary_text: None,
) -> None:
    window = open_window()
    action = window.findChild(QAction, "largerText")
    assert action is not None and action.text() == "Texte plus &grand"
    assert not action.isChecked()
    ordinary = QApplication.font().pointSizeF()
    action.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(ordinary * LARGER)
    preferences = display_file(service.state_dir)
    assert json.loads(preferences.read_text("utf-8")) == {"larger_text": True}
    assert larger_text(preferences)
    action.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(ordinary)
    assert not larger_text(preferences)


@pytest.mark.parametrize("content", ["", "{", "[]", '{"larger_text": "yes"}', "\x00\xff"])
def test_a_damaged_preference_means_the_ordinary_size(tmp_path: Path, content: str) -> None:
    path = tmp_path / "display.json"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert larger_text(path) is False
    assert larger_text(tmp_path / "absent.json") is False


def test_a_preference_that_cannot_be_written_is_only_lost(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert set_larger_text(blocked / "display.json", True) is False  # a file where a folder goes
