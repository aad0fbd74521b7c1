"""Team sync in the database: the tables of peers, imported bundles and conflicts, the records
that travel (`ENTITIES`) and how each ties to its household (`LINKS`), this laptop's change
clock, and the reads every other sync module shares. Records are read and written with Core
statements, so that a merged record keeps the change stamp of the laptop that made it (the
before_flush hook stamps only ORM changes)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Boolean,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from allervers.storage import sync_base, sync_doors
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


def next_stamp(session: Session) -> tuple[str, int]:
    """This laptop's next change number, for a record merged here with Core statements."""
    clock = session.execute(select(DeviceClock).limit(1)).scalar_one()
    clock.counter += 1
    return clock.device_id, clock.counter


def compared(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    skip = STAMP | NOT_COMPARED.get(entity, set()) | NOT_SENT.get(entity, set())
    return sync_base.fields(entity, values, skip)


def row_dict(entity: str, row: Any) -> dict[str, Any]:
    skip = NOT_SENT.get(entity, set())
    return {k: v for k, v in row._mapping.items() if k not in skip}


def existing(session: Session, table: Table, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for row in session.execute(select(table).where(table.c.id.in_(chunk))):
            found[row.id] = dict(row._mapping)
    return found


def existing_ids(session: Session, table: Table, ids: set[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(ids)
    for start in range(0, len(wanted), CHUNK):
        query = select(table.c.id).where(table.c.id.in_(wanted[start : start + CHUNK]))
        found.update(r[0] for r in session.execute(query))
    return found


def rows_linked(
    session: Session, entity: str, table: Table, column: str, ids: set[str]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    chunks = sorted(ids)
    for start in range(0, len(chunks), CHUNK):
        query = select(table).where(table.c[column].in_(chunks[start : start + CHUNK]))
        rows.extend(row_dict(entity, r) for r in session.execute(query))
    return rows


def households_of(session: Session, entity: str, ids: list[str]) -> dict[str, str]:
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
    above = households_of(session, parent, sorted(set(direct.values())))
    return {i: above[p] for i, p in direct.items() if p in above}


def household_of(session: Session, entity: str, record_id: str) -> str:
    """The household a record belongs to ("" for a user or a record no longer here)."""
    if entity not in LINKS:
        return ""
    return households_of(session, entity, [record_id]).get(record_id, "")


def user_ids(session: Session) -> Iterable[str]:
    return [r[0] for r in session.execute(select(UserRow.id))]
