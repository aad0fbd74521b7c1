"""How the interview wizard stores what is typed: each answer the moment it is given (checked
first, refused in the field), items of a repeated section added or removed, and the answers a
later choice left without object removed when finishing. A part of `InterviewWizard`
(ui/interview/wizard.py), which provides the page, the navigation and the messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from allervers.domain.errors import AllerVersError, VisitInvalid
from allervers.domain.visits import Visit
from allervers.messages import describe
from allervers.questionnaire.model import Question, Questionnaire, Section
from allervers.questionnaire.validation import check_value, validate
from allervers.services.visit_input import commune_exists
from allervers.services.visits import VisitService
from allervers.ui.interview.fields import QuestionField, problem_text
from allervers.ui.interview.plan import PageKey, answer_path, items_of
from allervers.ui.interview.section_page import SectionPage
from allervers.ui.interview.summary import SummaryPage, problem_line

# Answers left over from a choice changed later (a rent kept after "owner" was chosen) are
# removed when finishing; removing one can make another one irrelevant, hence a few rounds.
PRUNE_ROUNDS = 5


class AnswerStorage:
    """Mixed into InterviewWizard, which sets these and defines the three methods below."""

    visit: Visit
    questionnaire: Questionnaire
    page_message: QLabel
    _service: VisitService
    _day: dt.date
    _page: SectionPage | SummaryPage | None

    @property
    def answers(self) -> dict[str, Any]:
        return self.visit.answers

    def commit_pending(self) -> None:
        """Stores what is being typed (the window is about to lock or close); a refused value
        stays unstored, as everywhere."""
        page = self._page
        if isinstance(page, SectionPage):
            for field in page.visible_fields():
                field.commit()

    def _show(self, key: PageKey, focus_question: str | None = None) -> None:
        raise NotImplementedError

    def _can_leave(self) -> bool:
        raise NotImplementedError

    def _answers_changed(self) -> None:
        raise NotImplementedError

    def _store(self, path: str, value: Any) -> None:
        self.visit = self._service.answer(self.visit.id, path, value)

    def _save(
        self,
        field: QuestionField,
        section: Section,
        question: Question,
        item: int | None,
        value: Any,
    ) -> None:
        path = answer_path(section, question, item)
        code = None if value is None else check_value(question, value, self._day, commune_exists)
        if code:
            field.show_problem(problem_text(question, code))
            return
        try:
            self._store(path, value)
        except VisitInvalid as error:
            field.show_problem(self._describe_for_field(error))
            return
        except AllerVersError as error:
            field.show_problem(describe(error, QCoreApplication.translate))
            return
        field.accept(value)
        self._answers_changed()

    def _describe_for_field(self, error: VisitInvalid) -> str:
        """A finished visit is checked as a whole: name the answers the change would break."""
        return "\n".join(problem_line(self.questionnaire, self.answers, p) for p in error.problems)

    def _add_item(self, section: Section) -> None:
        if not self._can_leave():
            return
        items = items_of(section, self.answers) or [{}]
        if not self._store_items(section, [*items, {}]):
            return
        self._show(PageKey(section.id, len(items) + 1))

    def _remove_item(self, section: Section, item: int) -> None:
        items = items_of(section, self.answers)
        remaining = [i for n, i in enumerate(items, start=1) if n != item]
        if not self._store_items(section, remaining or None):
            return
        self._show(PageKey(section.id, max(1, min(item, len(remaining)))))

    def _store_items(self, section: Section, items: list[dict[str, Any]] | None) -> bool:
        try:
            self._store(section.id, items)
        except AllerVersError as error:
            self.page_message.setText(describe(error, QCoreApplication.translate))
            return False
        return True

    def _prune(self) -> None:
        for _ in range(PRUNE_ROUNDS):
            leftovers = [
                p.path
                for p in validate(self.questionnaire, self.answers, self._day, commune_exists)
                if p.code == "not_relevant"
            ]
            if not leftovers:
                return
            for path in leftovers:
                self._store(path, None)
