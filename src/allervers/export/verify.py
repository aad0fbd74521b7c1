"""`verify_export`: is this the file the territory signed, and does it keep its promises?

First integrity, where any failure raises and nothing else is trusted: the size and members of
the zip (stored, plain names, a handful of members: nothing to decompress or unpack anywhere), the
signature of the manifest (with the key given, or else the key inside the file), the SHA-256 of
every file, the zip written exactly as Aller-Vers writes it. Then the promises, recomputed from
the data themselves and returned as checks. A file crafted to break the reader (any byte, any
member, any manifest, even one signed by its author's own key) is refused with a typed error,
never a crash: the fuzz tests in tests/export/test_verify_fuzz.py hold it to that.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from allervers.crypto import signing
from allervers.domain.export import (
    Check,
    ExportPeriod,
    ExportTampered,
    ExportUnverifiable,
    KeySource,
    VerifyReport,
)
from allervers.domain.release import (
    ExportWrongKey,
    ReleaseKind,
    ReleasePeriodInvalid,
    release_period,
)
from allervers.export import manifest, package, tables
from allervers.export.verify_checks import microdata_checks, table_checks

MAX_FILE_BYTES = 256 * 1024 * 1024
_SCHEMA_ERRORS = (KeyError, TypeError, ValueError, AttributeError, RecursionError, OverflowError)


@dataclass(frozen=True, slots=True)
class Verified:
    report: VerifyReport
    kind: ReleaseKind
    manifest: dict[str, Any]
    indicators: list[tables.IndicatorRow]


def verify_export(path: Path, public_key: bytes | None = None) -> VerifyReport:
    return verify(path, public_key).report


def _read(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ExportUnverifiable(path, "not_a_zip")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ExportUnverifiable(path, "too_large")
        return path.read_bytes()
    except FileNotFoundError:
        raise ExportUnverifiable(path, "missing") from None
    except (IsADirectoryError, NotADirectoryError):
        raise ExportUnverifiable(path, "not_a_zip") from None
    except PermissionError:
        raise ExportUnverifiable(path, "unreadable") from None


def verify(path: Path, public_key: bytes | None = None) -> Verified:
    data = _read(path)
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
        if public_key is not None and signing.verify(embedded, manifest_bytes, signature):
            # Intact, but signed by another key than the territory's: say so, not "modified".
            raise ExportWrongKey(path, signing.fingerprint(embedded))
        raise ExportTampered(package.MANIFEST, "signature")
    if embedded != key:
        raise ExportTampered(package.PUBLIC_KEY, "key")
    try:
        stated = manifest.parse(manifest_bytes)
    except (*_SCHEMA_ERRORS, UnicodeDecodeError):
        raise ExportUnverifiable(path, "schema") from None
    fingerprint = signing.fingerprint(key)
    if stated["signing_key"].get("fingerprint") != fingerprint:
        raise ExportTampered(package.PUBLIC_KEY, "key")
    files: Mapping[str, Any] = stated["files"]
    expected = {package.MANIFEST, package.SIGNATURE, package.PUBLIC_KEY, *files}
    for name in content:
        if name not in expected:
            raise ExportTampered(name, "unexpected_file")
    for name in expected:
        if name not in content:
            raise ExportTampered(package.printable(name), "missing_file")
    for name, entry in files.items():
        if not isinstance(entry, dict):
            raise ExportTampered(name, "hash")
        digest = hashlib.sha256(content[name]).hexdigest()
        if entry.get("sha256") != digest or entry.get("bytes") != len(content[name]):
            raise ExportTampered(name, "hash")
    if package.zip_bytes(package.canonical(members)) != data:
        raise ExportTampered(path.name, "structure")
    try:
        return _promises(path, stated, content, fingerprint, public_key is None)
    except ReleasePeriodInvalid:
        raise ExportUnverifiable(path, "schema") from None
    except _SCHEMA_ERRORS:
        raise ExportUnverifiable(path, "schema") from None


def _promises(
    path: Path,
    stated: dict[str, Any],
    content: Mapping[str, bytes],
    fingerprint: str,
    embedded: bool,
) -> Verified:
    checks = [
        Check("signature", True, found=fingerprint),
        Check("hashes", True, found=str(len(stated["files"]))),
        Check("structure", True),
    ]
    kind = ReleaseKind(stated["kind"])
    label = str(stated["period"]["label"])
    calendar = release_period(label)
    period = ExportPeriod(
        date.fromisoformat(str(stated["period"]["start"])),
        date.fromisoformat(str(stated["period"]["end"])),
        label,
    )
    territory = stated["territory"]
    code, name = str(territory["code"]), str(territory["name"])
    checks.append(
        Check(
            "period",
            (calendar.start, calendar.end) == (period.start, period.end)
            and stated["period"].get("kind") == calendar.kind.value,
            found=label,
        )
    )
    rows: list[tables.IndicatorRow] = []
    if kind is ReleaseKind.TABLE:
        try:
            rows = tables.read_indicators(content[package.INDICATORS])
        except (KeyError, ValueError, UnicodeDecodeError):
            checks.append(Check("indicators", False, found="unreadable"))
        else:
            checks += table_checks(rows, stated, code, label)
    else:
        checks += microdata_checks(content, stated, calendar)
    report = VerifyReport(
        path=path,
        fingerprint=fingerprint,
        key_source=KeySource.EMBEDDED if embedded else KeySource.GIVEN,
        territory_code=code,
        territory_name=name,
        period=period,
        checks=tuple(checks),
    )
    return Verified(report, kind, stated, rows)


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
