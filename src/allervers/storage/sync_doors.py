"""The doors' records in the sync files (issue 16): what of them the hub sends to a volunteer,
what a volunteer's laptop keeps, and the passes relayed between the two volunteers of a pair.

- Hub → volunteer: the rounds given to the volunteer (an active assignment), with their current
  version, its doors and every pass at those doors. Whenever a round's row or one of its
  assignments changes (created, reshaped, given), the whole round goes with it; otherwise only
  what changed. Addresses stay on the hub: a door carries what the laptop needs of its address.
- Volunteer → hub: everything the laptop changed (its passes, the doors it added).
- Relay: a pass or a door the hub merges from a volunteer becomes a change of the hub, so that it
  travels on to the other volunteer of the pair (and back, harmlessly, to its author).
- Minimisation: after a bundle from the hub, a laptop deletes the rounds no longer given to its
  user (the hub's `rounds` list), and the doors no round here names, with their passes, once the
  hub has acknowledged what the laptop made there and nothing changed for the grace period.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from allervers.storage import rounds_repo, sync_base
from allervers.storage.door_models import (
    DoorPassRow,
    DoorRow,
    RoundAssignmentRow,
    RoundDoorRow,
    RoundRow,
    RoundVersionRow,
)
from allervers.storage.models import DeviceClock

CHUNK = 500
# In foreign-key order, after the households' entities.
ENTITIES: dict[str, Table] = {
    "doors": DoorRow.__table__,  # type: ignore[dict-item]
    "rounds": RoundRow.__table__,  # type: ignore[dict-item]
    "round_versions": RoundVersionRow.__table__,  # type: ignore[dict-item]
    "round_doors": RoundDoorRow.__table__,  # type: ignore[dict-item]
    "round_assignments": RoundAssignmentRow.__table__,  # type: ignore[dict-item]
    "door_passes": DoorPassRow.__table__,  # type: ignore[dict-item]
}
MODELS: dict[str, Any] = {
    "doors": DoorRow,
    "rounds": RoundRow,
    "round_versions": RoundVersionRow,
    "round_doors": RoundDoorRow,
    "round_assignments": RoundAssignmentRow,
    "door_passes": DoorPassRow,
}
# A record whose parent is not on this laptop is left out of a merge (its parent was pruned).
PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "round_versions": (("round_id", "rounds"),),
    "round_doors": (("version_id", "round_versions"), ("door_id", "doors")),
    "round_assignments": (("round_id", "rounds"),),
    "door_passes": (("door_id", "doors"),),
}
USER_COLUMNS = ("user_id", "volunteer_id", "added_by", "created_by")


def _rows(session: Session, table: Table, column: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    wanted = sorted(set(ids))
    out: list[dict[str, Any]] = []
    for start in range(0, len(wanted), CHUNK):
        query = select(table).where(table.c[column].in_(wanted[start : start + CHUNK]))
        out.extend(dict(r._mapping) for r in session.execute(query))
    return out


def assigned_rounds(session: Session, user_id: str) -> list[str]:
    a = RoundAssignmentRow.__table__.c
    query = select(a.round_id).where(a.user_id == user_id, a.active.is_(True))
    return sorted({r[0] for r in session.execute(query)})


def restrict(session: Session, out: dict[str, list[dict[str, Any]]], for_user: str) -> set[str]:
    """Keeps in `out` (the hub's changes) only what the volunteer's rounds need, adding the
    whole of a round whose row or assignments changed. Returns the users these records name."""
    rounds = set(assigned_rounds(session, for_user))
    changed_rounds = {r["id"] for r in out.get("rounds", [])} | {
        r["round_id"] for r in out.get("round_assignments", [])
    }
    whole = rounds & changed_rounds
    r = ENTITIES["rounds"]
    current = {
        row.id: row.version_id
        for row in session.execute(select(r).where(r.c.id.in_(sorted(rounds))))
    }
    versions = set(current.values())
    door_ids = {
        row["door_id"] for row in _rows(session, ENTITIES["round_doors"], "version_id", versions)
    }
    whole_versions = {current[i] for i in whole}
    whole_doors = {
        row["door_id"]
        for row in _rows(session, ENTITIES["round_doors"], "version_id", whole_versions)
    }
    allowed = {
        "rounds": ("id", rounds, whole),
        "round_assignments": ("round_id", rounds, whole),
        "round_versions": ("id", versions, whole_versions),
        "round_doors": ("version_id", versions, whole_versions),
        "doors": ("id", door_ids, whole_doors),
        "door_passes": ("door_id", door_ids, whole_doors),
    }
    named: set[str] = set()
    for entity, (column, keep, full) in allowed.items():
        rows = {row["id"]: row for row in out.get(entity, []) if row[column] in keep}
        for row in _rows(session, ENTITIES[entity], column, full):
            rows.setdefault(row["id"], row)
        out[entity] = sorted(
            rows.values(), key=lambda row: (row["origin_device"], row["change_seq"])
        )
        for row in out[entity]:
            named.update(str(row[k]) for k in USER_COLUMNS if row.get(k))
    return named


def missing_parents(
    session: Session, entity: str, incoming: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The records whose parents are all here (others are skipped by the merge)."""
    kept = incoming
    for column, parent in PARENTS.get(entity, ()):
        table = ENTITIES[parent]
        wanted = {str(r[column]) for r in kept}
        present = {row["id"] for row in _rows(session, table, "id", wanted)}
        kept = [r for r in kept if r[column] in present]
    return kept


def relay(session: Session, touched: dict[str, list[str]]) -> int:
    """The hub: passes and doors merged from a volunteer become changes of the hub."""
    clock = session.execute(select(DeviceClock).limit(1)).scalar_one()
    relayed = 0
    for entity in ("doors", "door_passes"):
        table = ENTITIES[entity]
        for record_id in sorted(set(touched.get(entity, []))):
            clock.counter += 1
            session.execute(
                update(table)
                .where(table.c.id == record_id)
                .values(origin_device=clock.device_id, change_seq=clock.counter)
            )
            relayed += 1
    session.flush()
    return relayed


def prune(session: Session, me: str, acked: int, before: str, assigned: set[str] | None) -> int:
    """A volunteer's laptop: removes the rounds not in `assigned` (the hub's list) and the doors
    no round here names, with their passes, unless something made here is not acknowledged yet
    or changed since `before`. Deleted with Core statements: a deletion is not sent. Returns the
    number of rounds removed."""
    if assigned is None:
        return 0
    r, v, rd, ra = (
        ENTITIES[n] for n in ("rounds", "round_versions", "round_doors", "round_assignments")
    )
    d, p = ENTITIES["doors"], ENTITIES["door_passes"]

    def fresh(row: dict[str, Any]) -> bool:
        return str(row["updated_at"]) >= before or (
            row["origin_device"] == me and int(row["change_seq"]) > acked
        )

    gone_rounds: list[str] = []
    for round_row in session.execute(select(r)).mappings():
        if round_row["id"] in assigned:
            continue
        versions = [row["id"] for row in _rows(session, v, "round_id", [round_row["id"]])]
        doors = rounds_repo.door_ids_of_versions(session, versions)
        if any(fresh(row) for row in _rows(session, p, "door_id", doors)):
            continue
        gone_rounds.append(round_row["id"])
        version_doors = _rows(session, rd, "version_id", versions)
        assignments = _rows(session, ra, "round_id", [round_row["id"]])
        for table, entity, ids in (
            (rd, "round_doors", [row["id"] for row in version_doors]),
            (ra, "round_assignments", [row["id"] for row in assignments]),
            (v, "round_versions", versions),
            (r, "rounds", [round_row["id"]]),
        ):
            _delete(session, table, entity, ids)
    kept_versions = [row[0] for row in session.execute(select(r.c.version_id))]
    named = set(rounds_repo.door_ids_of_versions(session, kept_versions))
    orphans = [row for row in session.execute(select(d)).mappings() if row["id"] not in named]
    passes = _rows(session, p, "door_id", [row["id"] for row in orphans])
    blocked = {row["door_id"] for row in passes if fresh(row)} | {
        row["id"] for row in orphans if fresh(dict(row))
    }
    gone_doors = {row["id"] for row in orphans if row["id"] not in blocked}
    listings = _rows(session, rd, "door_id", gone_doors)  # old versions' lists that named them
    _delete(session, rd, "round_doors", [row["id"] for row in listings])
    _delete(
        session, p, "door_passes", [row["id"] for row in passes if row["door_id"] in gone_doors]
    )
    _delete(session, d, "doors", sorted(gone_doors))
    return len(gone_rounds)


def _delete(session: Session, table: Table, entity: str, ids: list[str]) -> None:
    for start in range(0, len(ids), CHUNK):
        session.execute(delete(table).where(table.c.id.in_(ids[start : start + CHUNK])))
    sync_base.forget(session, entity, ids)
