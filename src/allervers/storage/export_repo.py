"""The release register (frozen months, signed releases) and the facts the releases count.

Personal data stay here; the services turn them into counts, codes and bands."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from allervers.domain.export import CellKey
from allervers.domain.release import MonthTable, RegisterEntry, ReleaseKind
from allervers.storage.models import (
    AssessmentRow,
    ReferralRow,
    ReleaseMonthRow,
    ReleaseRow,
    VisitRow,
    utc_now,
)

# Facts ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DoorFact:
    visited_on: str
    door_outcome: str | None


@dataclass(frozen=True, slots=True)
class InterviewFact:
    visit_id: str
    household_id: str
    visited_on: str
    answers: dict[str, Any]
    consented: bool


@dataclass(frozen=True, slots=True)
class FlagFact:
    household_id: str
    right: str
    visited_on: str
    reason: str | None


def doors(session: Session, start: str, end: str) -> list[DoorFact]:
    rows = session.execute(
        select(VisitRow.visited_on, VisitRow.door_outcome).where(
            VisitRow.status == "finished", VisitRow.visited_on >= start, VisitRow.visited_on <= end
        )
    ).all()
    return [DoorFact(r[0], r[1]) for r in rows]


def interviews(session: Session, start: str, end: str) -> list[InterviewFact]:
    """Finished interviews between `start` and `end` (ISO dates, inclusive), oldest first."""
    rows = session.execute(
        select(VisitRow.id, VisitRow.household_id, VisitRow.visited_on, VisitRow.answers)
        .where(
            VisitRow.status == "finished",
            VisitRow.door_outcome == "interview",
            VisitRow.visited_on >= start,
            VisitRow.visited_on <= end,
        )
        .order_by(VisitRow.visited_on, VisitRow.id)
    ).all()
    facts = []
    for visit_id, household_id, visited_on, text in rows:
        answers = json.loads(text)
        consented = answers.get("consent_recorded") == "yes"
        facts.append(InterviewFact(visit_id, household_id, visited_on, answers, consented))
    return facts


def first_flags(session: Session, end: str) -> dict[tuple[str, str], FlagFact]:
    """(household, right) -> the earliest interview up to `end` whose current assessment flags
    the right as probably not claimed."""
    rows = session.execute(
        select(
            VisitRow.household_id,
            AssessmentRow.right_id,
            VisitRow.visited_on,
            AssessmentRow.nonrecours_reason,
            VisitRow.id,
        )
        .join(VisitRow, VisitRow.id == AssessmentRow.visit_id)
        .where(
            AssessmentRow.current.is_(True),
            AssessmentRow.status == "probable_non_recours",
            VisitRow.status == "finished",
            VisitRow.visited_on <= end,
        )
        .order_by(VisitRow.visited_on, VisitRow.id)
    ).all()
    first: dict[tuple[str, str], FlagFact] = {}
    for household, right, visited_on, reason, _visit in rows:
        first.setdefault((household, right), FlagFact(household, right, visited_on, reason))
    return first


@dataclass(frozen=True, slots=True)
class ReferralState:
    household_id: str
    right: str
    status: str
    organisation: str | None
    referred_on: str | None
    filed_on: str | None
    closed_on: str | None
    checked_on: str | None
    opened_amount: float | None


def referrals(session: Session) -> list[ReferralState]:
    """Every referral, oldest first (a household's referrals for one right are read together:
    services/export_months.reached)."""
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
        ).order_by(ReferralRow.created_at, ReferralRow.id)
    ).all()
    return [ReferralState(*r) for r in rows]


# The register --------------------------------------------------------------------------------


def _key(cell: CellKey) -> str:
    return f"{cell[0]}/{cell[1]}"


def _cell(key: str) -> CellKey:
    indicator, _, breakdown = key.partition("/")
    return (indicator, breakdown)


def _cells_json(values: Mapping[CellKey, float | None]) -> str:
    return json.dumps({_key(k): v for k, v in values.items()}, sort_keys=True)


def _cells(text: str) -> dict[CellKey, Any]:
    return {_cell(k): v for k, v in json.loads(text).items()}


def month_tables(session: Session) -> dict[tuple[str, int], MonthTable]:
    rows = session.execute(select(ReleaseMonthRow)).scalars()
    return {
        (r.month, r.version): MonthTable(
            r.month, r.version, _cells(r.cells), _cells(r.largest), r.frozen_at
        )
        for r in rows
    }


def freeze(session: Session, tables: Iterable[MonthTable]) -> None:
    for table in tables:
        session.add(
            ReleaseMonthRow(
                month=table.month,
                version=table.version,
                frozen_at=table.frozen_at or utc_now(),
                cells=_cells_json(table.values),
                largest=_cells_json(table.largest),
            )
        )
    session.flush()


def register(session: Session) -> list[RegisterEntry]:
    rows = session.execute(
        select(ReleaseRow).order_by(ReleaseRow.at, ReleaseRow.created_at, ReleaseRow.id)
    ).scalars()
    return [
        RegisterEntry(
            id=r.id,
            kind=ReleaseKind(r.kind),
            period=r.period,
            revision=r.revision,
            at=r.at,
            file_name=r.file_name,
            destination=r.destination,
            manifest_sha256=r.manifest_sha256,
            versions={k: int(v) for k, v in json.loads(r.versions).items()},
            published=_cells(r.published),
            withheld=tuple(json.loads(r.withheld)),
        )
        for r in rows
    ]


def record(session: Session, user_id: str, entry: RegisterEntry) -> None:
    session.add(
        ReleaseRow(
            id=entry.id,
            user_id=user_id,
            kind=entry.kind.value,
            period=entry.period,
            revision=entry.revision,
            at=entry.at,
            file_name=entry.file_name,
            destination=entry.destination,
            manifest_sha256=entry.manifest_sha256,
            versions=json.dumps(dict(entry.versions), sort_keys=True),
            published=_cells_json(entry.published),
            withheld=json.dumps(list(entry.withheld)),
        )
    )


def forget(session: Session, release_id: str, months: Iterable[tuple[str, int]]) -> None:
    """Take back a release whose file could not be written, and the months frozen for it."""
    row = session.get(ReleaseRow, release_id)
    if row is not None:
        session.delete(row)
    for month, version in months:
        for frozen in session.execute(
            select(ReleaseMonthRow).where(
                ReleaseMonthRow.month == month, ReleaseMonthRow.version == version
            )
        ).scalars():
            session.delete(frozen)
