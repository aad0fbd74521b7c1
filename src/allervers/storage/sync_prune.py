"""Team sync in the database: minimisation on a volunteer's laptop (the households no longer
given to its user leave it, once the hub holds everything made there)."""

from __future__ import annotations

from sqlalchemy import (
    delete,
    select,
)
from sqlalchemy.orm import Session

from allervers.storage import sync_base
from allervers.storage.models import (
    HouseholdRow,
)
from allervers.storage.sync_tables import (
    CHUNK,
    ENTITIES,
    LINKS,
    rows_linked,
)


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
        for r in rows_linked(session, entity, table, column, set(parents)):
            owned[entity][str(r["id"])] = parents[str(r[column])]
    blocked: set[str] = set()
    for entity, households in owned.items():
        table = ENTITIES[entity]
        for r in rows_linked(session, entity, table, "id", set(households)):
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
