"""The local services directory: places and services from data·inclusion's consolidated files and
the coordinator's own entries, as plain data (no wording, no storage).

A `DirectoryService` is one service (data·inclusion's `Service`) with what its structure adds (name,
SIRET, reseaux porteurs, and its address, phone and hours when the service has none). What the
matching proposes for a household is a `Piste`: a lead to check, never a promise that the
household is eligible (the services' own conditions decide).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from allervers.domain.errors import AllerVersError

# "À vérifier" after twelve months without an update by its producer (issue 17).
STALE_AFTER_DAYS = 365
LOCAL_SOURCE = "local"


class OfficeKind(enum.StrEnum):
    """The offices of the rights (values match `domain.rights.Organisation`), and France
    services, where an agent helps with the claims of every one of them."""

    CAF = "caf"
    MSA = "msa"
    CPAM = "cpam"
    CARSAT = "carsat"
    MDPH = "mdph"
    IMPOTS = "impots"
    ASP = "asp"
    FRANCE_SERVICES = "france_services"


@dataclass(frozen=True, slots=True)
class Area:
    """Where a household or a service lies, in the rings an eligibility zone names: commune
    (INSEE code), EPCI (SIREN) and département."""

    commune: str
    epci: str | None
    departement: str


@dataclass(frozen=True, slots=True)
class DirectoryService:
    id: str  # data·inclusion's id ("dora--42"), or "local--…" for a coordinator's entry
    source: str
    name: str
    structure_id: str
    structure_name: str
    date_maj: dt.date
    address: str = ""
    postal_code: str = ""
    commune: str = ""  # its name
    code_insee: str | None = None
    phone: str = ""
    email: str = ""
    link: str = ""  # lien_mobilisation
    hours: str = ""
    siret: str = ""
    thematiques: frozenset[str] = frozenset()
    publics: frozenset[str] | None = None  # None: not said
    zone: tuple[str, ...] | None = None  # zone_eligibilite; None: not said
    modes_accueil: frozenset[str] = frozenset()
    frais: str | None = None
    score: float | None = None
    networks: frozenset[str] = frozenset()  # the structure's reseaux porteurs
    conditions: str = ""  # conditions d'accès / précisions: eligibility told in words
    office: OfficeKind | None = None  # a coordinator's entry for an office of the rights
    archived_on: str | None = None
    area: Area | None = None  # where it is (from code_insee), for the distance rings

    @property
    def local(self) -> bool:
        return self.source == LOCAL_SOURCE

    @property
    def has_contact(self) -> bool:
        return bool(self.phone or self.email or self.link)

    def stale(self, today: dt.date) -> bool:
        return (today - self.date_maj).days > STALE_AFTER_DAYS


@dataclass(frozen=True, slots=True)
class Piste:
    """A service proposed for a finding: to check with the service, never a promise."""

    service: DirectoryService
    findings: tuple[str, ...]  # the findings it answers: "need:digital", "right:rsa"...
    ring: int  # 0 same commune, 1 same EPCI, 2 same département, 3 farther or national
    stale: bool
    zone_unknown: bool  # no zone_eligibilite: eligibility only in words, to check
    also_from: tuple[str, ...] = ()  # the other sources that publish the same place


@dataclass(frozen=True, slots=True)
class FrozenService:
    """What a referral keeps of the service it points to, so that it stays readable after any
    later import (the directory entry may be changed or archived)."""

    id: str
    name: str
    address: str
    phone: str
    email: str
    hours: str
    date_maj: str  # ISO date
    structure_name: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "structure_name": self.structure_name,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "hours": self.hours,
            "date_maj": self.date_maj,
        }

    @staticmethod
    def from_json(data: dict[str, Any]) -> FrozenService:
        return FrozenService(
            id=str(data.get("id", "")),
            name=str(data.get("name", "")),
            structure_name=str(data.get("structure_name", "")),
            address=str(data.get("address", "")),
            phone=str(data.get("phone", "")),
            email=str(data.get("email", "")),
            hours=str(data.get("hours", "")),
            date_maj=str(data.get("date_maj", "")),
        )


def full_address(service: DirectoryService) -> str:
    town = " ".join(part for part in (service.postal_code, service.commune) if part)
    return ", ".join(part for part in (service.address, town) if part)


def freeze(service: DirectoryService) -> FrozenService:
    return FrozenService(
        id=service.id,
        name=service.name,
        structure_name=service.structure_name,
        address=full_address(service),
        phone=service.phone,
        email=service.email,
        hours=service.hours,
        date_maj=service.date_maj.isoformat(),
    )


@dataclass(frozen=True, slots=True)
class ImportCounts:
    added: int = 0
    changed: int = 0
    removed: int = 0
    kept: int = 0  # in the file and in the chosen area, unchanged


@dataclass(frozen=True, slots=True)
class ImportReport:
    structures: ImportCounts
    services: ImportCounts
    read: int  # records read in the files
    outside: int  # records left out: outside the chosen area
    departement: str | None


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One broken rule of the schema: the field (`thematiques.0`) and pydantic's error type with
    its context (`enum`, `missing`, `string_too_short` {min_length}...)."""

    field: str
    code: str
    values: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclass
class DirectoryFileInvalid(AllerVersError):
    """A directory file refused whole: `record` is the 1-based record (or CSV line) at fault,
    `record_id` its id when it has one; `reason` is "schema" (then `problems`), "not_json",
    "not_csv", "not_a_list", "unknown_kind", "mixed_kinds", "duplicate_id" or "missing"."""

    path: str
    record: int
    record_id: str
    reason: str
    problems: tuple[FieldProblem, ...] = ()


@dataclass
class DirectoryEntryInvalid(AllerVersError):
    """A coordinator's entry that breaks the schema (same problems as a file's record)."""

    problems: tuple[FieldProblem, ...]
