"""The answers the engine needed to conclude, each one a link to its question in the visit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from allervers.domain.followup import StoredAssessment
from allervers.questionnaire.model import Questionnaire
from allervers.ui.interview.costs import asked_first
from allervers.ui.rights.card import interview_path, missing_answer_label

MISSING_STYLE = (
    "QFrame#rightsMissing { background: #fff8e1; border: 1px solid #e0c068; border-radius: 4px; }"
)
LINK_STYLE = (
    "QPushButton { text-align: left; padding: 2px 6px; border: none; color: palette(link);"
    " text-decoration: underline; }"
)


class MissingAnswers(QFrame):
    """Hidden while nothing is missing. `go_to_answer(path)`: an interview path to complete."""

    go_to_answer = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rightsMissing")
        self.setStyleSheet(MISSING_STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(0)
        self.hide()

    def show_missing(
        self,
        unknown: list[StoredAssessment],
        questionnaire: Questionnaire,
        answers: Mapping[str, Any],
    ) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        paths: dict[str, str] = {}  # interview path -> engine's answer id, in the engine's order
        for stored in unknown:
            for answer_id in asked_first(stored.assessment.missing_answers):
                paths.setdefault(interview_path(answer_id), answer_id)
        self.setVisible(bool(paths))
        if not paths:
            return
        heading = QLabel(
            self.tr("Pour conclure, il manque ces réponses (cliquez pour compléter) :")
        )
        heading.setObjectName("rightsMissingHeading")
        heading.setWordWrap(True)
        self._layout.addWidget(heading)
        for path, answer_id in paths.items():
            link = QPushButton(missing_answer_label(questionnaire, answers, answer_id))
            link.setObjectName(f"missing_{path}")
            link.setStyleSheet(LINK_STYLE)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setAutoDefault(True)
            link.clicked.connect(lambda _=False, p=path: self.go_to_answer.emit(p))
            self._layout.addWidget(link)
            # Shown now, not at the layout's next pass: the panel gives it the focus at once (a
            # hidden widget takes the focus only once shown, after the test or the person has
            # moved on).
            link.show()
