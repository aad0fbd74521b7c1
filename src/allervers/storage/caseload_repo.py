"""The caseload: households with their flags, referrals and next action, queried page by page."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from allervers.domain.case_status import CaseFacts, LastVisit, ReferralFacts, summarise
from allervers.domain.errors import UnknownRecord
from allervers.domain.referrals import (
    HOUSEHOLD_STATUS_ORDER,
    CaseloadFilter,
    CaseloadRow,
    ReferralStatus,
)
from allervers.domain.rights import AssessmentStatus, RightId
from allervers.storage.models import (
    AssessmentRow,
    HouseholdRow,
    ReferralRow,
    UserRow,
    VisitRow,
)
from allervers.storage.referrals_repo import (
    add_event,
    add_referral,
    add_referrals,
    due_checks,
    referral_row,
    referrals_of,
    to_referral,
)

# Referrals moved to storage/referrals_repo.py; their names stay importable from here.
__all__ = [
    "add_event",
    "add_referral",
    "add_referrals",
    "assign",
    "caseload_count",
    "caseload_page",
    "due_checks",
    "household_ids",
    "referral_row",
    "referrals_of",
    "refresh_household",
    "refresh_households",
    "stale_households",
    "to_referral",
]

# The caseload's sort keys. Communes sort by their French name, as shown, not by INSEE code
# (`commune_sort_key` is registered on every connection, storage/database.py); statuses in the
# order of the follow-up (HOUSEHOLD_STATUS_ORDER), an unknown one last; names in French
# dictionary order (`name_sort_key`: "Émile" among the E, not after "Zoé").
SORTABLE: dict[str, Any] = {
    "last_contact": HouseholdRow.last_contact_on,
    "next_action": HouseholdRow.next_action_on,
    "commune": func.commune_sort_key(HouseholdRow.commune_insee),
    "status": case(
        {status: rank for rank, status in enumerate(HOUSEHOLD_STATUS_ORDER)},
        value=HouseholdRow.case_status,
        else_=len(HOUSEHOLD_STATUS_ORDER),
    ),
    "name": func.name_sort_key(HouseholdRow.contact_name),
}
# Within a commune or a step, the most recent contact first, whichever way the column is sorted.
_THEN_RECENT = frozenset({"commune", "status"})


def refresh_household(session: Session, household_id: str) -> None:
    """Recomputes the caseload columns of one household from its visits, assessments and
    referrals. Called after every change that can move them."""
    if session.get(HouseholdRow, household_id) is None:
        raise UnknownRecord("household", household_id)
    refresh_households(session, [household_id])


def refresh_households(session: Session, household_ids: Sequence[str]) -> None:
    """The same for many households at once, in a few set queries (a yearly re-assessment
    touches every household of the territory)."""
    for start in range(0, len(household_ids), 500):  # SQLite's bound-parameter limit
        _refresh_chunk(session, list(household_ids[start : start + 500]))


def _refresh_chunk(session: Session, ids: list[str]) -> None:
    session.flush()
    last_visit: dict[str, tuple[str, str | None, str]] = {}
    for row in session.execute(
        select(
            VisitRow.household_id,
            VisitRow.visited_on,
            VisitRow.door_outcome,
            VisitRow.answers,
            VisitRow.status,
        )
        # Status is filtered below, not here: with it in the WHERE clause SQLite (without
        # statistics) picks the status index and scans every finished visit (126 ms instead of
        # 0.2 ms per household on 50,000).
        .where(VisitRow.household_id.in_(ids))
        .order_by(VisitRow.visited_on, VisitRow.created_at)
    ):
        if row[4] == "finished":
            last_visit[row[0]] = (row[1], row[2], row[3])
    flags: dict[str, set[str]] = defaultdict(set)
    for household_id, right, current, status in session.execute(
        select(
            VisitRow.household_id,
            AssessmentRow.right_id,
            AssessmentRow.current,
            AssessmentRow.status,
        )
        .join(VisitRow, VisitRow.id == AssessmentRow.visit_id)
        # Current and status are filtered below, for the same reason: with `current` in the
        # WHERE clause SQLite scans every current assessment of the workspace through its index
        # (10,000 on a 5,000-household demo, for each household refreshed after a step).
        .where(VisitRow.household_id.in_(ids))
    ):
        if current and status == AssessmentStatus.PROBABLE_NON_RECOURS.value:
            flags[household_id].add(right)
    referrals: dict[str, list[ReferralFacts]] = defaultdict(list)
    for household_id, status, due, appointment in session.execute(
        select(
            ReferralRow.household_id,
            ReferralRow.status,
            ReferralRow.check_due_on,
            ReferralRow.appointment_at,
        ).where(ReferralRow.household_id.in_(ids))
    ):
        referrals[household_id].append(ReferralFacts(ReferralStatus(status), due, appointment))
    households = session.execute(select(HouseholdRow).where(HouseholdRow.id.in_(ids))).scalars()
    for household in households:
        visit = last_visit.get(household.id)
        summary = summarise(
            CaseFacts(
                last_visit=None
                if visit is None
                else LastVisit(visit[0], visit[1], _come_back_on(visit[1], visit[2])),
                flags=frozenset(flags.get(household.id, set())),
                referrals=tuple(referrals.get(household.id, [])),
            )
        )
        household.last_contact_on = summary.last_contact_on
        household.flags = "".join(f",{f}" for f in summary.flags) + ("," if summary.flags else "")
        household.case_status = summary.case_status
        household.next_action_on = summary.next_action_on


def _come_back_on(door_outcome: str | None, answers: str) -> str | None:
    """The date a person asked to be seen again, read from the visit's answers."""
    if door_outcome != "come_back":
        return None
    found = json.loads(answers).get("come_back_on")
    return str(found) if found else None


