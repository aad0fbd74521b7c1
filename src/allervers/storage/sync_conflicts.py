"""Team sync in the database: the conflicts kept when both sides changed a field (both values,
for the coordinator to choose), their journey from a volunteer's laptop to the hub, and their
resolution."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    String,
    delete,
    select,
)
from sqlalchemy.orm import Session

from allervers.domain.errors import UnknownRecord
from allervers.domain.sync import Conflict
from allervers.storage import sync_base, visits_repo
from allervers.storage.models import (
    HouseholdRow,
    utc_now,
)
from allervers.storage.sync_tables import (
    ENTITIES,
    MODELS,
    SyncConflictRow,
    compared,
    existing,
    household_of,
)


def _text(value: Any) -> str:
    """A value as the coordinator reads it."""
    if value is sync_base.ABSENT or value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _json(value: Any) -> str | None:
    """A value as it is restored when chosen (None: a key missing from a JSON object)."""
    return None if value is sync_base.ABSENT else json.dumps(value, ensure_ascii=False)


def _conflict_known(session: Session, entity: str, record_id: str, field: str, seq: int) -> bool:
    c = SyncConflictRow
    return (
        session.execute(
            select(c.id).where(
                c.entity == entity, c.record_id == record_id, c.field == field, c.remote_seq == seq
            )
        ).first()
        is not None
    )


def add_conflict(
    session: Session,
    entity: str,
    record_id: str,
    field: str,
    values: tuple[Any, Any],
    remote: tuple[str, int],
    now: str,
) -> bool:
    """Keeps both values of a field changed on both sides (once per received version)."""
    local, received = values
    if _conflict_known(session, entity, record_id, field, remote[1]):
        return False
    session.add(
        SyncConflictRow(
            entity=entity,
            record_id=record_id,
            field=field,
            local_value=_text(local),
            remote_value=_text(received),
            local_json=_json(local),
            remote_json=_json(received),
            remote_device=remote[0],
            remote_seq=remote[1],
            at=now,
            resolved=False,
        )
    )
    return True


def conflicts_to_send(session: Session, me: str, since: int) -> list[dict[str, Any]]:
    """A volunteer's laptop: the values it gave way on (see `merge`), for the coordinator."""
    c = SyncConflictRow
    rows = session.execute(
        select(c).where(c.origin_device == me, c.change_seq > since, c.resolved.is_(False))
    ).scalars()
    return [
        {
            "entity": r.entity,
            "record_id": r.record_id,
            "field": r.field,
            "value": r.local_json,
            "seq": r.change_seq,
        }
        for r in rows
    ]


def receive_conflicts(session: Session, sender: str, items: list[dict[str, Any]]) -> int:
    """The hub: a volunteer's values that gave way to the hub's on their laptop become
    conflicts here, next to the hub's current value, for the coordinator to choose."""
    now = utc_now()
    added = 0
    for item in items:
        entity, record_id, field = str(item["entity"]), str(item["record_id"]), str(item["field"])
        table = ENTITIES.get(entity)
        if table is None:
            continue
        found = existing(session, table, [record_id]).get(record_id)
        if found is None:
            continue
        here = compared(entity, found).get(field, sync_base.ABSENT)
        value = item["value"]
        theirs = sync_base.ABSENT if value is None else json.loads(str(value))
        if sync_base.digest(here) == sync_base.digest(theirs):
            continue
        if add_conflict(
            session, entity, record_id, field, (here, theirs), (sender, int(item["seq"])), now
        ):
            added += 1
    session.flush()
    return added


def forget_sent_conflicts(session: Session, me: str, acked: int) -> None:
    """A volunteer's laptop: values the coordinator has received leave the laptop."""
    c = SyncConflictRow
    session.execute(delete(c).where(c.origin_device == me, c.change_seq <= acked))


def conflicts(session: Session, include_resolved: bool = False) -> list[Conflict]:
    query = select(SyncConflictRow).order_by(SyncConflictRow.at, SyncConflictRow.record_id)
    if not include_resolved:
        query = query.where(SyncConflictRow.resolved.is_(False))
    return [_to_conflict(session, r) for r in session.execute(query).scalars()]


def _to_conflict(session: Session, row: SyncConflictRow) -> Conflict:
    household_id = household_of(session, row.entity, row.record_id)
    household = session.get(HouseholdRow, household_id) if household_id else None
    contact = address = commune = ""
    if household is not None:
        contact = household.contact_name or ""
        address = " ".join(p for p in (household.number, household.street) if p)
        commune = household.commune_insee
    return Conflict(
        row.id,
        row.entity,
        row.record_id,
        row.field,
        row.local_value,
        row.remote_value,
        row.remote_device,
        row.at,
        household_id,
        contact,
        address,
        commune,
    )


def _received_value(row: SyncConflictRow) -> Any:
    column = ENTITIES[row.entity].c.get(row.field)
    if row.remote_json is None:
        if column is None:
            return sync_base.ABSENT  # a key absent from a JSON object
        # Kept before revision 0007: text columns held the text itself.
        return row.remote_value if isinstance(column.type, String) else json.loads(row.remote_value)
    return json.loads(row.remote_json)


def resolve(session: Session, conflict_id: str, take_remote: bool) -> Conflict:
    """Closes a conflict. Taking the other side's value is an ordinary change here (stamped by
    this laptop), so it travels back in the next bundle."""
    row = session.get(SyncConflictRow, conflict_id)
    if row is None or row.resolved:
        raise UnknownRecord("conflict", conflict_id)
    if take_remote:
        record = session.get(MODELS[row.entity], row.record_id)
        if record is None:
            raise UnknownRecord(row.entity, row.record_id)
        column = row.field.partition(".")[0] if "." in row.field else row.field
        current = {column: getattr(record, column)}
        merged = sync_base.with_fields(row.entity, current, {row.field: _received_value(row)})
        setattr(record, column, merged[column])
        if row.entity == "visits":
            session.flush()
            household = household_of(session, row.entity, row.record_id)
            visits_repo.contacts_from_visits(session, [household])
    row.resolved = True
    session.flush()
    return _to_conflict(session, row)
