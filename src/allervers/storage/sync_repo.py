"""Team sync in the database: enrolled peers, imported bundles, conflicts, and the records that
travel (read and merged with Core statements, so that a merged record keeps the change stamp of
the laptop that made it: the before_flush hook stamps only ORM changes)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Boolean,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from allervers.domain.errors import UnknownRecord
from allervers.domain.sync import Conflict, MergeReport, Peer
from allervers.domain.users import normalise_user_name
from allervers.storage.models import (
    AssessmentRow,
    Base,
    DeviceClock,
    HouseholdRow,
    Record,
    ReferralEventRow,
    ReferralRow,
    UserRow,
    VisitChangeRow,
    VisitRow,
    new_id,
    utc_now,
)


class SyncPeerRow(Record, Base):
    __tablename__ = "sync_peers"
    device_id: Mapped[str] = mapped_column(String(32), unique=True)
    workspace_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(20))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    box_public: Mapped[bytes] = mapped_column(LargeBinary)
    acked_out: Mapped[int] = mapped_column(Integer, default=0)  # ours the peer has
    acked_in: Mapped[int] = mapped_column(Integer, default=0)  # theirs we have


class SyncImportedRow(Record, Base):
    __tablename__ = "sync_imported"
    bundle_id: Mapped[str] = mapped_column(String(32), unique=True)
    device_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[str] = mapped_column(String(40))


class SyncConflictRow(Record, Base):
    __tablename__ = "sync_conflicts"
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(32), index=True)
    field: Mapped[str] = mapped_column(String(60))
    local_value: Mapped[str] = mapped_column(Text)
    remote_value: Mapped[str] = mapped_column(Text)
    remote_device: Mapped[str] = mapped_column(String(32))
    remote_seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


# In foreign-key order. Users travel without their key slot (a user from another laptop cannot
# unlock this one).
ENTITIES: dict[str, Table] = {
    "users": UserRow.__table__,  # type: ignore[dict-item]
    "households": HouseholdRow.__table__,  # type: ignore[dict-item]
    "visits": VisitRow.__table__,  # type: ignore[dict-item]
    "assessments": AssessmentRow.__table__,  # type: ignore[dict-item]
    "visit_changes": VisitChangeRow.__table__,  # type: ignore[dict-item]
    "referrals": ReferralRow.__table__,  # type: ignore[dict-item]
    "referral_events": ReferralEventRow.__table__,  # type: ignore[dict-item]
}
MODELS: dict[str, type[Record]] = {
    "users": UserRow,
    "households": HouseholdRow,
    "visits": VisitRow,
    "assessments": AssessmentRow,
    "visit_changes": VisitChangeRow,
    "referrals": ReferralRow,
    "referral_events": ReferralEventRow,
}
# What ties each record to its household (directly, or through a visit or a referral).
LINKS = {
    "households": ("id", "households"),
    "visits": ("household_id", "households"),
    "referrals": ("household_id", "households"),
    "assessments": ("visit_id", "visits"),
    "visit_changes": ("visit_id", "visits"),
    "referral_events": ("referral_id", "referrals"),
}
USER_COLUMNS = ("created_by", "assigned_to", "volunteer_id", "user_id")
NOT_SENT = {"users": {"slot_id"}}
STAMP = {"id", "created_at", "updated_at", "origin_device", "change_seq"}
# Derived by each laptop from the visits (caseload columns): never a conflict of their own.
NOT_COMPARED = {
    "households": {"last_contact_on", "flags", "case_status", "next_action_on", "purged_at"},
}
CHUNK = 500


def device_id(session: Session) -> str:
    clock = session.execute(select(DeviceClock).limit(1)).scalar_one_or_none()
    if clock is None:
        clock = DeviceClock(device_id=new_id(), counter=0)
        session.add(clock)
        session.flush()
    return clock.device_id


def counter(session: Session) -> int:
    clock = session.execute(select(DeviceClock).limit(1)).scalar_one_or_none()
    return 0 if clock is None else clock.counter


def to_peer(session: Session, row: SyncPeerRow, fingerprint: str) -> Peer:
    user = session.get(UserRow, row.user_id)
    name = "" if user is None else user.name
    return Peer(
        row.device_id, row.user_id, row.role, fingerprint, row.acked_out, row.acked_in, name
    )


def peer_row(session: Session, device: str) -> SyncPeerRow | None:
    return session.execute(
        select(SyncPeerRow).where(SyncPeerRow.device_id == device)
    ).scalar_one_or_none()


def peer_rows(session: Session) -> list[SyncPeerRow]:
    return list(session.execute(select(SyncPeerRow).order_by(SyncPeerRow.created_at)).scalars())


def save_peer(
    session: Session,
    device: str,
    workspace_id: str,
    user_id: str,
    role: str,
    sign_public: bytes,
    box_public: bytes,
) -> SyncPeerRow:
    row = peer_row(session, device)
    if row is None:
        row = SyncPeerRow(device_id=device, acked_out=0, acked_in=0)
        session.add(row)
    row.workspace_id = workspace_id
    row.user_id = user_id
    row.role = role
    row.sign_public = sign_public
    row.box_public = box_public
    session.flush()
    return row


def add_user_with_id(session: Session, user_id: str, name: str, role: str, slot_id: str) -> None:
    session.add(
        UserRow(
            id=user_id,
            name=" ".join(name.split()),
            name_key=normalise_user_name(name),
            role=role,
            slot_id=slot_id,
            active=True,
        )
    )
    session.flush()


def was_imported(session: Session, bundle_id: str) -> bool:
    found = session.execute(
        select(SyncImportedRow.id).where(SyncImportedRow.bundle_id == bundle_id)
    ).first()
    return found is not None


def mark_imported(session: Session, bundle_id: str, device: str) -> None:
    session.add(SyncImportedRow(bundle_id=bundle_id, device_id=device, at=utc_now()))


def _row_dict(entity: str, row: Any) -> dict[str, Any]:
    skip = NOT_SENT.get(entity, set())
    return {k: v for k, v in row._mapping.items() if k not in skip}


def _ids_of_households(session: Session, table: Table, households: set[str]) -> set[str]:
    found: set[str] = set()
    ids = sorted(households)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found.update(
            r[0] for r in session.execute(select(table.c.id).where(table.c.household_id.in_(chunk)))
        )
    return found


def _rows_linked(
    session: Session, entity: str, table: Table, column: str, ids: set[str]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    chunks = sorted(ids)
    for start in range(0, len(chunks), CHUNK):
        query = select(table).where(table.c[column].in_(chunks[start : start + CHUNK]))
        rows.extend(_row_dict(entity, r) for r in session.execute(query))
    return rows


def changes_since(
    session: Session, origin: str, since: int, for_user: str | None
) -> dict[str, list[dict[str, Any]]]:
    """Records this laptop changed after `since`. With `for_user` (the hub writing to a
    volunteer), only what that volunteer needs: the households assigned to or created by them,
    and, whenever such a household is sent, its visits, assessments and referrals whoever made
    them; users only when a sent record names them (never the rest of the team)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for entity, table in ENTITIES.items():
        c = table.c
        query = select(table).where(c.origin_device == origin, c.change_seq > since)
        out[entity] = [_row_dict(entity, r) for r in session.execute(query.order_by(c.change_seq))]
    if for_user is None:
        return out
    h = HouseholdRow.__table__.c
    allowed = {
        "households": {
            r[0]
            for r in session.execute(
                select(h.id).where((h.assigned_to == for_user) | (h.created_by == for_user))
            )
        }
    }
    full = {"households": {r["id"] for r in out["households"] if r["id"] in allowed["households"]}}
    for parent in ("visits", "referrals"):
        table = ENTITIES[parent]
        allowed[parent] = _ids_of_households(session, table, allowed["households"])
        full[parent] = _ids_of_households(session, table, full["households"])
    for entity, (column, parent) in LINKS.items():
        table = ENTITIES[entity]
        rows = {r["id"]: r for r in out[entity] if r[column] in allowed[parent]}
        if entity != "households":
            for r in _rows_linked(session, entity, table, column, full[parent]):
                rows.setdefault(r["id"], r)
        out[entity] = sorted(rows.values(), key=lambda r: (r["origin_device"], r["change_seq"]))
    named = {for_user}
    for entity in LINKS:
        for r in out[entity]:
            named.update(str(r[k]) for k in USER_COLUMNS if r.get(k))
    u = UserRow.__table__
    coordinators = select(u).where((u.c.role == "coordinator") | u.c.id.in_(sorted(named)))
    out["users"] = [_row_dict("users", r) for r in session.execute(coordinators)]
    return out


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _existing(session: Session, table: Table, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for row in session.execute(select(table).where(table.c.id.in_(chunk))):
            found[row.id] = dict(row._mapping)
    return found


def _existing_ids(session: Session, table: Table, ids: set[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):
        query = select(table.c.id).where(table.c.id.in_(wanted[start : start + CHUNK]))
        found.update(r[0] for r in session.execute(query))
    return found


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


def merge(
    session: Session,
    me: str,
    sender: str,
    acked_out: int,
    records: dict[str, list[dict[str, Any]]],
    keep_user: str | None = None,
) -> MergeReport:
    """Merges the sender's records. A record changes here only when the sender's version follows
    ours: same origin and a higher change number, or our last change already acknowledged by the
    sender (`acked_out`). Otherwise both sides edited it: ours stays, theirs is kept as conflicts,
    one per differing field. Merging the same records twice changes nothing. With `keep_user`
    (a volunteer's laptop), a household not here already is taken only if assigned to them, and
    records of households not here are left out (it dropped them, see `prune`)."""
    inserted = updated = unchanged = conflicts = skipped = 0
    now = utc_now()
    for entity, table in ENTITIES.items():
        incoming = records.get(entity, [])
        if not incoming:
            continue
        columns = set(table.c.keys()) - NOT_SENT.get(entity, set())
        link = LINKS.get(entity)
        if link is not None and link[1] != entity:
            # A record of a household this laptop no longer keeps (pruned): not taken.
            column, parent = link
            present = _existing_ids(session, ENTITIES[parent], {str(r[column]) for r in incoming})
            kept = [r for r in incoming if r[column] in present]
            skipped += len(incoming) - len(kept)
            incoming = kept
        existing = _existing(session, table, [str(r["id"]) for r in incoming])
        to_insert: list[dict[str, Any]] = []
        for record in incoming:
            values = {k: v for k, v in record.items() if k in columns}
            local = existing.get(str(values["id"]))
            if local is None:
                if entity == "households" and keep_user not in (None, values["assigned_to"]):
                    skipped += 1  # a volunteer's laptop takes in only households given to them
                    continue
                if entity == "users":
                    values["slot_id"] = ""
                to_insert.append(values)
                continue
            origin, seq = str(values["origin_device"]), int(values["change_seq"])
            if local["origin_device"] == origin:
                follows = seq > int(local["change_seq"])
                if not follows:
                    unchanged += 1
                    continue
            else:
                follows = local["origin_device"] == me and int(local["change_seq"]) <= acked_out
            if follows:
                session.execute(update(table).where(table.c.id == values["id"]).values(values))
                updated += 1
                continue
            skip = STAMP | NOT_COMPARED.get(entity, set())
            differing = [k for k in values if k not in skip and values[k] != local.get(k)]
            if not differing:
                unchanged += 1
                continue
            for field in differing:
                if _conflict_known(session, entity, str(values["id"]), field, seq):
                    continue
                session.add(
                    SyncConflictRow(
                        entity=entity,
                        record_id=values["id"],
                        field=field,
                        local_value=_text(local.get(field)),
                        remote_value=_text(values[field]),
                        remote_device=origin,
                        remote_seq=seq,
                        at=now,
                        resolved=False,
                    )
                )
                conflicts += 1
        if to_insert:
            session.execute(insert(table), to_insert)
            inserted += len(to_insert)
    session.flush()
    return MergeReport(inserted, updated, unchanged, conflicts, skipped)


def conflicts(session: Session, include_resolved: bool = False) -> list[Conflict]:
    query = select(SyncConflictRow).order_by(SyncConflictRow.at, SyncConflictRow.record_id)
    if not include_resolved:
        query = query.where(SyncConflictRow.resolved.is_(False))
    return [
        Conflict(
            r.id,
            r.entity,
            r.record_id,
            r.field,
            r.local_value,
            r.remote_value,
            r.remote_device,
            r.at,
        )
        for r in session.execute(query).scalars()
    ]


def user_ids(session: Session) -> Iterable[str]:
    return [r[0] for r in session.execute(select(UserRow.id))]


def assigned_households(session: Session, user_id: str) -> list[str]:
    h = HouseholdRow.__table__.c
    return sorted(r[0] for r in session.execute(select(h.id).where(h.assigned_to == user_id)))


def prune(
    session: Session,
    me: str,
    acked: int,
    before: str,
    keep_user: str,
    assigned: set[str] | None = None,
) -> int:
    """Deletes, on a volunteer's laptop, the households no longer assigned to `keep_user` (as
    the hub says in `assigned`, else as this laptop knows) whose records made here the hub has
    all acknowledged (`change_seq <= acked`) and that nothing changed since `before`, with their
    visits, assessments, edits and referrals. Deleted with Core statements: a deletion is not a
    change to send (the hub keeps its copy)."""
    h = HouseholdRow.__table__.c
    if assigned is None:
        assigned = set(assigned_households(session, keep_user))
    candidates = {r[0] for r in session.execute(select(h.id))} - assigned
    if not candidates:
        return 0
    owned: dict[str, dict[str, str]] = {"households": {i: i for i in candidates}}
    for entity, (column, parent) in LINKS.items():
        if entity == "households":
            continue
        table = ENTITIES[entity]
        parents = owned[parent]
        owned[entity] = {}
        for r in _rows_linked(session, entity, table, column, set(parents)):
            owned[entity][str(r["id"])] = parents[str(r[column])]
    blocked: set[str] = set()
    for entity, households in owned.items():
        table = ENTITIES[entity]
        for r in _rows_linked(session, entity, table, "id", set(households)):
            recent = str(r["updated_at"]) >= before
            unacknowledged = r["origin_device"] == me and int(r["change_seq"]) > acked
            if recent or unacknowledged:
                blocked.add(households[str(r["id"])])
    gone = candidates - blocked
    for entity in reversed(list(LINKS)):
        table = ENTITIES[entity]
        ids = sorted(i for i, household in owned[entity].items() if household in gone)
        for start in range(0, len(ids), CHUNK):
            session.execute(delete(table).where(table.c.id.in_(ids[start : start + CHUNK])))
    return len(gone)


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
        column = ENTITIES[row.entity].c[row.field]
        value: Any = row.remote_value
        if not isinstance(column.type, String):
            value = json.loads(row.remote_value)
        setattr(record, row.field, value)
    row.resolved = True
    session.flush()
    return Conflict(
        row.id,
        row.entity,
        row.record_id,
        row.field,
        row.local_value,
        row.remote_value,
        row.remote_device,
        row.at,
    )
