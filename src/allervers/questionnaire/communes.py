"""The list of French communes with their INSEE codes, as shipped with openfisca-france.

Read straight from the package's data file (`assets/zonage-communes/zonage-abc-juillet-2024.csv`,
the ABC housing zoning of July 2024, which lists every commune) without importing openfisca-france
itself: importing it costs seconds, reading this file a few milliseconds, and only `allervers.rights`
may import OpenFisca.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ZONING_FILE = Path("assets") / "zonage-communes" / "zonage-abc-juillet-2024.csv"


@dataclass(frozen=True, slots=True)
class Commune:
    insee: str
    name: str
    department: str


def _package_dir() -> Path:
    spec = importlib.util.find_spec("openfisca_france")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("openfisca_france")
    return Path(next(iter(spec.submodule_search_locations)))


def fold(text: str) -> str:
    """Lower case without accents, hyphens as spaces: "Chemillé-en-Anjou" ~ "chemille en anjou"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.casefold().replace("œ", "oe").replace("æ", "ae")  # "Cœuvres" ~ "coeuvres"
    return " ".join(plain.replace("-", " ").replace("'", " ").split())


@functools.cache
def all_communes() -> dict[str, Commune]:
    path = _package_dir() / ZONING_FILE
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)  # CODGEO;REG;DEP;LIBGEO;Zone...
        return {
            row[0]: Commune(row[0], _repaired(row[3]), row[2]) for row in reader if row and row[0]
        }


def _repaired(name: str) -> str:
    """The file was once converted from Windows-1252 as if it were Latin-1: its "œ" and "Œ"
    (0x9C, 0x8C in Windows-1252) arrive as the control characters U+009C and U+008C (109
    communes, e.g. "Cœuvres-et-Valsery"). Such characters are never meant in a name."""
    if not any("\x80" <= c <= "\x9f" for c in name):
        return name
    return "".join(
        bytes([ord(c)]).decode("cp1252", errors="replace") if "\x80" <= c <= "\x9f" else c
        for c in name
    )


def find(insee: str) -> Commune | None:
    return all_communes().get(insee.strip())


@functools.cache
def _folded() -> list[tuple[str, Commune]]:
    """Folded names, once per process (folding 35,000 names costs about 0.1 s), sorted."""
    return sorted(((fold(c.name), c) for c in all_communes().values()), key=lambda p: p[0])


def search(text: str, limit: int = 20) -> list[Commune]:
    """Communes whose INSEE code or postal-free name starts with (or contains) the text."""
    wanted = fold(text)
    if not wanted:
        return []
    communes = all_communes().values()
    if wanted.isdigit() or (len(wanted) >= 2 and wanted[:2] in ("2a", "2b")):
        return [c for c in communes if c.insee.lower().startswith(wanted)][:limit]
    # One pass over the folded names, no list membership test (that made "a" quadratic).
    starts = [c for name, c in _folded() if name.startswith(wanted)]
    contains = [c for name, c in _folded() if wanted in name and not name.startswith(wanted)]
    return (starts + contains)[:limit]
