"""`merge_exports`: the evaluators' national tables from the territories' exports.

Each export is verified first; one that fails (tampered, unverifiable, thresholds not met) stops the
merge before anything is written, as does a second export of the same territory and period. A
national cell is the sum of the territories' cells, published only when every territory of that
period published its own: a national figure is then a sum of published figures, which tells a
reader nothing the territories' files did not, and no hidden territorial cell can be recomputed
from the national table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from allervers.domain.export import (
    CellKey,
    ExportChecksFailed,
    ExportDuplicate,
    ExportExists,
    ExportTampered,
    MergedExport,
    MergeReport,
    NationalCell,
    NationalSummary,
)
from allervers.export import package, tables
from allervers.export.verify import Verified, verify
from allervers.reports.national_summary import render_national_summary

NATIONAL = "national-indicators.csv"
TERRITORIES = "territories.csv"
SUMMARY = "national-summary.pdf"
NATIONAL_HEADER = ("period", "indicator", "breakdown", "value", "territories")
TERRITORIES_HEADER = (
    "territory_code",
    "territory_name",
    "period",
    "key_fingerprint",
    "key_checked",
    "file",
)


def merge_exports(
    paths: Sequence[Path],
    out_dir: Path,
    public_keys: Sequence[bytes] = (),
    now: datetime | None = None,
) -> MergeReport:
    """Verify every export (against `public_keys` when given: each export must be signed by one
    of them), then write the national tables and summary into `out_dir`."""
    targets = [out_dir / NATIONAL, out_dir / TERRITORIES, out_dir / SUMMARY]
    for target in targets:
        if target.exists():
            raise ExportExists(target)
    verified: list[Verified] = []
    seen: dict[tuple[str, str], Path] = {}
    for path in paths:
        checked = _verify(path, public_keys)
        report = checked.report
        if not report.ok:
            raise ExportChecksFailed(path, tuple(c.name for c in report.checks if not c.ok))
        key = (report.territory_code, report.period.label)
        if key in seen:
            raise ExportDuplicate(key[0], key[1], seen[key], path)
        seen[key] = path
        verified.append(checked)

    exports = tuple(
        MergedExport(
            path=v.report.path,
            territory_code=v.report.territory_code,
            territory_name=v.report.territory_name,
            period_label=v.report.period.label,
            fingerprint=v.report.fingerprint,
            key_source=v.report.key_source,
        )
        for v in verified
    )
    national = national_cells(verified)
    out_dir.mkdir(parents=True, exist_ok=True)
    package.write_new(
        targets[0],
        tables.to_csv(
            NATIONAL_HEADER,
            (
                (
                    c.period_label,
                    c.indicator,
                    c.breakdown,
                    "s" if c.value is None else tables.number_text(c.value),
                    str(c.territories),
                )
                for c in national
            ),
        ),
    )
    package.write_new(
        targets[1],
        tables.to_csv(
            TERRITORIES_HEADER,
            (
                (
                    e.territory_code,
                    e.territory_name,
                    e.period_label,
                    e.fingerprint,
                    e.key_source.value,
                    e.path.name,
                )
                for e in exports
            ),
        ),
    )
    package.write_new(
        targets[2],
        render_national_summary(
            NationalSummary(now or datetime.now().astimezone(), exports, tuple(national))
        ),
    )
    published = sum(1 for c in national if c.value is not None)
    return MergeReport(out_dir, exports, tuple(targets), published, len(national) - published)


def _verify(path: Path, public_keys: Sequence[bytes]) -> Verified:
    if not public_keys:
        return verify(path)
    refused: ExportTampered | None = None
    for key in public_keys:
        try:
            return verify(path, key)
        except ExportTampered as error:
            if (error.file, error.reason) not in (
                (package.MANIFEST, "signature"),
                (package.PUBLIC_KEY, "key"),
            ):
                raise
            refused = error
    assert refused is not None
    raise refused


def national_cells(verified: Sequence[Verified]) -> list[NationalCell]:
    """Per period, the sum of each cell over the territories, or None if one hid or lacked it."""
    by_period: dict[str, list[dict[CellKey, float | None]]] = {}
    order: dict[str, dict[CellKey, None]] = {}
    for v in verified:
        label = v.report.period.label
        by_period.setdefault(label, []).append({r.key: r.value for r in v.indicators})
        keys = order.setdefault(label, {})
        for row in v.indicators:
            keys.setdefault(row.key, None)
    result = []
    for label, territories in by_period.items():
        for key in order[label]:
            values = [t.get(key) for t in territories]
            total = None if any(v is None for v in values) else float(sum(v for v in values if v))
            result.append(NationalCell(label, key[0], key[1], total, len(territories)))
    return result
