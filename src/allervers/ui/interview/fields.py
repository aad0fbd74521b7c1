"""One field per question type, built from the definition: the question's label, its input, its
help text and a message line for a refused answer.

A field does not store anything itself: it emits `committed(value)` when the person has given an
answer (a choice clicked or picked with a digit, a line left or confirmed with Enter), and the
wizard stores it and calls `accept`, or calls `show_problem` when the value is refused. A text that
cannot be a value at all (a letter in an amount) is refused by the field without emitting.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.problems import Problem
from allervers.messages import describe_problem
from allervers.questionnaire.model import Question, label
from allervers.ui.common.busy import message_label
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.interview.display import choice_labels, language
from allervers.ui.interview.parsing import Parsed

HELP_STYLE = "QLabel { color: palette(placeholder-text); }"
NUMBER_WIDTH = 140
DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n or 10 for n in range(10)}  # 0 picks the 10th


def problem_text(question: Question, code: str) -> str:
    """The message for a refused answer, with the question's limits ("0 à 120")."""
    values: dict[str, Any] = {}
    for key, limit in (("min", question.minimum), ("max", question.maximum)):
        if limit is not None:
            values[key] = int(limit) if float(limit).is_integer() else limit
    if question.max_length is not None:
        values["max_length"] = question.max_length
    return describe_problem(Problem("", code, values), QCoreApplication.translate)


def _button_text(number: int, text: str) -> str:
    # "&" would turn the next letter of a label into a mnemonic.
    return f"{number % 10}  {text.replace('&', '&&')}"


class CharactersValidator(QValidator):
    """Refuses, as they are typed, characters that can never belong to such a value (a letter in
    an amount), and says so through `refused`. Everything else is Acceptable, so that leaving the
    field always commits it: an Intermediate state would silently swallow editingFinished and
    the answer with it."""

    refused = Signal()

    def __init__(self, pattern: str, parent: QObject) -> None:
        super().__init__(parent)
        self._pattern = re.compile(pattern)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._pattern.fullmatch(text):
            return QValidator.State.Acceptable, text, pos
        self.refused.emit()
        return QValidator.State.Invalid, text, pos


class QuestionField(QWidget):
    committed = Signal(object)  # the answer; None removes it

    def __init__(self, question: Question, visit_date: dt.date) -> None:
        super().__init__()
        self.question = question
        self.visit_date = visit_date
        self.setObjectName(f"field_{question.id}")
        self._stored: Any = None
        self.title = QLabel(label(question.label, language()))
        self.title.setObjectName(f"label_{question.id}")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        help_text = label(question.help, language()) if question.help else ""
        self.help = QLabel(help_text)
        self.help.setObjectName(f"help_{question.id}")
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.help.setVisible(bool(help_text))
        self.message = message_label(f"problem_{question.id}", ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.build_input())
        layout.addWidget(self.message)  # right under what was typed
        layout.addWidget(self.help)
        self.title.setBuddy(self.focus_target())

    # What each type provides

    def build_input(self) -> QWidget:
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def read(self) -> Parsed:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        raise NotImplementedError

    # Shared behaviour

    @property
    def invalid(self) -> bool:
        return bool(self.message.text())

    def set_value(self, value: Any) -> None:
        """Fills the widgets from a stored answer, without committing anything."""
        self._stored = value
        self.show_value(value)
        self.clear_problem()

    def accept(self, value: Any) -> None:
        """The wizard stored `value`."""
        self._stored = value
        self.clear_problem()

    def commit(self) -> None:
        parsed = self.read()
        if parsed.problem:
            self.show_problem(problem_text(self.question, parsed.problem))
            return
        if parsed.value == self._stored:
            self.clear_problem()  # back to what is stored: nothing to say, nothing to write
            return
        self.committed.emit(parsed.value)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)

    def clear_problem(self) -> None:
        self.message.clear()

    def focus(self) -> None:
        self.focus_target().setFocus(Qt.FocusReason.TabFocusReason)


