"""`build_table`: a planned table release to a signed zip (indicators, risk report, manifest)."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime

from allervers.crypto import signing
from allervers.domain.export import ExportInconsistent, ExportInputInvalid
from allervers.domain.release import RELEASE_ROWS, TableRelease
from allervers.export import manifest, package, tables
from allervers.export.relations import RELEASE_RELATIONS
from allervers.reports.risk_report import render_risk_report

_TERRITORY_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")


def build_table(
    release: TableRelease, signing_private_key: bytes, now: datetime
) -> tuple[bytes, str]:
    """The signed zip of the release, and its manifest's SHA-256 (for the register)."""
    check_identity(release.territory_code, release.territory_name)
    for relation in RELEASE_RELATIONS:
        if not relation.holds(release.values):
            raise ExportInconsistent(relation.describe())
    published = release.published()
    files = {
        package.INDICATORS: tables.indicators_csv(
            tables.IndicatorRow(
                release.territory_code,
                release.territory_name,
                release.period.label,
                cell,
                published[cell],
            )
            for cell in RELEASE_ROWS
        )
    }
    public = signing.public_key(signing_private_key)
    fingerprint = signing.fingerprint(public)
    files[package.RISK_REPORT] = render_risk_report(release, fingerprint, now)
    manifest_bytes = manifest.table_manifest(release, fingerprint, now, files)
    data = sign(signing_private_key, manifest_bytes, files)
    return data, hashlib.sha256(manifest_bytes).hexdigest()


def sign(private_key: bytes, manifest_bytes: bytes, files: dict[str, bytes]) -> bytes:
    public = signing.public_key(private_key)
    signature = signing.sign(private_key, manifest_bytes)
    members = [
        (package.MANIFEST, manifest_bytes),
        (package.SIGNATURE, base64.b64encode(signature) + b"\n"),
        (package.PUBLIC_KEY, signing.public_key_pem(public)),
        *files.items(),
    ]
    return package.zip_bytes(package.canonical(members))


def check_identity(code: str, name: str) -> None:
    if not _TERRITORY_CODE.fullmatch(code):
        raise ExportInputInvalid("territory_code", "format")
    name = name.strip()
    if not name or len(name) > 120 or any(ch in name for ch in "\r\n\t"):
        raise ExportInputInvalid("territory_name", "format")
