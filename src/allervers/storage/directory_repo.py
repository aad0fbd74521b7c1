"""The directory in the database: imports applied as added / changed / archived rows, the
coordinator's entries, and the reads the matching needs (one département at a time)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from allervers.domain.directory import (
    LOCAL_SOURCE,
    Area,
    DirectoryService,
    ImportCounts,
    ImportReport,
)
from allervers.domain.errors import UnknownRecord
from allervers.storage.directory_models import (
    DirectoryImportRow,
    DirectoryLocalRow,
    DirectoryServiceRow,
    DirectoryStructureRow,
)
from allervers.storage.directory_rows import (
    Incoming,
    joined,
    offer_values,
    place_values,
    structure_to_service,
    to_service,
)
from allervers.storage.models import new_id, utc_now

# Imports ------------------------------------------------------------------------------------


def _apply(
    session: Session,
    model: Any,
    incoming: Sequence[Incoming],
    today: str,
) -> ImportCounts:
    stored = {row.di_id: row for row in session.execute(select(model)).scalars()}
    added = changed = kept = 0
    seen: set[str] = set()
    for item in incoming:
        entry = item.entry
        seen.add(entry.id)
        row = stored.get(entry.id)
        if row is not None and row.fingerprint == item.fingerprint and row.archived_on is None:
            kept += 1
            continue
        if row is None or row.archived_on is not None:
            added += 1
        else:
            changed += 1
        if row is None:
            row = model(id=new_id(), di_id=entry.id)
            session.add(row)
        values = place_values(entry)
        values.update(source=entry.source, fingerprint=item.fingerprint, record=item.record)
        values["archived_on"] = None
        if isinstance(row, DirectoryServiceRow):
            values.update(offer_values(entry), structure_di_id=entry.structure_id)
        else:
            values.update(siret=entry.siret, networks=joined(entry.networks) or "")
        for name, value in values.items():
            setattr(row, name, value)
    removed = 0
    for di_id, row in stored.items():
        if di_id not in seen and row.archived_on is None:
            row.archived_on = today  # never deleted: a referral may point to it
            removed += 1
    return ImportCounts(added, changed, removed, kept)


def apply_import(
    session: Session,
    structures: Sequence[Incoming] | None,
    services: Sequence[Incoming] | None,
    today: dt.date,
) -> tuple[ImportCounts, ImportCounts]:
    """Each kind given replaces what was imported of that kind (the rest is archived); a kind
    not given (None) stays as it is."""
    day = today.isoformat()
    counts = (
        ImportCounts()
        if structures is None
        else _apply(session, DirectoryStructureRow, structures, day),
        ImportCounts() if services is None else _apply(session, DirectoryServiceRow, services, day),
    )
    session.flush()
    return counts


def record_import(
    session: Session, user_id: str, files: Sequence[str], report: ImportReport, schema: str
) -> None:
    session.add(
        DirectoryImportRow(
            at=utc_now(),
            user_id=user_id,
            files=json.dumps(list(files), ensure_ascii=False),
            departement=report.departement,
            schema_version=schema,
            records_read=report.read,
            records_outside=report.outside,
            structures_added=report.structures.added,
            structures_changed=report.structures.changed,
            structures_removed=report.structures.removed,
            services_added=report.services.added,
            services_changed=report.services.changed,
            services_removed=report.services.removed,
        )
    )


def last_import(session: Session) -> DirectoryImportRow | None:
    return session.execute(
        select(DirectoryImportRow).order_by(DirectoryImportRow.at.desc()).limit(1)
    ).scalar_one_or_none()


# Reads --------------------------------------------------------------------------------------


def services_for(
    session: Session, area: Area, thematiques: Iterable[str]
) -> list[DirectoryService]:
    """The services (imported and local) that offer one of `thematiques` and are located in the
    household's département or name it (or one of its codes) in their zone."""
    wanted = sorted(set(thematiques))
    if not wanted:
        return []
    codes = [area.commune, area.departement, "france", "99100", *([area.epci] if area.epci else [])]
    found: list[DirectoryService] = []
    models: tuple[Any, ...] = (DirectoryServiceRow, DirectoryLocalRow)
    for model in models:
        query = select(model).where(
            model.archived_on.is_(None),
            or_(*(model.thematiques.contains(f",{t},") for t in wanted)),
            or_(
                model.departement == area.departement,
                *(model.zone.contains(f",{code},") for code in codes),
            ),
        )
        found += [to_service(row) for row in session.execute(query).scalars()]
    return found


