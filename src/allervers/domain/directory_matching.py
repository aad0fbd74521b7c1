"""Matching a household's findings to services of the directory: pure functions.

A finding is a flagged right ("right:rsa"), an ODENORE reason recorded for it
("reason:non_demande.digital") or a need the volunteer recorded ("need:digital"). The versioned
table (`resources/directory/matching.json`) gives the data·inclusion thematiques each one asks for
and the publics it puts the household in. A service is a candidate when it offers one of the
thematiques, its public is the household's (or anyone), and its `zone_eligibilite` holds the
household's commune, EPCI, département or France. A service whose zone is not given (eligibility
told in words only) is kept when it is in the household's EPCI, marked to check.

Candidates are ranked by distance, counted in rings since a household is known by its commune
only (never a point: the sheet holds no address, and nothing is geocoded offline): same commune,
same EPCI, same département, farther. Then fresh before stale, the coordinator's own entries
first, in person before remote, free before paying, then data·inclusion's quality score. The
same place published by several sources (same SIRET, or same address in the same commune) is
shown once.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from allervers.domain.directory import Area, DirectoryService, OfficeKind, Piste

NATIONAL = frozenset({"france", "99100"})  # 99100: INSEE's code of the country France
ANYONE = "tous-publics"
FAR = 3


@dataclass(frozen=True, slots=True)
class Target:
    thematiques: frozenset[str]
    publics: frozenset[str]


@dataclass(frozen=True, slots=True)
class OfficeRule:
    networks: frozenset[str]
    names: tuple[str, ...]  # folded words of a structure's name, when no network code says it


@dataclass(frozen=True, slots=True)
class MatchingTable:
    version: int
    schema: str
    findings: Mapping[str, Target]
    offices: Mapping[OfficeKind, OfficeRule]

    def target(self, finding: str) -> Target | None:
        """A finding's target; a reason's detail falls back to its reason."""
        if finding in self.findings:
            return self.findings[finding]
        base = finding.split(".", 1)[0]
        return self.findings.get(base)


def table_from_json(data: Mapping[str, object]) -> MatchingTable:
    findings = data["findings"]
    offices = data["offices"]
    assert isinstance(findings, dict) and isinstance(offices, dict)
    return MatchingTable(
        version=int(str(data["version"])),
        schema=str(data["schema"]),
        findings={
            key: Target(frozenset(value["thematiques"]), frozenset(value["publics"]))
            for key, value in findings.items()
        },
        offices={
            OfficeKind(key): OfficeRule(
                frozenset(value["networks"]), tuple(fold(n) for n in value["names"])
            )
            for key, value in offices.items()
        },
    )


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: for comparing names and addresses."""
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()
    plain = plain.replace("’", "'").replace("-", " ")
    return " ".join(plain.split())


# Eligibility and distance ---------------------------------------------------------------------


def ring(service: DirectoryService, area: Area) -> int:
    """0 same commune, 1 same EPCI, 2 same département, 3 farther (or not located)."""
    where = service.area
    if where is None:
        return FAR
    if where.commune == area.commune:
        return 0
    if area.epci is not None and where.epci == area.epci:
        return 1
    if where.departement == area.departement:
        return 2
    return FAR


def in_zone(service: DirectoryService, area: Area) -> bool | None:
    """Whether the service's eligibility zone holds the household; None when no zone is given."""
    if service.zone is None:
        return None
    codes = {area.commune, area.departement, *((area.epci,) if area.epci else ())}
    return any(code in NATIONAL or code in codes for code in service.zone)


def public_fits(service: DirectoryService, publics: frozenset[str]) -> bool:
    return service.publics is None or ANYONE in service.publics or bool(service.publics & publics)


def eligible(service: DirectoryService, area: Area, publics: frozenset[str]) -> bool:
    if service.archived_on is not None or not public_fits(service, publics):
        return False
    zone = in_zone(service, area)
    return zone if zone is not None else ring(service, area) <= 1


def _mode_rank(service: DirectoryService) -> int:
    if "en-presentiel" in service.modes_accueil:
        return 0
    return 1 if service.modes_accueil else 2


def _cost_rank(service: DirectoryService) -> int:
    return {"gratuit": 0, None: 1}.get(service.frais, 2)


def rank_key(service: DirectoryService, area: Area, today: dt.date) -> tuple[object, ...]:
    return (
        ring(service, area),
        service.stale(today),
        not service.local,
        _mode_rank(service),
        _cost_rank(service),
        -(service.score if service.score is not None else (1.0 if service.local else 0.0)),
        fold(service.name),
        service.id,
    )


