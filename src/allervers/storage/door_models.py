"""Tables of the territory's doors (issue 16): addresses imported from the BAN or a BAL, the
doors knocked (several per address, or added by hand), each pass at a door, and the rounds with
their versions, doors and volunteers. Rules stay in the domain (domain/doors.py, rounds.py)."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from allervers.storage.models import Base, Record


class AddressRow(Record, Base):
    """One address of the reference (public data). Kept on the coordinator's workspace; the
    doors carry what a volunteer's laptop needs of it."""

    __tablename__ = "addresses"
    cle_interop: Mapped[str] = mapped_column(String(40), unique=True)
    ban_id: Mapped[str] = mapped_column(String(40), default="")
    bal_uid: Mapped[str] = mapped_column(String(40), default="")
    commune_insee: Mapped[str] = mapped_column(String(5), index=True)
    commune_name: Mapped[str] = mapped_column(Text, default="")
    street: Mapped[str] = mapped_column(Text)
    number: Mapped[int] = mapped_column(Integer)
    suffix: Mapped[str] = mapped_column(String(12), default="")
    lieu_dit: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(5), default="")
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    removed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)


class DoorRow(Record, Base):
    """A door: an address's own (label ""), another door of it ("porte 2"), or one added by
    hand (no address). The address's fields are copied so that a door travels alone."""

    __tablename__ = "doors"
    address_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    cle_interop: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    commune_insee: Mapped[str] = mapped_column(String(5), index=True)
    street: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    suffix: Mapped[str] = mapped_column(String(12), default="")
    lieu_dit: Mapped[str] = mapped_column(Text, default="")
    label: Mapped[str] = mapped_column(String(40), default="")
    x: Mapped[float | None] = mapped_column(Float, nullable=True)
    y: Mapped[float | None] = mapped_column(Float, nullable=True)
    added_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    removed_on: Mapped[str | None] = mapped_column(String(10), nullable=True)


class DoorPassRow(Record, Base):
    """One knock at a door. User, household and visit are plain ids, not foreign keys: a pass
    made by the other volunteer of a pair reaches a laptop that holds neither them nor the
    household they met."""

    __tablename__ = "door_passes"
    door_id: Mapped[str] = mapped_column(ForeignKey("doors.id"), index=True)
    on_date: Mapped[str] = mapped_column(String(10), index=True)
    status: Mapped[str] = mapped_column(String(20))
    volunteer_id: Mapped[str] = mapped_column(String(32), default="")
    recorded_at: Mapped[str] = mapped_column(String(40))
    round_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    household_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    visit_id: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    come_back_on: Mapped[str | None] = mapped_column(String(10), nullable=True)


class RoundRow(Record, Base):
    __tablename__ = "rounds"
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    commune_insee: Mapped[str] = mapped_column(String(5))
    created_by: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    version_id: Mapped[str] = mapped_column(String(32))
    archived: Mapped[bool] = mapped_column(default=False)


class RoundVersionRow(Record, Base):
    __tablename__ = "round_versions"
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    made_at: Mapped[str] = mapped_column(String(40))


class RoundDoorRow(Record, Base):
    __tablename__ = "round_doors"
    version_id: Mapped[str] = mapped_column(ForeignKey("round_versions.id"), index=True)
    door_id: Mapped[str] = mapped_column(ForeignKey("doors.id"), index=True)


class RoundAssignmentRow(Record, Base):
    """A volunteer given a round. Ended by `active = False`, never deleted: a deletion does not
    travel in the sync files, a change does."""

    __tablename__ = "round_assignments"
    round_id: Mapped[str] = mapped_column(ForeignKey("rounds.id"), index=True)
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    active: Mapped[bool] = mapped_column(default=True)
