"""`build_export`: from the workspace's figures (and, if asked, its visits) to a signed zip."""

from __future__ import annotations

import base64
import hashlib
import math
import re
from datetime import datetime
from pathlib import Path

from allervers.crypto import signing
from allervers.domain.export import (
    AMOUNT_INDICATORS,
    TOTAL,
    ExportExists,
    ExportInconsistent,
    ExportInput,
    ExportInputInvalid,
    ExportReport,
    ExportSummary,
    IndicatorCell,
    IndicatorTable,
    is_code,
)
from allervers.export import anonymity, cells, manifest, package, tables
from allervers.reports.risk_report import render_risk_report

_TERRITORY_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
_PERIOD_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_/-]{0,39}")


def build_export(
    export: ExportInput, out: Path, signing_private_key: bytes, now: datetime
) -> ExportReport:
    """Write the export to `out` (never over an existing file) and say what it holds."""
    if out.exists():
        raise ExportExists(out)
    export.thresholds.check()
    _check_identity(export)
    table = normalise(export.indicators)
    chosen = cells.plan(table, export.thresholds.min_cell)
    cells_summary = cells.summary(table, chosen)

    files: dict[str, bytes] = {}
    files[package.INDICATORS] = tables.indicators_csv(
        tables.IndicatorRow(
            export.territory_code,
            export.territory_name,
            export.period.label,
            cell.key,
            None if cell.key in chosen.hidden else cell.value,
        )
        for cell in _ordered(table)
    )
    micro_summary = None
    if export.microdata is not None:
        anonymised = anonymity.anonymise(export.microdata, export.period, export.thresholds)
        files[package.MICRODATA] = tables.to_csv(anonymised.header, anonymised.rows)
        micro_summary = anonymised.summary

    public = signing.public_key(signing_private_key)
    summary = ExportSummary(
        territory_code=export.territory_code,
        territory_name=export.territory_name,
        period=export.period,
        created_at=now,
        software_version=export.software_version,
        engine_version=export.engine_version,
        fingerprint=signing.fingerprint(public),
        thresholds=export.thresholds,
        cells=cells_summary,
        microdata=micro_summary,
    )
    files[package.RISK_REPORT] = render_risk_report(summary)
    manifest_bytes = manifest.build(summary, table.relations(), files)
    signature = signing.sign(signing_private_key, manifest_bytes)
    members = [
        (package.MANIFEST, manifest_bytes),
        (package.SIGNATURE, base64.b64encode(signature) + b"\n"),
        (package.PUBLIC_KEY, signing.public_key_pem(public)),
        *files.items(),
    ]
    package.write_new(out, package.zip_bytes(package.canonical(members)))
    return ExportReport(out, hashlib.sha256(manifest_bytes).hexdigest(), summary)


def _check_identity(export: ExportInput) -> None:
    if not _TERRITORY_CODE.fullmatch(export.territory_code):
        raise ExportInputInvalid("territory_code", "format")
    name = export.territory_name.strip()
    if not name or len(name) > 120 or any(ch in name for ch in "\r\n\t"):
        raise ExportInputInvalid("territory_name", "format")
    if not _PERIOD_LABEL.fullmatch(export.period.label):
        raise ExportInputInvalid("period", "format")
    if export.period.end < export.period.start:
        raise ExportInputInvalid("period", "order")


def normalise(table: IndicatorTable) -> IndicatorTable:
    """Check the table against the contract and round amounts to the euro.

    Amounts: each breakdown is rounded, and the total becomes the sum of the rounded breakdowns,
    so the published margins add up exactly (the rounding moves a total by at most half a euro per
    breakdown). Then every relation must hold: a suppression planned on a false fact protects
    nothing.
    """
    seen: set[tuple[str, str]] = set()
    for cell in table.cells:
        where = f"indicators.{cell.indicator}.{cell.breakdown}"
        if not is_code(cell.indicator) or not is_code(cell.breakdown):
            raise ExportInputInvalid(where, "not_a_code")
        if cell.key in seen:
            raise ExportInputInvalid(where, "duplicate")
        seen.add(cell.key)
        if not math.isfinite(cell.value) or cell.value < 0:
            raise ExportInputInvalid(where, "negative")
        if cell.indicator not in AMOUNT_INDICATORS and cell.value != int(cell.value):
            raise ExportInputInvalid(where, "not_a_count")
    rounded = []
    parts: dict[str, float] = {}
    count: dict[str, int] = {}
    for cell in table.cells:
        value = float(round(cell.value))
        if cell.indicator in AMOUNT_INDICATORS and cell.breakdown != TOTAL:
            parts[cell.indicator] = parts.get(cell.indicator, 0.0) + value
            count[cell.indicator] = count.get(cell.indicator, 0) + 1
        rounded.append((cell, value))
    cells_out = []
    for cell, value in rounded:
        if cell.indicator in parts and cell.breakdown == TOTAL:
            slack = 0.5 * count[cell.indicator] + 0.5
            if abs(cell.value - parts[cell.indicator]) > slack:
                raise ExportInconsistent(f"{cell.indicator}/total = sum of breakdowns")
            value = parts[cell.indicator]
        cells_out.append(
            IndicatorCell(cell.indicator, cell.breakdown, value, cell.largest_contribution)
        )
    result = IndicatorTable(tuple(cells_out), table.links)
    values = result.values()
    for relation in result.relations():
        if not relation.holds(values):
            raise ExportInconsistent(relation.describe())
    return result


def _ordered(table: IndicatorTable) -> list[IndicatorCell]:
    """Indicators in the order given, each with its total first."""
    order = {name: i for i, name in enumerate(table.indicators())}
    return sorted(table.cells, key=lambda c: (order[c.indicator], c.breakdown != TOTAL))
