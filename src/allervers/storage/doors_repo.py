"""Doors and the passes at each: queries returning domain objects (domain/doors.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from allervers.domain.doors import Door, DoorPass, DoorStatus
from allervers.domain.errors import UnknownRecord
from allervers.storage.door_models import DoorPassRow, DoorRow
from allervers.storage.models import VisitRow, new_id, utc_now
from allervers.storage.stamps import stamps

CHUNK = 500
# `visits.door_id` of an interview whose pass does not name it (no consent to be contacted
# again: domain.doors.links_household): matched already, not to be matched again.
UNLINKED = "unlinked"


def to_door(row: Any) -> Door:
    return Door(
        id=row.id,
        commune_insee=row.commune_insee,
        street=row.street,
        number=row.number,
        suffix=row.suffix,
        lieu_dit=row.lieu_dit,
        label=row.label,
        x=row.x,
        y=row.y,
        address_id=row.address_id,
        cle_interop=row.cle_interop,
    )


def to_pass(row: Any) -> DoorPass:
    return DoorPass(
        id=row.id,
        door_id=row.door_id,
        on=row.on_date,
        status=DoorStatus(row.status),
        volunteer_id=row.volunteer_id,
        recorded_at=row.recorded_at,
        round_id=row.round_id,
        household_id=row.household_id,
        visit_id=row.visit_id,
        come_back_on=row.come_back_on,
    )


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), CHUNK):
        yield wanted[start : start + CHUNK]


def doors_by_id(session: Session, door_ids: Iterable[str]) -> dict[str, Door]:
    t = DoorRow.__table__
    found: dict[str, Door] = {}
    for chunk in _chunks(door_ids):
        found.update(
            (r.id, to_door(r)) for r in session.execute(select(t).where(t.c.id.in_(chunk)))
        )
    return found


def get_door(session: Session, door_id: str) -> Door:
    door = doors_by_id(session, [door_id]).get(door_id)
    if door is None:
        raise UnknownRecord("door", door_id)
    return door


def doors(
    session: Session,
    communes: Sequence[str] = (),
    ways: Sequence[str] = (),
    include_removed: bool = False,
    number: int | None = None,
) -> list[Door]:
    """Doors of these communes (all when empty), on these streets or lieux-dits (all when
    empty), with this number (any when None)."""
    t = DoorRow.__table__
    query = select(t)
    if number is not None:
        query = query.where(t.c.number == number)
    if communes:
        query = query.where(t.c.commune_insee.in_(list(communes)))
    if ways:
        query = query.where(t.c.street.in_(list(ways)) | t.c.lieu_dit.in_(list(ways)))
    if not include_removed:
        query = query.where(t.c.removed_on.is_(None))
    return [to_door(r) for r in session.execute(query)]


def ways_of(session: Session, commune: str) -> list[tuple[str, int]]:
    """Streets and lieux-dits of a commune with their number of doors (for cutting rounds)."""
    t = DoorRow.__table__.c
    counts: dict[str, int] = {}
    query = select(t.street, t.lieu_dit).where(t.commune_insee == commune, t.removed_on.is_(None))
    for street, lieu_dit in session.execute(query):
        for way in {street, lieu_dit} - {""}:
            counts[way] = counts.get(way, 0) + 1
    return sorted(counts.items())


def add_door(
    session: Session,
    commune: str,
    street: str,
    number: int | None,
    suffix: str,
    lieu_dit: str,
    label: str,
    x: float | None,
    y: float | None,
    added_by: str | None,
    address_id: str | None = None,
    cle_interop: str | None = None,
) -> Door:
    row = DoorRow(
        id=new_id(),
        address_id=address_id,
        cle_interop=cle_interop,
        commune_insee=commune,
        street=street,
        number=number,
        suffix=suffix,
        lieu_dit=lieu_dit,
        label=label,
        x=x,
        y=y,
        added_by=added_by,
    )
    session.add(row)
    session.flush()
    return to_door(row)


def labels_at(session: Session, address_id: str) -> list[str]:
    t = DoorRow.__table__.c
    return [r[0] for r in session.execute(select(t.label).where(t.address_id == address_id))]


def door_by_key(session: Session, key: str) -> Door | None:
    t = DoorRow.__table__
    row = session.execute(
        select(t).where(t.c.cle_interop == key.strip().casefold()).order_by(t.c.label)
    ).first()
    return None if row is None else to_door(row)


def passes(session: Session, door_ids: Iterable[str] | None = None) -> list[DoorPass]:
    """The passes at these doors (every pass when None)."""
    t = DoorPassRow.__table__
    if door_ids is None:
        return [to_pass(r) for r in session.execute(select(t))]
    out: list[DoorPass] = []
    for chunk in _chunks(door_ids):
        out.extend(to_pass(r) for r in session.execute(select(t).where(t.c.door_id.in_(chunk))))
    return out


@dataclass(frozen=True, slots=True)
class NewPass:
    door_id: str
    on: str
    status: DoorStatus
    volunteer_id: str
    round_id: str | None = None
    household_id: str | None = None
    visit_id: str | None = None
    come_back_on: str | None = None
    recorded_at: str | None = None


def add_passes(session: Session, new: Sequence[NewPass]) -> list[DoorPass]:
    """Many passes in one statement (a whole street found absent, old visits matched)."""
    if not new:
        return []
    now = utc_now()
    rows: list[dict[str, Any]] = []
    for item, (device, seq) in zip(new, stamps(session, len(new)), strict=True):
        rows.append(
            {
                "id": new_id(),
                "created_at": now,
                "updated_at": now,
                "origin_device": device,
                "change_seq": seq,
                "door_id": item.door_id,
                "on_date": item.on,
                "status": item.status.value,
                "volunteer_id": item.volunteer_id,
                "recorded_at": item.recorded_at or now,
                "round_id": item.round_id,
                "household_id": item.household_id,
                "visit_id": item.visit_id,
                "come_back_on": item.come_back_on,
            }
        )
    session.execute(insert(DoorPassRow), rows)
    return [
        DoorPass(
            r["id"],
            r["door_id"],
            r["on_date"],
            DoorStatus(r["status"]),
            r["volunteer_id"],
            r["recorded_at"],
            r["round_id"],
            r["household_id"],
            r["visit_id"],
            r["come_back_on"],
        )
        for r in rows
    ]


def pass_of_visit(session: Session, visit_id: str) -> DoorPassRow | None:
    return session.execute(
        select(DoorPassRow).where(DoorPassRow.visit_id == visit_id)
    ).scalar_one_or_none()


def expire(session: Session, statuses: Iterable[DoorStatus], before: str) -> int:
    """Passes of these statuses recorded before `before` become "erased" (ORM: stamped, so the
    change travels to the laptops). Returns how many."""
    rows = session.execute(
        select(DoorPassRow).where(
            DoorPassRow.status.in_([s.value for s in statuses]), DoorPassRow.on_date < before
        )
    ).scalars()
    count = 0
    for row in rows:
        row.status = DoorStatus.ERASED.value
        row.come_back_on = None
        count += 1
    return count


@dataclass(frozen=True, slots=True)
class VisitAtDoor:
    visit_id: str
    household_id: str
    volunteer_id: str
    visited_on: str
    door_outcome: str | None
    answers: dict[str, Any]
    door_id: str | None
    finished_at: str | None


def visits_without_pass(session: Session, visit_id: str | None = None) -> list[VisitAtDoor]:
    """Finished visits that no pass names yet (old visits, visits imported or synced before
    their door was known); only `visit_id` when given."""
    v = VisitRow.__table__.c
    named = select(DoorPassRow.visit_id).where(DoorPassRow.visit_id.is_not(None))
    if visit_id is not None:
        named = named.where(DoorPassRow.visit_id == visit_id)
    query = select(
        v.id,
        v.household_id,
        v.volunteer_id,
        v.visited_on,
        v.door_outcome,
        v.answers,
        v.door_id,
        v.finished_at,
        v.status,
    ).where(v.id.not_in(named), (v.door_id.is_(None)) | (v.door_id != UNLINKED))
    if visit_id is not None:
        query = query.where(v.id == visit_id)
    return [
        VisitAtDoor(
            r.id,
            r.household_id,
            r.volunteer_id,
            r.visited_on,
            r.door_outcome,
            json.loads(r.answers),
            r.door_id,
            r.finished_at,
        )
        for r in session.execute(query)
        if r.status == "finished" and r.door_outcome
    ]


def set_visit_doors(session: Session, links: dict[str, str]) -> None:
    """visit id → door id (or UNLINKED), on the visits; stamped, so the link travels."""
    for chunk in _chunks(links):
        for row in session.execute(select(VisitRow).where(VisitRow.id.in_(chunk))).scalars():
            row.door_id = links[row.id]


def matched_visits(session: Session) -> int:
    return int(
        session.execute(
            select(func.count()).select_from(DoorPassRow).where(DoorPassRow.visit_id.is_not(None))
        ).scalar_one()
    )


def finished_outcome(session: Session, visit_id: str) -> str | None:
    """The door outcome of a finished visit (None for a draft or a visit without one)."""
    row = session.get(VisitRow, visit_id)
    if row is None or row.status != "finished":
        return None
    return row.door_outcome


def set_visit_pass_status(session: Session, visit_id: str, status: DoorStatus) -> None:
    row = pass_of_visit(session, visit_id)
    if row is not None and row.status != status.value:
        row.status = status.value


def any_door(session: Session) -> bool:
    return session.execute(select(DoorRow.id).limit(1)).first() is not None
