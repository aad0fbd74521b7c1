"""The rows behind the microdata file: consented interviews of a period, their assessments and
referrals. Personal data stay here; the service turns them into codes and bands."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from allervers.storage.models import AssessmentRow, ReferralRow, VisitRow


@dataclass(frozen=True, slots=True)
class InterviewFact:
    visit_id: str
    household_id: str
    visited_on: str
    answers: dict[str, Any]
    flags: dict[str, str | None]  # right -> non-recours reason, for rights probably not claimed


@dataclass(frozen=True, slots=True)
class ReferralState:
    status: str
    organisation: str | None
    referred_on: str | None
    checked_on: str | None


def interviews(session: Session, start: str, end: str) -> list[InterviewFact]:
    rows = session.execute(
        select(VisitRow.id, VisitRow.household_id, VisitRow.visited_on, VisitRow.answers).where(
            VisitRow.status == "finished",
            VisitRow.door_outcome == "interview",
            VisitRow.visited_on >= start,
            VisitRow.visited_on <= end,
        )
    ).all()
    facts = [(r[0], r[1], r[2], json.loads(r[3])) for r in rows]
    facts = [f for f in facts if f[3].get("consent_recorded") == "yes"]
    flags: dict[str, dict[str, str | None]] = {}
    ids = [f[0] for f in facts]
    for begin in range(0, len(ids), 500):
        for visit_id, right, reason in session.execute(
            select(
                AssessmentRow.visit_id, AssessmentRow.right_id, AssessmentRow.nonrecours_reason
            ).where(
                AssessmentRow.visit_id.in_(ids[begin : begin + 500]),
                AssessmentRow.current.is_(True),
                AssessmentRow.status == "probable_non_recours",
            )
        ):
            flags.setdefault(visit_id, {})[right] = reason
    return [InterviewFact(v, h, d, a, flags.get(v, {})) for v, h, d, a in facts]


def referral_states(session: Session) -> dict[tuple[str, str], ReferralState]:
    """(household, right) -> its latest referral."""
    states: dict[tuple[str, str], ReferralState] = {}
    for row in session.execute(select(ReferralRow).order_by(ReferralRow.created_at)).scalars():
        states[(row.household_id, row.right_id)] = ReferralState(
            row.status, row.organisation, row.referred_on, row.checked_on
        )
    return states
