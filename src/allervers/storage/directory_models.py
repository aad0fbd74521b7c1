"""Tables of the local services directory (migration 0010): data·inclusion's structures and
services as imported, the coordinator's own entries, and the history of imports.

Imported rows are never deleted: an entry missing from a later import gets `archived_on`, so that
nothing a referral points to disappears (the referral also keeps its own frozen copy). Lists are
stored as ",a,b," so that one code is found with LIKE '%,a,%'. `record` keeps the validated
record whole (JSON), for what the columns do not carry.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from allervers.storage.models import Base, Record


class _Place:
    """Where an entry is and how to reach it (structures, services and local entries)."""

    name: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str] = mapped_column(String(5), default="")
    commune_name: Mapped[str] = mapped_column(Text, default="")
    code_insee: Mapped[str | None] = mapped_column(String(5), nullable=True, index=True)
    epci: Mapped[str | None] = mapped_column(String(9), nullable=True)
    departement: Mapped[str] = mapped_column(String(3), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[str] = mapped_column(Text, default="")
    date_maj: Mapped[str] = mapped_column(String(10))
    record: Mapped[str] = mapped_column(Text)
    archived_on: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)


class _Offer:
    """What a service offers and to whom (services and local entries)."""

    structure_name: Mapped[str] = mapped_column(Text, default="")
    siret: Mapped[str] = mapped_column(String(14), default="")
    networks: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    thematiques: Mapped[str] = mapped_column(Text, default="")
    publics: Mapped[str | None] = mapped_column(Text, nullable=True)
    zone: Mapped[str | None] = mapped_column(Text, nullable=True)
    modes_accueil: Mapped[str] = mapped_column(Text, default="")
    frais: Mapped[str | None] = mapped_column(String(20), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    conditions: Mapped[str] = mapped_column(Text, default="")


class DirectoryStructureRow(_Place, Record, Base):
    __tablename__ = "directory_structures"
    di_id: Mapped[str] = mapped_column(Text, unique=True)
    source: Mapped[str] = mapped_column(String(60))
    siret: Mapped[str] = mapped_column(String(14), default="", index=True)
    networks: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64))


class DirectoryServiceRow(_Offer, _Place, Record, Base):
    __tablename__ = "directory_services"
    di_id: Mapped[str] = mapped_column(Text, unique=True)
    source: Mapped[str] = mapped_column(String(60))
    structure_di_id: Mapped[str] = mapped_column(Text, index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))


class DirectoryLocalRow(_Offer, _Place, Record, Base):
    """A coordinator's entry: a place the files lack, or an office of the rights (`office`)."""

    __tablename__ = "directory_local_entries"
    office: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    created_by: Mapped[str | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class DirectoryImportRow(Record, Base):
    __tablename__ = "directory_imports"
    at: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    files: Mapped[str] = mapped_column(Text)  # JSON list of file names (no folders)
    departement: Mapped[str | None] = mapped_column(String(3), nullable=True)
    schema_version: Mapped[str] = mapped_column(String(20))
    records_read: Mapped[int] = mapped_column(Integer)
    records_outside: Mapped[int] = mapped_column(Integer)
    structures_added: Mapped[int] = mapped_column(Integer)
    structures_changed: Mapped[int] = mapped_column(Integer)
    structures_removed: Mapped[int] = mapped_column(Integer)
    services_added: Mapped[int] = mapped_column(Integer)
    services_changed: Mapped[int] = mapped_column(Integer)
    services_removed: Mapped[int] = mapped_column(Integer)
