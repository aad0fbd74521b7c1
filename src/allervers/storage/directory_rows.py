"""Directory entries and their rows: the domain's `DirectoryService` to columns and back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from allervers.domain.directory import LOCAL_SOURCE, Area, DirectoryService, OfficeKind
from allervers.storage.directory_models import (
    DirectoryLocalRow,
    DirectoryServiceRow,
    DirectoryStructureRow,
)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One validated record of an import, as the directory keeps it."""

    entry: DirectoryService
    fingerprint: str
    record: str  # JSON


def joined(codes: Iterable[str] | None) -> str | None:
    if codes is None:
        return None
    items = sorted(set(codes))
    return "," + ",".join(items) + "," if items else ""


def _codes(text: str | None) -> frozenset[str] | None:
    if text is None:
        return None
    return frozenset(code for code in text.strip(",").split(",") if code)


def _area(row: Any) -> Area | None:
    if not row.code_insee:
        return None
    return Area(row.code_insee, row.epci, row.departement)


def place_values(entry: DirectoryService) -> dict[str, Any]:
    where = entry.area
    return {
        "name": entry.name,
        "address": entry.address,
        "postal_code": entry.postal_code,
        "commune_name": entry.commune,
        "code_insee": entry.code_insee,
        "epci": where.epci if where else None,
        "departement": where.departement if where else "",
        "phone": entry.phone,
        "email": entry.email,
        "hours": entry.hours,
        "date_maj": entry.date_maj.isoformat(),
    }


def offer_values(entry: DirectoryService) -> dict[str, Any]:
    return {
        "structure_name": entry.structure_name,
        "siret": entry.siret,
        "networks": joined(entry.networks) or "",
        "link": entry.link,
        "thematiques": joined(entry.thematiques) or "",
        "publics": joined(entry.publics),
        "zone": joined(entry.zone),
        "modes_accueil": joined(entry.modes_accueil) or "",
        "frais": entry.frais,
        "score": entry.score,
        "conditions": entry.conditions,
    }


def to_service(row: DirectoryServiceRow | DirectoryLocalRow) -> DirectoryService:
    local = isinstance(row, DirectoryLocalRow)
    zone = _codes(row.zone)
    return DirectoryService(
        id=f"{LOCAL_SOURCE}--{row.id}" if local else row.di_id,  # type: ignore[union-attr]
        source=LOCAL_SOURCE if local else row.source,  # type: ignore[union-attr]
        name=row.name,
        structure_id="" if local else row.structure_di_id,  # type: ignore[union-attr]
        structure_name=row.structure_name,
        date_maj=dt.date.fromisoformat(row.date_maj),
        address=row.address,
        postal_code=row.postal_code,
        commune=row.commune_name,
        code_insee=row.code_insee,
        phone=row.phone,
        email=row.email,
        link=row.link,
        hours=row.hours,
        siret=row.siret,
        thematiques=_codes(row.thematiques) or frozenset(),
        publics=_codes(row.publics),
        zone=None if zone is None else tuple(sorted(zone)),
        modes_accueil=_codes(row.modes_accueil) or frozenset(),
        frais=row.frais,
        score=row.score,
        networks=_codes(row.networks) or frozenset(),
        conditions=row.conditions,
        office=OfficeKind(row.office) if local and row.office else None,  # type: ignore[union-attr]
        archived_on=row.archived_on,
        area=_area(row),
    )


def structure_to_service(row: DirectoryStructureRow) -> DirectoryService:
    """A structure seen as a place to go (an office of the rights is a structure)."""
    return DirectoryService(
        id=row.di_id,
        source=row.source,
        name=row.name,
        structure_id=row.di_id,
        structure_name=row.name,
        date_maj=dt.date.fromisoformat(row.date_maj),
        address=row.address,
        postal_code=row.postal_code,
        commune=row.commune_name,
        code_insee=row.code_insee,
        phone=row.phone,
        email=row.email,
        hours=row.hours,
        siret=row.siret,
        networks=_codes(row.networks) or frozenset(),
        archived_on=row.archived_on,
        area=_area(row),
    )
