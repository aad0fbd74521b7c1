"""A volunteer at the door, counted: every click and every key a test sends goes through
`Hands`, so that a test can say how much work a whole visit took (issue 13: 55 clicks and 115
keys before, at most half now)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import find, type_text

LEFT = Qt.MouseButton.LeftButton


class Hands:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.clicks = 0
        self.keys = 0

    def click(self, root: QWidget, name: str) -> None:
        """One click on a button, a choice or a field named `name` under `root`."""
        widget = find(root, QWidget, name)
        assert widget.isVisible(), f"{name} is not on screen"
        assert widget.isEnabled(), f"{name} cannot be clicked"
        self.clicks += 1
        if isinstance(widget, QRadioButton | QCheckBox):
            # On the box and the start of its words, as a person aims: a choice's widget can be
            # wider than its text, and a click beside the text does nothing.
            self.qtbot.mouseClick(widget, LEFT, pos=QPoint(8, widget.height() // 2))
        elif isinstance(widget, QAbstractButton):
            self.qtbot.mouseClick(widget, LEFT)
        else:
            self.qtbot.mouseClick(widget, LEFT, pos=widget.rect().center())
            widget.setFocus(Qt.FocusReason.MouseFocusReason)  # offscreen: focus follows clicks

    def type_into(self, root: QWidget, name: str, text: str) -> None:
        """A click into a line, then the text typed."""
        self.click(root, name)
        edit = find(root, QLineEdit, name)
        self.keys += len(text)
        type_text(self.qtbot, edit, text)

    def key(self, key: Qt.Key) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        self.keys += 1
        self.qtbot.keyClick(widget, key)
