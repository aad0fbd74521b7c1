"""Assessing a finished visit and keeping the result, whatever the screen does meanwhile.

The volunteer may leave the results panel before the engine answers (it can still be loading at
the first door of the day): the results are stored all the same when they arrive. A lock cancels
a request still with the engine (the task runner says so on the lock screen) rather than write to
a locked workspace; the visit can be assessed again later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from allervers.domain.errors import AllerVersError
from allervers.domain.followup import StoredAssessment
from allervers.domain.rights import RightAssessment
from allervers.domain.visits import Visit
from allervers.services.rights import RightsService
from allervers.services.visits import visit_to_json
from allervers.services.workspace import OpenWorkspace
from allervers.ui.rights.engine_host import EngineHost

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RightsTools:
    """What the rights screens need from the unlocked session."""

    engine: EngineHost
    service: RightsService
    volunteer_first_name: str
    """On the household sheet: the first word of the user's name, nothing more."""
    audit: Callable[[str, str, str], None]


def rights_tools(engine: EngineHost, workspace: OpenWorkspace) -> RightsTools:
    words = workspace.user.name.split()
    return RightsTools(
        engine=engine,
        service=RightsService(workspace),
        volunteer_first_name=words[0] if words else "",
        audit=workspace.audit,
    )


class Assessor(QObject):
    started = Signal(str)  # visit id
    assessed = Signal(str, object)  # visit id, list[StoredAssessment]
    failed = Signal(str, object)  # visit id, Exception

    def __init__(self, tools: RightsTools, parent: QObject) -> None:
        super().__init__(parent)
        self.tools = tools
        self.running: set[str] = set()

    def assess(self, visit: Visit) -> None:
        if visit.id in self.running:
            return  # already asked: its answer will come
        self.running.add(visit.id)
        self.started.emit(visit.id)
        self.tools.engine.assess(
            visit_to_json(visit),
            self,
            lambda assessments: self._computed(visit.id, assessments),
            lambda error: self._failed(visit.id, error),
        )

    def _computed(self, visit_id: str, assessments: list[RightAssessment]) -> None:
        self.running.discard(visit_id)
        try:
            stored: list[StoredAssessment] = self.tools.service.store(visit_id, assessments)
        except Exception as error:
            # Said on the panel rather than lost in a slot, which would leave "Calcul en cours…"
            # on screen for ever. The type only in the log: a driver's message may quote data.
            if not isinstance(error, AllerVersError):
                log.error("storing assessments failed: %s", type(error).__name__)
            self.failed.emit(visit_id, error)
            return
        self.assessed.emit(visit_id, stored)

    def _failed(self, visit_id: str, error: Exception) -> None:
        self.running.discard(visit_id)
        self.failed.emit(visit_id, error)
