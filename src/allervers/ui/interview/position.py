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


class InterviewKeeper:
    """The window's memory of the interview open at an idle lock (a lock asked with Ctrl+L
    closes it: it then waits among the drafts), and the longer quiet spell an open interview
    gets (the workspace's `interview_idle_minutes`)."""

    def __init__(self, interview_ms: int) -> None:
        self.interview_ms = interview_ms
        self.idle_lock = False  # set while an idle lock runs
        self.position: InterviewPosition | None = None

    def remember(self, wizard: InterviewWizard | None, user: str) -> None:
        self.position = position_of(wizard, user) if self.idle_lock else None

    @property
    def user(self) -> str | None:
        """The user name the unlock form keeps: only after an idle lock in an interview."""
        return self.position.user if self.position is not None else None

    def give_back(self, user: str) -> InterviewPosition | None:
        """The position, once, and only to the user who was interviewing."""
        position, self.position = self.position, None
        return position if position is not None and position.user == user else None

    def interval(self, interviewing: bool, ordinary_ms: int) -> int:
        return max(self.interview_ms, ordinary_ms) if interviewing else ordinary_ms
