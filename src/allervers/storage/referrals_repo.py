"""Referrals in the database: a flagged right sent to an organisation, its steps, and the
"à relancer" list."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from allervers.domain.directory import FrozenService
from allervers.domain.errors import UnknownRecord
from allervers.domain.referrals import (
    CLOSED_STATUSES,
    NO_NEWS_AFTER_DAYS,
    Referral,
    ReferralStatus,
    due_on,
)
from allervers.domain.rights import Organisation, RightId
from allervers.storage.models import (
    HouseholdRow,
    ReferralEventRow,
    ReferralRow,
    new_id,
)


def _referral(row: ReferralRow) -> Referral:
    return Referral(
        id=row.id,
        household_id=row.household_id,
        visit_id=row.visit_id,
        right=RightId(row.right_id),
        status=ReferralStatus(row.status),
        organisation=Organisation(row.organisation) if row.organisation else None,
        referred_on=row.referred_on,
        contact=row.contact,
        appointment_at=row.appointment_at,
        filed_on=row.filed_on,
        opened_amount=row.opened_amount,
        opened_from=row.opened_from,
        outcome_reason=row.outcome_reason,
        check_due_on=row.check_due_on,
        checked_on=row.checked_on,
        closed_on=row.closed_on,
        assigned_to=row.assigned_to,
        service=(
            FrozenService.from_json(json.loads(row.service_snapshot))
            if row.service_snapshot
            else None
        ),
    )


def add_referral(
    session: Session,
    household_id: str,
    visit_id: str,
    right: RightId,
    organisation: Organisation | None,
    user_id: str,
    on: str,
) -> Referral:
    row = add_referrals(session, [(household_id, visit_id, right, organisation)], user_id, on)[0]
    return _referral(row)


def add_referrals(
    session: Session,
    referrals: Sequence[tuple[str, str, RightId, Organisation | None]],
    user_id: str,
    on: str,
) -> list[ReferralRow]:
    """New referrals "to refer", each with its first event: (household id, visit id, right,
    organisation) each. The rows stay in the session, for the caller to take further."""
    rows = [
        ReferralRow(
            id=new_id(),
            household_id=household_id,
            visit_id=visit_id,
            right_id=right.value,
            status=ReferralStatus.TO_REFER.value,
            organisation=organisation.value if organisation else None,
        )
        for household_id, visit_id, right, organisation in referrals
    ]
    session.add_all(rows)
    # The events' foreign key needs the referral rows first (no ORM relationship): one flush for
    # all of them.
    session.flush()
    session.add_all(
        ReferralEventRow(
            referral_id=row.id, user_id=user_id, on_date=on, from_status=None, to_status=row.status
        )
        for row in rows
    )
    return rows


def referral_row(session: Session, referral_id: str) -> ReferralRow:
    row = session.get(ReferralRow, referral_id)
    if row is None:
        raise UnknownRecord("referral", referral_id)
    return row


def to_referral(row: ReferralRow) -> Referral:
    return _referral(row)


def add_event(
    session: Session,
    referral_id: str,
    user_id: str,
    on: str,
    from_status: str | None,
    to_status: str,
) -> None:
    session.add(
        ReferralEventRow(
            referral_id=referral_id,
            user_id=user_id,
            on_date=on,
            from_status=from_status,
            to_status=to_status,
        )
    )


def referrals_of(session: Session, household_id: str) -> list[Referral]:
    rows = session.execute(
        select(ReferralRow)
        .where(ReferralRow.household_id == household_id)
        .order_by(ReferralRow.created_at)
    ).scalars()
    return [_referral(r) for r in rows]


def due_checks(session: Session, user_id: str | None, today: str) -> list[Referral]:
    """The "à relancer" list: open referrals whose outcome check has come, and referrals still
    "referred" without news for NO_NEWS_AFTER_DAYS days; the oldest due first."""
    quiet_since = (date.fromisoformat(today) - timedelta(days=NO_NEWS_AFTER_DAYS)).isoformat()
    query = (
        select(ReferralRow)
        .join(HouseholdRow, HouseholdRow.id == ReferralRow.household_id)
        .where(
            or_(
                ReferralRow.check_due_on <= today,
                and_(
                    ReferralRow.status == ReferralStatus.REFERRED.value,
                    ReferralRow.referred_on <= quiet_since,
                    func.coalesce(func.substr(ReferralRow.appointment_at, 1, 10), "")
                    <= quiet_since,
                ),
            ),
            ReferralRow.status.not_in([s.value for s in CLOSED_STATUSES]),
            HouseholdRow.purged_at.is_(None),
        )
        .order_by(ReferralRow.check_due_on)
    )
    if user_id is not None:
        query = query.where(
            or_(
                HouseholdRow.created_by == user_id,
                HouseholdRow.assigned_to == user_id,
                ReferralRow.assigned_to == user_id,
            )
        )
    referrals = [_referral(r) for r in session.execute(query).scalars()]
    return sorted(referrals, key=lambda r: due_on(r) or "")