def _visible(query: Any, user_id: str | None) -> Any:
    if user_id is None:
        return query
    return query.where(or_(HouseholdRow.created_by == user_id, HouseholdRow.assigned_to == user_id))


# Households met: at least one finished interview. A door found absent, vacant, refused... is a
# door status (storage/doors_repo.py), not a household of the caseload (issue 13). Correlated,
# so that SQLite checks it through the visits' household index for the rows of a page only.
_MET = (
    select(VisitRow.id)
    .where(
        VisitRow.household_id == HouseholdRow.id,
        VisitRow.door_outcome == "interview",
        VisitRow.status == "finished",
    )
    .exists()
)


def _filtered(query: Any, where: CaseloadFilter, today: str) -> Any:
    query = query.where(
        HouseholdRow.last_contact_on.is_not(None), HouseholdRow.purged_at.is_(None), _MET
    )
    if where.right is not None:
        query = query.where(HouseholdRow.flags.contains(f",{where.right.value},"))
    if where.status:
        query = query.where(HouseholdRow.case_status == where.status)
    if where.commune:
        query = query.where(HouseholdRow.commune_insee == where.commune)
    if where.volunteer_id:
        query = query.where(
            or_(
                HouseholdRow.created_by == where.volunteer_id,
                HouseholdRow.assigned_to == where.volunteer_id,
            )
        )
    if where.overdue_only:
        query = query.where(HouseholdRow.next_action_on < today)
    text = where.text.strip()
    if text:
        pattern = f"%{text}%"
        query = query.where(
            or_(HouseholdRow.contact_name.ilike(pattern), HouseholdRow.street.ilike(pattern))
        )
    return query


def caseload_page(
    session: Session,
    user_id: str | None,
    where: CaseloadFilter,
    today: str,
    offset: int,
    limit: int,
    sort: str = "last_contact",
    descending: bool = True,
) -> list[CaseloadRow]:
    volunteer = aliased(UserRow)
    column = SORTABLE.get(sort, HouseholdRow.last_contact_on)
    order = column.desc() if descending else column.asc()
    query = select(HouseholdRow, volunteer.name).join(
        volunteer, volunteer.id == func.coalesce(HouseholdRow.assigned_to, HouseholdRow.created_by)
    )
    query = _filtered(_visible(query, user_id), where, today)
    then = (HouseholdRow.last_contact_on.desc(),) if sort in _THEN_RECENT else ()
    query = query.order_by(order, *then, HouseholdRow.id).offset(offset).limit(limit)
    rows = []
    for household, volunteer_name in session.execute(query):
        flags = tuple(RightId(f) for f in household.flags.strip(",").split(",") if f)
        rows.append(
            CaseloadRow(
                household_id=household.id,
                commune_insee=household.commune_insee,
                contact_name=household.contact_name,
                street=household.street,
                number=household.number,
                volunteer=volunteer_name,
                flags=flags,
                status=household.case_status,
                last_contact=household.last_contact_on or "",
                next_action=household.next_action_on,
                overdue=bool(household.next_action_on and household.next_action_on < today),
            )
        )
    return rows


def caseload_count(session: Session, user_id: str | None, where: CaseloadFilter, today: str) -> int:
    query = select(func.count()).select_from(HouseholdRow)
    return int(session.execute(_filtered(_visible(query, user_id), where, today)).scalar_one())


def assign(session: Session, household_id: str, volunteer_id: str | None) -> None:
    household = session.get(HouseholdRow, household_id)
    if household is None:
        raise UnknownRecord("household", household_id)
    household.assigned_to = volunteer_id


def household_ids(session: Session) -> list[str]:
    return list(session.execute(select(HouseholdRow.id)).scalars())


def stale_households(session: Session, before: str) -> list[str]:
    """Households whose last contact is older than `before` and not yet purged."""
    rows = session.execute(
        select(HouseholdRow.id).where(
            and_(HouseholdRow.last_contact_on < before, HouseholdRow.purged_at.is_(None))
        )
    ).scalars()
    return list(rows)
