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
from allervers.domain.merge import Arrival, Stamp, arrival, merge_fields
from allervers.domain.sync import Conflict, MergeReport, Peer
from allervers.domain.users import normalise_user_name
from allervers.storage import sync_base, sync_doors, visits_repo
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
    # The values as JSON (None: a key absent from a JSON object), so that the chosen one is
    # restored with its type; local_value and remote_value are for reading.
    local_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    remote_json: Mapped[str | None] = mapped_column(Text, nullable=True)


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
    **sync_doors.ENTITIES,  # the territory's doors and rounds (issue 16)
}
MODELS: dict[str, type[Record]] = {
    "users": UserRow,
    "households": HouseholdRow,
    "visits": VisitRow,
    "assessments": AssessmentRow,
    "visit_changes": VisitChangeRow,
    "referrals": ReferralRow,
    "referral_events": ReferralEventRow,
    **sync_doors.MODELS,
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
# The address and contact of a household are copied from its latest visit's answers (where a
# clash shows, once) and worked out again after each merge.
NOT_COMPARED = {
    "households": {
        "last_contact_on",
        "flags",
        "case_status",
        "next_action_on",
        "purged_at",
        "street",
        "number",
        "contact_name",
        "contact_phone",
    },
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
    named = {for_user} | sync_doors.restrict(session, out, for_user)
    for entity in LINKS:
        for r in out[entity]:
            named.update(str(r[k]) for k in USER_COLUMNS if r.get(k))
    u = UserRow.__table__
    coordinators = select(u).where((u.c.role == "coordinator") | u.c.id.in_(sorted(named)))
    out["users"] = [_row_dict("users", r) for r in session.execute(coordinators)]
    return out


def remember_sent(session: Session, peer: str, records: dict[str, list[dict[str, Any]]]) -> None:
    """Notes what a bundle carries to `peer`: once acknowledged, the common state."""
    for entity, rows in records.items():
        if entity in ENTITIES:
            sync_base.remember_sent(
                session,
                peer,
                entity,
                (
                    (str(r["id"]), int(r["change_seq"]), sync_base.digests(_compared(entity, r)))
                    for r in rows
                ),
            )


def _text(value: Any) -> str:
    """A value as the coordinator reads it."""
    if value is sync_base.ABSENT or value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _json(value: Any) -> str | None:
    """A value as it is restored when chosen (None: a key missing from a JSON object)."""
    return None if value is sync_base.ABSENT else json.dumps(value, ensure_ascii=False)


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


def _add_conflict(
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


def _next_stamp(session: Session) -> tuple[str, int]:
    """This laptop's next change number, for a record merged here with Core statements."""
    clock = session.execute(select(DeviceClock).limit(1)).scalar_one()
    clock.counter += 1
    return clock.device_id, clock.counter


def _compared(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    skip = STAMP | NOT_COMPARED.get(entity, set()) | NOT_SENT.get(entity, set())
    return sync_base.fields(entity, values, skip)


def merge(
    session: Session,
    me: str,
    sender: str,
    acked_out: int,
    records: dict[str, list[dict[str, Any]]],
    keep_user: str | None = None,
    from_hub: bool = False,
    touched: dict[str, list[str]] | None = None,
) -> MergeReport:
    """Merges the sender's records.

    A record is taken whole when the sender's version follows ours: same origin and a higher
    change number, or our last change already acknowledged by the sender (`acked_out`: the
    sender merged it before changing the record again). Otherwise both sides changed it since
    their last common state (`sync_base`): field by field, a field changed on one side only
    takes that side's value, and a field changed on both sides to different values is a
    conflict. On the hub (the coordinator's workspace) the hub's value stays and both are kept
    for the coordinator to choose. On a volunteer's laptop (`from_hub`) the hub's value is taken,
    so that both laptops hold the same record, and the volunteer's value is kept as a conflict
    that the next bundle carries to the coordinator. Nothing is overwritten without a trace;
    a merged record is a change of this laptop and travels back.

    Merging the same records twice changes nothing. With `keep_user` (a volunteer's laptop), a
    household not here already is taken only if assigned to them, and records of households
    not here are left out (it dropped them, see `prune`). `touched` receives the ids of the
    records inserted or changed, by entity (see `relay`)."""
    inserted = updated = unchanged = conflicts = skipped = 0
    if touched is None:
        touched = {}
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
        if entity in sync_doors.PARENTS:
            kept = sync_doors.missing_parents(session, entity, incoming)
            skipped += len(incoming) - len(kept)
            incoming = kept
        ids = [str(r["id"]) for r in incoming]
        existing = _existing(session, table, ids)
        common = sync_base.bases(session, sender, entity, ids)
        received: dict[str, str] = {}
        to_insert: list[dict[str, Any]] = []
        for record in incoming:
            values = {k: v for k, v in record.items() if k in columns}
            record_id = str(values["id"])
            local = existing.get(record_id)
            theirs = _compared(entity, values)
            if local is None:
                if entity == "households" and keep_user not in (None, values["assigned_to"]):
                    skipped += 1  # a volunteer's laptop takes in only households given to them
                    continue
                if entity == "users":
                    values["slot_id"] = ""
                to_insert.append(values)
                received[record_id] = sync_base.digests(theirs)
                continue
            origin, seq = str(values["origin_device"]), int(values["change_seq"])
            here = Stamp(str(local["origin_device"]), int(local["change_seq"]))
            how = arrival(here, Stamp(origin, seq), me, acked_out)
            if how is Arrival.UNCHANGED:
                unchanged += 1
                continue
            received[record_id] = sync_base.digests(theirs)
            if how is Arrival.FOLLOWS:
                session.execute(update(table).where(table.c.id == record_id).values(values))
                updated += 1
                touched.setdefault(entity, []).append(record_id)
                continue
            outcome = merge_fields(
                _compared(entity, local), theirs, common.get(record_id), from_hub
            )
            for clash in outcome.clashes:
                if _add_conflict(
                    session,
                    entity,
                    record_id,
                    clash.field,
                    (clash.ours, clash.theirs),
                    (origin, seq),
                    now,
                ):
                    conflicts += 1
            taken = outcome.taken
            if not taken:
                if outcome.unchanged:
                    unchanged += 1
                continue
            merged = sync_base.with_fields(entity, local, taken)
            changed = {n.partition(".")[0] if n not in local else n for n in taken}
            device, stamp = _next_stamp(session)
            session.execute(
                update(table)
                .where(table.c.id == record_id)
                .values(
                    {c: merged[c] for c in changed}
                    | {"origin_device": device, "change_seq": stamp, "updated_at": now}
                )
            )
            updated += 1
            touched.setdefault(entity, []).append(record_id)
        if to_insert:
            session.execute(insert(table), to_insert)
            inserted += len(to_insert)
            touched.setdefault(entity, []).extend(str(v["id"]) for v in to_insert)
        sync_base.remember_received(session, sender, entity, received)
    session.flush()
    return MergeReport(inserted, updated, unchanged, conflicts, skipped)


def _households_of(session: Session, entity: str, ids: list[str]) -> dict[str, str]:
    """Record id → household id, through the links (visits, referrals) in a few queries."""
    if entity == "households":
        return {i: i for i in ids}
    column, parent = LINKS[entity]
    table = ENTITIES[entity]
    direct: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(table.c.id, table.c[column]).where(
            table.c.id.in_(ids[start : start + CHUNK])
        )
        direct.update({str(r[0]): str(r[1]) for r in session.execute(query)})
    if parent == "households":
        return direct
    above = _households_of(session, parent, sorted(set(direct.values())))
    return {i: above[p] for i, p in direct.items() if p in above}


def households_touched(session: Session, touched: dict[str, list[str]]) -> list[str]:
    """The households of the records a merge inserted or changed (those still here)."""
    found: set[str] = set()
    for entity, ids in touched.items():
        if entity in LINKS and ids:
            found.update(_households_of(session, entity, ids).values())
    return sorted(_existing_ids(session, ENTITIES["households"], found))


def relay(session: Session, me: str, sender_user: str, touched: dict[str, list[str]]) -> int:
    """The hub: records a volunteer sent about a household now assigned to someone else (a
    visit made before the household was given to a colleague) become changes of the hub, so
    that they travel on to the volunteer who has the household now."""
    h = HouseholdRow.__table__.c
    relayed = 0
    for entity, ids in touched.items():
        if entity not in LINKS or not ids:
            continue
        households = _households_of(session, entity, ids)
        wanted = sorted(set(households.values()))
        elsewhere: set[str] = set()
        for start in range(0, len(wanted), CHUNK):
            query = select(h.id).where(
                h.id.in_(wanted[start : start + CHUNK]),
                h.assigned_to.is_not(None),
                h.assigned_to != sender_user,
            )
            elsewhere.update(r[0] for r in session.execute(query))
        table = ENTITIES[entity]
        for record_id in sorted(i for i, house in households.items() if house in elsewhere):
            device, stamp = _next_stamp(session)
            session.execute(
                update(table)
                .where(table.c.id == record_id)
                .values(origin_device=device, change_seq=stamp)
            )
            relayed += 1
    return relayed


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
        found = _existing(session, table, [record_id]).get(record_id)
        if found is None:
            continue
        here = _compared(entity, found).get(field, sync_base.ABSENT)
        value = item["value"]
        theirs = sync_base.ABSENT if value is None else json.loads(str(value))
        if sync_base.digest(here) == sync_base.digest(theirs):
            continue
        if _add_conflict(
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
        sync_base.forget(session, entity, ids)
    return len(gone)


def _household_of(session: Session, entity: str, record_id: str) -> str:
    """The household a record belongs to ("" for a user or a record no longer here)."""
    if entity not in LINKS:
        return ""
    return _households_of(session, entity, [record_id]).get(record_id, "")


def _to_conflict(session: Session, row: SyncConflictRow) -> Conflict:
    household_id = _household_of(session, row.entity, row.record_id)
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
            household = _household_of(session, row.entity, row.record_id)
            visits_repo.contacts_from_visits(session, [household])
    row.resolved = True
    session.flush()
    return _to_conflict(session, row)
