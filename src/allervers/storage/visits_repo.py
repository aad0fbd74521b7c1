"""Queries on households and visits, returning domain objects."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from allervers.domain.errors import UnknownRecord
from allervers.domain.visits import Door, DoorOutcome, Visit, VisitChange, VisitStatus
from allervers.storage.models import HouseholdRow, VisitChangeRow, VisitRow, new_id, utc_now


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _visit(row: VisitRow) -> Visit:
    return Visit(
        id=row.id,
        household_id=row.household_id,
        volunteer_id=row.volunteer_id,
        questionnaire_id=row.questionnaire_id,
        questionnaire_version=row.questionnaire_version,
        visited_on=row.visited_on,
        status=VisitStatus(row.status),
        answers=json.loads(row.answers),
    )


def add_household(
    session: Session,
    commune_insee: str,
    street: str | None,
    number: str | None,
    created_by: str,
    contact_name: str | None = None,
    contact_phone: str | None = None,
    last_contact_on: str | None = None,
    next_action_on: str | None = None,
) -> str:
    # The id is given here, not at flush, so that a batch of thousands is flushed once.
    row = HouseholdRow(
        id=new_id(),
        commune_insee=commune_insee,
        street=street,
        number=number,
        created_by=created_by,
        contact_name=contact_name,
        contact_phone=contact_phone,
        last_contact_on=last_contact_on,
        next_action_on=next_action_on,
        flags="",
        case_status="met",
    )
    session.add(row)
    return row.id


def household_row(session: Session, household_id: str) -> HouseholdRow:
    row = session.get(HouseholdRow, household_id)
    if row is None:
        raise UnknownRecord("household", household_id)
    return row


def add_visit(
    session: Session,
    household_id: str,
    volunteer_id: str,
    questionnaire_id: str,
    version: int,
    visited_on: str,
    answers: dict[str, Any],
    finished: bool = False,
) -> Visit:
    status = VisitStatus.FINISHED if finished else VisitStatus.DRAFT
    row = VisitRow(
        id=new_id(),
        household_id=household_id,
        volunteer_id=volunteer_id,
        questionnaire_id=questionnaire_id,
        questionnaire_version=version,
        visited_on=visited_on,
        status=status.value,
        door_outcome=answers.get("door_outcome"),
        answers=_dump(answers),
        finished_at=utc_now() if finished else None,
    )
    session.add(row)
    return _visit(row)


def visit_row(session: Session, visit_id: str) -> VisitRow:
    row = session.get(VisitRow, visit_id)
    if row is None:
        raise UnknownRecord("visit", visit_id)
    return row


def get_visit(session: Session, visit_id: str) -> Visit:
    return _visit(visit_row(session, visit_id))


def save_answers(session: Session, visit_id: str, answers: dict[str, Any]) -> None:
    row = visit_row(session, visit_id)
    row.answers = _dump(answers)
    row.door_outcome = answers.get("door_outcome")


def mark_finished(session: Session, visit_id: str) -> None:
    row = visit_row(session, visit_id)
    row.status = VisitStatus.FINISHED.value
    row.finished_at = utc_now()


def set_contact(
    session: Session,
    household_id: str,
    street: str | None,
    number: str | None,
    name: str | None,
    phone: str | None,
) -> None:
    row = household_row(session, household_id)
    row.street, row.number, row.contact_name, row.contact_phone = street, number, name, phone


def contacts_from_visits(session: Session, household_ids: list[str]) -> None:
    """Sets each household's address and contact from its latest finished visit, as finishing or
    editing a visit does (for households whose visits came from another laptop). A household
    without a finished visit keeps what it has."""
    latest: dict[str, str] = {}
    for start in range(0, len(household_ids), 500):  # SQLite's bound-parameter limit
        rows = session.execute(
            select(VisitRow.household_id, VisitRow.answers, VisitRow.status)
            .where(VisitRow.household_id.in_(household_ids[start : start + 500]))
            .order_by(VisitRow.visited_on, VisitRow.created_at)
        )
        for household_id, answers, status in rows:
            if status == VisitStatus.FINISHED.value:
                latest[household_id] = answers
    for household_id, text in latest.items():
        contact_from_answers(session, household_id, json.loads(text))


def contact_from_answers(session: Session, household_id: str, answers: dict[str, Any]) -> None:
    """The household's address and contact, copied from a visit's answers."""
    set_contact(
        session,
        household_id,
        answers.get("address_street"),
        answers.get("address_number"),
        answers.get("contact_name"),
        answers.get("contact_phone"),
    )


def add_change(
    session: Session, visit_id: str, user_id: str, path: str, old: Any, new: Any
) -> None:
    session.add(
        VisitChangeRow(
            visit_id=visit_id,
            user_id=user_id,
            at=utc_now(),
            path=path,
            old_value=_dump(old),
            new_value=_dump(new),
        )
    )


def changes(session: Session, visit_id: str) -> list[VisitChange]:
    rows = session.execute(
        select(VisitChangeRow)
        .where(VisitChangeRow.visit_id == visit_id)
        .order_by(VisitChangeRow.change_seq)
    ).scalars()
    return [
        VisitChange(
            r.visit_id, r.user_id, r.at, r.path, json.loads(r.old_value), json.loads(r.new_value)
        )
        for r in rows
    ]


def _visible_to(user_id: str | None):  # type: ignore[no-untyped-def]
    """None sees everything (coordinator); a volunteer sees their visits and assigned households."""
    if user_id is None:
        return True
    assigned = select(HouseholdRow.id).where(HouseholdRow.assigned_to == user_id)
    return or_(VisitRow.volunteer_id == user_id, VisitRow.household_id.in_(assigned))


def assigned_to(session: Session, household_id: str) -> str | None:
    row = session.get(HouseholdRow, household_id)
    return None if row is None else row.assigned_to


def list_visits(
    session: Session,
    visible_to: str | None,
    status: VisitStatus | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
) -> list[Visit]:
    query = select(VisitRow).where(_visible_to(visible_to))
    if status is not None:
        query = query.where(VisitRow.status == status.value)
    if newest_first:
        query = query.order_by(VisitRow.visited_on.desc(), VisitRow.created_at.desc())
    else:
        query = query.order_by(VisitRow.visited_on, VisitRow.created_at)
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [_visit(r) for r in session.execute(query).scalars()]


def household_visits(session: Session, household_id: str, visible_to: str | None) -> list[Visit]:
    """One household's finished visits, oldest first. The status is checked in Python so that
    SQLite keeps the household index (with status in the WHERE clause it picks the status index
    and scans every finished visit)."""
    rows = session.execute(
        select(VisitRow)
        .where(VisitRow.household_id == household_id)
        .where(_visible_to(visible_to))
        .order_by(VisitRow.visited_on, VisitRow.created_at)
    ).scalars()
    return [v for v in map(_visit, rows) if v.status is VisitStatus.FINISHED]


def drafts(session: Session, volunteer_id: str) -> list[Visit]:
    rows = session.execute(
        select(VisitRow)
        .where(
            and_(VisitRow.volunteer_id == volunteer_id, VisitRow.status == VisitStatus.DRAFT.value)
        )
        .order_by(VisitRow.updated_at.desc())
    ).scalars()
    return [_visit(r) for r in rows]


def count_visits(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(VisitRow)).scalar_one())


def doors_to_revisit(
    session: Session, commune_insee: str, today: str, visible_to: str | None
) -> list[Door]:
    """Households of a commune whose last finished visit was an absent door, or a "come back"
    whose date has come, in street and number order: the volunteer's next doors."""
    rows = session.execute(
        select(HouseholdRow, VisitRow)
        .join(VisitRow, VisitRow.household_id == HouseholdRow.id)
        .where(HouseholdRow.commune_insee == commune_insee)
        .where(VisitRow.status == VisitStatus.FINISHED.value)
        .where(_visible_to(visible_to))
        .order_by(VisitRow.visited_on, VisitRow.created_at)
    ).all()
    last: dict[str, tuple[HouseholdRow, VisitRow]] = {}
    for household, visit in rows:
        last[household.id] = (household, visit)
    doors = []
    for household, visit in last.values():
        if visit.door_outcome not in (DoorOutcome.ABSENT.value, DoorOutcome.COME_BACK.value):
            continue
        answers = json.loads(visit.answers)
        come_back = answers.get("come_back_on")
        if come_back and come_back > today:
            continue
        doors.append(
            Door(
                household.id,
                household.commune_insee,
                household.street,
                household.number,
                DoorOutcome(visit.door_outcome),
                come_back,
            )
        )

    def order(door: Door) -> tuple[str, int, str]:
        number = door.number or ""
        digits = "".join(c for c in number if c.isdigit())
        return (door.street or "", int(digits) if digits else 0, number)

    return sorted(doors, key=order)


def delete_draft(session: Session, visit_id: str) -> str:
    """Removes a draft and, when nothing else refers to it, the household it created."""
    row = visit_row(session, visit_id)
    household_id = row.household_id
    session.delete(row)
    session.flush()
    others = session.execute(
        select(func.count()).select_from(VisitRow).where(VisitRow.household_id == household_id)
    ).scalar_one()
    if not others:
        household = session.get(HouseholdRow, household_id)
        if household is not None:
            session.delete(household)
    return household_id
