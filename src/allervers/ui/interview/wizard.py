"""The interview wizard: pages generated from the visit's own questionnaire, every answer stored
the moment it is given (`VisitService.answer`, one committed transaction of a few milliseconds,
so no thread), keyboard first.

Keys: Tab between fields, digits pick choices, Enter or PageDown or Alt+→ for the next page,
PageUp or Alt+← for the previous one. A page with a refused answer cannot be left until it is
corrected (or emptied). Opening a visit filled with an older questionnaire version shows that
version's questions: answers are read and checked against the definition they were given with.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError, VisitInvalid
from allervers.domain.problems import Problem
from allervers.domain.visits import Visit, VisitStatus
from allervers.messages import describe
from allervers.questionnaire import loader
from allervers.questionnaire.validation import validate
from allervers.services.rights import assessable
from allervers.services.visit_input import commune_exists
from allervers.services.visits import VisitService
from allervers.ui.common.busy import message_label
from allervers.ui.common.commune_edit import display_code
from allervers.ui.common.styles import ERROR_STYLE
from allervers.ui.interview.costs import summary_costs
from allervers.ui.interview.parsing import date_text
from allervers.ui.interview.plan import (
    PageKey,
    first_to_fill,
    item_count,
    locate,
    pages,
    section_by_id,
)
from allervers.ui.interview.section_page import SectionPage, last_tab_stop, page_title
from allervers.ui.interview.storing import AnswerStorage
from allervers.ui.interview.summary import SummaryPage

SUMMARY = PageKey("")


class InterviewWizard(QWidget, AnswerStorage):
    closed = Signal()  # back to the doors; the visit stays as stored (a draft can be resumed)
    finished = Signal(object)  # the Visit, just finished
    rights_requested = Signal(object)  # the finished Visit whose rights to show

    def __init__(
        self,
        service: VisitService,
        visit: Visit,
        parent: QWidget | None = None,
        offer_rights: bool = False,
    ) -> None:
        super().__init__(parent)
        self._offer_rights = offer_rights
        self.setObjectName("interviewWizard")
        self._service = service
        self.visit = visit
        # The visit's own definition, not the current one: a v1 visit stays a v1 visit.
        self.questionnaire = loader.load(visit.questionnaire_id, visit.questionnaire_version)
        self._day = dt.date.fromisoformat(visit.visited_on)
        self._key = SUMMARY
        self._page: SectionPage | SummaryPage | None = None
        self._summary_problems: list[Problem] | None = None
        self._focus_question: str | None = None
        self._costly = False  # the summary names answers a right needs

        self.heading = QLabel()
        self.heading.setObjectName("interviewHeading")
        self.heading.setWordWrap(True)
        self.page_title = QLabel()
        self.page_title.setObjectName("pageTitle")
        self.page_title.setWordWrap(True)
        font = self.page_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.page_title.setFont(font)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("progressBar")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        # Tab goes from field to field, never to the frame around them (it follows the focus).
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Pages are laid out to fit the width; long texts wrap.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_message = message_label("pageMessage", ERROR_STYLE)

        self.close_button = QPushButton(self.tr("&Fermer"))
        self.close_button.setObjectName("closeInterview")
        self.back_button = QPushButton(self.tr("← &Précédent"))
        self.back_button.setObjectName("previousPage")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextPage")
        # A finished interview: its rights, to read again or compute anew (see RightsPanel).
        self.rights_button = QPushButton(self.tr("Évaluer les &droits"))
        self.rights_button.setObjectName("assessRights")
        buttons_in_order = (self.close_button, self.rights_button, self.back_button)
        for button in (*buttons_in_order, self.next_button):
            button.setAutoDefault(True)  # Enter on a focused button presses that button
        self.close_button.clicked.connect(self.close_interview)
        self.rights_button.clicked.connect(self.request_rights)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.rights_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        top = QHBoxLayout()
        top.addWidget(self.page_title, 1)
        top.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.page_message)
        layout.addLayout(buttons)

        for keys, slot in (
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), self.go_forward),
            (QKeySequence(Qt.Key.Key_PageDown), self.go_forward),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self.go_back),
            (QKeySequence(Qt.Key.Key_PageUp), self.go_back),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # Disconnected by Qt when this widget is destroyed (the receiver is this QObject).
        app.focusChanged.connect(self._follow_focus)

        self._update_heading()
        start = first_to_fill(self.questionnaire, self.answers)
        plan = self._plan()
        finished = visit.status is VisitStatus.FINISHED
        self._show(SUMMARY if finished or start >= len(plan) else plan[start])

    # State

    @property
    def is_finished(self) -> bool:
        return self.visit.status is VisitStatus.FINISHED

    @property
    def current_page(self) -> PageKey:
        return self._key

    def show_page(self, key: PageKey, question: str | None = None) -> None:
        """Back to a page left at a lock (`position`), the keyboard on `question`."""
        if key == SUMMARY or key in self._plan():
            self._show(key, question)

    def _plan(self) -> list[PageKey]:
        return pages(self.questionnaire, self.answers)

    def _order(self, key: PageKey) -> tuple[int, int]:
        """A page's place in the questionnaire, even when it is no longer in the plan."""
        if key == SUMMARY:
            return (len(self.questionnaire.sections), 0)
        index = next(i for i, s in enumerate(self.questionnaire.sections) if s.id == key.section_id)
        return (index, key.item or 0)

    def _update_heading(self) -> None:
        street = " ".join(
            str(self.answers[k])
            for k in ("address_number", "address_street")
            if self.answers.get(k)
        )
        commune = display_code(str(self.answers.get("address_insee", "")))
        place = ", ".join(p for p in (street, commune) if p)
        if self.is_finished:
            text = self.tr(
                "Visite du {0} — {1} (terminée : chaque modification est gardée dans l'historique)"
            )
        else:
            text = self.tr("Entretien du {0} — {1}")
        self.heading.setText(text.format(date_text(self.visit.visited_on), place))

    # Pages

    def _show(self, key: PageKey, focus_question: str | None = None) -> None:
        old = self._page
        if old is not None:
            if isinstance(old, SectionPage):
                old.release()
            old.hide()
            old.deleteLater()
        self._key = key
        self.page_message.clear()
        if key == SUMMARY:
            page: SectionPage | SummaryPage = self._summary()
            self.page_title.setText(self.tr("Récapitulatif"))
        else:
            section = section_by_id(self.questionnaire, key.section_id)
            count = item_count(section, self.answers)
            page = SectionPage(self.questionnaire, section, key, count, self.answers, self._day)
            self._connect(page)
            self.page_title.setText(page_title(section, key, count))
        self._page = page
        self._focus_question = focus_question
        self.scroll_area.setWidget(page)
        # A page is built after the buttons, so Tab would leave its last field for whatever
        # comes next in the window; the next page is what the person wants there.
        last = last_tab_stop(page)
        if last is not None:
            QWidget.setTabOrder(last, self.next_button)
        QWidget.setTabOrder(self.next_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.rights_button)
        QWidget.setTabOrder(self.rights_button, self.close_button)
        self._update_progress()
        self.focus_current()

    def focus_current(self) -> None:
        """Where the person types next: the asked question, else the page's first field; on the
        summary, the first missing answer, else the button that finishes."""
        page = self._page
        # Show where the keyboard is, as after a Tab: this wizard is used with the keyboard, and
        # Qt hides focus frames after a mouse click until Tab is pressed again.
        self.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        if isinstance(page, SectionPage):
            field = page.fields.get(self._focus_question or "")
            if field is not None and not field.isHidden():
                field.focus()
            else:
                page.focus_first()
        elif page is not None:
            problem = page.first_problem()
            (problem or self.next_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _summary(self) -> SummaryPage:
        problems = self._summary_problems
        if problems is None:
            problems = [
                p
                for p in validate(self.questionnaire, self.answers, self._day, commune_exists)
                if p.code != "not_relevant"  # removed when finishing, see _prune
            ]
        self._summary_problems = None
        page = SummaryPage(self.questionnaire, self.answers, self._day, problems)
        # Before finishing only: a finished visit's rights panel names what is missing.
        self._costly = False
        if not self.is_finished:
            costs = summary_costs(self.questionnaire, self.answers, self._day, page)
            self._costly = not costs.isHidden()
            page.show_costs(costs)
        page.go_to.connect(self.go_to_path)
        page.edit_page.connect(self._show)
        return page

    def _connect(self, page: SectionPage) -> None:
        section, key = page.section, page.key
        for question in section.questions:
            field = page.fields[question.id]
            field.committed.connect(
                lambda value, f=field, q=question: self._save(f, section, q, key.item, value)
            )
        page.add_item.connect(lambda: self._add_item(section))
        page.remove_item.connect(lambda item: self._remove_item(section, item))

    def _update_progress(self) -> None:
        plan = [*self._plan(), SUMMARY]
        if self._key in plan:
            position = plan.index(self._key) + 1
        else:
            position = sum(1 for k in plan if self._order(k) <= self._order(self._key))
        self.progress_label.setText(self.tr("Page {0} sur {1}").format(position, len(plan)))
        self.progress.setRange(0, len(plan))
        self.progress.setValue(position)
        self.back_button.setEnabled(position > 1)
        self.rights_button.setVisible(
            self._offer_rights and self.is_finished and assessable(self.visit)
        )
        if self._key != SUMMARY:
            self.next_button.setText(self.tr("&Suivant →"))
        elif self.is_finished:
            self.next_button.setText(self.tr("&Terminer la consultation"))
        elif self._costly:
            self.next_button.setText(self.tr("&Terminer quand même"))
        else:
            self.next_button.setText(self.tr("&Terminer l'entretien"))

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        page = self._page
        if new is not None and page is not None and page.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 40, 60)

    # Navigation

    def _can_leave(self) -> bool:
        page = self._page
        if not isinstance(page, SectionPage):
            return True
        for field in page.visible_fields():
            field.commit()
        refused = [f for f in page.visible_fields() if f.invalid]
        if refused:
            self.page_message.setText(
                self.tr("Corrigez ou effacez la réponse signalée avant de changer de page.")
            )
            refused[0].focus()
            return False
        return True

    def go_next(self) -> None:
        if self._key == SUMMARY:
            self._finish()
            return
        if not self._can_leave():
            return
        later = [k for k in self._plan() if self._order(k) > self._order(self._key)]
        self._show(later[0] if later else SUMMARY)

    def go_forward(self) -> None:
        """PageDown and Alt+→ turn pages; they never finish the interview (Enter or the button
        does), so paging through to check answers cannot end it by accident."""
        if self._key != SUMMARY:
            self.go_next()

    def go_back(self) -> None:
        if not self._can_leave():
            return
        earlier = [k for k in self._plan() if self._order(k) < self._order(self._key)]
        if earlier:
            self._show(earlier[-1])

    def go_to_path(self, path: str) -> None:
        key, question_id = locate(self.questionnaire, path)
        if key.section_id and key.item is not None:
            section = section_by_id(self.questionnaire, key.section_id)
            key = PageKey(key.section_id, min(key.item, item_count(section, self.answers)))
        self._show(key, question_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter reaches here when the focused field did not use it (line edits, choices).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_next()
            return
        super().keyPressEvent(event)

    def close_interview(self) -> None:
        if not self._can_leave():
            return
        self.closed.emit()

    def request_rights(self) -> None:
        if not self._can_leave():
            return
        self.rights_requested.emit(self.visit)

    def _answers_changed(self) -> None:
        page = self._page
        if isinstance(page, SectionPage):
            page.update_relevance(self.answers)
        self._update_heading()
        self._update_progress()

    def _finish(self) -> None:
        if self.is_finished:
            self.closed.emit()  # every change was stored as it was made
            return
        try:
            self._prune()
            self.visit = self._service.finish(self.visit.id)
        except VisitInvalid as error:
            self._summary_problems = [p for p in error.problems if p.code != "not_relevant"]
            self._show(SUMMARY)
            self.page_message.setText(
                self.tr("L'entretien n'est pas terminé : il manque des réponses.")
            )
            return
        except AllerVersError as error:
            self.page_message.setText(describe(error, QCoreApplication.translate))
            return
        self.finished.emit(self.visit)
