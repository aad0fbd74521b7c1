"""The local services directory: importing data·inclusion's files, the coordinator's own entries,
and what the directory proposes for a household (its offices and up to three pistes).

`allervers directory import` and the directory page call `Directory.import_files`; the rights
panel, the household sheet and the referral dialog call `Directory.for_visit`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from allervers.domain.directory import (
    LOCAL_SOURCE,
    Area,
    DirectoryEntryInvalid,
    DirectoryService,
    ImportReport,
    OfficeKind,
    Piste,
)
from allervers.domain.directory_matching import household_publics, office_for, pistes
from allervers.domain.followup import StoredAssessment
from allervers.domain.rights import AssessmentStatus
from allervers.questionnaire.communes import find
from allervers.questionnaire.epci import (
    area_of,
)
from allervers.services.directory_entries import (
    area_filter,
    incoming_service,
    incoming_structure,
    service_entry,
    stored_structures,
)
from allervers.services.directory_files import SCHEMA_VERSION, read_file, validate
from allervers.services.directory_household import (
    publics_from_answers,
    visit_findings,
)
from allervers.services.directory_table import matching_table
from allervers.services.workspace import OpenWorkspace
from allervers.storage import directory_repo, repositories
from allervers.storage.directory_rows import Incoming

SHOWN_PISTES = 3
ADULT_AGE = 18


@dataclass(frozen=True, slots=True)
class VisitDirectory:
    """What the directory says for one household: the office of each flagged right's
    organisation (None when the directory has none), and pistes for its needs and reasons."""

    area: Area | None
    offices: Mapping[OfficeKind, DirectoryService | None]
    pistes: Sequence[Piste]
    findings: Sequence[str]


@dataclass(frozen=True, slots=True)
class DirectoryRead:
    """data·inclusion files once read and checked, before anything is stored."""

    names: Sequence[str]
    structures: Sequence[Incoming]
    services: Sequence[tuple[Any, Any]]  # (checked model, raw record)
    has_structures: bool
    has_services: bool
    read: int
    outside: int
    departement: str | None


def read_import(
    paths: Sequence[Path], departement: str | None = None, neighbours: bool = False
) -> DirectoryRead:
    """Reads every file whole and checks every record kept with the pinned schema; any problem
    refuses them all (DirectoryFileInvalid). Needs no workspace."""
    files = [read_file(path) for path in paths]
    keep = area_filter(departement, neighbours)
    services_raw = [(f, r) for f in files if f.kind == "services" for r in f.records]
    structures_raw = [(f, r) for f in files if f.kind == "structures" for r in f.records]
    kept_services = [(f, r) for f, r in services_raw if keep.service(r.data)]
    wanted_structures = {str(r.data.get("structure_id")) for _f, r in kept_services}
    kept_structures = [
        (f, r) for f, r in structures_raw if keep.located(r.data) or r.id in wanted_structures
    ]
    structures = [incoming_structure(validate(f.path, f, r)) for f, r in kept_structures]
    services = [(validate(f.path, f, r), r) for f, r in kept_services]
    read = len(services_raw) + len(structures_raw)
    return DirectoryRead(
        names=[p.name for p in paths],
        structures=structures,
        services=services,
        has_structures=any(f.kind == "structures" for f in files),
        has_services=any(f.kind == "services" for f in files),
        read=read,
        outside=read - len(kept_services) - len(kept_structures),
        departement=departement,
    )


class Directory:
    def __init__(self, workspace: OpenWorkspace, today: dt.date | None = None) -> None:
        self._workspace = workspace
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    # Import ------------------------------------------------------------------------------------

    def import_files(
        self, paths: Sequence[Path], departement: str | None = None, neighbours: bool = False
    ) -> ImportReport:
        """Reads every file whole, checks every record kept with the pinned schema, then
        replaces what was imported of each kind given, in one transaction. Any problem refuses
        the import: nothing is changed."""
        self._workspace.require_coordinator("directory")  # before reading a large file
        return self.store_import(read_import(paths, departement, neighbours))

    def store_import(self, read: DirectoryRead) -> ImportReport:
        """Stores what `read_import` read (the command line reads the files before it unlocks
        the workspace: a refused file leaves it untouched, audit anchor included)."""
        self._workspace.require_coordinator("directory")
        services = read.services
        by_id = {item.entry.id: item.entry for item in read.structures}
        with self._workspace.db.session() as session:
            if not read.has_structures:
                by_id = stored_structures(session, {str(m.structure_id) for m, _r in services})
            incoming_services = [
                incoming_service(
                    model, raw.data.get("score_qualite"), by_id.get(model.structure_id)
                )
                for model, raw in services
            ]
            structure_counts, service_counts = directory_repo.apply_import(
                session,
                list(read.structures) if read.has_structures else None,
                incoming_services if read.has_services else None,
                self.today,
            )
            report = ImportReport(
                structure_counts,
                service_counts,
                read.read,
                read.outside,
                read.departement,
            )
            directory_repo.record_import(
                session,
                self._workspace.user.id,
                list(read.names),
                report,
                SCHEMA_VERSION,
            )
            repositories.append_audit(
                session, self._workspace.user.id, "directory_imported", "directory"
            )
        return report

    # The coordinator's entries -------------------------------------------------------------------

    def add_local(
        self, fields: Mapping[str, Any], office: OfficeKind | None = None
    ) -> DirectoryService:
        """A place the files lack, in the schema's terms (nom, adresse, code_insee, telephone,
        horaires_accueil, thematiques, zone_eligibilite...), checked like an imported record."""
        self._workspace.require_coordinator("directory")
        import pydantic
        from data_inclusion.schema import v1

        from allervers.services.directory_files import problems_of

        name = str(fields.get("nom") or "").strip()
        record = {
            "source": LOCAL_SOURCE,
            "structure_id": f"{LOCAL_SOURCE}--structure",
            "id": f"{LOCAL_SOURCE}--new",
            # The schema asks for a description; the coordinator's entry may have none.
            "description": fields.get("description") or f"{name} (fiche locale)",
            "date_maj": self.today.isoformat(),
            **{k: v for k, v in fields.items() if v not in (None, "", [])},
        }
        try:
            model = v1.Service.model_validate(record)
        except pydantic.ValidationError as error:
            raise DirectoryEntryInvalid(problems_of(error)) from None
        entry = replace(
            service_entry(model, None, None),
            source=LOCAL_SOURCE,
            structure_name=str(fields.get("structure") or name),
            office=office,
        )
        with self._workspace.db.session() as session:
            stored = directory_repo.add_local(
                session,
                entry,
                json.dumps(model.model_dump(mode="json"), ensure_ascii=False),
                self._workspace.user.id,
            )
            repositories.append_audit(
                session, self._workspace.user.id, "directory_entry_added", "directory", stored.id
            )
        return stored

    def set_office(
        self, office: OfficeKind, name: str, address: str, phone: str, hours: str = ""
    ) -> DirectoryService:
        """`allervers places set`: the office of an organisation, as typed (free text: no
        commune code is asked, the entry serves the whole territory)."""
        self._workspace.require_coordinator("places")
        entry = DirectoryService(
            id="",
            source=LOCAL_SOURCE,
            name=name,
            structure_id="",
            structure_name=name,
            date_maj=self.today,
            address=address,
            phone=phone,
            hours=hours,
            office=office,
        )
        with self._workspace.db.session() as session:
            record = json.dumps(
                {"nom": name, "adresse": address, "telephone": phone}, ensure_ascii=False
            )
            return directory_repo.add_local(session, entry, record, self._workspace.user.id)

    def archive_local(self, entry_id: str) -> None:
        self._workspace.require_coordinator("directory")
        with self._workspace.db.session() as session:
            directory_repo.archive_local(session, entry_id, self.today)
            repositories.append_audit(
                session, self._workspace.user.id, "directory_entry_removed", "directory", entry_id
            )

    def local_entries(self) -> list[DirectoryService]:
        with self._workspace.db.session() as session:
            return directory_repo.local_entries(session)

    def local_offices(self) -> list[DirectoryService]:
        with self._workspace.db.session() as session:
            return directory_repo.local_offices(session)

    def search(self, text: str, limit: int = 200) -> list[DirectoryService]:
        with self._workspace.db.session() as session:
            return directory_repo.search(session, text, limit)

    def get(self, service_id: str) -> DirectoryService:
        with self._workspace.db.session() as session:
            return directory_repo.service_by_id(session, service_id)

    def counts(self) -> dict[str, int]:
        with self._workspace.db.session() as session:
            return directory_repo.counts(session)

    def usual_commune(self) -> str | None:
        """The commune where most households of the workspace live: the territory's centre, for
        the offices shown on the directory page."""
        with self._workspace.db.session() as session:
            return directory_repo.usual_commune(session)

    def last_import(self) -> str | None:
        with self._workspace.db.session() as session:
            row = directory_repo.last_import(session)
            return None if row is None else row.at

    # For a household -----------------------------------------------------------------------------

    def offices(
        self, area: Area, kinds: Sequence[OfficeKind] = tuple(OfficeKind)
    ) -> dict[OfficeKind, DirectoryService | None]:
        with self._workspace.db.session() as session:
            candidates = directory_repo.office_candidates(session, area)
        table = matching_table()
        return {kind: office_for(kind, area, candidates, table, self.today) for kind in kinds}

    def offices_of_commune(self, commune: str) -> dict[OfficeKind, DirectoryService | None]:
        """The offices for a household of `commune` (an INSEE code); the coordinator's office
        entries alone when the commune is unknown."""
        if find(commune) is None:
            return {e.office: e for e in self.local_offices() if e.office is not None}
        return self.offices(area_of(commune))

    def pistes(
        self,
        area: Area,
        findings: Sequence[str],
        publics: frozenset[str],
        limit: int = SHOWN_PISTES,
    ) -> list[Piste]:
        table = matching_table()
        wanted = {
            thematique
            for finding in findings
            if (target := table.target(finding)) is not None
            for thematique in target.thematiques
        }
        with self._workspace.db.session() as session:
            candidates = directory_repo.services_for(session, area, wanted)
        return pistes(candidates, area, findings, table, publics, self.today, limit)

    def for_visit(
        self,
        answers: Mapping[str, Any],
        stored: Sequence[StoredAssessment],
        visited_on: dt.date | None = None,
        limit: int = SHOWN_PISTES,
    ) -> VisitDirectory:
        """The offices of the flagged rights and pistes for the recorded needs and reasons."""
        commune = str(answers.get("address_insee") or "")
        flagged = [
            s for s in stored if s.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS
        ]
        kinds = sorted(
            {
                OfficeKind(s.assessment.organisation.value)
                for s in flagged
                if s.assessment.organisation
            },
            key=list(OfficeKind).index,
        )
        needs = visit_findings(answers, flagged)
        if not commune or find(commune) is None:
            return VisitDirectory(None, dict.fromkeys(kinds), (), needs)
        area = area_of(commune)
        publics = household_publics(
            [f"right:{s.assessment.right.value}" for s in flagged],
            matching_table(),
            publics_from_answers(answers, visited_on or self.today),
        )
        return VisitDirectory(
            area, self.offices(area, kinds), self.pistes(area, needs, publics, limit), needs
        )
