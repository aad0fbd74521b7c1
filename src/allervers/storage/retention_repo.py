"""Removing a household's personal data for good, while the anonymous counts behind past figures
stay: door outcome, date, commune, number of persons, which rights were flagged and what became of
the referrals (statuses, organisations, dates, amounts opened)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from allervers.domain.errors import UnknownRecord
from allervers.storage import sync_base
from allervers.storage.models import (
    AssessmentRow,
    HouseholdRow,
    ReferralRow,
    VisitChangeRow,
    VisitRow,
    utc_now,
)

KEPT_ANSWERS = ("door_outcome", "address_insee", "consent_recorded")


def _anonymous_answers(answers: dict[str, Any]) -> dict[str, Any]:
    kept = {k: answers[k] for k in KEPT_ANSWERS if k in answers}
    if "persons_count" in answers:
        kept["persons_count"] = answers["persons_count"]
    elif answers.get("persons"):
        kept["persons_count"] = len(answers["persons"])
    return kept


def anonymise_household(session: Session, household_id: str) -> None:
    household = session.get(HouseholdRow, household_id)
    if household is None:
        raise UnknownRecord("household", household_id)
    household.street = household.number = None
    household.contact_name = household.contact_phone = None
    household.purged_at = utc_now()
    # The digests of the erased values, kept for merging with other laptops, go too.
    sync_base.forget(session, "households", [household_id])
    visit_ids = []
    for visit in session.execute(
        select(VisitRow).where(VisitRow.household_id == household_id)
    ).scalars():
        visit.answers = json.dumps(_anonymous_answers(json.loads(visit.answers)))
        visit_ids.append(visit.id)
    sync_base.forget(session, "visits", visit_ids)
    if visit_ids:
        session.execute(delete(VisitChangeRow).where(VisitChangeRow.visit_id.in_(visit_ids)))
        for assessment in session.execute(
            select(AssessmentRow).where(AssessmentRow.visit_id.in_(visit_ids))
        ).scalars():
            sync_base.forget(session, "assessments", [assessment.id])
            # The reasons carry the household's incomes: only the right and its status stay.
            assessment.amount = None
            assessment.detail = json.dumps(
                {
                    "right": assessment.right_id,
                    "status": assessment.status,
                    "amount": None,
                    "period": assessment.period,
                }
            )
    referral_ids = []
    for referral in session.execute(
        select(ReferralRow).where(ReferralRow.household_id == household_id)
    ).scalars():
        referral.contact = referral.outcome_reason = referral.appointment_at = None
        referral_ids.append(referral.id)
    sync_base.forget(session, "referrals", referral_ids)
