"""Assessing visits with the rights engine and keeping the results in the workspace.

The engine is passed in: `allervers.rights.engine.RightsEngine` in the command line (one process,
synchronous) or the UI's worker process client, whose results the UI hands to `store`. Either way
each assessment records the openfisca-france version and the parameter date it used, and a
re-assessment (the yearly April revaluation) keeps the previous one as history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from allervers.domain.followup import (
    Decision,
    NonDemandeDetail,
    NonRecoursReason,
    Place,
    StoredAssessment,
)
from allervers.domain.rights import Organisation, RightAssessment
from allervers.domain.visits import DoorOutcome, Visit, VisitStatus
from allervers.rights.household import MonthNotModelled, read_visit
from allervers.services.visits import visit_to_json
from allervers.services.workspace import OpenWorkspace
from allervers.storage import caseload_repo, repositories, rights_repo, visits_repo

REASSESS_BATCH = 2_000
MAX_ENGINE_FAILURES = 20
"""Visits the engine failed on, one by one, before a reassessment stops: past that, the engine is
broken, not the visits (and isolating each would cost two runs per visit)."""


@dataclass(frozen=True, slots=True)
class ReassessReport:
    assessed: int
    failed: list[tuple[str, str]]
    """(visit id, reason) of each visit not reassessed: `month_not_modelled`, `unreadable_date`
    or `engine_error`. Never a datum of the visit: the id says where to look."""


def unreadable(visit: Visit) -> str | None:
    """Why the engine would refuse this stored visit before computing anything, or None. Stored
    visits may predate today's checks (a visit dated 1900, imported by an older version)."""
    try:
        read_visit(visit_to_json(visit))
    except MonthNotModelled:
        return "month_not_modelled"
    except ValueError:
        return "unreadable_date"
    return None


def _assess_apart(
    engine: Engine, visits: list[Visit], failed: list[tuple[str, str]]
) -> dict[str, list[RightAssessment]]:
    """The engine's results by visit id. A batch that fails is split in halves until the failing
    visits stand alone: they join `failed`, the others are computed (a few more runs, only when
    something is wrong)."""
    try:
        results = engine.assess_batch([visit_to_json(v) for v in visits])
    except Exception as error:  # any failure of the engine is isolated, then counted
        if len(visits) > 1:
            half = len(visits) // 2
            return _assess_apart(engine, visits[:half], failed) | _assess_apart(
                engine, visits[half:], failed
            )
        failed.append((visits[0].id, "engine_error"))
        if sum(1 for _, code in failed if code == "engine_error") > MAX_ENGINE_FAILURES:
            raise error
        return {}
    return {visit.id: found for visit, found in zip(visits, results, strict=True)}


class Engine(Protocol):
    def assess_batch(
        self, visits: Sequence[Mapping[str, Any]], month: date | None = None
    ) -> list[list[RightAssessment]]: ...


def assessable(visit: Visit) -> bool:
    """Only finished interviews whose person agreed to be recorded are assessed."""
    return (
        visit.status is VisitStatus.FINISHED
        and visit.door_outcome is DoorOutcome.INTERVIEW
        and visit.answers.get("consent_recorded") == "yes"
    )


class RightsService:
    def __init__(self, workspace: OpenWorkspace) -> None:
        self._workspace = workspace

    def store(self, visit_id: str, assessments: list[RightAssessment]) -> list[StoredAssessment]:
        with self._workspace.db.session() as session:
            stored = rights_repo.replace_assessments(session, visit_id, assessments)
            session.flush()
            caseload_repo.refresh_household(
                session, visits_repo.get_visit(session, visit_id).household_id
            )
            repositories.append_audit(
                session, self._workspace.user.id, "visit_assessed", "visit", visit_id
            )
        return stored

    def assess(self, visit: Visit, engine: Engine) -> list[StoredAssessment]:
        return self.store(visit.id, engine.assess_batch([visit_to_json(visit)])[0])

    def current(self, visit_id: str) -> list[StoredAssessment]:
        with self._workspace.db.read() as session:
            return rights_repo.current_assessments(session, visit_id)

    def record_followup(
        self,
        assessment_id: str,
        reason: NonRecoursReason | None,
        detail: NonDemandeDetail | None,
        decision: Decision | None,
    ) -> StoredAssessment:
        """What the person said about a flagged right: why it was not claimed, and what they
        decide. A sub-reason only goes with non-demande."""
        if reason is not NonRecoursReason.NON_DEMANDE:
            detail = None
        with self._workspace.db.session() as session:
            stored = rights_repo.record_followup(session, assessment_id, reason, detail, decision)
            repositories.append_audit(
                session,
                self._workspace.user.id,
                "nonrecours_recorded",
                "assessment",
                assessment_id,
            )
        return stored

    def reassess_all(
        self, engine: Engine, progress: Callable[[int, int], None] | None = None
    ) -> ReassessReport:
        """Re-assesses every finished interview of the workspace (coordinator only), in batches.
        A visit the engine cannot assess is named in the report and the others are computed."""
        self._workspace.require_coordinator("reassess")
        with self._workspace.db.read() as session:
            visits = [
                v
                for v in visits_repo.list_visits(session, None, VisitStatus.FINISHED)
                if assessable(v)
            ]
        failed = [(v.id, code) for v in visits if (code := unreadable(v))]
        refused = {visit_id for visit_id, _ in failed}
        readable = [v for v in visits if v.id not in refused]
        done = 0
        for start in range(0, len(readable), REASSESS_BATCH):
            batch = readable[start : start + REASSESS_BATCH]
            results = _assess_apart(engine, batch, failed)
            with self._workspace.db.session() as session:
                rights_repo.replace_many(session, results)
                caseload_repo.refresh_households(
                    session, sorted({visit.household_id for visit in batch})
                )
                repositories.append_audit(
                    session,
                    self._workspace.user.id,
                    "visits_reassessed",
                    "visit",
                    str(len(results)),
                )
            done += len(results)
            if progress is not None:
                progress(start + len(batch), len(readable))
        return ReassessReport(done, failed)

    def places(self, commune: str | None = None) -> dict[Organisation, Place]:
        """Where to go for each organisation: for a household's commune, the office the local
        services directory gives (the coordinator's entry first); without a commune, the
        coordinator's office entries only (`allervers places`)."""
        from allervers.services.directory import Directory
        from allervers.services.directory_household import office_place

        directory = Directory(self._workspace)
        if commune is None:
            entries = {e.office: e for e in directory.local_offices() if e.office is not None}
        else:
            found = directory.offices_of_commune(commune)
            entries = {kind: entry for kind, entry in found.items() if entry is not None}
        return {
            Organisation(kind.value): office_place(Organisation(kind.value), entry, directory.today)
            for kind, entry in entries.items()
            if kind.value in Organisation.__members__.values()
        }

    def set_place(self, place: Place) -> None:
        from allervers.domain.directory import OfficeKind
        from allervers.services.directory import Directory

        Directory(self._workspace).set_office(
            OfficeKind(place.organisation.value),
            place.name,
            place.address,
            place.phone,
            place.hours,
        )

    def sheet_directory(self, visit: Visit, stored: Sequence[StoredAssessment]) -> Any:
        """The directory's offices and pistes for this visit (`services.directory.SheetDirectory`)."""
        from allervers.services.directory_sheet import sheet_directory

        return sheet_directory(
            self._workspace, visit.answers, stored, date.fromisoformat(visit.visited_on)
        )
