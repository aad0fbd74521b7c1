"""`merge_exports`: the evaluators' national tables from the territories' exports.

Each table release is verified first, with its territory's public key; one that fails (tampered,
signed by another key, unverifiable, thresholds not met) stops the merge before anything is
written, as do two releases of one territory whose periods overlap (the same period twice, a month
inside a quarter): side by side they would subtract into a hidden count. Text cells that a
spreadsheet would run as a formula are neutralised. A
national cell is the sum of the territories' cells, published only when every territory of that
period published its own: a national figure is then a sum of published figures, which tells a
reader nothing the territories' files did not, and no hidden territorial cell can be recomputed
from the national table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from allervers.crypto import signing
from allervers.domain.export import (
    CellKey,
    ExportChecksFailed,
    ExportExists,
    ExportKeyInvalid,
    MergedExport,
    MergeReport,
    NationalCell,
    NationalSummary,
)
from allervers.domain.release import (
    ExportSymlink,
    ExportWrongKey,
    MergeRefused,
    ReleaseKind,
    ReleasePeriod,
    release_period,
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


def read_keys_file(path: Path) -> dict[str, bytes]:
    """The territories' public keys: one line "code key" (base64 or a PEM file's one line), `#`
    starts a comment. A line that is not that is refused (ExportKeyInvalid)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise ExportKeyInvalid(path) from None
    keys: dict[str, bytes] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2:
            raise ExportKeyInvalid(path)
        try:
            keys[parts[0]] = signing.load_public_key(parts[1].encode("ascii"))
        except (signing.InvalidPublicKey, UnicodeEncodeError):
            raise ExportKeyInvalid(path) from None
    return keys


def merge_exports(
    paths: Sequence[Path],
    out_dir: Path,
    territory_keys: Mapping[str, bytes] | None = None,
    public_keys: Sequence[bytes] = (),
    unverified: bool = False,
    now: datetime | None = None,
    force: bool = False,
) -> MergeReport:
    """Verify every table release against its territory's key (`territory_keys` by territory
    code, else one of `public_keys`; the key inside each file only when `unverified`), refuse
    overlapping periods of one territory, then write the national tables and summary."""
    targets = [out_dir / NATIONAL, out_dir / TERRITORIES, out_dir / SUMMARY]
    for target in targets:
        if target.is_symlink():
            raise ExportSymlink(target)
        if target.exists() and not force:
            raise ExportExists(target)
    verified: list[Verified] = []
    seen: dict[str, list[tuple[ReleasePeriod, Path]]] = {}
    for path in paths:
        checked = _verify(path, territory_keys or {}, public_keys, unverified)
        report = checked.report
        if checked.kind is not ReleaseKind.TABLE:
            raise MergeRefused("not_a_table", report.territory_code, str(path))
        if not report.ok:
            raise ExportChecksFailed(path, tuple(c.name for c in report.checks if not c.ok))
        period = release_period(report.period.label)
        for other, other_path in seen.get(report.territory_code, []):
            if period.overlaps(other):
                raise MergeRefused("overlap", report.territory_code, str(other_path), str(path))
        seen.setdefault(report.territory_code, []).append((period, path))
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
    package.make_folder(out_dir)
    package.write(
        targets[0],
        tables.to_csv(
            NATIONAL_HEADER,
            (
                (
                    tables.cell_text(c.period_label),
                    tables.cell_text(c.indicator),
                    tables.cell_text(c.breakdown),
                    "s" if c.value is None else tables.number_text(c.value),
                    str(c.territories),
                )
                for c in national
            ),
        ),
        force,
    )
    package.write(
        targets[1],
        tables.to_csv(
            TERRITORIES_HEADER,
            (
                tuple(
                    tables.cell_text(text)
                    for text in (
                        e.territory_code,
                        e.territory_name,
                        e.period_label,
                        e.fingerprint,
                        e.key_source.value,
                        e.path.name,
                    )
                )
                for e in exports
            ),
        ),
        force,
    )
    package.write(
        targets[2],
        render_national_summary(
            NationalSummary(now or datetime.now().astimezone(), exports, tuple(national))
        ),
        force,
    )
    published = sum(1 for c in national if c.value is not None)
    return MergeReport(out_dir, exports, tuple(targets), published, len(national) - published)


def _verify(
    path: Path,
    territory_keys: Mapping[str, bytes],
    public_keys: Sequence[bytes],
    unverified: bool,
) -> Verified:
    first = verify(path)  # integrity with the key inside the file, and the territory's code
    code = first.report.territory_code
    if code in territory_keys:
        return verify(path, territory_keys[code])
    wrong: ExportWrongKey | None = None
    for key in public_keys:
        try:
            return verify(path, key)
        except ExportWrongKey as error:
            wrong = error
    if wrong is not None:
        raise wrong
    if unverified:
        return first
    raise MergeRefused("no_key", code, str(path))


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
