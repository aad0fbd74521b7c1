"""What the household sheet, the rights panel and the referral dialog take from the local
services directory (`Directory.for_visit`, shaped for each)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from allervers.domain.directory import (
    DirectoryService,
    OfficeKind,
    Piste,
)
from allervers.domain.directory_matching import household_publics
from allervers.domain.followup import Place, StoredAssessment
from allervers.domain.rights import AssessmentStatus, Organisation, RightId
from allervers.questionnaire.communes import find
from allervers.questionnaire.epci import (
    area_of,
)
from allervers.services.directory import Directory
from allervers.services.directory_household import (
    office_place,
    publics_from_answers,
    visit_findings,
)
from allervers.services.directory_table import matching_table
from allervers.services.workspace import OpenWorkspace


@dataclass(frozen=True, slots=True)
class SheetDirectory:
    """What the household sheet and the rights panel show from the directory, and the flagged
    rights whose office lacks an address or a phone (the coordinator is told; the sheet says
    where to find it)."""

    places: dict[Organisation, Place]
    pistes: tuple[Piste, ...]
    incomplete: tuple[Organisation, ...]


def sheet_directory(
    workspace: OpenWorkspace,
    answers: Mapping[str, Any],
    stored: Sequence[StoredAssessment],
    visited_on: dt.date | None = None,
) -> SheetDirectory:
    directory = Directory(workspace)
    found = directory.for_visit(answers, stored, visited_on)
    local = {e.office: e for e in directory.local_offices() if e.office is not None}
    places: dict[Organisation, Place] = {}
    for kind, entry in {**local, **{k: v for k, v in found.offices.items() if v}}.items():
        if kind.value in Organisation.__members__.values() and entry is not None:
            organisation = Organisation(kind.value)
            places[organisation] = office_place(organisation, entry, directory.today)
    needed = [
        s.assessment.organisation
        for s in stored
        if s.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS
        and s.assessment.organisation is not None
    ]
    incomplete = tuple(
        dict.fromkeys(
            o for o in needed if o not in places or not places[o].address or not places[o].phone
        )
    )
    return SheetDirectory(places, tuple(found.pistes), incomplete)


def referral_choices(
    workspace: OpenWorkspace,
    answers: Mapping[str, Any],
    stored: Sequence[StoredAssessment],
    right: RightId,
    on: dt.date,
) -> list[DirectoryService]:
    """The office of the right's organisation first, then pistes for the right and the
    household's needs and reasons (at most five in all)."""
    commune = str(answers.get("address_insee") or "")
    if find(commune) is None:
        return []
    directory = Directory(workspace)
    area = area_of(commune)
    flagged = [s for s in stored if s.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS]
    choices: list[DirectoryService] = []
    organisation = next(
        (s.assessment.organisation for s in stored if s.assessment.right is right), None
    )
    if organisation is not None:
        office = directory.offices(area, [OfficeKind(organisation.value)])[
            OfficeKind(organisation.value)
        ]
        if office is not None:
            choices.append(office)
    findings = [f"right:{right.value}", *visit_findings(answers, flagged)]
    publics = household_publics(findings, matching_table(), publics_from_answers(answers, on))
    choices += [p.service for p in directory.pistes(area, findings, publics, limit=4)]
    return list({c.id: c for c in choices}.values())[:5]
