"""Rounds, their versions, doors and volunteers (domain/rounds.py holds the rules)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from allervers.domain.collation import french_sort_key
from allervers.domain.errors import UnknownRecord
from allervers.domain.rounds import Round, RoundKind
from allervers.storage.door_models import (
    DoorRow,
    RoundAssignmentRow,
    RoundDoorRow,
    RoundRow,
    RoundVersionRow,
)
from allervers.storage.models import new_id, utc_now


def name_key(name: str) -> str:
    return french_sort_key(" ".join(name.split())).split("\x01")[0]


def door_ids_of_versions(session: Session, version_ids: Iterable[str]) -> list[str]:
    """The doors of these versions, and the other doors of their addresses added since ("porte
    2", added on the spot: the address list of the round is the same)."""
    listed: list[str] = []
    wanted = sorted(set(version_ids))
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(RoundDoorRow.door_id)
            .where(RoundDoorRow.version_id.in_(wanted[start : start + 500]))
            .order_by(RoundDoorRow.created_at, RoundDoorRow.id)
        )
        listed.extend(r[0] for r in rows)
    known = set(listed)
    addresses: set[str] = set()
    for start in range(0, len(listed), 500):
        rows = session.execute(
            select(DoorRow.address_id).where(
                DoorRow.id.in_(listed[start : start + 500]), DoorRow.address_id.is_not(None)
            )
        )
        addresses.update(str(r[0]) for r in rows)
    ordered = sorted(addresses)
    for start in range(0, len(ordered), 500):
        rows = session.execute(
            select(DoorRow.id).where(DoorRow.address_id.in_(ordered[start : start + 500]))
        )
        listed.extend(r[0] for r in rows if r[0] not in known)
    return list(dict.fromkeys(listed))


def _door_ids(session: Session, version_id: str) -> tuple[str, ...]:
    return tuple(door_ids_of_versions(session, [version_id]))


def _volunteers(session: Session, round_id: str) -> tuple[str, ...]:
    rows = session.execute(
        select(RoundAssignmentRow.user_id)
        .where(RoundAssignmentRow.round_id == round_id, RoundAssignmentRow.active.is_(True))
        .order_by(RoundAssignmentRow.created_at)
    )
    return tuple(r[0] for r in rows)


def to_round(session: Session, row: RoundRow) -> Round:
    return Round(
        id=row.id,
        name=row.name,
        kind=RoundKind(row.kind),
        commune_insee=row.commune_insee,
        version=row.version,
        version_id=row.version_id,
        door_ids=_door_ids(session, row.version_id),
        volunteer_ids=_volunteers(session, row.id),
        created_on=row.created_at[:10],
    )


def find(session: Session, name: str) -> RoundRow | None:
    return session.execute(
        select(RoundRow).where(RoundRow.name_key == name_key(name), RoundRow.archived.is_(False))
    ).scalar_one_or_none()


def row(session: Session, round_id: str) -> RoundRow:
    found = session.get(RoundRow, round_id)
    if found is None:
        raise UnknownRecord("round", round_id)
    return found


def all_rounds(session: Session, volunteer_id: str | None = None) -> list[Round]:
    """Every round (not archived), or those given to one volunteer, by name."""
    query = select(RoundRow).where(RoundRow.archived.is_(False))
    if volunteer_id is not None:
        given = select(RoundAssignmentRow.round_id).where(
            RoundAssignmentRow.user_id == volunteer_id, RoundAssignmentRow.active.is_(True)
        )
        query = query.where(RoundRow.id.in_(given))
    rows = sorted(session.execute(query).scalars(), key=lambda r: r.name_key)
    return [to_round(session, r) for r in rows]


def _add_version(session: Session, round_id: str, version: int, door_ids: Sequence[str]) -> str:
    version_id = new_id()
    session.add(
        RoundVersionRow(id=version_id, round_id=round_id, version=version, made_at=utc_now())
    )
    session.flush()
    session.add_all(RoundDoorRow(id=new_id(), version_id=version_id, door_id=d) for d in door_ids)
    return version_id


def add_round(
    session: Session,
    name: str,
    kind: RoundKind,
    commune: str,
    created_by: str,
    door_ids: Sequence[str],
) -> str:
    round_id = new_id()
    session.add(
        RoundRow(
            id=round_id,
            name=name,
            name_key=name_key(name),
            kind=kind.value,
            commune_insee=commune,
            created_by=created_by,
            version=1,
            version_id="",
            archived=False,
        )
    )
    session.flush()
    found = row(session, round_id)
    found.version_id = _add_version(session, round_id, 1, door_ids)
    session.flush()
    return round_id


def version_made_at(session: Session, version_id: str) -> str:
    found = session.get(RoundVersionRow, version_id)
    if found is None:
        raise UnknownRecord("round_version", version_id)
    return found.made_at


def new_version(session: Session, round_id: str, version: int, door_ids: Sequence[str]) -> None:
    """The round's doors as a new version; the old version stays as it was walked."""
    found = row(session, round_id)
    found.version = version
    found.version_id = _add_version(session, round_id, version, door_ids)
    session.flush()


def replace_doors(session: Session, round_id: str, door_ids: Sequence[str]) -> None:
    """The current version's doors changed in place (a round not walked yet): a new list under
    the same version number. A new list rather than rows deleted, because a deletion does not
    travel in the sync files; the round row changes, so the whole round travels again."""
    found = row(session, round_id)
    found.version_id = _add_version(session, round_id, found.version, door_ids)
    session.flush()


def set_volunteers(session: Session, round_id: str, user_ids: Sequence[str]) -> None:
    """The round's volunteers become `user_ids`: others' assignments end (kept, inactive), new
    ones start; the round row is touched so that the round travels whole to a new volunteer."""
    found = row(session, round_id)
    rows = session.execute(
        select(RoundAssignmentRow).where(RoundAssignmentRow.round_id == round_id)
    ).scalars()
    by_user = {r.user_id: r for r in rows}
    for user_id, assignment in by_user.items():
        assignment.active = user_id in user_ids
    for user_id in user_ids:
        if user_id not in by_user:
            session.add(
                RoundAssignmentRow(id=new_id(), round_id=round_id, user_id=user_id, active=True)
            )
    found.updated_at = utc_now()
    session.flush()
