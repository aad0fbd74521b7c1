"""One page of the interview: a section's questions, or one person of a repeat group.

Questions whose relevance condition is false are hidden, not destroyed: their widgets keep what
was typed, so an answer changed back brings them back as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from allervers.questionnaire.model import Questionnaire, Section, label
from allervers.ui.interview.display import language
from allervers.ui.interview.fields import HELP_STYLE, QuestionField
from allervers.ui.interview.line_fields import make_field
from allervers.ui.interview.plan import PageKey, is_asked, value_at

REMOVE_CONFIRM_MS = 4000


def page_title(section: Section, key: PageKey, count: int) -> str:
    title = label(section.title, language())
    if key.item is None:
        return title
    return QCoreApplication.translate("SectionPage", "{0} — personne {1} sur {2}").format(
        title, key.item, count
    )


class SectionPage(QWidget):
    add_item = Signal()
    remove_item = Signal(int)

    def __init__(
        self,
        questionnaire: Questionnaire,
        section: Section,
        key: PageKey,
        count: int,
        answers: Mapping[str, Any],
        visit_date: dt.date,
    ) -> None:
        super().__init__()
        self.setObjectName(f"page_{section.id}" + (f"_{key.item}" if key.item else ""))
        self.questionnaire = questionnaire
        self.section = section
        self.key = key
        self.visit_date = visit_date
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 12, 4)
        if section.help:
            intro = QLabel(label(section.help, language()))
            intro.setObjectName("sectionHelp")
            intro.setWordWrap(True)
            intro.setStyleSheet(HELP_STYLE)
            layout.addWidget(intro)
            layout.addSpacing(6)
        self.fields: dict[str, QuestionField] = {}
        for question in section.questions:
            field = make_field(question, visit_date)
            field.set_value(value_at(section, question, answers, key.item))
            self.fields[question.id] = field
            layout.addWidget(field)
        if section.repeat and key.item is not None:
            layout.addSpacing(8)
            layout.addLayout(self._item_buttons(count))
        layout.addStretch(1)
        self.update_relevance(answers)

    def _item_buttons(self, count: int) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("&Ajouter une personne"))
        self.add_button.setObjectName("addItem")
        self.add_button.setAutoDefault(True)
        self.add_button.setEnabled(not self.section.max_items or count < self.section.max_items)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("Retirer cette personne"))
        self.remove_button.setObjectName("removeItem")
        self.remove_button.setAutoDefault(True)
        self.remove_button.setEnabled(count > max(self.section.min_items, 1))
        self.remove_button.clicked.connect(self._remove_clicked)
        self._confirm = QTimer(self)
        self._confirm.setSingleShot(True)
        self._confirm.setInterval(REMOVE_CONFIRM_MS)
        self._confirm.timeout.connect(self._reset_remove)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        return row

    def _remove_clicked(self) -> None:
        # Two clicks, not a modal box: removing a person drops every answer about them.
        if self._confirm.isActive():
            self._confirm.stop()
            assert self.key.item is not None
            self.remove_item.emit(self.key.item)
            return
        self.remove_button.setText(
            self.tr("Confirmer : retirer la personne {0}").format(self.key.item)
        )
        self._confirm.start()

    def _reset_remove(self) -> None:
        self.remove_button.setText(self.tr("Retirer cette personne"))

    def update_relevance(self, answers: Mapping[str, Any]) -> None:
        """Shows the questions asked now. Nothing moves under the pointer (issue 13: a click
        aimed at "Salarié·e" landed on "Retraité·e" when a field above it went away): a field
        above the pointed one that goes away keeps its room until the page is left, and one
        that comes in above it is compensated by scrolling."""
        pointed = self._pointed_field()
        above = self._fields_above(pointed)
        before = pointed.mapToGlobal(QPoint(0, 0)).y() if pointed is not None else None
        for question in self.section.questions:
            field = self.fields[question.id]
            shown = is_asked(self.section, question, answers, self.key.item, self.visit_date)
            if not shown and field in above and field.isVisibleTo(self):
                policy = field.sizePolicy()
                policy.setRetainSizeWhenHidden(True)
                field.setSizePolicy(policy)
            field.setVisible(shown)
        if pointed is not None and before is not None:
            # Once the page is laid out again (its new size is a posted layout request).
            QTimer.singleShot(0, self, lambda: self._keep_in_place(pointed, before))

    def _pointed_field(self) -> QuestionField | None:
        widget = QApplication.widgetAt(QCursor.pos())
        while widget is not None and widget is not self:
            if isinstance(widget, QuestionField) and widget in self.fields.values():
                return widget
            widget = widget.parentWidget()
        return None

    def _fields_above(self, pointed: QuestionField | None) -> list[QuestionField]:
        if pointed is None:
            return []
        fields = list(self.fields.values())
        return fields[: fields.index(pointed)]

    def _keep_in_place(self, pointed: QuestionField, before: int) -> None:
        moved = pointed.mapToGlobal(QPoint(0, 0)).y() - before
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if moved and isinstance(area, QScrollArea):  # as far as the page can scroll
            bar = area.verticalScrollBar()
            bar.setValue(bar.value() + moved)

    def visible_fields(self) -> list[QuestionField]:
        return [f for f in self.fields.values() if not f.isHidden()]

    def focus_first(self) -> None:
        fields = self.visible_fields()
        if fields:
            fields[0].focus()

    def release(self) -> None:
        """Before the page goes: its fields must not commit again when they lose the focus."""
        for field in self.fields.values():
            field.blockSignals(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def last_tab_stop(page: QWidget) -> QWidget | None:
    """The page's last widget that Tab reaches (the wizard sends Tab on to its buttons)."""
    last = None
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            last = widget
        widget = widget.nextInFocusChain()
    return last
