"""Which INSEE commune codes OpenFisca-France can place in an APL zone.

`zone_apl` (openfisca_france/model/prestations/aides_logement.py) looks the `depcom` up in
`assets/apl/20110914_zonage.csv` plus `assets/apl/commune_depcom_by_subcommune_depcom.json`, and
silently falls back to zone 2 for any other code. The rent ceilings differ by zone (arrêté du
27 septembre 2019 relatif au calcul des aides personnelles au logement, art. 7), so an unknown code
must give "cannot tell" for the aides au logement instead of a zone-2 figure.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

APL_ZONING = Path("assets") / "apl" / "20110914_zonage.csv"
APL_SUBCOMMUNES = Path("assets") / "apl" / "commune_depcom_by_subcommune_depcom.json"


def _openfisca_france_dir() -> Path:
    spec = importlib.util.find_spec("openfisca_france")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("openfisca_france")
    return Path(next(iter(spec.submodule_search_locations)))


_zones: dict[str, int] | None = None


def apl_zones() -> dict[str, int]:
    """INSEE code -> APL zone (1, 2 or 3; "1bis" counts as 1, as in OpenFisca-France): the
    table `zone_apl`'s `preload_zone_apl` builds, from the same files, the same way."""
    global _zones
    if _zones is None:
        _zones = _read_zones()
    return _zones


def preload(zones: dict[str, int]) -> None:
    """Zones read from the engine cache (made by `apl_zones` from the same installed files)."""
    global _zones
    _zones = zones


def _read_zones() -> dict[str, int]:
    root = _openfisca_france_dir()
    with open(root / APL_ZONING, encoding="utf-8", newline="") as handle:
        zones = {row["CODGEO"]: int(row["Zonage"][0]) for row in csv.DictReader(handle)}
    with open(root / APL_SUBCOMMUNES, encoding="utf-8") as handle:
        parents: dict[str, str] = json.load(handle)
    for subcommune, commune in parents.items():
        if commune in zones:
            zones[subcommune] = zones[commune]
    return zones


def apl_zone(insee: str | None) -> int | None:
    """The APL zone OpenFisca-France will use, or None when it would silently guess zone 2."""
    if insee is None:
        return None
    return apl_zones().get(insee.strip())
