"""The last common state of each record shared with a peer, for the three-way merge.

A conflict is a field changed on both sides since their last common state (issue 7). To tell it
from a field changed on one side only, each laptop keeps, per peer and record, a digest of every
field of the last version both sides are known to hold:
- a version received from the peer (the peer holds it, and now so do we);
- a version sent to the peer, once the peer's acknowledgement covers its change number (until
  then it waits in `sync_sent`: a file can be lost on the way).

Only digests are kept (8 bytes of SHA-256 per field): equality is all the merge needs, and the
table then holds no copy of names or answers. The rows of a household leave with it (erasure,
purge, minimisation on a volunteer's laptop).

Fields are the record's columns, except that a column holding a JSON object (a visit's answers)
is split into one field per key (`answers.persons`), so two people answering different questions
of the same visit do not conflict.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Integer, String, Text, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from allervers.domain.merge import ABSENT, digest
from allervers.storage.models import Base

CHUNK = 500
# Columns holding a JSON object merged key by key.
OBJECT_COLUMNS = {"visits": {"answers"}}
__all__ = ["ABSENT", "digest"]  # the merge's rules live in the domain (domain/merge.py)


class SyncBaseRow(Base):
    __tablename__ = "sync_base"
    peer_device: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    digests: Mapped[str] = mapped_column(Text)


class SyncSentRow(Base):
    __tablename__ = "sync_sent"
    peer_device: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    change_seq: Mapped[int] = mapped_column(Integer)
    digests: Mapped[str] = mapped_column(Text)


def fields(entity: str, values: Mapping[str, Any], skip: set[str]) -> dict[str, Any]:
    """The record's comparable fields, JSON objects split into one field per key."""
    out: dict[str, Any] = {}
    objects = OBJECT_COLUMNS.get(entity, set())
    for column, value in values.items():
        if column in skip:
            continue
        if column in objects and isinstance(value, str):
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                for key, item in parsed.items():
                    out[f"{column}.{key}"] = item
                continue
        out[column] = value
    return out


def with_fields(entity: str, values: Mapping[str, Any], taken: Mapping[str, Any]) -> dict[str, Any]:
    """`values` with some fields replaced (a split JSON object is put back together; ABSENT
    removes a key)."""
    out = dict(values)
    objects: dict[str, dict[str, Any]] = {}
    for name, value in taken.items():
        column, _, key = name.partition(".")
        if key and column in OBJECT_COLUMNS.get(entity, set()):
            if column not in objects:
                objects[column] = json.loads(str(out[column]))
            if value is ABSENT:
                objects[column].pop(key, None)
            else:
                objects[column][key] = value
        else:
            out[name] = value
    for column, obj in objects.items():
        out[column] = json.dumps(obj, ensure_ascii=False)
    return out


def digests(flat: Mapping[str, Any]) -> str:
    return json.dumps({k: digest(v) for k, v in flat.items()}, sort_keys=True)


def bases(
    session: Session, peer: str, entity: str, ids: Iterable[str]
) -> dict[str, dict[str, str]]:
    """The last common state (field → digest) of these records with `peer`, where known."""
    found: dict[str, dict[str, str]] = {}
    wanted = sorted(set(ids))
    b = SyncBaseRow
    for start in range(0, len(wanted), CHUNK):
        query = select(b.record_id, b.digests).where(
            b.peer_device == peer,
            b.entity == entity,
            b.record_id.in_(wanted[start : start + CHUNK]),
        )
        for record_id, text in session.execute(query):
            found[record_id] = json.loads(text)
    return found


def _upsert(session: Session, table: type[Base], rows: list[dict[str, Any]]) -> None:
    """Inserts the rows, or replaces the non-key columns of those already there."""
    if not rows:
        return
    keys = ["peer_device", "entity", "record_id"]
    statement = insert(table)
    replaced = {c: statement.excluded[c] for c in rows[0] if c not in keys}
    session.execute(statement.on_conflict_do_update(index_elements=keys, set_=replaced), rows)


def remember_received(session: Session, peer: str, entity: str, rows: dict[str, str]) -> None:
    """`rows`: record id → digests of the version received from `peer`."""
    _upsert(
        session,
        SyncBaseRow,
        [
            {"peer_device": peer, "entity": entity, "record_id": i, "digests": d}
            for i, d in rows.items()
        ],
    )


def remember_sent(
    session: Session, peer: str, entity: str, rows: Iterable[tuple[str, int, str]]
) -> None:
    """`rows`: (record id, change number, digests) of the versions written for `peer`."""
    _upsert(
        session,
        SyncSentRow,
        [
            {"peer_device": peer, "entity": entity, "record_id": i, "change_seq": s, "digests": d}
            for i, s, d in rows
        ],
    )


def promote_acknowledged(session: Session, peer: str, ack: int) -> None:
    """The versions sent to `peer` that its acknowledgement covers become the common state."""
    s = SyncSentRow
    acknowledged = session.execute(
        select(s.entity, s.record_id, s.digests).where(s.peer_device == peer, s.change_seq <= ack)
    ).all()
    by_entity: dict[str, dict[str, str]] = {}
    for entity, record_id, text in acknowledged:
        by_entity.setdefault(entity, {})[record_id] = text
    for entity, rows in by_entity.items():
        remember_received(session, peer, entity, rows)
    session.execute(delete(s).where(s.peer_device == peer, s.change_seq <= ack))


def forget(session: Session, entity: str, ids: Iterable[str]) -> None:
    """Drops what is kept of these records (they were deleted or erased here)."""
    wanted = sorted(set(ids))
    for table in (SyncBaseRow, SyncSentRow):
        for start in range(0, len(wanted), CHUNK):
            session.execute(
                delete(table).where(
                    table.entity == entity, table.record_id.in_(wanted[start : start + CHUNK])
                )
            )
