"""The coordinator's caseload: referrals followed step by step to the right opened.

A referral is made for a flagged right. Once referred, its outcome check falls due after
`outcome_check_months` (three by default, DREES Études et résultats n° 1058); the "à relancer" list
shows the checks that have come, and the referrals without news ten days after they were made.
Closing a referral (opened, refused, abandoned) or recording "no
news" counts as the check done.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from allervers.domain.directory import DirectoryService
from allervers.domain.errors import InvalidInput, PermissionDenied, StepDateRefused
from allervers.domain.referrals import (
    CLOSED_STATUSES,
    NEXT_STEPS,
    CaseloadFilter,
    CaseloadRow,
    Referral,
    ReferralStatus,
    ReferralStep,
    step_date_problem,
)
from allervers.domain.rights import Organisation, RightId
from allervers.domain.visits import Visit
from allervers.services.workspace import OpenWorkspace
from allervers.storage import caseload_repo, repositories, rights_repo, visits_repo
from allervers.storage.models import ReferralRow

NO_NEWS_RECHECK_MONTHS = 1  # "no news": ask again a month later


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 January + 1 = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError


@dataclass(frozen=True, slots=True)
class PlannedReferral:
    """A referral to open and the steps it then takes, in order (`CaseloadService.refer_many`)."""

    visit_id: str
    right: RightId
    organisation: Organisation | None = None
    steps: tuple[ReferralStep, ...] = ()


class CaseloadService:
    def __init__(self, workspace: OpenWorkspace, today: dt.date | None = None) -> None:
        self._workspace = workspace
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _visible_to(self) -> str | None:
        return None if self._workspace.user.is_coordinator else self._workspace.user.id

    def page(
        self,
        where: CaseloadFilter,
        offset: int,
        limit: int,
        sort: str = "last_contact",
        descending: bool = True,
    ) -> list[CaseloadRow]:
        with self._workspace.db.session() as session:
            rows = caseload_repo.caseload_page(
                session,
                self._visible_to(),
                where,
                self.today.isoformat(),
                offset,
                limit,
                sort,
                descending,
            )
            if offset == 0:
                repositories.append_audit(
                    session, self._workspace.user.id, "caseload_viewed", "household"
                )
        return rows

    def count(self, where: CaseloadFilter) -> int:
        with self._workspace.db.read() as session:
            return caseload_repo.caseload_count(
                session, self._visible_to(), where, self.today.isoformat()
            )

    def referrals(self, household_id: str) -> list[Referral]:
        with self._workspace.db.read() as session:
            return caseload_repo.referrals_of(session, household_id)

    def due_checks(self) -> list[Referral]:
        """ "À relancer": open referrals whose outcome check has come."""
        with self._workspace.db.read() as session:
            return caseload_repo.due_checks(session, self._visible_to(), self.today.isoformat())

    def refer(
        self, visit_id: str, right: RightId, organisation: Organisation | None = None
    ) -> Referral:
        """Opens the follow-up of a flagged right (status "to refer")."""
        with self._workspace.db.session() as session:
            visit = visits_repo.get_visit(session, visit_id)
            referral = caseload_repo.add_referral(
                session,
                visit.household_id,
                visit.id,
                right,
                self._organisation(session, visit, right, organisation),
                self._workspace.user.id,
                self.today.isoformat(),
            )
            session.flush()
            caseload_repo.refresh_household(session, visit.household_id)
            repositories.append_audit(
                session, self._workspace.user.id, "referral_created", "referral", referral.id
            )
        return referral

    def advance(self, referral_id: str, step: ReferralStep) -> Referral:
        """Moves a referral to its next step; a step that does not follow is refused."""
        self._workspace.require_coordinator("referral")
        _step_day(step)
        with self._workspace.db.session() as session:
            row = caseload_repo.referral_row(session, referral_id)
            self._take_step(session, row, step)
            session.flush()
            caseload_repo.refresh_household(session, row.household_id)
            repositories.append_audit(
                session, self._workspace.user.id, "referral_advanced", "referral", row.id
            )
            return caseload_repo.to_referral(row)

    def refer_to(
        self, referral_id: str, step: ReferralStep, also: Sequence[Organisation] = ()
    ) -> list[Referral]:
        """Refers a flagged right (`step`, REFERRED, to its organisation) and, together, to each
        organisation of `also` (the CAF and the CPAM for one household): one referral each, all
        or nothing, each followed step by step on its own. The others share the referral's day;
        the contact, the appointment and the place are the first organisation's. An organisation
        this right is already referred to (and not closed) is not referred twice."""
        self._workspace.require_coordinator("referral")
        _step_day(step)
        if step.status is not ReferralStatus.REFERRED:
            raise InvalidInput("status", "transition")
        user_id = self._workspace.user.id
        with self._workspace.db.session() as session:
            first = caseload_repo.referral_row(session, referral_id)
            self._take_step(session, first, step)
            taken = {
                r.organisation
                for r in caseload_repo.referrals_of(session, first.household_id)
                if r.right.value == first.right_id
                and r.status is not ReferralStatus.TO_REFER
                and r.status not in CLOSED_STATUSES
            }
            rows = [first]
            others = [
                o for o in dict.fromkeys(also) if o not in taken and o.value != first.organisation
            ]
            added = caseload_repo.add_referrals(
                session,
                [(first.household_id, first.visit_id, RightId(first.right_id), o) for o in others],
                user_id,
                self.today.isoformat(),
            )
            for organisation, row in zip(others, added, strict=True):
                self._take_step(
                    session, row, ReferralStep(ReferralStatus.REFERRED, step.on, organisation)
                )
                rows.append(row)
            session.flush()
            caseload_repo.refresh_household(session, first.household_id)
            for row in rows:
                if row is not first:
                    repositories.append_audit(
                        session, user_id, "referral_created", "referral", row.id
                    )
                repositories.append_audit(session, user_id, "referral_advanced", "referral", row.id)
            return [caseload_repo.to_referral(row) for row in rows]

    def refer_many(self, referrals: Sequence[PlannedReferral]) -> list[Referral]:
        """Opens many referrals and takes each through its steps, in one transaction: the same
        checks, records and audit entries as `refer` then `advance` for each step, all or
        nothing, but the households' caseload columns are computed once at the end instead of
        after every step (the demo makes thousands of referrals)."""
        if any(planned.steps for planned in referrals):
            self._workspace.require_coordinator("referral")
        for planned in referrals:
            for planned_step in planned.steps:
                _step_day(planned_step)
        user_id = self._workspace.user.id
        with self._workspace.db.session() as session:
            visits = {
                visit_id: visits_repo.get_visit(session, visit_id)
                for visit_id in dict.fromkeys(planned.visit_id for planned in referrals)
            }
            rows = caseload_repo.add_referrals(
                session,
                [
                    (
                        visits[planned.visit_id].household_id,
                        planned.visit_id,
                        planned.right,
                        self._organisation(
                            session, visits[planned.visit_id], planned.right, planned.organisation
                        ),
                    )
                    for planned in referrals
                ],
                user_id,
                self.today.isoformat(),
            )
            for planned, row in zip(referrals, rows, strict=True):
                repositories.append_audit(session, user_id, "referral_created", "referral", row.id)
                for planned_step in planned.steps:
                    self._take_step(session, row, planned_step)
                    repositories.append_audit(
                        session, user_id, "referral_advanced", "referral", row.id
                    )
            session.flush()
            caseload_repo.refresh_households(session, sorted({row.household_id for row in rows}))
            return [caseload_repo.to_referral(row) for row in rows]

    def _organisation(
        self, session: Any, visit: Visit, right: RightId, organisation: Organisation | None
    ) -> Organisation | None:
        """Who may refer this visit's household (its volunteer or a coordinator), and where to:
        the organisation given, or where the engine said to go."""
        if not self._workspace.user.is_coordinator and visit.volunteer_id != (
            self._workspace.user.id
        ):
            raise PermissionDenied("refer")
        if organisation is not None:
            return organisation
        return next(
            (
                s.assessment.organisation
                for s in rights_repo.current_assessments(session, visit.id)
                if s.assessment.right is right
            ),
            None,
        )

    def _take_step(self, session: Any, row: ReferralRow, step: ReferralStep) -> None:
        """Records one step on a referral row and its event; a step that does not follow is
        refused."""
        on = _step_day(step)
        current = ReferralStatus(row.status)
        if step.status not in NEXT_STEPS[current]:
            raise InvalidInput("status", "transition")
        problem = step_date_problem(row.referred_on, step, self.today)
        if problem is not None:
            raise StepDateRefused(step.status.value, step.on, problem.value, row.referred_on)
        if step.status is ReferralStatus.REFERRED:
            organisation = step.organisation.value if step.organisation else row.organisation
            if organisation is None:
                raise InvalidInput("organisation", "empty")
            row.organisation = organisation
            row.referred_on = step.on
            row.contact = step.contact or row.contact
            row.appointment_at = step.appointment_at
            if step.service is not None:  # frozen: later imports do not change it
                row.service_snapshot = json.dumps(step.service.to_json(), ensure_ascii=False)
            months = self._workspace.settings.outcome_check_months
            row.check_due_on = add_months(on, months).isoformat()
        elif step.status is ReferralStatus.CLAIM_FILED:
            row.filed_on = step.on
        elif step.status is ReferralStatus.NO_NEWS:
            row.checked_on = step.on
            row.check_due_on = add_months(on, NO_NEWS_RECHECK_MONTHS).isoformat()
        if step.status is ReferralStatus.OPENED:
            if step.amount is None or step.amount < 0:
                raise InvalidInput("amount", "empty")
            row.opened_amount = step.amount
            row.opened_from = step.opened_from or step.on
        if step.status in (ReferralStatus.REFUSED, ReferralStatus.ABANDONED):
            row.outcome_reason = step.reason
        if step.status in CLOSED_STATUSES:
            row.closed_on = step.on
            row.checked_on = step.on
        caseload_repo.add_event(
            session, row.id, self._workspace.user.id, step.on, row.status, step.status.value
        )
        row.status = step.status.value

    def directory_choices(self, referral: Referral) -> list[DirectoryService]:
        """Where this referral may send the household, from the local services directory: the
        office of its organisation, then the services matched to the right, the household's
        needs and reasons (pistes, to check with each)."""
        from allervers.services.directory_sheet import referral_choices

        with self._workspace.db.session() as session:
            visit = visits_repo.get_visit(session, referral.visit_id)
            stored = rights_repo.current_assessments(session, visit.id)
        return referral_choices(self._workspace, visit.answers, stored, referral.right, self.today)

    def assign(self, household_id: str, volunteer_id: str | None) -> None:
        """A coordinator gives a household's follow-up visit to a volunteer."""
        self._workspace.require_coordinator("assign")
        with self._workspace.db.session() as session:
            caseload_repo.assign(session, household_id, volunteer_id)
            repositories.append_audit(
                session, self._workspace.user.id, "household_assigned", "household", household_id
            )


def _step_day(step: ReferralStep) -> dt.date:
    try:
        return dt.date.fromisoformat(step.on)
    except ValueError:
        raise InvalidInput("date", "format") from None


def step(status: ReferralStatus, on: dt.date, **details: object) -> ReferralStep:
    """A `ReferralStep` from a date object (the form widgets give dates)."""
    return replace(ReferralStep(status, on.isoformat()), **details)  # type: ignore[arg-type]
