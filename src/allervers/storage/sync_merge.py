"""Team sync in the database: a received bundle's records merged into this workspace. The
decisions are the domain's (domain/merge.py); this module reads the records, applies the
outcome and stamps it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from allervers.domain.merge import Arrival, Stamp, arrival, merge_fields
from allervers.domain.sync import MergeReport
from allervers.storage import sync_base, sync_doors
from allervers.storage.models import (
    HouseholdRow,
    utc_now,
)
from allervers.storage.sync_conflicts import add_conflict
from allervers.storage.sync_tables import (
    CHUNK,
    ENTITIES,
    LINKS,
    NOT_SENT,
    compared,
    existing,
    existing_ids,
    households_of,
    next_stamp,
)


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
            present = existing_ids(session, ENTITIES[parent], {str(r[column]) for r in incoming})
            kept = [r for r in incoming if r[column] in present]
            skipped += len(incoming) - len(kept)
            incoming = kept
        if entity in sync_doors.PARENTS:
            kept = sync_doors.missing_parents(session, entity, incoming)
            skipped += len(incoming) - len(kept)
            incoming = kept
        ids = [str(r["id"]) for r in incoming]
        here_now = existing(session, table, ids)
        common = sync_base.bases(session, sender, entity, ids)
        received: dict[str, str] = {}
        to_insert: list[dict[str, Any]] = []
        for record in incoming:
            values = {k: v for k, v in record.items() if k in columns}
            record_id = str(values["id"])
            local = here_now.get(record_id)
            theirs = compared(entity, values)
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
            outcome = merge_fields(compared(entity, local), theirs, common.get(record_id), from_hub)
            for clash in outcome.clashes:
                if add_conflict(
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
            device, stamp = next_stamp(session)
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


def households_touched(session: Session, touched: dict[str, list[str]]) -> list[str]:
    """The households of the records a merge inserted or changed (those still here)."""
    found: set[str] = set()
    for entity, ids in touched.items():
        if entity in LINKS and ids:
            found.update(households_of(session, entity, ids).values())
    return sorted(existing_ids(session, ENTITIES["households"], found))


def relay(session: Session, me: str, sender_user: str, touched: dict[str, list[str]]) -> int:
    """The hub: records a volunteer sent about a household now assigned to someone else (a
    visit made before the household was given to a colleague) become changes of the hub, so
    that they travel on to the volunteer who has the household now."""
    h = HouseholdRow.__table__.c
    relayed = 0
    for entity, ids in touched.items():
        if entity not in LINKS or not ids:
            continue
        households = households_of(session, entity, ids)
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
            device, stamp = next_stamp(session)
            session.execute(
                update(table)
                .where(table.c.id == record_id)
                .values(origin_device=device, change_seq=stamp)
            )
            relayed += 1
    return relayed
