"""The fields typed on a line (numbers, amounts, dates, texts, phone numbers, communes), the
three-month amounts, and the choice of a field for each question type (see `fields`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from allervers.questionnaire.model import Question, QuestionType
from allervers.ui.common.commune_edit import CommuneEdit, resolve
from allervers.ui.interview import parsing
from allervers.ui.interview.display import month_name
from allervers.ui.interview.fields import (
    NUMBER_WIDTH,
    CharactersValidator,
    ChoiceField,
    MultiField,
    QuestionField,
    problem_text,
)
from allervers.ui.interview.parsing import Parsed

MONTH_WIDTH = 100


def _line(object_name: str, width: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    if width:
        edit.setFixedWidth(width)
    return edit


class _LineField(QuestionField):
    """A single line committed when it is left or confirmed (editingFinished)."""

    characters: ClassVar[str | None] = None
    refusal: ClassVar[str] = "not_a_number"
    edit_width: ClassVar[int | None] = None

    def build_input(self) -> QWidget:
        self.edit = self.make_edit()
        self.edit.editingFinished.connect(self.commit)
        if self.characters is not None:
            validator = CharactersValidator(self.characters, self.edit)
            validator.refused.connect(
                lambda: self.show_problem(problem_text(self.question, self.refusal))
            )
            self.edit.setValidator(validator)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        if self.unit_text():
            row.addWidget(QLabel(self.unit_text()))
        row.addStretch(1)
        return box

    def make_edit(self) -> QLineEdit:
        return _line(f"input_{self.question.id}", self.edit_width)

    def unit_text(self) -> str:
        return ""

    def focus_target(self) -> QWidget:
        return self.edit


class IntegerField(_LineField):
    characters = parsing.INTEGER_CHARACTERS
    edit_width = NUMBER_WIDTH

    def show_value(self, value: Any) -> None:
        self.edit.setText(parsing.integer_text(value))

    def read(self) -> Parsed:
        return parsing.parse_integer(self.edit.text())


class MoneyField(_LineField):
    characters = parsing.AMOUNT_CHARACTERS
    edit_width = NUMBER_WIDTH

    def unit_text(self) -> str:
        return "€"  # the label says per month or per year

    def show_value(self, value: Any) -> None:
        self.edit.setText(parsing.amount_text(value))

    def read(self) -> Parsed:
        return parsing.parse_amount(self.edit.text())


class DateField(_LineField):
    characters = parsing.DATE_CHARACTERS
    refusal = "invalid_date"
    edit_width = NUMBER_WIDTH

    def make_edit(self) -> QLineEdit:
        edit = super().make_edit()
        edit.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        return edit

    def show_value(self, value: Any) -> None:
        self.edit.setText(parsing.date_text(value))

    def read(self) -> Parsed:
        return parsing.parse_date(self.edit.text())


class TextField(_LineField):
    def make_edit(self) -> QLineEdit:
        edit = super().make_edit()
        if self.question.max_length:
            edit.setMaxLength(self.question.max_length)
            # Room for what is usually typed, not for the longest allowed text.
            edit.setMinimumWidth(min(560, 120 + 8 * self.question.max_length))
        return edit

    def show_value(self, value: Any) -> None:
        self.edit.setText(value if isinstance(value, str) else "")

    def read(self) -> Parsed:
        return parsing.parse_text(self.edit.text())


class PhoneField(TextField):
    """French or international numbers only (`domain.phones`): a letter is refused as typed."""

    characters = parsing.PHONE_CHARACTERS
    refusal = "invalid_phone"


class CommuneField(_LineField):
    def make_edit(self) -> QLineEdit:
        edit = CommuneEdit()
        edit.setObjectName(f"input_{self.question.id}")
        edit.setMinimumWidth(320)
        edit.picked.connect(lambda _code: self.commit())
        return edit

    def show_value(self, value: Any) -> None:
        assert isinstance(self.edit, CommuneEdit)
        self.edit.set_code(value if isinstance(value, str) else None)

    def read(self) -> Parsed:
        text = self.edit.text().strip()
        if not text:
            return Parsed()
        code = resolve(text)
        return Parsed(code) if code else Parsed(problem="unknown_commune")


class Money3Field(QuestionField):
    """One amount, "the same every month"; or, with "pas le même chaque mois" ticked, one amount
    for each of the three months before the visit, oldest first ([M-3, M-2, M-1])."""

    def build_input(self) -> QWidget:
        qid = self.question.id
        self.amount = self._amount_edit(f"input_{qid}")
        self.varies = QCheckBox(self.tr("pas le même chaque mois"))
        self.varies.setObjectName(f"varies_{qid}")
        self.varies.clicked.connect(self._varies_clicked)
        self.months: list[QLineEdit] = []
        self.month_box = QWidget()
        month_row = QHBoxLayout(self.month_box)
        month_row.setContentsMargins(0, 0, 0, 0)
        for number, month in enumerate(parsing.previous_months(self.visit_date), start=1):
            edit = self._amount_edit(f"input_{qid}_m{number}", MONTH_WIDTH)
            caption = QLabel(month_name(month))
            caption.setBuddy(edit)
            caption.setContentsMargins(0 if number == 1 else 12, 0, 0, 0)
            month_row.addWidget(caption)
            month_row.addWidget(edit)
            self.months.append(edit)
        month_row.addStretch(1)
        self.month_box.setVisible(False)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        first = QHBoxLayout()
        first.addWidget(self.amount)
        self.unit = QLabel(self.tr("€ par mois"))
        self.unit.setContentsMargins(0, 0, 16, 0)  # hidden with it when the months show
        for widget in (self.amount, self.unit):  # the tick box stays under the pointer
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        first.addWidget(self.unit)
        first.addWidget(self.varies)
        first.addStretch(1)
        column.addLayout(first)
        column.addWidget(self.month_box)
        return box

    def _amount_edit(self, object_name: str, width: int = NUMBER_WIDTH) -> QLineEdit:
        edit = _line(object_name, width)
        validator = CharactersValidator(parsing.AMOUNT_CHARACTERS, edit)
        validator.refused.connect(
            lambda: self.show_problem(problem_text(self.question, "not_a_number"))
        )
        edit.setValidator(validator)
        edit.editingFinished.connect(self.commit)
        return edit

    def _set_varies(self, varies: bool) -> None:
        self.varies.setChecked(varies)
        self.amount.setVisible(not varies)
        self.unit.setVisible(not varies)
        self.month_box.setVisible(varies)

    def _varies_clicked(self, varies: bool) -> None:
        if varies:
            # Starting from "the same every month": each month begins at that amount.
            for edit in self.months:
                edit.setText(self.amount.text())
        else:
            self.amount.setText(self.months[-1].text())  # the most recent month
        self._set_varies(varies)
        self.commit()

    def show_value(self, value: Any) -> None:
        if isinstance(value, list) and len(value) == 3:
            for edit, amount in zip(self.months, value, strict=True):
                edit.setText(parsing.amount_text(amount))
            self.amount.setText("")
            self._set_varies(True)
        else:
            self.amount.setText(parsing.amount_text(value))
            for edit in self.months:
                edit.setText("")
            self._set_varies(False)

    def read(self) -> Parsed:
        if not self.varies.isChecked():
            return parsing.parse_amount(self.amount.text())
        amounts = [parsing.parse_amount(e.text()) for e in self.months]
        problem = next((a.problem for a in amounts if a.problem), None)
        if problem:
            return Parsed(problem=problem)
        values = [a.value for a in amounts]
        if all(v is None for v in values):
            return Parsed()
        if any(v is None for v in values):
            return Parsed(problem="three_months")
        return Parsed(values)

    def commit(self) -> None:
        parsed = self.read()
        if parsed.problem == "three_months":
            self.show_problem(self.tr("Indiquez un montant pour chacun des trois mois."))
            return
        super().commit()

    def focus_target(self) -> QWidget:
        return self.months[0] if self.varies.isChecked() else self.amount


FIELD_TYPES: dict[QuestionType, Callable[[Question, dt.date], QuestionField]] = {
    QuestionType.CHOICE: ChoiceField,
    QuestionType.YESNO: ChoiceField,
    QuestionType.MULTI: MultiField,
    QuestionType.INTEGER: IntegerField,
    QuestionType.MONEY: MoneyField,
    QuestionType.MONEY3: Money3Field,
    QuestionType.DATE: DateField,
    QuestionType.TEXT: TextField,
    QuestionType.COMMUNE: CommuneField,
}


def make_field(question: Question, visit_date: dt.date) -> QuestionField:
    if question.type is QuestionType.TEXT and question.text_format == "phone":
        return PhoneField(question, visit_date)
    return FIELD_TYPES[question.type](question, visit_date)