def office_candidates(session: Session, area: Area) -> list[DirectoryService]:
    """The structures of the household's département and the coordinator's office entries."""
    structures = session.execute(
        select(DirectoryStructureRow).where(
            DirectoryStructureRow.archived_on.is_(None),
            DirectoryStructureRow.departement == area.departement,
        )
    ).scalars()
    return [structure_to_service(row) for row in structures] + local_offices(session)


def local_offices(session: Session) -> list[DirectoryService]:
    rows = session.execute(
        select(DirectoryLocalRow).where(
            DirectoryLocalRow.office.is_not(None), DirectoryLocalRow.archived_on.is_(None)
        )
    ).scalars()
    return [to_service(row) for row in rows]


def service_by_id(session: Session, service_id: str) -> DirectoryService:
    """An imported service, a structure (offices) or a local entry, archived or not."""
    if service_id.startswith(f"{LOCAL_SOURCE}--"):
        local = session.get(DirectoryLocalRow, service_id.removeprefix(f"{LOCAL_SOURCE}--"))
        if local is not None:
            return to_service(local)
    row = session.execute(
        select(DirectoryServiceRow).where(DirectoryServiceRow.di_id == service_id)
    ).scalar_one_or_none()
    if row is not None:
        return to_service(row)
    structure = session.execute(
        select(DirectoryStructureRow).where(DirectoryStructureRow.di_id == service_id)
    ).scalar_one_or_none()
    if structure is not None:
        return structure_to_service(structure)
    raise UnknownRecord("directory_service", service_id)


def search(session: Session, text: str, limit: int) -> list[DirectoryService]:
    """Services and local entries whose name, structure or commune holds `text`, archived ones
    included (marked), local entries first."""
    pattern = f"%{text.strip()}%"
    found: list[DirectoryService] = []
    models: tuple[Any, ...] = (DirectoryLocalRow, DirectoryServiceRow)
    for model in models:
        query = (
            select(model)
            .where(
                or_(
                    model.name.ilike(pattern),
                    model.structure_name.ilike(pattern),
                    model.commune_name.ilike(pattern),
                    model.thematiques.ilike(pattern),
                )
            )
            .order_by(model.archived_on.is_not(None), model.name)
            .limit(limit - len(found))
        )
        found += [to_service(row) for row in session.execute(query).scalars()]
        if len(found) >= limit:
            break
    return found


def local_entries(session: Session) -> list[DirectoryService]:
    rows = session.execute(
        select(DirectoryLocalRow)
        .where(DirectoryLocalRow.archived_on.is_(None))
        .order_by(
            DirectoryLocalRow.office.is_(None), DirectoryLocalRow.office, DirectoryLocalRow.name
        )
    ).scalars()
    return [to_service(row) for row in rows]


def add_local(
    session: Session, entry: DirectoryService, record: str, user_id: str | None
) -> DirectoryService:
    """A coordinator's entry; an office entry replaces the previous one for that office."""
    if entry.office is not None:
        for old in session.execute(
            select(DirectoryLocalRow).where(
                DirectoryLocalRow.office == entry.office.value,
                DirectoryLocalRow.archived_on.is_(None),
            )
        ).scalars():
            old.archived_on = entry.date_maj.isoformat()
    row = DirectoryLocalRow(
        id=new_id(),
        office=entry.office.value if entry.office else None,
        created_by=user_id,
        record=record,
        **place_values(entry),
        **offer_values(entry),
    )
    session.add(row)
    session.flush()
    return to_service(row)


def archive_local(session: Session, entry_id: str, today: dt.date) -> None:
    row = session.get(DirectoryLocalRow, entry_id.removeprefix(f"{LOCAL_SOURCE}--"))
    if row is None:
        raise UnknownRecord("directory_service", entry_id)
    row.archived_on = today.isoformat()


def counts(session: Session) -> dict[str, int]:
    from sqlalchemy import func

    def count(model: Any, archived: bool) -> int:
        condition = model.archived_on.is_not(None) if archived else model.archived_on.is_(None)
        return int(
            session.execute(select(func.count()).select_from(model).where(condition)).scalar_one()
        )

    return {
        "structures": count(DirectoryStructureRow, False),
        "services": count(DirectoryServiceRow, False),
        "archived": count(DirectoryServiceRow, True),
        "local": count(DirectoryLocalRow, False),
    }


def usual_commune(session: Session) -> str | None:
    from sqlalchemy import func

    from allervers.storage.models import HouseholdRow

    row = session.execute(
        select(HouseholdRow.commune_insee, func.count())
        .group_by(HouseholdRow.commune_insee)
        .order_by(func.count().desc())
        .limit(1)
    ).first()
    return None if row is None else str(row[0])
