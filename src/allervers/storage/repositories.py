"""Queries on users, workspace info and the audit log. Each function takes a session and returns
plain domain objects, never ORM rows, so that nothing above storage holds a database object."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allervers.crypto.hashing import sha256_hex
from allervers.domain.users import Role, User, normalise_user_name
from allervers.storage.models import (
    AuditHead,
    AuditRow,
    UserRow,
    WorkspaceInfo,
    new_id,
    utc_now,
)

GENESIS_HASH = "0" * 64


def _user(row: UserRow) -> User:
    return User(id=row.id, name=row.name, role=Role(row.role), active=row.active)


def add_user(
    session: Session, name: str, role: Role, slot_id: str, user_id: str | None = None
) -> User:
    row = UserRow(
        id=user_id or new_id(),
        name=" ".join(name.split()),
        name_key=normalise_user_name(name),
        role=role.value,
        slot_id=slot_id,
        active=True,
    )
    session.add(row)
    session.flush()
    return _user(row)


def find_user(session: Session, name: str) -> tuple[User, str] | None:
    """The user with that name and their key slot id."""
    row = session.execute(
        select(UserRow).where(UserRow.name_key == normalise_user_name(name))
    ).scalar_one_or_none()
    return None if row is None else (_user(row), row.slot_id)


def list_users(session: Session) -> list[User]:
    rows = session.execute(select(UserRow).order_by(UserRow.name_key)).scalars()
    return [_user(row) for row in rows]


def count_users(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(UserRow)).scalar_one())


def set_territory(session: Session, territory: str) -> None:
    session.add(WorkspaceInfo(territory=territory))


def territory(session: Session) -> str:
    return session.execute(select(WorkspaceInfo.territory).limit(1)).scalar_one()


def _entry_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor_id: str | None,
    action: str,
    entity: str,
    entity_id: str,
) -> str:
    payload = json.dumps(
        [prev_hash, seq, at, actor_id, action, entity, entity_id], separators=(",", ":")
    )
    return sha256_hex(payload.encode("utf-8"))


def append_audit(
    session: Session, actor_id: str | None, action: str, entity: str = "", entity_id: str = ""
) -> None:
    """Appends one entry to the chain. Details that identify a person never go in the log: an
    entry names the kind of record and its random id."""
    head = session.get(AuditHead, 1)
    seq, prev = (head.seq, head.hash) if head else (0, GENESIS_HASH)
    seq += 1
    at = utc_now()
    digest = _entry_hash(prev, seq, at, actor_id, action, entity, entity_id)
    session.add(
        AuditRow(
            seq=seq,
            at=at,
            actor_id=actor_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            prev_hash=prev,
            hash=digest,
        )
    )
    if head is None:
        session.add(AuditHead(id=1, seq=seq, hash=digest))
    else:
        head.seq, head.hash = seq, digest


def verify_audit_chain(session: Session) -> tuple[int, str | None]:
    """(number of entries, None) when the chain holds, else the first problem found."""
    prev = GENESIS_HASH
    expected_seq = 0
    rows = session.execute(select(AuditRow).order_by(AuditRow.seq)).scalars()
    for row in rows:
        expected_seq += 1
        if row.seq != expected_seq:
            return expected_seq - 1, f"missing entry {expected_seq}"
        if row.prev_hash != prev:
            return expected_seq - 1, f"entry {row.seq} does not follow entry {row.seq - 1}"
        digest = _entry_hash(
            prev, row.seq, row.at, row.actor_id, row.action, row.entity, row.entity_id
        )
        if digest != row.hash:
            return expected_seq - 1, f"entry {row.seq} was altered"
        prev = row.hash
    head = session.get(AuditHead, 1)
    if expected_seq and (head is None or head.seq != expected_seq or head.hash != prev):
        return expected_seq, "newest entries were removed"
    if not expected_seq and head is not None:
        return 0, "entries were removed"
    return expected_seq, None
