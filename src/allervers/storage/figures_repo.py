"""The raw facts behind the territory's figures, read in a few set queries (50,000 households)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from allervers.storage.models import AssessmentRow, ReferralRow, VisitRow


@dataclass(frozen=True, slots=True)
class VisitFact:
    visit_id: str
    household_id: str
    visited_on: str
    door_outcome: str | None
    people: int
    consented: bool


@dataclass(frozen=True, slots=True)
class FlagFact:
    household_id: str
    visited_on: str
    right: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class ReferralFact:
    household_id: str
    right: str
    status: str
    organisation: str | None
    referred_on: str | None
    filed_on: str | None
    closed_on: str | None
    checked_on: str | None
    opened_amount: float | None


def _people(data: dict[str, object]) -> int:
    if "persons_count" in data:  # a purged visit keeps only the count
        return int(str(data["persons_count"]))
    persons = data.get("persons")
    return len(persons) if isinstance(persons, list) else 0


def visit_facts(session: Session, start: str, end: str) -> list[VisitFact]:
    rows = session.execute(
        select(
            VisitRow.id,
            VisitRow.household_id,
            VisitRow.visited_on,
            VisitRow.door_outcome,
            VisitRow.answers,
        )
        .where(
            VisitRow.status == "finished", VisitRow.visited_on >= start, VisitRow.visited_on <= end
        )
        .order_by(VisitRow.visited_on)
    ).all()
    facts = []
    for r in rows:
        answers = json.loads(r.answers)
        interview = r.door_outcome == "interview"
        facts.append(
            VisitFact(
                r.id,
                r.household_id,
                r.visited_on,
                r.door_outcome,
                _people(answers) if interview else 0,
                interview and answers.get("consent_recorded") == "yes",
            )
        )
    return facts


def flag_facts(session: Session, start: str, end: str) -> list[FlagFact]:
    rows = session.execute(
        select(
            VisitRow.household_id,
            VisitRow.visited_on,
            AssessmentRow.right_id,
            AssessmentRow.nonrecours_reason,
        )
        .join(VisitRow, VisitRow.id == AssessmentRow.visit_id)
        .where(
            AssessmentRow.current.is_(True),
            AssessmentRow.status == "probable_non_recours",
            VisitRow.visited_on >= start,
            VisitRow.visited_on <= end,
        )
    ).all()
    return [FlagFact(r[0], r[1], r[2], r[3]) for r in rows]


def referral_facts(session: Session) -> list[ReferralFact]:
    rows = session.execute(
        select(
            ReferralRow.household_id,
            ReferralRow.right_id,
            ReferralRow.status,
            ReferralRow.organisation,
            ReferralRow.referred_on,
            ReferralRow.filed_on,
            ReferralRow.closed_on,
            ReferralRow.checked_on,
            ReferralRow.opened_amount,
        )
    ).all()
    return [ReferralFact(*r) for r in rows]
