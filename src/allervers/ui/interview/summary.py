"""The last page: every answer in words, page by page, and what is still missing.

Each missing or refused answer is a button that goes back to its question; each page has a
"Modifier" button. Nothing is stored here: the answers were stored as they were given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.problems import Problem
from allervers.messages import describe_problem
from allervers.questionnaire.model import Questionnaire, label
from allervers.ui.interview.display import language, show
from allervers.ui.interview.plan import (
    PageKey,
    is_asked,
    item_count,
    locate,
    pages,
    section_by_id,
    value_at,
)
from allervers.ui.interview.section_page import page_title

PROBLEMS_STYLE = (
    "QFrame#summaryProblems { background: #fdecea; border: 1px solid #e6a3a0; border-radius: 4px; }"
)
LABEL_WIDTH = 260
LINK_STYLE = "QPushButton { text-align: left; padding: 3px 8px; }"


def where(questionnaire: Questionnaire, answers: Mapping[str, Any], path: str) -> str:
    """A problem's place in words: "Les personnes du foyer — personne 2 sur 2 — Âge"."""
    key, question_id = locate(questionnaire, path)
    section = section_by_id(questionnaire, key.section_id)
    if path == section.id:  # the group as a whole (too few persons)
        return label(section.title, language())
    text = page_title(section, key, item_count(section, answers))
    question = questionnaire.question(question_id) if question_id else None
    if question is not None:
        text = f"{text} — {label(question.label, language())}"
    return text


def problem_line(questionnaire: Questionnaire, answers: Mapping[str, Any], problem: Problem) -> str:
    reason = describe_problem(Problem("", problem.code, problem.values), QCoreApplication.translate)
    return QCoreApplication.translate("Summary", "{0} : {1}").format(
        where(questionnaire, answers, problem.path), reason
    )


class SummaryPage(QWidget):
    go_to = Signal(str)  # the path of an answer to change
    edit_page = Signal(object)  # PageKey

    def __init__(
        self,
        questionnaire: Questionnaire,
        answers: Mapping[str, Any],
        visit_date: dt.date,
        problems: list[Problem],
    ) -> None:
        super().__init__()
        self.setObjectName("summaryPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 12, 4)
        self.costs: QFrame | None = None
        self.problems = QFrame()
        self.problems.setObjectName("summaryProblems")
        self.problems.setStyleSheet(PROBLEMS_STYLE)
        box = QVBoxLayout(self.problems)
        heading = QLabel(self.tr("À compléter avant de terminer :"))
        heading.setObjectName("problemsHeading")
        box.addWidget(heading)
        for problem in problems:
            button = QPushButton(problem_line(questionnaire, answers, problem))
            button.setObjectName(f"goTo_{problem.path}")
            button.setFlat(True)
            button.setStyleSheet(LINK_STYLE)
            button.setAutoDefault(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, path=problem.path: self.go_to.emit(path))
            box.addWidget(button)
        self.problems.setVisible(bool(problems))
        layout.addWidget(self.problems)
        # One grid for every page: the answers line up in one column, whatever the page.
        self.grid = QGridLayout()
        self.grid.setColumnMinimumWidth(0, LABEL_WIDTH)
        self.grid.setColumnStretch(1, 1)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        for key in pages(questionnaire, answers):
            self._page(questionnaire, key, answers, visit_date)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def _page(
        self,
        questionnaire: Questionnaire,
        key: PageKey,
        answers: Mapping[str, Any],
        visit_date: dt.date,
    ) -> None:
        section = section_by_id(questionnaire, key.section_id)
        row = self.grid.rowCount()
        title = QLabel(page_title(section, key, item_count(section, answers)))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        title.setContentsMargins(0, 10, 0, 2)
        edit = QPushButton(self.tr("Modifier"))
        edit.setObjectName(f"edit_{section.id}" + (f"_{key.item}" if key.item else ""))
        edit.setAutoDefault(True)
        edit.clicked.connect(lambda _=False, k=key: self.edit_page.emit(k))
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(edit, 0, Qt.AlignmentFlag.AlignBottom)
        self.grid.addLayout(header, row, 0, 1, 2)
        for question in section.questions:
            if not is_asked(section, question, answers, key.item, visit_date):
                continue
            row += 1
            name = QLabel(label(question.label, language()))
            name.setWordWrap(True)
            name.setMaximumWidth(LABEL_WIDTH)
            name.setStyleSheet("QLabel { color: palette(placeholder-text); }")
            text = show(question, value_at(section, question, answers, key.item), visit_date)
            value = QLabel(text)
            value.setObjectName(f"answer_{question.id}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, row + 1, 0, 1, 2)

    def show_costs(self, costs: QFrame) -> None:
        """The missing answers that will leave a right at "Impossible à dire" (`costs`), right
        under what must be completed: links back to their questions, and the price of finishing
        now."""
        self.costs = costs
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, costs)
        go_to = getattr(costs, "go_to", None)
        if go_to is not None:
            go_to.connect(self.go_to)

    def first_problem(self) -> QPushButton | None:
        """Where Enter leads on this page: the first required answer missing. Answers a right
        needs do not stop Enter: the button then says "Terminer quand même" and the costs say
        what finishing now leaves undecided."""
        buttons = self.problems.findChildren(QPushButton)
        return buttons[0] if buttons and self.problems.isVisibleTo(self) else None
