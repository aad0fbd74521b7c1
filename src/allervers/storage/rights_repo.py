"""Assessments and places, stored and read back as domain objects."""

from __future__ import annotations

import json

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from allervers.domain.errors import UnknownRecord
from allervers.domain.followup import (
    Decision,
    NonDemandeDetail,
    NonRecoursReason,
    StoredAssessment,
    assessment_from_json,
)
from allervers.domain.rights import RightAssessment
from allervers.storage.models import AssessmentRow, new_id, utc_now


def _stored(row: AssessmentRow) -> StoredAssessment:
    return StoredAssessment(
        id=row.id,
        visit_id=row.visit_id,
        assessment=assessment_from_json(json.loads(row.detail)),
        assessed_at=row.assessed_at,
        reason=NonRecoursReason(row.nonrecours_reason) if row.nonrecours_reason else None,
        reason_detail=NonDemandeDetail(row.nonrecours_detail) if row.nonrecours_detail else None,
        decision=Decision(row.decision) if row.decision else None,
    )


def replace_assessments(
    session: Session, visit_id: str, assessments: list[RightAssessment]
) -> list[StoredAssessment]:
    """Stores a new assessment of a visit; the previous one stays as history (current = false)
    and what the household said about each right is carried over to the new rows."""
    return replace_many(session, {visit_id: assessments})[visit_id]


def replace_many(
    session: Session, results: dict[str, list[RightAssessment]]
) -> dict[str, list[StoredAssessment]]:
    """`replace_assessments` for many visits in a few statements (yearly re-assessment)."""
    stored: dict[str, list[StoredAssessment]] = {}
    visit_ids = list(results)
    for start in range(0, len(visit_ids), 500):  # SQLite's bound-parameter limit
        chunk = visit_ids[start : start + 500]
        previous = {
            (visit_id, right): (reason, detail, decision)
            for visit_id, right, reason, detail, decision in session.execute(
                select(
                    AssessmentRow.visit_id,
                    AssessmentRow.right_id,
                    AssessmentRow.nonrecours_reason,
                    AssessmentRow.nonrecours_detail,
                    AssessmentRow.decision,
                ).where(AssessmentRow.visit_id.in_(chunk), AssessmentRow.current.is_(True))
            )
        }
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.visit_id.in_(chunk), AssessmentRow.current.is_(True))
            .values(current=False)
        )
        now = utc_now()
        for visit_id in chunk:
            rows = []
            for assessment in results[visit_id]:
                reason, detail, decision = previous.get(
                    (visit_id, assessment.right.value), (None, None, None)
                )
                row = AssessmentRow(
                    id=new_id(),
                    visit_id=visit_id,
                    right_id=assessment.right.value,
                    status=assessment.status.value,
                    amount=assessment.amount,
                    period=assessment.period.value,
                    detail=json.dumps(assessment.to_json(), ensure_ascii=False),
                    openfisca_france_version=assessment.openfisca_france_version,
                    parameter_date=(
                        assessment.parameter_date.isoformat() if assessment.parameter_date else None
                    ),
                    assessed_at=now,
                    current=True,
                    nonrecours_reason=reason,
                    nonrecours_detail=detail,
                    decision=decision,
                )
                rows.append(row)
            session.add_all(rows)
            stored[visit_id] = [_stored(row) for row in rows]
    return stored


def current_assessments(session: Session, visit_id: str) -> list[StoredAssessment]:
    # `current` is filtered here, not in SQL: with both conditions SQLite (no ANALYZE
    # statistics) walks the index on `current`, i.e. every current assessment of the workspace
    # (21 ms per visit on 5,000 households), instead of the few rows of this visit.
    rows = session.execute(
        select(AssessmentRow)
        .where(AssessmentRow.visit_id == visit_id)
        .order_by(AssessmentRow.right_id)
    ).scalars()
    return [_stored(row) for row in rows if row.current]


def assessed_visit_ids(session: Session) -> set[str]:
    rows = session.execute(
        select(AssessmentRow.visit_id).where(AssessmentRow.current.is_(True)).distinct()
    )
    return {row[0] for row in rows}


def record_followup(
    session: Session,
    assessment_id: str,
    reason: NonRecoursReason | None,
    detail: NonDemandeDetail | None,
    decision: Decision | None,
) -> StoredAssessment:
    row = session.get(AssessmentRow, assessment_id)
    if row is None:
        raise UnknownRecord("assessment", assessment_id)
    row.nonrecours_reason = reason.value if reason else None
    row.nonrecours_detail = detail.value if detail else None
    row.decision = decision.value if decision else None
    return _stored(row)
