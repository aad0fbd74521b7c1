"""`verify_export`: is this the file the territory signed, and does it keep its promises?

First integrity, where any failure raises and nothing else is trusted: the signature of the
manifest (with the key given, or else the key inside the file), the SHA-256 of every file, the zip
written exactly as Aller-Vers writes it. Then the promises, recomputed from the data themselves and
returned as checks: the smallest published cell, the range a reader can compute for each hidden
cell, k and l of the microdata, the generalisation levels.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import zipfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from allervers.crypto import signing
from allervers.domain.export import (
    AMOUNT_INDICATORS,
    K_FLOOR,
    L_FLOOR,
    MIN_CELL,
    QUASI_IDENTIFIERS,
    Check,
    ExportPeriod,
    ExportTampered,
    ExportUnverifiable,
    KeySource,
    Relation,
    VerifyReport,
    table_relations,
)
from allervers.export import cells, hierarchies, lp, manifest, package, tables
from allervers.export.anonymity import ROW_ID, ROW_ID_HEX

_HEX = set("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class Verified:
    report: VerifyReport
    manifest: dict[str, Any]
    indicators: list[tables.IndicatorRow]


def verify_export(path: Path, public_key: bytes | None = None) -> VerifyReport:
    return verify(path, public_key).report


def verify(path: Path, public_key: bytes | None = None) -> Verified:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExportUnverifiable(path, "missing") from None
    except IsADirectoryError:
        raise ExportUnverifiable(path, "not_a_zip") from None
    content, members = _members(path, data)
    if package.MANIFEST not in content or package.SIGNATURE not in content:
        raise ExportUnverifiable(path, "not_an_export")
    if package.PUBLIC_KEY not in content:
        raise ExportTampered(package.PUBLIC_KEY, "missing_file")
    try:
        embedded = signing.load_public_key(content[package.PUBLIC_KEY])
    except signing.InvalidPublicKey:
        raise ExportTampered(package.PUBLIC_KEY, "key") from None
    key = embedded if public_key is None else public_key
    manifest_bytes = content[package.MANIFEST]
    try:
        signature = base64.b64decode(content[package.SIGNATURE].strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ExportTampered(package.SIGNATURE, "signature") from None
    if not signing.verify(key, manifest_bytes, signature):
        raise ExportTampered(package.MANIFEST, "signature")
    try:
        stated = manifest.parse(manifest_bytes)
    except (ValueError, KeyError, TypeError):
        raise ExportUnverifiable(path, "schema") from None
    fingerprint = signing.fingerprint(key)
    if stated["signing_key"].get("fingerprint") != fingerprint or embedded != key:
        raise ExportTampered(package.PUBLIC_KEY, "key")
    files: Mapping[str, Any] = stated["files"]
    expected = {package.MANIFEST, package.SIGNATURE, package.PUBLIC_KEY, *files}
    for name in content:
        if name not in expected:
            raise ExportTampered(name, "unexpected_file")
    for name in expected:
        if name not in content:
            raise ExportTampered(name, "missing_file")
    for name, entry in files.items():
        digest = hashlib.sha256(content[name]).hexdigest()
        if not isinstance(entry, dict) or entry.get("sha256") != digest:
            raise ExportTampered(name, "hash")
        if entry.get("bytes") != len(content[name]):
            raise ExportTampered(name, "hash")
    if package.zip_bytes(package.canonical(members)) != data:
        raise ExportTampered(path.name, "structure")

    checks = [
        Check("signature", True, found=fingerprint),
        Check("hashes", True, found=str(len(files))),
        Check("structure", True),
    ]
    try:
        period = ExportPeriod(
            date.fromisoformat(stated["period"]["start"]),
            date.fromisoformat(stated["period"]["end"]),
            str(stated["period"]["label"]),
        )
        territory = stated["territory"]
        asked = stated["thresholds"]["asked"]
        achieved = stated["thresholds"]["achieved"]
    except (KeyError, TypeError, ValueError):
        raise ExportUnverifiable(path, "schema") from None
    rows: list[tables.IndicatorRow] = []
    try:
        rows = tables.read_indicators(content[package.INDICATORS])
    except (KeyError, ValueError, UnicodeDecodeError):
        checks.append(Check("indicators", False, found="unreadable"))
    else:
        checks += _indicator_checks(rows, stated, asked, achieved)
    if package.MICRODATA in content:
        checks += _microdata_checks(content[package.MICRODATA], stated, period, asked, achieved)
    report = VerifyReport(
        path=path,
        fingerprint=fingerprint,
        key_source=KeySource.EMBEDDED if public_key is None else KeySource.GIVEN,
        territory_code=str(territory.get("code", "")),
        territory_name=str(territory.get("name", "")),
        period=period,
        checks=tuple(checks),
    )
    return Verified(report, stated, rows)


def _members(path: Path, data: bytes) -> tuple[dict[str, bytes], list[tuple[str, bytes]]]:
    try:
        members = package.read_members(data)
    except package.Unreadable as error:
        raise ExportTampered(error.member, "unreadable") from None
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        if data.startswith(b"PK"):
            raise ExportTampered(path.name, "unreadable") from None
        raise ExportUnverifiable(path, "not_a_zip") from None
    content = dict(members)
    if len(content) != len(members):
        raise ExportTampered(path.name, "structure")  # two members with one name
    return content, members


def _indicator_checks(
    rows: Sequence[tables.IndicatorRow],
    stated: Mapping[str, Any],
    asked: Mapping[str, Any],
    achieved: Mapping[str, Any],
) -> list[Check]:
    checks = []
    territory = stated["territory"]
    label = stated["period"]["label"]
    same = all(r.territory_code == territory["code"] and r.period == label for r in rows)
    keys = [r.key for r in rows]
    unique = len(set(keys)) == len(keys)
    checks.append(Check("identity", same and unique, found=f"{len(rows)}"))

    min_cell = int(asked.get("min_cell", 0))
    counts = [r.value for r in rows if r.value is not None and r.key[0] not in AMOUNT_INDICATORS]
    smallest = int(min(counts)) if counts else None
    stated_smallest = achieved.get("smallest_published_cell")
    ok = (
        min_cell >= MIN_CELL
        and smallest == stated_smallest
        and (smallest is None or smallest >= min_cell)
    )
    checks.append(Check("smallest_cell", ok, _text(stated_smallest), _text(smallest)))

    # The relations a reader knows: the margins and stages rebuilt from the cells themselves,
    # and the links between indicators the signed manifest declares.
    declared = [Relation.from_json(r) for r in stated["indicators"].get("relations", [])]
    relations = list(dict.fromkeys([*table_relations(keys, ()), *declared]))
    published = {r.key: r.value for r in rows if r.value is not None}
    hidden = [r.key for r in rows if r.value is None]
    try:
        bounds = cells.hidden_ranges(published, hidden, relations)
    except lp.Infeasible:
        checks.append(Check("hidden_cells", False, found="inconsistent"))
        return checks
    narrow = cells.narrowest(bounds, amounts=False)
    wide_enough = all(
        cells.width(b) >= (cells.MIN_AMOUNT_RANGE if cells.is_amount(k) else min_cell) - 1e-9
        for k, b in bounds.items()
    )
    stated_narrow = achieved.get("narrowest_hidden_count_range")
    found_narrow = cells.range_text(narrow)
    agrees = stated_narrow == found_narrow or (
        isinstance(stated_narrow, int | float)
        and isinstance(found_narrow, float)
        and math.isclose(stated_narrow, found_narrow, abs_tol=1e-6)
    )
    checks.append(
        Check("hidden_cells", wide_enough and agrees, _text(stated_narrow), _text(found_narrow))
    )
    return checks


def _microdata_checks(
    data: bytes,
    stated: Mapping[str, Any],
    period: ExportPeriod,
    asked: Mapping[str, Any],
    achieved: Mapping[str, Any],
) -> list[Check]:
    micro = stated.get("microdata")
    if not isinstance(micro, dict):
        return [Check("rows", False, found="no description")]
    try:
        header, rows = tables.from_csv(data)
    except (ValueError, UnicodeDecodeError):
        return [Check("rows", False, found="unreadable")]
    sensitive = list(micro.get("sensitive_columns", []))
    width = 1 + len(QUASI_IDENTIFIERS) + len(sensitive)
    ids = [row[0] for row in rows if row]
    rows_ok = (
        header == [ROW_ID, *QUASI_IDENTIFIERS, *sensitive]
        and all(len(row) == width for row in rows)
        and len(rows) == micro.get("rows_published")
        and len(set(ids)) == len(ids)
        and all(len(i) == ROW_ID_HEX and set(i) <= _HEX for i in ids)
    )
    checks = [Check("rows", rows_ok, _text(micro.get("rows_published")), str(len(rows)))]
    if not rows_ok:
        return checks

    # Every quasi-identifier takes only the values of the level the manifest states, and that
    # level is one of Aller-Vers's hierarchies (no exact age or date can hide in a column).
    qi_hierarchies = {
        h.name: h
        for h in (
            hierarchies.AGE,
            hierarchies.HOUSEHOLD,
            hierarchies.HOUSING,
            hierarchies.quarter_hierarchy(period.start, period.end),
        )
    }
    general = micro.get("generalisation", {})
    allowed_ok = True
    for column, name in enumerate(QUASI_IDENTIFIERS, start=1):
        level = general.get(name, {}).get("level")
        hierarchy = qi_hierarchies[name]
        if not isinstance(level, int) or not 0 <= level <= hierarchy.height:
            allowed_ok = False
            continue
        allowed = set(hierarchy.labels(level))
        allowed_ok &= all(row[column] in allowed for row in rows)
    checks.append(Check("generalisation", allowed_ok))

    classes: dict[tuple[str, ...], list[list[str]]] = defaultdict(list)
    for row in rows:
        classes[tuple(row[1 : 1 + len(QUASI_IDENTIFIERS)])].append(row)
    k = min((len(members) for members in classes.values()), default=None)
    first = 1 + len(QUASI_IDENTIFIERS)
    l_value = min(
        (
            len({row[c] for row in members})
            for members in classes.values()
            for c in range(first, width)
        ),
        default=None,
    )
    asked_k, asked_l = int(asked.get("k", 0)), int(asked.get("l", 0))
    k_ok = asked_k >= K_FLOOR and k == achieved.get("k") and (k is None or k >= asked_k)
    checks.append(Check("k", k_ok, _text(achieved.get("k")), _text(k)))
    if not sensitive:
        l_value = None
    l_ok = (
        asked_l >= L_FLOOR
        and l_value == achieved.get("l")
        and (l_value is None or l_value >= asked_l)
    )
    checks.append(Check("l", l_ok, _text(achieved.get("l")), _text(l_value)))
    return checks


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
