"""Team sync in the database: what a bundle carries (the records changed since the peer's
acknowledgement, narrowed to what a volunteer needs) and the memory of what was sent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Table,
    select,
)
from sqlalchemy.orm import Session

from allervers.storage import sync_base, sync_doors
from allervers.storage.models import (
    HouseholdRow,
    UserRow,
)
from allervers.storage.sync_tables import (
    CHUNK,
    ENTITIES,
    LINKS,
    USER_COLUMNS,
    compared,
    row_dict,
    rows_linked,
)


def _ids_of_households(session: Session, table: Table, households: set[str]) -> set[str]:
    found: set[str] = set()
    ids = sorted(households)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found.update(
            r[0] for r in session.execute(select(table.c.id).where(table.c.household_id.in_(chunk)))
        )
    return found


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
        out[entity] = [row_dict(entity, r) for r in session.execute(query.order_by(c.change_seq))]
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
            for r in rows_linked(session, entity, table, column, full[parent]):
                rows.setdefault(r["id"], r)
        out[entity] = sorted(rows.values(), key=lambda r: (r["origin_device"], r["change_seq"]))
    named = {for_user} | sync_doors.restrict(session, out, for_user)
    for entity in LINKS:
        for r in out[entity]:
            named.update(str(r[k]) for k in USER_COLUMNS if r.get(k))
    u = UserRow.__table__
    coordinators = select(u).where((u.c.role == "coordinator") | u.c.id.in_(sorted(named)))
    out["users"] = [row_dict("users", r) for r in session.execute(coordinators)]
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
                    (str(r["id"]), int(r["change_seq"]), sync_base.digests(compared(entity, r)))
                    for r in rows
                ),
            )
