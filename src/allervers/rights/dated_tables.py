"""Aller-Vers' own dated tables, where openfisca-france lags (`allervers/resources/*/*.toml`).

Each table lists `[[entry]]` values with the date they apply from and their official source, and
`[[awaiting]]` revaluation dates that have passed without a known value: the engine then keeps the
last value and says the right may be out of date. The tables' digest is part of the engine
cache's key (`system_cache`).
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

PACKAGE = "allervers.resources"
TABLES = {
    "cheque_energie": ("cheque_energie", "bareme.toml"),
    "css": ("css", "plafonds.toml"),
}


@dataclass(frozen=True, slots=True)
class Awaiting:
    due: date
    note: str


def _text(name: str) -> str:
    # One name per joinpath: in the packaged app (Python 3.11) `files()` gives a MultiplexedPath,
    # whose joinpath takes a single name.
    folder, file_name = TABLES[name]
    return resources.files(PACKAGE).joinpath(folder).joinpath(file_name).read_text(encoding="utf-8")


@functools.cache
def table(name: str) -> dict[str, Any]:
    return tomllib.loads(_text(name))


def entries(name: str) -> list[dict[str, Any]]:
    return sorted(table(name).get("entry", []), key=lambda entry: entry["valid_from"])


def awaiting(name: str) -> tuple[Awaiting, ...]:
    return tuple(Awaiting(item["due"], item["note"]) for item in table(name).get("awaiting", []))


def digest() -> str:
    """SHA-256 over every table's text, in a fixed order."""
    hasher = hashlib.sha256()
    for name in sorted(TABLES):
        hasher.update(name.encode())
        hasher.update(_text(name).encode("utf-8"))
    return hasher.hexdigest()
