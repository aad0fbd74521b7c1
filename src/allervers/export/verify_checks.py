"""The promises of a release, recomputed from its own data (`verify-export`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from allervers.domain.export import AMOUNT_INDICATORS, MIN_CELL, Check
from allervers.domain.release import RELEASE_ROWS, STRUCTURAL_ZEROS, ReleasePeriod
from allervers.export import cells, solver, tables
from allervers.export.microdata_verify import microdata_checks as _microdata
from allervers.export.relations import RELEASE_RELATIONS

MAX_VALUE = 1e12


def text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_checks(
    rows: Sequence[tables.IndicatorRow], stated: Mapping[str, Any], code: str, label: str
) -> list[Check]:
    checks = []
    same = all(r.territory_code == code and r.period == label for r in rows)
    keys = [r.key for r in rows]
    checks.append(Check("identity", same, found=f"{len(rows)}"))
    # The complete table: the same rows, in the same order, whatever the data.
    checks.append(Check("rows", keys == list(RELEASE_ROWS), str(len(RELEASE_ROWS)), str(len(keys))))
    values = {r.key: r.value for r in rows}
    if any(v is not None and v > MAX_VALUE for v in values.values()):
        checks.append(Check("smallest_cell", False, found="out of range"))
        return checks
    structural_ok = all(values.get(cell) == 0 for cell in STRUCTURAL_ZEROS)
    checks.append(Check("structural_zeros", structural_ok, found=str(len(STRUCTURAL_ZEROS))))

    asked = stated["thresholds"]["asked"]
    achieved = stated["thresholds"]["achieved"]
    min_cell = int(asked.get("min_cell", 0))
    counts = [
        v
        for k, v in values.items()
        if v is not None and k[0] not in AMOUNT_INDICATORS and k not in STRUCTURAL_ZEROS
    ]
    smallest = int(min(counts)) if counts else None
    stated_smallest = achieved.get("smallest_published_cell")
    ok = (
        min_cell >= MIN_CELL
        and smallest == stated_smallest
        and (smallest is None or smallest >= min_cell)
    )
    checks.append(Check("smallest_cell", ok, text(stated_smallest), text(smallest)))

    # The relations a reader knows are Aller-Vers's own (not the manifest's: a forger could
    # leave some out); every hidden cell must keep its range in this file alone.
    published = {k: v for k, v in values.items() if v is not None and k in set(RELEASE_ROWS)}
    hidden = [k for k, v in values.items() if v is None and k in set(RELEASE_ROWS)]
    if keys != list(RELEASE_ROWS):
        return checks
    try:
        bounds = cells.hidden_ranges(published, hidden, RELEASE_RELATIONS)
    except solver.Infeasible:
        checks.append(Check("hidden_cells", False, found="inconsistent"))
        return checks
    wide_enough = all(
        cells.width(b) >= (cells.MIN_AMOUNT_RANGE if cells.is_amount(k) else min_cell) - 1e-9
        for k, b in bounds.items()
    )
    narrow = cells.narrowest(bounds, amounts=False)
    checks.append(Check("hidden_cells", wide_enough, str(min_cell), text(cells.range_text(narrow))))
    return checks


def microdata_checks(
    content: Mapping[str, bytes], stated: Mapping[str, Any], period: ReleasePeriod
) -> list[Check]:
    return _microdata(content, stated, period)