# Duplicates across sources ------------------------------------------------------------------


def place_keys(service: DirectoryService) -> list[tuple[str, str]]:
    keys = []
    if service.siret:
        keys.append(("siret", service.siret))
    if service.address and service.code_insee:
        keys.append(("address", f"{service.code_insee}|{fold(service.address)}"))
    return keys


def group_duplicates(services: Sequence[DirectoryService]) -> list[list[DirectoryService]]:
    """Entries of different sources that share a SIRET or an address in the same commune are one
    place; entries of one source are never merged (a source lists a service once, by its id).
    Each group keeps the input order (the first is the one to show)."""
    parent = list(range(len(services)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    seen: dict[tuple[str, str], list[int]] = {}
    for index, service in enumerate(services):
        for key in place_keys(service):
            for other in seen.get(key, []):
                if services[other].source != service.source:
                    parent[root(index)] = root(other)
            seen.setdefault(key, []).append(index)
    groups: dict[int, list[DirectoryService]] = {}
    for index, service in enumerate(services):
        groups.setdefault(root(index), []).append(service)
    return list(groups.values())


# Pistes -------------------------------------------------------------------------------------


def household_publics(
    findings: Iterable[str], table: MatchingTable, own: Iterable[str]
) -> frozenset[str]:
    """The publics the household belongs to: from its answers (`own`) and its findings."""
    publics = set(own)
    for finding in findings:
        target = table.target(finding)
        if target is not None:
            publics |= target.publics
    return frozenset(publics)


def pistes(
    services: Sequence[DirectoryService],
    area: Area,
    findings: Sequence[str],
    table: MatchingTable,
    publics: frozenset[str],
    today: dt.date,
    limit: int = 3,
) -> list[Piste]:
    """Up to `limit` services for the findings, taken in turn (the first finding's best, the
    second's best...), each place once."""
    ranked: dict[str, list[list[DirectoryService]]] = {}
    for finding in findings:
        target = table.target(finding)
        if target is None:
            continue
        candidates = [
            s for s in services if s.thematiques & target.thematiques and eligible(s, area, publics)
        ]
        candidates.sort(key=lambda s: rank_key(s, area, today))
        ranked[finding] = group_duplicates(candidates)
    chosen: list[list[DirectoryService]] = []
    taken: set[str] = set()
    cursors = dict.fromkeys(ranked, 0)
    while len(chosen) < limit and any(cursors[f] < len(ranked[f]) for f in ranked):
        for finding, groups in ranked.items():
            while cursors[finding] < len(groups) and groups[cursors[finding]][0].id in taken:
                cursors[finding] += 1
            if cursors[finding] < len(groups) and len(chosen) < limit:
                group = groups[cursors[finding]]
                chosen.append(group)
                taken.update(s.id for s in group)
    result = []
    for group in chosen:
        best = group[0]
        answers = tuple(
            f
            for f in ranked
            if (target := table.target(f)) is not None and best.thematiques & target.thematiques
        )
        result.append(
            Piste(
                service=best,
                findings=answers,
                ring=ring(best, area),
                stale=best.stale(today),
                zone_unknown=best.zone is None,
                also_from=tuple(sorted({s.source for s in group[1:]} - {best.source})),
            )
        )
    return result


def is_office(service: DirectoryService, kind: OfficeKind, rule: OfficeRule) -> bool:
    if service.office is not None:
        return service.office is kind
    if service.networks & rule.networks:
        return True
    name = fold(service.structure_name or service.name)
    return any(word in name for word in rule.names)


def office_for(
    kind: OfficeKind,
    area: Area,
    candidates: Sequence[DirectoryService],
    table: MatchingTable,
    today: dt.date,
) -> DirectoryService | None:
    """The household's office of `kind`: a coordinator's entry for it (they know their
    territory), else the nearest structure of its network in the household's département (a
    CAF, a CPAM... serves its département)."""
    rule = table.offices.get(kind)
    if rule is None:
        return None
    local = [s for s in candidates if s.local and s.office is kind and s.archived_on is None]
    if local:
        return min(local, key=lambda s: rank_key(s, area, today))
    found = [
        s
        for s in candidates
        if not s.local
        and s.archived_on is None
        and is_office(s, kind, rule)
        and ring(s, area) < FAR
    ]
    if not found:
        return None
    return min(found, key=lambda s: (*rank_key(s, area, today)[:2], -s.date_maj.toordinal()))
