"""Where an interview stands when the window locks, so that unlocking returns to the same
question (issue 13: a lock in front of the household must not lose the interview's thread).

Only ids are kept, in memory, while locked: the visit's id, the page and the question id; the
answers themselves are stored (encrypted) and closed with the workspace. The position is given
back only to the user who was interviewing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QWidget

from allervers.ui.interview.fields import QuestionField
from allervers.ui.interview.plan import PageKey
from allervers.ui.interview.wizard import InterviewWizard


@dataclass(frozen=True, slots=True)
class InterviewPosition:
    user: str
    visit_id: str
    page: PageKey
    question: str | None


def focused_question(wizard: InterviewWizard) -> str | None:
    widget: QWidget | None = QApplication.focusWidget()
    while widget is not None and widget is not wizard:
        if isinstance(widget, QuestionField):
            return widget.question.id
        widget = widget.parentWidget()
    return None


def position_of(wizard: InterviewWizard | None, user: str) -> InterviewPosition | None:
    if wizard is None:
        return None
    return InterviewPosition(user, wizard.visit.id, wizard.current_page, focused_question(wizard))
