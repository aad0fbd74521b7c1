"""Recording visits: one answer at a time, committed as it is given, so that a crash, a power cut
or a closed lid loses at most the field being typed."""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from allervers.domain.errors import PermissionDenied, VisitInvalid
from allervers.domain.problems import Problem
from allervers.domain.visits import (
    DIRECT_IDENTIFIERS,
    Door,
    DoorOutcome,
    Visit,
    VisitChange,
    VisitStatus,
    visit_day_problem,
)
from allervers.questionnaire import loader
from allervers.questionnaire.model import Questionnaire
from allervers.questionnaire.validation import check_value, validate
from allervers.services import door_links
from allervers.services.visit_input import (
    FORMAT,
    ImportRead,
    ParsedVisit,
    commune_exists,
    read_import,
)
from allervers.services.workspace import OpenWorkspace
from allervers.storage import caseload_repo, repositories, visits_repo

_PATH = re.compile(r"^(?P<group>[a-z_]+)\[(?P<index>\d+)\]\.(?P<key>[a-z_]+)$|^(?P<plain>[a-z_]+)$")


def questionnaire_of(visit: Visit) -> Questionnaire:
    return loader.load(visit.questionnaire_id, visit.questionnaire_version)


def strip_identifiers(answers: dict[str, Any]) -> dict[str, Any]:
    """Without consent to be contacted again, the visit keeps no name, phone or street address
    (the commune stays, for the territory's figures). A door with no interview keeps its address:
    the round needs it to come back, and it says nothing about the household."""
    if answers.get("door_outcome") != DoorOutcome.INTERVIEW.value:
        return {k: v for k, v in answers.items() if k not in ("contact_name", "contact_phone")}
    if answers.get("consent_contact") == "yes":
        return answers
    return {k: v for k, v in answers.items() if k not in DIRECT_IDENTIFIERS}


def set_path(answers: dict[str, Any], path: str, value: Any) -> tuple[dict[str, Any], Any]:
    """A copy of `answers` with the answer at `path` set (None removes it), and the old value."""
    match = _PATH.match(path)
    if not match:
        raise VisitInvalid([Problem(path, "unknown_question")])
    result = copy.deepcopy(answers)
    if match["plain"]:
        old = result.get(path)
        if value is None:
            result.pop(path, None)
        else:
            result[path] = value
        return result, old
    items = result.setdefault(match["group"], [])
    index = int(match["index"]) - 1
    if index < 0 or index > len(items):
        raise VisitInvalid([Problem(path, "no_such_item")])
    if index == len(items):
        items.append({})
    old = items[index].get(match["key"])
    if value is None:
        items[index].pop(match["key"], None)
    else:
        items[index][match["key"]] = value
    return result, old


def _check_one(questionnaire: Questionnaire, path: str, value: Any, visit_date: dt.date) -> None:
    match = _PATH.match(path)
    key = (match["plain"] or match["key"]) if match else path
    question = questionnaire.question(key)
    group = questionnaire.section_of(key)
    if (
        match is None
        or question is None
        or (group is not None and group.repeat) != bool(match["group"])
    ):
        if (
            match
            and match["plain"]
            and any(s.repeat and s.id == match["plain"] for s in questionnaire.sections)
        ):
            return  # a whole repeat group, checked at the end
        raise VisitInvalid([Problem(path, "unknown_question")])
    if value is None:
        return
    code = check_value(question, value, visit_date, commune_exists)
    if code:
        raise VisitInvalid([Problem(path, code)])


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    skipped: list[tuple[int, list[Problem]]]


