"""Tables. Every record carries a random stable id and a change stamp from the first migration, so
that laptops can be synchronised later (issue 7) without renumbering anything."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def new_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> str:
    """Timestamps are ISO 8601 strings in UTC: sortable, readable, and the same on every laptop."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class Base(DeclarativeBase):
    pass


class Record:
    """Identity and change tracking shared by every table.

    `origin_device` and `change_seq` form a per-device change counter (a version vector entry):
    each flush stamps the records it changes with the next number of this workspace's counter.
    """

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    created_at: Mapped[str] = mapped_column(String(40), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(40), default=utc_now)
    origin_device: Mapped[str] = mapped_column(String(32), default="")
    change_seq: Mapped[int] = mapped_column(Integer, default=0, index=True)


class DeviceClock(Base):
    """One row: this workspace's device id and the last change number it gave."""

    __tablename__ = "device_clock"
    device_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    counter: Mapped[int] = mapped_column(Integer, default=0)


class WorkspaceInfo(Record, Base):
    """One row: what the workspace is about. Lives only inside the encrypted database."""

    __tablename__ = "workspace_info"
    territory: Mapped[str] = mapped_column(Text)


class UserRow(Record, Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("name_key"),)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    slot_id: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)


class AuditRow(Record, Base):
    """Append-only, chained by hashes: `hash` = SHA-256 of the previous hash and this entry."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the last sequence number and hash, so that removing the newest entries shows."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class HouseholdRow(Record, Base):
    """A door in a round and, with consent, how to reach the household again."""

    __tablename__ = "households"
    commune_insee: Mapped[str] = mapped_column(String(5), index=True)
    street: Mapped[str | None] = mapped_column(Text, nullable=True)
    number: Mapped[str | None] = mapped_column(String(12), nullable=True)
    contact_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    contact_phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_by: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    assigned_to: Mapped[str | None] = mapped_column(
        ForeignKey("users.id"), nullable=True, index=True
    )
    # The caseload's columns, kept up to date by storage.caseload_repo.refresh_household so that
    # the caseload of 50,000 households is one indexed query.
    last_contact_on: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    flags: Mapped[str] = mapped_column(String(120), default="")  # ",rsa,ppa," for LIKE filters
    case_status: Mapped[str] = mapped_column(String(20), default="met", index=True)
    next_action_on: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    purged_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class VisitRow(Record, Base):
    """One visit; its answers are one JSON document, rewritten at each answer (a few KB)."""

    __tablename__ = "visits"
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    volunteer_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    questionnaire_id: Mapped[str] = mapped_column(String(40))
    questionnaire_version: Mapped[int] = mapped_column(Integer)
    visited_on: Mapped[str] = mapped_column(String(10), index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)
    door_outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    answers: Mapped[str] = mapped_column(Text)
    finished_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The door of the territory this visit was made at (storage/door_models.py), when known.
    door_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)


class VisitChangeRow(Record, Base):
    """History of edits to finished visits: previous and new value of one answer."""

    __tablename__ = "visit_changes"
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    at: Mapped[str] = mapped_column(String(40))
    path: Mapped[str] = mapped_column(String(80))
    old_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)


class AssessmentRow(Record, Base):
    """One right of one visit as the engine assessed it. A re-assessment (new parameters) adds
    rows and clears `current` on the previous ones, carrying over what the household said."""

    __tablename__ = "assessments"
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    right_id: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(30), index=True)
    amount: Mapped[float | None] = mapped_column(nullable=True)
    period: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str] = mapped_column(Text)  # RightAssessment.to_json()
    openfisca_france_version: Mapped[str] = mapped_column(String(20))
    parameter_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    assessed_at: Mapped[str] = mapped_column(String(40))
    current: Mapped[bool] = mapped_column(default=True, index=True)
    nonrecours_reason: Mapped[str | None] = mapped_column(String(30), nullable=True)
    nonrecours_detail: Mapped[str | None] = mapped_column(String(30), nullable=True)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)


class ReferralRow(Record, Base):
    __tablename__ = "referrals"
    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), index=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), index=True)
    right_id: Mapped[str] = mapped_column(String(20), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    organisation: Mapped[str | None] = mapped_column(String(20), nullable=True)
    referred_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    contact: Mapped[str | None] = mapped_column(Text, nullable=True)
    appointment_at: Mapped[str | None] = mapped_column(String(16), nullable=True)
    filed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    opened_amount: Mapped[float | None] = mapped_column(nullable=True)
    opened_from: Mapped[str | None] = mapped_column(String(10), nullable=True)
    outcome_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    check_due_on: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    checked_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    closed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)
    assigned_to: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # The directory service it points to, frozen when referred (domain.directory.FrozenService,
    # JSON): readable whatever later imports do to the directory.
    service_snapshot: Mapped[str | None] = mapped_column(Text, nullable=True)


class ReferralEventRow(Record, Base):
    __tablename__ = "referral_events"
    referral_id: Mapped[str] = mapped_column(ForeignKey("referrals.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    on_date: Mapped[str] = mapped_column(String(10))
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(String(20))


class WorkspaceKeyRow(Record, Base):
    """A key pair of this workspace, inside the encrypted database only."""

    __tablename__ = "workspace_keys"
    purpose: Mapped[str] = mapped_column(String(30), unique=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)


class ExportLogRow(Record, Base):
    """What was sent to the evaluators, when, and where (the file itself is not kept)."""

    __tablename__ = "export_log"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    at: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(Text)
    destination: Mapped[str] = mapped_column(Text)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    microdata: Mapped[bool] = mapped_column()


class ReleaseMonthRow(Record, Base):
    """A frozen month of the release register: the true counts every release covering that month
    sums (never written to a file as such). A revision adds the next version of the month."""

    __tablename__ = "release_months"
    __table_args__ = (UniqueConstraint("month", "version"),)
    month: Mapped[str] = mapped_column(String(7), index=True)
    version: Mapped[int] = mapped_column(Integer)
    frozen_at: Mapped[str] = mapped_column(String(40))
    cells: Mapped[str] = mapped_column(Text)  # JSON {"indicator/breakdown": value}
    largest: Mapped[str] = mapped_column(Text)  # JSON, amounts: largest household contribution


class ReleaseRow(Record, Base):
    """One signed release (table or microdata): what it published, from which month versions."""

    __tablename__ = "releases"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(10), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(Text)
    destination: Mapped[str] = mapped_column(Text)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    versions: Mapped[str] = mapped_column(Text)  # JSON {"2026-01": 1}
    published: Mapped[str] = mapped_column(Text)  # JSON {"indicator/breakdown": value or null}
    withheld: Mapped[str] = mapped_column(Text)  # JSON list (microdata)