class _ButtonsField(QuestionField):
    """Choices as buttons; digits 1 to 9 (0 for the tenth) pick them while one has the focus."""

    exclusive_group: ClassVar[bool] = True

    def build_input(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(self.exclusive_group)
        self.values: list[str] = []
        choices = choice_labels(self.question)
        # Short lists read in one line; longer ones in balanced columns of at most four.
        columns = math.ceil(len(choices) / 4)
        rows = 1 if len(choices) <= 3 else math.ceil(len(choices) / columns)
        for index, (value, text) in enumerate(choices):
            button = self.make_button(_button_text(index + 1, text))
            button.setObjectName(f"{self.question.id}_{value}")
            button.installEventFilter(self)
            self.group.addButton(button, index)
            self.values.append(value)
            if rows == 1:
                grid.addWidget(button, 0, index)
            else:
                grid.addWidget(button, index % rows, index // rows)
        grid.setColumnStretch(grid.columnCount(), 1)
        self.group.buttonClicked.connect(self._clicked)
        return box

    def make_button(self, text: str) -> QAbstractButton:
        raise NotImplementedError

    def _clicked(self, button: QAbstractButton) -> None:
        self.toggled_by_person(button)
        self.commit()

    def toggled_by_person(self, button: QAbstractButton) -> None:
        """A hook for multiple choices with exclusive values."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                return self._leave(event.key() == Qt.Key.Key_Tab)
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            number = DIGIT_KEYS.get(Qt.Key(event.key()))
            if number is not None and modifiers == Qt.KeyboardModifier.NoModifier:
                button = self.group.button(number - 1)
                if button is not None:
                    self.pick(button)
                return True
        if event.type() == QEvent.Type.FocusIn and self.exclusive_group:
            # Tabbing into the choices lands on the chosen one, where arrows and digits start.
            checked = self.group.checkedButton()
            if checked is not None and checked is not watched and not checked.hasFocus():
                checked.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def _leave(self, forward: bool) -> bool:
        """The choices are one Tab stop (arrows and digits move inside), whatever the platform's
        habit: otherwise Tab walks through every option and the next digit lands on the wrong
        question."""
        buttons = self.group.buttons()
        edge = buttons[-1] if forward else buttons[0]
        widget = edge.nextInFocusChain() if forward else edge.previousInFocusChain()
        while widget is not None and widget is not edge:
            if (
                widget not in buttons
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                reason = (
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                widget.setFocus(reason)
                return True
            widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
        return False

    def pick(self, button: QAbstractButton) -> None:
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        button.click()  # toggles a checkbox, checks a radio button; emits buttonClicked

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or self.group.button(0)


class ChoiceField(_ButtonsField):
    """One value among the choices (also yes / no / don't know)."""

    def make_button(self, text: str) -> QAbstractButton:
        return QRadioButton(text)

    def show_value(self, value: Any) -> None:
        if value in self.values:
            button = self.group.button(self.values.index(value))
            button.setChecked(True)
        else:
            # A stored value this version no longer offers, or none: nothing checked.
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)

    def read(self) -> Parsed:
        index = self.group.checkedId()
        return Parsed(self.values[index] if index >= 0 else None)


class MultiField(_ButtonsField):
    """A list of values; "Aucun" or "Ne sait pas" (the definition's exclusive values) stand
    alone: ticking one unticks the others, and the other way round."""

    exclusive_group = False

    def make_button(self, text: str) -> QAbstractButton:
        return QCheckBox(text)

    def toggled_by_person(self, button: QAbstractButton) -> None:
        if not button.isChecked():
            return
        value = self.values[self.group.id(button)]
        alone = value in self.question.exclusive
        for other in self.group.buttons():
            other_value = self.values[self.group.id(other)]
            if other is not button and (alone or other_value in self.question.exclusive):
                other.setChecked(False)

    def show_value(self, value: Any) -> None:
        chosen = value if isinstance(value, list) else []
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(self.values[index] in chosen)

    def read(self) -> Parsed:
        chosen = [self.values[self.group.id(b)] for b in self.group.buttons() if b.isChecked()]
        return Parsed(chosen or None)