class VisitService:
    def __init__(self, workspace: OpenWorkspace, questionnaire: Questionnaire | None = None):
        self._workspace = workspace
        # New visits use this definition; each stored visit keeps the one it was filled with.
        self.questionnaire = questionnaire or loader.current()

    @property
    def _user_id(self) -> str:
        return self._workspace.user.id

    def _visible_to(self) -> str | None:
        return None if self._workspace.user.is_coordinator else self._user_id

    def start(
        self,
        commune_insee: str,
        street: str | None = None,
        number: str | None = None,
        visited_on: dt.date | None = None,
        household_id: str | None = None,
        door_id: str | None = None,
    ) -> Visit:
        """A new draft at a door (of a round, with `door_id`), the address typed as answers."""
        day = visited_on or dt.date.today()
        questionnaire = self.questionnaire
        if not commune_exists(commune_insee):
            raise VisitInvalid([Problem("address_insee", "unknown_commune")])
        day_problem = visit_day_problem(day, dt.date.today())
        if day_problem:
            raise VisitInvalid([Problem("visited_on", day_problem)])
        answers: dict[str, Any] = {"address_insee": commune_insee}
        if street:
            answers["address_street"] = street
        if number:
            answers["address_number"] = number
        with self._workspace.db.session() as session:
            if household_id is None:
                household_id = visits_repo.add_household(
                    session, commune_insee, street, number, self._user_id
                )
            visit = visits_repo.add_visit(
                session,
                household_id,
                self._user_id,
                questionnaire.id,
                questionnaire.version,
                day.isoformat(),
                answers,
            )
            visits_repo.visit_row(session, visit.id).door_id = door_id
            repositories.append_audit(session, self._user_id, "visit_started", "visit", visit.id)
        return visit

    def record_door(
        self,
        commune_insee: str,
        street: str | None,
        number: str | None,
        outcome: DoorOutcome,
        visited_on: dt.date | None = None,
        household_id: str | None = None,
        door_id: str | None = None,
    ) -> Visit:
        """One click for a door that did not answer (absent, vacant, refused, not a dwelling)."""
        visit = self.start(commune_insee, street, number, visited_on, household_id, door_id)
        self.answer(visit.id, "door_outcome", outcome.value)
        return self.finish(visit.id)

    def get(self, visit_id: str) -> Visit:
        """A visit this user may read: their own, or any visit of a household assigned to them
        (a colleague's earlier visit, after the household was given to them), as in the lists."""
        with self._workspace.db.session() as session:
            visit = visits_repo.get_visit(session, visit_id)
            assigned = visits_repo.assigned_to(session, visit.household_id)
            if assigned != self._user_id:
                self._require_visible(visit)
            repositories.append_audit(session, self._user_id, "visit_viewed", "visit", visit_id)
        return visit

    def _require_visible(self, visit: Visit) -> None:
        """Changing a visit stays with its author (or the coordinator)."""
        if self._workspace.user.is_coordinator or visit.volunteer_id == self._user_id:
            return
        raise PermissionDenied("visit")

    def answer(self, visit_id: str, path: str, value: Any) -> Visit:
        """Stores one answer at once (its own committed transaction). On a finished visit the
        change is kept in the history with the previous value."""
        with self._workspace.db.session() as session:
            visit = visits_repo.get_visit(session, visit_id)
            self._require_visible(visit)
            day = dt.date.fromisoformat(visit.visited_on)
            _check_one(questionnaire_of(visit), path, value, day)
            answers, old = set_path(visit.answers, path, value)
            if old == value:
                return visit
            if visit.status is VisitStatus.FINISHED:
                problems = validate(questionnaire_of(visit), answers, day, commune_exists)
                if problems:
                    raise VisitInvalid(problems)
                visits_repo.add_change(session, visit_id, self._user_id, path, old, value)
                repositories.append_audit(session, self._user_id, "visit_edited", "visit", visit_id)
                answers = strip_identifiers(answers)
                visits_repo.contact_from_answers(session, visit.household_id, answers)
            visits_repo.save_answers(session, visit_id, answers)
            if visit.status is VisitStatus.FINISHED:
                session.flush()
                caseload_repo.refresh_household(session, visit.household_id)
                if path == "door_outcome":
                    door_links.visit_finished(session, visit_id)
            return Visit(**{**_fields(visit), "answers": answers})

    def problems(self, visit_id: str, finished: bool = True) -> list[Problem]:
        visit = self.get(visit_id)
        return validate(
            questionnaire_of(visit),
            visit.answers,
            dt.date.fromisoformat(visit.visited_on),
            commune_exists,
            finished,
        )

    def finish(self, visit_id: str) -> Visit:
        with self._workspace.db.session() as session:
            visit = visits_repo.get_visit(session, visit_id)
            self._require_visible(visit)
            day = dt.date.fromisoformat(visit.visited_on)
            problems = validate(questionnaire_of(visit), visit.answers, day, commune_exists)
            if problems:
                raise VisitInvalid(problems)
            answers = strip_identifiers(visit.answers)
            visits_repo.save_answers(session, visit_id, answers)
            visits_repo.mark_finished(session, visit_id)
            visits_repo.contact_from_answers(session, visit.household_id, answers)
            session.flush()
            caseload_repo.refresh_household(session, visit.household_id)
            door_links.visit_finished(session, visit_id)
            repositories.append_audit(session, self._user_id, "visit_finished", "visit", visit_id)
        return Visit(**{**_fields(visit), "answers": answers, "status": VisitStatus.FINISHED})

    def discard(self, visit_id: str) -> None:
        """Drops an unfinished visit (started at the wrong door, or a test): drafts only, and
        only one's own."""
        with self._workspace.db.session() as session:
            visit = visits_repo.get_visit(session, visit_id)
            if visit.volunteer_id != self._user_id:
                raise PermissionDenied("discard")
            if visit.status is not VisitStatus.DRAFT:
                raise VisitInvalid([Problem("", "not_a_draft")])
            visits_repo.delete_draft(session, visit_id)
            repositories.append_audit(session, self._user_id, "draft_discarded", "visit", visit_id)

    def household_visits(self, household_id: str) -> list[Visit]:
        """The finished visits of one household that this user may see, oldest first."""
        with self._workspace.db.session() as session:
            visits = visits_repo.household_visits(session, household_id, self._visible_to())
            repositories.append_audit(
                session, self._user_id, "household_viewed", "household", household_id
            )
        return visits

    def drafts(self) -> list[Visit]:
        """Unfinished visits of this user, newest first: offered for resumption at unlock."""
        with self._workspace.db.read() as session:
            return visits_repo.drafts(session, self._user_id)

    def history(self, visit_id: str) -> list[VisitChange]:
        with self._workspace.db.read() as session:
            self._require_visible(visits_repo.get_visit(session, visit_id))
            return visits_repo.changes(session, visit_id)

    def list_visits(
        self,
        status: VisitStatus | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[Visit]:
        with self._workspace.db.session() as session:
            visits = visits_repo.list_visits(
                session, self._visible_to(), status, limit=limit, newest_first=newest_first
            )
            repositories.append_audit(session, self._user_id, "visits_listed", "visit")
        return visits

    def next_doors(self, commune_insee: str, today: dt.date | None = None) -> list[Door]:
        day = (today or dt.date.today()).isoformat()
        with self._workspace.db.read() as session:
            return visits_repo.doors_to_revisit(session, commune_insee, day, self._visible_to())

    def import_file(self, path: Path, skip_invalid: bool = False) -> ImportReport:
        """Validates every line first; imports nothing if a line is bad, unless `skip_invalid`.
        Limits (line length, nesting, number of lines) are in `visit_input`."""
        return self.store_read(read_import(path, skip_invalid))

    def store_read(self, read: ImportRead) -> ImportReport:
        """Stores what `visit_input.read_import` read (the command line reads the file before
        it unlocks the workspace)."""
        return ImportReport(self.store_finished(read.visits, read.door_keys), read.skipped)

    def store_finished(
        self, visits: list[ParsedVisit], door_keys: list[str | None] | None = None
    ) -> int:
        """Stores validated, finished visits in one transaction (import, demo) with their passes
        at their doors."""
        with self._workspace.db.session() as session:
            for index, (day, questionnaire, raw) in enumerate(visits):
                answers = strip_identifiers(raw)
                household_id = visits_repo.add_household(
                    session,
                    answers["address_insee"],
                    answers.get("address_street"),
                    answers.get("address_number"),
                    self._user_id,
                    answers.get("contact_name"),
                    answers.get("contact_phone"),
                    # A new household with one finished visit: its caseload columns are known.
                    last_contact_on=day.isoformat(),
                    next_action_on=answers.get("come_back_on"),
                )
                stored = visits_repo.add_visit(
                    session,
                    household_id,
                    self._user_id,
                    questionnaire.id,
                    questionnaire.version,
                    day.isoformat(),
                    answers,
                    finished=True,
                )
                if door_keys and door_keys[index]:
                    door_links.name_door(session, stored.id, str(door_keys[index]), answers)
            session.flush()
            door_links.match_visits(session)
            repositories.append_audit(
                session, self._user_id, "visits_imported", "visit", str(len(visits))
            )
        return len(visits)


def _fields(visit: Visit) -> dict[str, Any]:
    return {name: getattr(visit, name) for name in Visit.__slots__}  # type: ignore[attr-defined]


def visit_to_json(visit: Visit) -> dict[str, Any]:
    """A visit in the documented household format, with its id and status."""
    return {
        "format": FORMAT,
        "id": visit.id,
        "status": visit.status.value,
        "questionnaire": {"id": visit.questionnaire_id, "version": visit.questionnaire_version},
        "visited_on": visit.visited_on,
        "answers": visit.answers,
    }
