"""Intercommunalities (EPCI à fiscalité propre) and the communes they group, for the local services
directory: a data·inclusion service may be open to the inhabitants of one EPCI (`zone_eligibilite`
holds its SIREN code), so a household's commune must be placed in its EPCI.

OpenFisca-France's commune list (`allervers.questionnaire.communes`) gives each commune its
département but not its EPCI, and nothing can be downloaded at run time: the package ships the
DGCL's list of EPCI and their communes at 1 January 2026 (`resources/directory/epci.json`, taken
from the npm package @etalab/decoupage-administratif 6.0.0, `data/epci.json`, Licence Ouverte 2.0).
Since 1 January 2017 every commune of mainland France belongs to exactly one EPCI à fiscalité propre
(art. L5210-1-1 CGCT), save four island communes.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from allervers.domain.directory import Area
from allervers.questionnaire.communes import find

EPCI_FILE = ("directory", "epci.json")


@dataclass(frozen=True, slots=True)
class Epci:
    code: str  # SIREN, nine digits
    name: str
    communes: frozenset[str]


@functools.cache
def all_epci() -> dict[str, Epci]:
    folder, name = EPCI_FILE  # one name per joinpath: in the bundle it is a MultiplexedPath
    text = (
        resources.files("allervers.resources")
        .joinpath(folder)
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return {
        item["code"]: Epci(item["code"], item["nom"], frozenset(item["communes"].split()))
        for item in json.loads(text)["epci"]
    }


@functools.cache
def _epci_by_commune() -> dict[str, str]:
    return {commune: epci.code for epci in all_epci().values() for commune in epci.communes}


def epci_of(insee: str) -> Epci | None:
    code = _epci_by_commune().get(insee.strip())
    return None if code is None else all_epci()[code]


def departement_of(insee: str) -> str:
    """The département of an INSEE commune code: from the commune list when known, else from the
    code itself (two characters, three overseas: 971-976)."""
    commune = find(insee)
    if commune is not None:
        return commune.department
    code = insee.strip().upper()
    return code[:3] if code.startswith("97") else code[:2]


def area_of(insee: str) -> Area:
    epci = epci_of(insee)
    return Area(insee.strip(), None if epci is None else epci.code, departement_of(insee))


def communes_of_departement(departement: str) -> list[str]:
    from allervers.questionnaire.communes import all_communes

    return sorted(c.insee for c in all_communes().values() if c.department == departement)


def neighbouring_communes(departement: str) -> frozenset[str]:
    """Communes outside the département that share an EPCI with one of its communes (an EPCI
    may straddle two départements): the nearest places across the border whose services the
    household may use. Without commune shapes offline, "neighbouring" is taken in this sense."""
    inside = set(communes_of_departement(departement))
    found: set[str] = set()
    for epci in all_epci().values():
        if epci.communes & inside:
            found |= epci.communes - inside
    return frozenset(found)
