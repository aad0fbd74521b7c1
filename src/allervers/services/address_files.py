"""Reading a BAN csv-legacy or BAL 1.4 file (docs/addresses-format.md) into addresses.

The whole file is read and checked before anything is stored: a bad line refuses the file with
its number (1-based, the header being line 1), unless the bad lines are to be skipped. The format
is told from the header. Positions: a file may give Lambert-93 (`x`, `y`), WGS84 (`lon`/`long`,
`lat`) or both; what is missing is computed from the other (geo/projection.py).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from allervers.domain.addresses import (
    BAL_COLUMNS,
    BAN_COLUMNS,
    CLE_INTEROP,
    INSEE,
    TOPONYM_NUMBER,
    Address,
    AddressFileInvalid,
    AddressFormat,
    position_rank,
)
from allervers.domain.doors import REPETITION
from allervers.geo.projection import in_metropolitan_france, to_lambert93, to_wgs84

MAX_FILE_BYTES = 2_000_000_000  # a whole département's BAN file is a few hundred MB
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class ParsedFile:
    format: str
    addresses: list[Address]  # one per cle_interop, in file order
    communes: set[str]  # every commune the file speaks for (before --commune)
    skipped: list[tuple[int, str, str]]  # (line, reason, column)
    toponyms: int  # BAL "99999" lines, not doors


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    values: dict[str, str]


class _Bad(Exception):
    def __init__(self, reason: str, column: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.column = column


def detect_format(header: list[str]) -> str | None:
    names = [h.strip().lstrip("\ufeff").casefold() for h in header]
    if names == list(BAN_COLUMNS):
        return AddressFormat.BAN
    if set(BAL_COLUMNS) - {"uid_adresse", "commune_deleguee_insee", "commune_deleguee_nom"} <= set(
        names
    ) and len(set(names)) == len(names):
        return AddressFormat.BAL
    return None


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The file's lines as text; a byte that is not UTF-8 refuses the file at its line."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise AddressFileInvalid(str(path), 0, "too_large")
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise AddressFileInvalid(str(path), number, "encoding") from None
            if "\x00" in text:
                raise AddressFileInvalid(str(path), number, "encoding")
            yield number, text.removeprefix("\ufeff") if number == 1 else text


def _text(values: dict[str, str], column: str, required: bool = False) -> str:
    value = " ".join(values.get(column, "").split())
    if len(value) > MAX_TEXT or any(ord(c) < 32 for c in value):
        raise _Bad("text", column)
    if required and not value:
        raise _Bad("empty", column)
    return value


def _float(values: dict[str, str], column: str) -> float | None:
    text = values.get(column, "").strip()
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise _Bad("position", column) from None
    if not math.isfinite(value):
        raise _Bad("position", column)
    return value


_SUFFIX_OK = set(REPETITION)


def _suffix(values: dict[str, str], column: str) -> str:
    suffix = _text(values, column).casefold()
    if suffix and not (suffix in _SUFFIX_OK or (suffix.isalnum() and len(suffix) <= 10)):
        raise _Bad("suffix", column)
    return suffix


def _address(fmt: str, values: dict[str, str]) -> Address | None:
    """One line: an address, None for a BAL toponym, or _Bad."""
    ban = fmt == AddressFormat.BAN
    insee = _text(values, "code_insee" if ban else "commune_insee", True).upper()
    if not INSEE.match(insee):
        raise _Bad("insee", "code_insee" if ban else "commune_insee")
    number_text = _text(values, "numero", True)
    if not number_text.isdigit() or len(number_text) > 5:
        raise _Bad("number", "numero")
    number = int(number_text)
    if not ban and number == TOPONYM_NUMBER:
        return None
    key_column = "id" if ban else "cle_interop"
    key = _text(values, key_column, True).casefold()
    if not CLE_INTEROP.match(key):
        raise _Bad("key", key_column)
    street = _text(values, "nom_voie" if ban else "voie_nom")
    lieu_dit = _text(values, "nom_ld" if ban else "lieudit_complement_nom")
    if not street and not lieu_dit:
        raise _Bad("empty", "nom_voie" if ban else "voie_nom")
    x, y = _float(values, "x"), _float(values, "y")
    lon, lat = _float(values, "lon" if ban else "long"), _float(values, "lat")
    if (x is None) != (y is None) or (lon is None) != (lat is None) or (x is None and lon is None):
        raise _Bad("position", "x" if x is None else "lon")
    if lon is not None and lat is not None and not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise _Bad("position", "lon")
    if x is not None and y is not None and not in_metropolitan_france(x, y):
        # Overseas files give x/y in their own projection (UTM): their WGS84 is used instead.
        if lon is None:
            raise _Bad("position", "x")
        x = y = None
    return Address(
        cle_interop=key,
        ban_id=key if ban else "",
        bal_uid="" if ban else _text(values, "uid_adresse"),
        commune_insee=insee,
        commune_name=_text(values, "nom_commune" if ban else "commune_nom"),
        street=street or lieu_dit,
        number=number,
        suffix=_suffix(values, "rep" if ban else "suffixe"),
        lieu_dit=lieu_dit if street else "",
        postcode=_text(values, "code_postal") if ban else "",
        x=x if x is not None else math.nan,
        y=y if y is not None else math.nan,
        lon=lon if lon is not None else math.nan,
        lat=lat if lat is not None else math.nan,
        position=_text(values, "type_position" if ban else "position"),
    )


def _complete_positions(addresses: list[Address]) -> list[Address]:
    """Fills Lambert-93 from WGS84 or the reverse, in two array calls."""
    need_l93 = [i for i, a in enumerate(addresses) if math.isnan(a.x)]
    need_wgs = [i for i, a in enumerate(addresses) if math.isnan(a.lon)]
    out = list(addresses)
    if need_l93:
        xs, ys = to_lambert93([out[i].lon for i in need_l93], [out[i].lat for i in need_l93])
        for i, x, y in zip(need_l93, xs, ys, strict=True):
            out[i] = replace(out[i], x=round(x, 2), y=round(y, 2))
    if need_wgs:
        lons, lats = to_wgs84([out[i].x for i in need_wgs], [out[i].y for i in need_wgs])
        for i, lo, la in zip(need_wgs, lons, lats, strict=True):
            out[i] = replace(out[i], lon=round(lo, 6), lat=round(la, 6))
    return out


def read_address_file(
    path: Path, communes: Iterable[str] = (), skip_invalid: bool = False
) -> ParsedFile:
    """Reads and checks the whole file. `communes` keeps only those INSEE codes (every line is
    still checked). Raises AddressFileInvalid at the first bad line unless `skip_invalid`."""
    wanted = {c.strip().upper() for c in communes}
    lines = _lines(path)
    first = next(lines, None)
    if first is None:
        raise AddressFileInvalid(str(path), 1, "empty")
    try:
        header = next(csv.reader(io.StringIO(first[1]), delimiter=";"), [])
    except csv.Error:  # a stray carriage return inside a name, say: not a header we know
        header = []
    fmt = detect_format(header)
    if fmt is None:
        raise AddressFileInvalid(str(path), 1, "header")
    names = [h.strip().lstrip("\ufeff").casefold() for h in header]
    chosen: dict[str, tuple[int, Address]] = {}
    seen_communes: set[str] = set()
    skipped: list[tuple[int, str, str]] = []
    toponyms = 0
    for number, text in lines:
        if not text.strip():
            continue
        try:
            cells = next(csv.reader(io.StringIO(text), delimiter=";"))
        except csv.Error:
            cells = []
        try:
            if len(cells) != len(names):
                raise _Bad("columns")
            address = _address(fmt, dict(zip(names, cells, strict=True)))
        except _Bad as bad:
            if not skip_invalid:
                raise AddressFileInvalid(str(path), number, bad.reason, bad.column) from None
            skipped.append((number, bad.reason, bad.column))
            continue
        if address is None:
            toponyms += 1
            continue
        seen_communes.add(address.commune_insee)
        if wanted and address.commune_insee not in wanted:
            continue
        known = chosen.get(address.cle_interop)
        if known is None or position_rank(address.position) < position_rank(known[1].position):
            chosen[address.cle_interop] = (known[0] if known else number, address)
    ordered = [a for _line, a in sorted(chosen.values(), key=lambda item: item[0])]
    return ParsedFile(fmt, _complete_positions(ordered), seen_communes, skipped, toponyms)
