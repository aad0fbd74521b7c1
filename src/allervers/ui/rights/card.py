"""One right in the results panel: its status, the estimated amount (said to be an estimate), the
facts behind it in plain French, the answers missing when nothing can be told, and for a flagged
right where to go, what to bring and what the person says about it."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from allervers.domain.followup import Place, StoredAssessment
from allervers.domain.rights import AssessmentStatus, Organisation, RightAssessment
from allervers.questionnaire.model import Questionnaire
from allervers.reports.household_sheet import css_cover
from allervers.services.rights import RightsService
from allervers.ui.interview.costs import asked_first
from allervers.ui.interview.summary import where
from allervers.ui.rights.followup_widgets import FollowUpForm
from allervers.wording import (
    amount_text,
    document_name,
    organisation_name,
    reason_text,
    right_name,
    status_label,
    to_check,
)

SHOWN_REASONS = 3
STATUS_COLOURS = {
    AssessmentStatus.PROBABLE_NON_RECOURS: "#b34700",
    AssessmentStatus.RECEIVED: "#1b5e20",
    AssessmentStatus.NOT_ENTITLED: "#555555",
    AssessmentStatus.CANNOT_TELL: "#8a6d00",
}
_ENGINE_ITEM = re.compile(r"^(?P<group>[a-z_]+)\[(?P<index>\d+)\](?P<rest>.*)$")
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
log = logging.getLogger(__name__)


def interview_path(answer_id: str) -> str:
    """The engine counts persons from 0 (`persons[0].salary`), the interview from 1."""
    match = _ENGINE_ITEM.match(answer_id)
    if match is None:
        return answer_id
    return f"{match['group']}[{int(match['index']) + 1}]{match['rest']}"


def missing_answer_label(
    questionnaire: Questionnaire, answers: Mapping[str, Any], answer_id: str
) -> str:
    """ "persons[0].salary" -> "Les personnes du foyer — personne 1 sur 1 — Salaire…", the
    question as the interview asked it."""
    try:
        return where(questionnaire, answers, interview_path(answer_id))
    except (StopIteration, KeyError, ValueError, IndexError):
        return answer_id  # not a question of this questionnaire: the id is all there is


def place_text(place: Place) -> str:
    from allervers.ui.directory.texts import place_line  # the directory's office, said in French

    return place_line(place)


def readable_reasons(assessment: RightAssessment) -> list[str]:
    """The first facts behind a status, in words. `reason_text` never leaves a placeholder; a
    translation that would is left out, and logged."""
    texts = []
    for reason in assessment.reasons:
        text = reason_text(reason, QCoreApplication.translate)
        if _PLACEHOLDER.search(text):
            log.warning("reason %s of %s lacks values", reason.code.value, assessment.right.value)
            continue
        texts.append(text)
    return texts[:SHOWN_REASONS]


def monthly(assessment: RightAssessment) -> float:
    amount = assessment.amount or 0.0
    return amount / 12 if assessment.period.value == "year" else amount


def _label(text: str, name: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class RightCard(QFrame):
    def __init__(
        self,
        stored: StoredAssessment,
        places: Mapping[Organisation, Place],
        questionnaire: Questionnaire,
        answers: Mapping[str, Any],
        service: RightsService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assessment = stored.assessment
        right = assessment.right.value
        translate = QCoreApplication.translate
        flagged = assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS
        # "Perçu, à vérifier" is a warning: the colour of "cannot tell", not of "received".
        colour = STATUS_COLOURS[
            AssessmentStatus.CANNOT_TELL if to_check(assessment) else assessment.status
        ]
        self.setObjectName(f"rightCard_{right}")
        accent = f"border-left: 5px solid {colour};" if flagged else ""
        self.setStyleSheet(
            f"QFrame#rightCard_{right} {{ border: 1px solid #c8c8c8; {accent}"
            " border-radius: 4px; background: palette(base); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)

        name = _label(right_name(assessment.right, translate), f"rightName_{right}")
        font = name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * (1.15 if flagged else 1.0))
        name.setFont(font)
        status = _label(
            status_label(assessment, translate),
            f"rightStatus_{right}",
            f"QLabel {{ color: {colour}; font-weight: bold; }}",
        )
        status.setWordWrap(False)
        top = QHBoxLayout()
        top.addWidget(name, 1)
        top.addWidget(status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        amount = css_cover(assessment, translate) or amount_text(assessment, translate)
        # "Perçu, à vérifier": the estimate is nil, its first reason says why (no "0 €" shown).
        if (
            amount
            and not to_check(assessment)
            and assessment.status
            in (
                AssessmentStatus.PROBABLE_NON_RECOURS,
                AssessmentStatus.RECEIVED,
            )
        ):
            shown = _label(amount, f"rightAmount_{right}")
            bold = shown.font()
            bold.setBold(flagged)
            bold.setPointSizeF(bold.pointSizeF() * (1.1 if flagged else 1.0))
            shown.setFont(bold)
            layout.addWidget(shown)

        reasons = readable_reasons(assessment)
        if reasons:
            layout.addWidget(
                _label(
                    "\n".join(f"• {text}" for text in reasons),
                    f"rightReasons_{right}",
                    "QLabel { color: palette(placeholder-text); }" if not flagged else "",
                )
            )

        if assessment.status is AssessmentStatus.CANNOT_TELL and assessment.missing_answers:
            # Named here; the panel lists them once more above, each leading to its question.
            missing = " ; ".join(
                missing_answer_label(questionnaire, answers, a)
                for a in asked_first(assessment.missing_answers)
            )
            layout.addWidget(
                _label(self.tr("Il manque : {0}").format(missing), f"rightMissing_{right}")
            )

        self.follow_up: FollowUpForm | None = None
        if not flagged:
            return
        if assessment.organisation is not None:
            where_to = self.tr("<b>Où aller :</b> {0}").format(
                html.escape(organisation_name(assessment.organisation, translate), quote=False)
            )
            place = places.get(assessment.organisation)
            if place is not None:  # typed by the coordinator: shown as text, never as markup
                where_to += "<br>" + html.escape(place_text(place), quote=False)
            layout.addWidget(_label(where_to, f"rightWhere_{right}"))
        if assessment.documents:
            documents = ", ".join(document_name(d, translate) for d in assessment.documents)
            layout.addWidget(
                _label(
                    self.tr("<b>À apporter :</b> {0}.").format(html.escape(documents, quote=False)),
                    f"rightDocuments_{right}",
                )
            )
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("QFrame { color: #e0e0e0; }")
        layout.addWidget(line)
        self.follow_up = FollowUpForm(stored, service)
        layout.addWidget(self.follow_up)
