"""What a household's answers and assessments say to the directory: its findings (needs and
reasons), the data·inclusion publics it belongs to, and an office as a `Place`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from allervers.domain.directory import DirectoryService, full_address
from allervers.domain.followup import NonDemandeDetail, NonRecoursReason, Place, StoredAssessment
from allervers.domain.rights import Organisation

ADULT_AGE = 18


def office_place(organisation: Organisation, entry: DirectoryService, today: dt.date) -> Place:
    return Place(
        organisation,
        entry.structure_name or entry.name,
        full_address(entry),
        entry.phone,
        entry.hours,
        entry.date_maj.isoformat(),
        entry.stale(today),
    )


def visit_findings(answers: Mapping[str, Any], flagged: Sequence[StoredAssessment]) -> list[str]:
    """The needs the volunteer recorded, then the reasons the person gave (a reason's detail when
    there is one), each once, in that order."""
    findings = [f"need:{need}" for need in answers.get("needs") or () if isinstance(need, str)]
    for stored in flagged:
        if stored.reason is None:
            continue
        finding = f"reason:{stored.reason.value}"
        if stored.reason is NonRecoursReason.NON_DEMANDE and stored.reason_detail not in (
            None,
            NonDemandeDetail.OTHER,
        ):
            finding += f".{stored.reason_detail.value}"  # type: ignore[union-attr]
        findings.append(finding)
    return list(dict.fromkeys(findings))


def publics_from_answers(answers: Mapping[str, Any], on: dt.date) -> set[str]:
    """data·inclusion publics the household's answers place it in (a service for "séniors"
    is for a household with someone of 60 or more, as most such services say)."""
    publics: set[str] = set()
    persons = [p for p in answers.get("persons") or () if isinstance(p, dict)]
    for person in persons:
        age = _age(person, on)
        if person.get("relationship") == "child" or (age is not None and age < ADULT_AGE):
            publics.add("familles")
        if age is not None and age >= 60:
            publics.add("seniors")
        if age is not None and 16 <= age <= 25:
            publics.add("jeunes")
        if person.get("disability") == "yes":
            publics.add("personnes-en-situation-de-handicap")
        if person.get("activity") == "unemployed":
            publics.add("demandeurs-emploi")
        if person.get("activity") in ("employed", "self_employed"):
            publics.add("actifs")
        if person.get("student") == "yes" and age is not None and age >= ADULT_AGE:
            publics.add("etudiants")
    return publics


def _age(person: Mapping[str, Any], on: dt.date) -> int | None:
    if isinstance(person.get("age"), int):
        return int(person["age"])
    try:
        born = dt.date.fromisoformat(str(person.get("birth_date")))
    except ValueError:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
