"""What finishing now would cost: the missing answers that will leave a right at "Impossible à
dire", each with the rights it concerns and a link back to its question (the summary page).

The forecast is `rights.needed`, plain rules without the engine (the engine computes after
finishing, in its own process). A person whose resources were not said at all is named once,
by the question listing them, not by five amounts the interview did not ask yet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from allervers.domain.rights import RightId
from allervers.questionnaire.model import Questionnaire
from allervers.rights.household import INCOME_KINDS, MonthNotModelled, read_visit
from allervers.rights.needed import answers_needed
from allervers.ui.interview.summary import LINK_STYLE, where
from allervers.wording import right_short_name

COSTS_STYLE = (
    "QFrame#summaryCosts { background: #fff4d6; border: 1px solid #d9b44a; border-radius: 4px; }"
)
_PERSON_ANSWER = re.compile(r"^persons\[(?P<index>\d+)\]\.(?P<key>[a-z_]+)$")


def asked_first(answer_ids: Iterable[str]) -> list[str]:
    """The engine's missing answers as the interview asks them: a person's amounts are left out
    when the list of their resources is missing too (the amounts are asked once it is given)."""
    ids = list(answer_ids)
    listed = {m["index"] for a in ids if (m := _PERSON_ANSWER.match(a)) and m["key"] == "incomes"}
    return [
        a
        for a in ids
        if not (
            (m := _PERSON_ANSWER.match(a)) and m["key"] in INCOME_KINDS and m["index"] in listed
        )
    ]


def missing_costs(answers: Mapping[str, Any], visited_on: str) -> list[tuple[str, list[RightId]]]:
    """(interview path, rights left at cannot tell), in the engine's order of answers."""
    try:
        needed = answers_needed(read_visit({"visited_on": visited_on, "answers": answers}))
    except (MonthNotModelled, ValueError):
        return []
    costs = []
    for answer_id in asked_first(needed):
        rights = needed[answer_id]
        match = _PERSON_ANSWER.match(answer_id)
        if match is None:
            costs.append((answer_id, rights))
            continue
        costs.append((f"persons[{int(match['index']) + 1}].{match['key']}", rights))
    return costs


def cost_line(
    questionnaire: Questionnaire, answers: Mapping[str, Any], path: str, rights: list[RightId]
) -> str:
    names = ", ".join(right_short_name(r, QCoreApplication.translate) for r in rights)
    return QCoreApplication.translate("Summary", "{0} — sinon impossible à dire : {1}").format(
        where(questionnaire, answers, path), names
    )


class CostsBox(QFrame):
    """The missing answers that cost a right, as links; and what finishing now costs."""

    go_to = Signal(str)

    def __init__(
        self,
        questionnaire: Questionnaire,
        answers: Mapping[str, Any],
        costs: list[tuple[str, list[RightId]]],
        parent: QWidget,
    ) -> None:
        # Built inside its page: a widget without a parent is a window, and showing one, even
        # for a moment, takes the keyboard away from the main window.
        super().__init__(parent)
        self.setObjectName("summaryCosts")
        self.setStyleSheet(COSTS_STYLE)
        box = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Ces réponses manquent pour conclure sur des droits (cliquez pour compléter) :")
        )
        heading.setObjectName("costsHeading")
        heading.setWordWrap(True)
        box.addWidget(heading)
        self.links: list[QPushButton] = []
        for path, rights in costs:
            link = QPushButton(cost_line(questionnaire, answers, path, rights))
            link.setObjectName(f"cost_{path}")
            link.setFlat(True)
            link.setStyleSheet(LINK_STYLE)
            link.setAutoDefault(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.clicked.connect(lambda _=False, p=path: self.go_to.emit(p))
            box.addWidget(link)
            self.links.append(link)
        lost = sorted({r for _, rights in costs for r in rights}, key=list(RightId).index)
        self.price = QLabel(
            self.tr(
                "Vous pouvez terminer quand même : {0} droit(s) resteront « Impossible à dire » "
                "({1}) jusqu'à ce que la visite soit complétée."
            ).format(
                len(lost), ", ".join(right_short_name(r, QCoreApplication.translate) for r in lost)
            )
        )
        self.price.setObjectName("costsPrice")
        self.price.setWordWrap(True)
        box.addWidget(self.price)
        self.setVisible(bool(costs))


def summary_costs(
    questionnaire: Questionnaire, answers: Mapping[str, Any], visit_day: dt.date, page: QWidget
) -> CostsBox:
    return CostsBox(questionnaire, answers, missing_costs(answers, visit_day.isoformat()), page)
