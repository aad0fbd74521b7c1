"""The results of an interview: which rights the household probably misses, roughly how much,
why, where to go and what to bring; for each flagged right, why it is not received and what the
person decides. Shown after "Terminer l'entretien", and from any finished interview ("Évaluer
les droits") to read it again or compute it anew.

The engine computes in its own process: while it does, the panel says "Calcul en cours…" and the
window stays usable. If it cannot compute, the panel says so: the visit itself is already stored.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from allervers.domain.errors import AllerVersError
from allervers.domain.followup import StoredAssessment
from allervers.domain.rights import AssessmentStatus, EngineFailed, EngineUnavailable, RightId
from allervers.domain.visits import Visit
from allervers.messages import describe
from allervers.reports.household_sheet import SheetContent
from allervers.rights.worker import EngineState
from allervers.services.visits import questionnaire_of
from allervers.ui.assessor import Assessor
from allervers.ui.busy import ERROR_STYLE, BusyIndicator, message_label
from allervers.ui.directory.pistes_box import PistesBox, read_directory
from allervers.ui.interview.costs import asked_first
from allervers.ui.right_card import RightCard, interview_path, missing_answer_label, monthly
from allervers.ui.sheet_saver import SheetSaver
from allervers.ui.visit_lists import visit_text
from allervers.wording import out_of_date_line

DONE_STYLE = "QLabel { color: #1b5e20; }"
MISSING_STYLE = (
    "QFrame#rightsMissing { background: #fff8e1; border: 1px solid #e0c068; border-radius: 4px; }"
)
LINK_STYLE = (
    "QPushButton { text-align: left; padding: 2px 6px; border: none; color: palette(link);"
    " text-decoration: underline; }"
)
NOTE_STYLE = "QLabel { color: palette(placeholder-text); }"
OUT_OF_DATE_STYLE = "QLabel { color: #8a6d00; }"
ORDER = {
    AssessmentStatus.PROBABLE_NON_RECOURS: 0,
    AssessmentStatus.CANNOT_TELL: 1,
    AssessmentStatus.RECEIVED: 2,
    AssessmentStatus.NOT_ENTITLED: 3,
}


def ordered(stored: list[StoredAssessment]) -> list[StoredAssessment]:
    """Flagged rights first, largest amounts first; then what cannot be told, then the rest."""
    rights = list(RightId)  # then in the usual order of the rights
    return sorted(
        stored,
        key=lambda s: (
            ORDER[s.assessment.status],
            -monthly(s.assessment),
            rights.index(s.assessment.right),
        ),
    )


def assessed_on(stored: list[StoredAssessment]) -> str:
    """When it was computed, in local time: "14/10/2026 à 15:32"."""
    moment = dt.datetime.fromisoformat(stored[0].assessed_at).astimezone()
    return QCoreApplication.translate("RightsPanel", "{0} à {1}").format(
        moment.strftime("%d/%m/%Y"), moment.strftime("%H:%M")
    )


class RightsPanel(QWidget):
    closed = Signal()  # back to the doors
    go_to_answer = Signal(str)  # an interview path to complete
    sheet_saved = Signal(object)  # Path

    def __init__(
        self,
        visit: Visit,
        assessor: Assessor,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rightsPanel")
        self.visit = visit
        self.assessor = assessor
        self._tools = assessor.tools
        self._folder = folder or Path.home()
        self._questionnaire = questionnaire_of(visit)
        self.stored: list[StoredAssessment] = []
        self.cards: dict[str, RightCard] = {}
        self.saver: SheetSaver | None = None

        heading = QLabel(self.tr("Droits à vérifier avec le foyer"))
        heading.setObjectName("rightsHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.visit_label = QLabel(self.tr("Visite du {0}").format(visit_text(visit, False)))
        self.visit_label.setObjectName("rightsVisit")
        self.visit_label.setWordWrap(True)
        self.busy = BusyIndicator()
        self.busy.setObjectName("rightsBusy")
        self.engine_note = message_label("rightsEngineNote", NOTE_STYLE)
        self.error = message_label("rightsError", ERROR_STYLE)
        self.done = message_label("rightsDone", DONE_STYLE)
        self.summary = message_label("rightsSummary")
        bold = self.summary.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.summary.setFont(bold)
        self.computed_note = message_label("rightsComputed", NOTE_STYLE)
        self.out_of_date = message_label("rightsOutOfDate", OUT_OF_DATE_STYLE)
        # Answers the engine needed: each one a link to its question in the visit.
        self.missing = QFrame()
        self.missing.setObjectName("rightsMissing")
        self.missing.setStyleSheet(MISSING_STYLE)
        self.missing_layout = QVBoxLayout(self.missing)
        self.missing_layout.setContentsMargins(8, 6, 8, 6)
        self.missing_layout.setSpacing(0)
        self.missing.hide()

        self.list = QWidget()
        self.list.setObjectName("rightsList")
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(8)
        self.pistes = PistesBox()  # the directory's services for the household's needs
        self.list_layout.addWidget(self.pistes)
        self.list_layout.addStretch(1)
        self.directory: Any = None  # services.directory.SheetDirectory, read with the results
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.list)

        self.back_button = QPushButton(self.tr("&Retour aux portes"))
        self.back_button.setObjectName("rightsBack")
        self.rerun_button = QPushButton(self.tr("Re&calculer"))
        self.rerun_button.setObjectName("rightsRerun")
        self.sheet_button = QPushButton(self.tr("&Feuille pour le foyer (PDF)…"))
        self.sheet_button.setObjectName("sheetButton")
        for button in (self.back_button, self.rerun_button, self.sheet_button):
            button.setAutoDefault(True)
        self.back_button.clicked.connect(lambda: self.closed.emit())
        self.rerun_button.clicked.connect(self.run)
        self.sheet_button.clicked.connect(self.save_sheet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.rerun_button)
        buttons.addWidget(self.sheet_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.visit_label)
        layout.addWidget(self.busy)
        layout.addWidget(self.engine_note)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.computed_note)
        layout.addWidget(self.out_of_date)
        layout.addWidget(self.missing)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.done)
        layout.addLayout(buttons)

        assessor.started.connect(self._started)
        assessor.assessed.connect(self._assessed)
        assessor.failed.connect(self._failed)
        self._tools.engine.state_changed.connect(self._engine_changed)
        self._update_buttons()

    # Computing ---------------------------------------------------------------------------------

    def open(self, stored: list[StoredAssessment], compute: bool) -> None:
        """Shows what is stored; computes anew when asked (or when nothing is stored)."""
        if stored:
            self.show_results(stored)
        if compute or not stored:
            self.run()
        elif self.visit.id in self.assessor.running:
            self._started(self.visit.id)

    def run(self) -> None:
        engine = self._tools.engine
        if engine.state is EngineState.FAILED:
            engine.restart()  # a new try, in a new worker process
        self.error.clear()
        self.done.clear()
        self.assessor.assess(self.visit)
        if self.visit.id in self.assessor.running:
            self._started(self.visit.id)

    def _started(self, visit_id: str) -> None:
        if visit_id != self.visit.id:
            return
        self.busy.start(self.tr("Calcul en cours…"))
        self._engine_changed(self._tools.engine.state)
        self._update_buttons()

    def _engine_changed(self, state: EngineState) -> None:
        waiting = self.visit.id in self.assessor.running
        if waiting and state in (EngineState.LOADING, EngineState.WARMING_UP):
            self.engine_note.setText(
                self.tr(
                    "Le moteur de calcul finit de se charger : le premier calcul prend un peu "
                    "plus de temps. Vous pouvez revenir aux portes, le résultat sera enregistré."
                )
            )
        else:
            self.engine_note.clear()

    def _assessed(self, visit_id: str, stored: list[StoredAssessment]) -> None:
        if visit_id != self.visit.id:
            return
        self.busy.stop()
        self.engine_note.clear()
        self.show_results(stored)

    def _failed(self, visit_id: str, error: Exception) -> None:
        if visit_id != self.visit.id:
            return
        self.busy.stop()
        self.engine_note.clear()
        text = self.failure_text(error)
        if self.stored:
            text += " " + self.tr("Les résultats affichés sont ceux du calcul précédent.")
        self.error.setText(text)
        self._update_buttons()

    def failure_text(self, error: Exception) -> str:
        later = self.tr(
            "L'entretien est bien enregistré : les droits pourront être évalués plus tard "
            "(« Évaluer les droits » depuis la visite)."
        )
        if isinstance(error, EngineUnavailable):
            return self.tr("Le moteur de calcul n'est pas disponible.") + " " + later
        if isinstance(error, EngineFailed) and self._tools.engine.state is EngineState.FAILED:
            return self.tr("Le moteur de calcul n'a pas pu démarrer.") + " " + later
        if isinstance(error, EngineFailed):
            return self.tr(
                "Le calcul n'a pas abouti pour ce foyer. L'entretien est bien enregistré ; "
                "vous pouvez réessayer avec « Recalculer »."
            )
        return describe(error, QCoreApplication.translate)

    # Results -----------------------------------------------------------------------------------

    def show_results(self, stored: list[StoredAssessment]) -> None:
        self.stored = ordered(stored)
        for card in self.cards.values():
            self.list_layout.removeWidget(card)
            card.hide()
            card.setParent(None)  # gone from the panel now, not at the next turn of the loop
            card.deleteLater()
        self.cards = {}
        places = self._read_directory()
        answers = self.visit.answers
        flagged = [
            s for s in self.stored if s.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS
        ]
        for position, item in enumerate(self.stored):
            card = RightCard(item, places, self._questionnaire, answers, self._tools.service)
            self.cards[item.assessment.right.value] = card
            self.list_layout.insertWidget(position, card)
        unknown = [s for s in self.stored if s.assessment.status is AssessmentStatus.CANNOT_TELL]
        self._show_missing(unknown)
        if len(flagged) == 1:
            self.summary.setText(self.tr("1 droit probablement non perçu : à voir avec le foyer."))
        elif flagged:
            self.summary.setText(
                self.tr("{0} droits probablement non perçus : à voir avec le foyer.").format(
                    len(flagged)
                )
            )
        elif unknown:
            self.summary.setText(self.tr("Rien à conclure pour l'instant : des réponses manquent."))
        else:
            self.summary.setText(
                self.tr("D'après les réponses, aucun droit probablement non perçu.")
            )
        first = self.stored[0].assessment if self.stored else None
        if first is not None:
            self.computed_note.setText(
                self.tr(
                    "Estimations calculées le {0} avec OpenFisca-France {1}. Seul l'organisme qui "
                    "verse un droit peut décider."
                ).format(assessed_on(self.stored), first.openfisca_france_version)
            )
        self.out_of_date.setText(
            out_of_date_line([s.assessment for s in self.stored], QCoreApplication.translate)
        )
        self._update_buttons()
        self._focus_first()

    def _show_missing(self, unknown: list[StoredAssessment]) -> None:
        while self.missing_layout.count():
            item = self.missing_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        paths: dict[str, str] = {}  # interview path -> engine's answer id, in the engine's order
        for stored in unknown:
            for answer_id in asked_first(stored.assessment.missing_answers):
                paths.setdefault(interview_path(answer_id), answer_id)
        self.missing.setVisible(bool(paths))
        if not paths:
            return
        heading = QLabel(
            self.tr("Pour conclure, il manque ces réponses (cliquez pour compléter) :")
        )
        heading.setObjectName("rightsMissingHeading")
        heading.setWordWrap(True)
        self.missing_layout.addWidget(heading)
        for path, answer_id in paths.items():
            link = QPushButton(
                missing_answer_label(self._questionnaire, self.visit.answers, answer_id)
            )
            link.setObjectName(f"missing_{path}")
            link.setStyleSheet(LINK_STYLE)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setAutoDefault(True)
            link.clicked.connect(lambda _=False, p=path: self.go_to_answer.emit(p))
            self.missing_layout.addWidget(link)
            # Shown now, not at the layout's next pass: `_focus_first` gives it the focus at
            # once (a hidden widget takes the focus only once shown, after the test or the
            # person has moved on).
            link.show()

    def _focus_first(self) -> None:
        for card in self.cards.values():
            if card.follow_up is not None:
                card.follow_up.reason.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        links = self.missing.findChildren(QPushButton)
        if links and self.missing.isVisibleTo(self):
            links[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        running = self.visit.id in self.assessor.running
        self.rerun_button.setEnabled(not running)
        self.sheet_button.setEnabled(bool(self.stored) and not running)

    # Household sheet ---------------------------------------------------------------------------

    def save_sheet(self) -> None:
        if not self.stored:
            return
        try:
            found = self._tools.service.sheet_directory(self.visit, self.stored)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.directory = found
        content = SheetContent(
            assessments=[s.assessment for s in self.stored],
            places=found.places,
            pistes=found.pistes,
            volunteer_first_name=self._tools.volunteer_first_name,
            visited_on=dt.date.fromisoformat(self.visit.visited_on),
        )
        saver = SheetSaver(self, content, self._folder)
        saver.started.connect(self._sheet_started)
        saver.saved.connect(self._sheet_saved)
        saver.failed.connect(self._sheet_failed)
        self.saver = saver
        saver.start()

    def _sheet_started(self) -> None:
        self.done.clear()
        self.error.clear()
        self.sheet_button.setEnabled(False)
        self.busy.start(self.tr("Écriture de la feuille…"))

    def _sheet_saved(self, path: Path) -> None:
        self.busy.stop()
        self._update_buttons()
        self._folder = path.parent
        self._tools.audit("sheet_printed", "visit", self.visit.id)
        self.done.setText(self.tr("Feuille pour le foyer enregistrée : {0}").format(path))
        self.pistes.warn_offices(self.directory)  # offices lacking an address or a phone
        self.sheet_saved.emit(path)

    def _sheet_failed(self, error: Exception) -> None:
        self.busy.stop()
        self._update_buttons()
        self.error.setText(describe(error, QCoreApplication.translate))

    def _read_directory(self) -> dict[Any, Any]:
        self.directory, places, problem = read_directory(self._tools.service, self, self.pistes)
        if problem:
            self.error.setText(problem)
        return places
