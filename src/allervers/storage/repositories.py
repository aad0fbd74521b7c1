"""Queries on users, workspace info and the audit log. Each function takes a session and returns
plain domain objects, never ORM rows, so that nothing above storage holds a database object."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from allervers.crypto.hashing import sha256_hex
from allervers.domain.users import Role, User, normalise_user_name
from allervers.domain.workspace import CheckCode, CheckFinding
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


AUDIT_PREV = "allervers_audit_prev"  # session.info: the head before this transaction's entries
AUDIT_NEW = "allervers_audit_new"  # session.info: the head after them
GAP_ACTION = "audit_gap_found"


def append_audit(
    session: Session, actor_id: str | None, action: str, entity: str = "", entity_id: str = ""
) -> None:
    """Appends one entry to the chain. Details that identify a person never go in the log: an
    entry names the kind of record and its random id. The heads before and after are noted in
    `session.info`, for the anchor written before the transaction commits."""
    head = session.get(AuditHead, 1)
    seq, prev = (head.seq, head.hash) if head else (0, GENESIS_HASH)
    session.info.setdefault(AUDIT_PREV, (seq, prev))
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
    session.info[AUDIT_NEW] = (seq, digest)


def pending_audit(session: Session) -> tuple[tuple[int, str], tuple[int, str]] | None:
    """(head before, head after) the entries this transaction appended, or None."""
    new = session.info.get(AUDIT_NEW)
    return None if new is None else (session.info[AUDIT_PREV], new)


def forget_pending_audit(session: Session) -> None:
    session.info.pop(AUDIT_PREV, None)
    session.info.pop(AUDIT_NEW, None)


def audit_hash_at(session: Session, seq: int) -> str | None:
    return session.execute(select(AuditRow.hash).where(AuditRow.seq == seq)).scalar_one_or_none()


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One row of the audit log as stored, for the chain's verification."""

    seq: int
    at: str
    actor_id: str | None
    action: str
    entity: str
    entity_id: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainState:
    """What the stored chain says: its entries that hold, its last hash, the first break."""

    entries: int  # entries that hold, from the first
    last: tuple[int, str]  # (seq, hash) of the last stored entry; (0, GENESIS_HASH) if none
    problem: CheckFinding | None
    hashes: dict[int, str]  # seq -> stored hash, for the anchor's comparison


def verify_chain(rows: Iterable[AuditEntry], head: tuple[int, str] | None) -> ChainState:
    """Walks the chain from its first entry. The head row is the database's own record of the
    last entry, so that removing the newest entries shows even without the anchor."""
    prev = GENESIS_HASH
    entries = 0
    hashes: dict[int, str] = {}
    problem: CheckFinding | None = None
    for row in rows:
        hashes[row.seq] = row.hash
        if problem is not None:
            continue
        expected = entries + 1
        if row.seq != expected:
            problem = CheckFinding(CheckCode.AUDIT_ENTRY_MISSING, {"seq": expected})
        elif row.prev_hash != prev:
            problem = CheckFinding(CheckCode.AUDIT_LINK_BROKEN, {"seq": row.seq})
        elif row.hash != _entry_hash(
            prev, row.seq, row.at, row.actor_id, row.action, row.entity, row.entity_id
        ):
            problem = CheckFinding(CheckCode.AUDIT_ENTRY_ALTERED, {"seq": row.seq})
        else:
            entries, prev = expected, row.hash
    stated = head or (0, GENESIS_HASH)
    if problem is None and stated[0] > entries:
        problem = CheckFinding(
            CheckCode.AUDIT_NEWEST_REMOVED, {"found": entries, "expected": stated[0]}
        )
    elif problem is None and stated != (entries, prev):
        problem = CheckFinding(CheckCode.AUDIT_ENTRY_ALTERED, {"seq": entries})
    stored_last = max(hashes.items()) if hashes else (0, GENESIS_HASH)
    return ChainState(entries, stored_last, problem, hashes)


def audit_entries(session: Session) -> list[AuditEntry]:
    rows = session.execute(select(AuditRow).order_by(AuditRow.seq)).scalars()
    return [
        AuditEntry(r.seq, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.prev_hash, r.hash)
        for r in rows
    ]


def audit_head(session: Session) -> tuple[int, str] | None:
    head = session.get(AuditHead, 1)
    return None if head is None else (head.seq, head.hash)
