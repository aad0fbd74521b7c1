"""The Visites page: the door form, the doors to knock at again, the interviews left unfinished
and the latest visits; the interview wizard takes the whole page while it runs.

Built at each unlock with the unlocked user's VisitService (see WorkspaceView), so the drafts
shown are offered again after every lock.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QStackedWidget, QVBoxLayout, QWidget

from allervers.domain.changes import visit_finished
from allervers.domain.errors import AllerVersError
from allervers.domain.followup import StoredAssessment
from allervers.domain.visits import Door, DoorOutcome, Visit, VisitStatus
from allervers.messages import describe
from allervers.questionnaire import loader
from allervers.services.doors import DoorService
from allervers.services.rights import assessable
from allervers.services.visits import VisitService
from allervers.ui.common.busy import message_label
from allervers.ui.common.changes import ChangeNotifier
from allervers.ui.common.styles import DONE_STYLE, ERROR_STYLE
from allervers.ui.doors.round_doors import RoundDoors
from allervers.ui.interview.parsing import date_text
from allervers.ui.interview.plan import PageKey
from allervers.ui.interview.wizard import InterviewWizard
from allervers.ui.rights.assessor import Assessor, RightsTools
from allervers.ui.rights.panel import RightsPanel
from allervers.ui.visits.door_form import DoorForm, outcome_label
from allervers.ui.visits.drafts_banner import DraftsBanner
from allervers.ui.visits.next_doors import NextDoors
from allervers.ui.visits.recent_visits import RecentVisits
from allervers.ui.visits.visit_lists import street_text, visit_text


class VisitsPage(QWidget):
    def __init__(
        self, service: VisitService, doors: DoorService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitsPage")
        self._service = service
        self.wizard: InterviewWizard | None = None
        # The rights screens, once the session's engine is attached (`attach_rights`).
        self.assessor: Assessor | None = None
        self.rights_panel: RightsPanel | None = None
        self.sheet_folder: Path | None = None
        self._rights_after_wizard = False  # a missing answer was completed from the panel
        self.changes: ChangeNotifier | None = None  # set by the workspace view

        self.drafts = DraftsBanner()
        self.drafts.resume.connect(self.open_visit)
        self.done = message_label("visitsDone", DONE_STYLE)
        self.error = message_label("visitsError", ERROR_STYLE)
        self.door_form = DoorForm(service)
        self.door_form.interview_started.connect(self._interview_started)
        self.door_form.door_recorded.connect(self._door_recorded)
        self.door_form.commune_changed.connect(self._refresh_doors)
        self.next_doors = NextDoors()
        self.next_doors.picked.connect(self.door_form.fill_from)
        # The doors of the rounds given to this user, when there are some (issue 16).
        self.round_doors = RoundDoors(doors)
        self.round_doors.picked.connect(lambda door, _round: self.door_form.fill_from_round(door))
        self.round_doors.recorded.connect(
            lambda: self.done.setText(self.tr("Portes enregistrées."))
        )
        self.recent = RecentVisits()
        self.recent.open_visit.connect(self.open_visit)

        home = QWidget()
        home.setObjectName("visitsHome")
        grid = QGridLayout()
        grid.addWidget(self.door_form, 0, 0)
        side = QVBoxLayout()
        side.addWidget(self.round_doors, 3)
        side.addWidget(self.next_doors, 2)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.recent, 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)
        column = QVBoxLayout(home)
        column.addWidget(self.drafts)
        column.addWidget(self.done)
        column.addWidget(self.error)
        column.addLayout(grid, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(home)
        self._home = home
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresh()

    # Lists

    def refresh(self) -> None:
        """Everything, from the workspace: at unlock, and after a finished visit was edited.
        Listing every finished visit costs about 0.3 s for 10 000 of them, so after a door only
        the drafts, the doors and the new visit are updated (`_after_visit`)."""
        try:
            finished = self._service.list_visits(VisitStatus.FINISHED)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.recent.show_visits(finished)
        # The territory's communes come first among the suggestions.
        self.door_form.commune.preferred = frozenset(
            str(v.answers["address_insee"]) for v in finished if v.answers.get("address_insee")
        )
        self._after_visit(None)

    def _after_visit(self, finished: Visit | None) -> None:
        if finished is not None:
            self.recent.add_visit(finished)
            code = finished.answers.get("address_insee")
            if code:
                self.door_form.commune.preferred |= {str(code)}
        try:
            self.drafts.show_drafts(self._service.drafts())
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
        self._refresh_doors(self.door_form.commune.code or "")
        self.round_doors.refresh()

    def _refresh_doors(self, commune: str) -> None:
        doors: list[Door] = self._service.next_doors(commune) if commune else []
        self.next_doors.show_doors(commune, doors)

    # Doors and interviews

    def _door_recorded(self, visit: Visit) -> None:
        outcome = visit.door_outcome
        where = street_text(
            visit.answers.get("address_number"), visit.answers.get("address_street")
        )
        what = outcome_label(outcome or DoorOutcome.ABSENT)
        if visit.answers.get("come_back_on"):
            what = self.tr("repasser le {0}").format(date_text(visit.answers["come_back_on"]))
        self.done.setText(self.tr("Porte enregistrée : {0} — {1}.").format(what, where))
        self._after_visit(visit)
        self._publish(visit)

    def _interview_started(self, visit: Visit) -> None:
        self.done.clear()
        self._open_wizard(visit)

    def open_visit(self, visit_id: str) -> None:
        """Resumes a draft, or opens a finished visit to read or correct it."""
        try:
            visit = self._service.get(visit_id)
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
            return
        self.done.clear()
        self._open_wizard(visit)

    def resume_at(self, visit_id: str, page: PageKey, question: str | None) -> None:
        """Reopens an interview where it was left when the window locked."""
        self.open_visit(visit_id)
        if self.wizard is not None and self.wizard.visit.id == visit_id:
            self.wizard.show_page(page, question)

    def _open_wizard(self, visit: Visit) -> None:
        self._close_wizard()
        self._close_rights()
        self.error.clear()
        try:
            wizard = InterviewWizard(self._service, visit, offer_rights=self.assessor is not None)
        except loader.UnknownQuestionnaire:
            # A visit filled with a definition this version of the software does not ship.
            self.error.setText(
                self.tr(
                    "Cette visite a été remplie avec un questionnaire inconnu ici ({0} v{1})."
                ).format(visit.questionnaire_id, visit.questionnaire_version)
            )
            return
        wizard.closed.connect(self._wizard_closed)
        wizard.finished.connect(self._wizard_finished)
        wizard.rights_requested.connect(self._rights_requested)
        self.wizard = wizard
        self.stack.addWidget(wizard)
        self.stack.setCurrentWidget(wizard)
        wizard.focus_current()

    def _close_wizard(self) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        self.wizard = None
        self.stack.setCurrentWidget(self._home)
        self.stack.removeWidget(wizard)
        wizard.deleteLater()

    def _wizard_closed(self) -> None:
        wizard = self.wizard
        edited = wizard is not None and wizard.visit.status is VisitStatus.FINISHED
        if not edited:
            self.done.setText(
                self.tr("Entretien mis de côté : reprenez-le dans « Entretiens non terminés ».")
            )
        back_to_rights = self._rights_after_wizard and edited and wizard is not None
        self._rights_after_wizard = False
        self._close_wizard()
        if edited:
            self.refresh()  # its address or outcome may read differently now
        else:
            self._after_visit(None)
        if back_to_rights and wizard is not None:
            self.show_rights(wizard.visit)
            return
        self.door_form.focus_first()

    def _wizard_finished(self, visit: Visit) -> None:
        self._close_wizard()
        self.done.setText(self.tr("Entretien terminé et enregistré."))
        self._after_visit(visit)
        self._publish(visit)
        if self.assessor is not None and assessable(visit):
            self.show_rights(visit, compute=True)
            return
        self.door_form.focus_first()

    def _publish(self, visit: Visit) -> None:
        if self.changes is not None:
            self.changes.publish(visit_finished(visit))

    # Rights

    def attach_rights(self, tools: RightsTools) -> None:
        """From now on a finished interview shows its rights (the session's engine and the
        unlocked user's services; see MainWindow)."""
        self.assessor = Assessor(tools, self)

    def _rights_requested(self, visit: Visit) -> None:
        self._rights_after_wizard = False
        self._close_wizard()
        self.show_rights(visit)

    def show_rights(self, visit: Visit, compute: bool = False) -> None:
        """The results panel of a finished interview: what is stored, computed anew when asked,
        when nothing is stored yet, or when answers changed since the last computation."""
        assessor = self.assessor
        if assessor is None:
            return
        self._close_rights()
        stored: list[StoredAssessment] = []
        try:
            stored = assessor.tools.service.current(visit.id)
            if stored and not compute:
                changes = self._service.history(visit.id)
                compute = bool(changes) and changes[-1].at > stored[0].assessed_at
        except AllerVersError as error:
            self.error.setText(describe(error, QCoreApplication.translate))
        panel = RightsPanel(visit, visit_text(visit, False), assessor, self.sheet_folder)
        panel.closed.connect(self._rights_closed)
        panel.go_to_answer.connect(lambda path: self._complete_answer(visit.id, path))
        panel.sheet_saved.connect(lambda path: setattr(self, "sheet_folder", path.parent))
        self.rights_panel = panel
        self.stack.addWidget(panel)
        self.stack.setCurrentWidget(panel)
        panel.open(stored, compute)

    def _close_rights(self) -> None:
        panel = self.rights_panel
        if panel is None:
            return
        self.rights_panel = None
        self.stack.setCurrentWidget(self._home)
        self.stack.removeWidget(panel)
        panel.deleteLater()

    def _rights_closed(self) -> None:
        self._close_rights()
        self.door_form.focus_first()

    def _complete_answer(self, visit_id: str, path: str) -> None:
        """A missing answer named by the panel: to its question in the visit, then back."""
        self.open_visit(visit_id)
        if self.wizard is not None:
            self._rights_after_wizard = True
            self.wizard.go_to_path(path)

    def focus_start(self) -> None:
        if self.wizard is not None:
            self.wizard.focus_current()
        elif self.rights_panel is not None:
            self.rights_panel.setFocus()
        else:
            self.door_form.focus_first()

    def save_pending(self) -> None:
        """The window is about to lock or close: store the answer being typed, if any."""
        if self.wizard is not None:
            self.wizard.commit_pending()
