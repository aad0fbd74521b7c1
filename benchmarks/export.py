#!/usr/bin/env python3
"""Release benchmark: `.venv/bin/python -m benchmarks.export [HOUSEHOLDS] [--microdata]`.

Prints figures; asserts nothing. A year of table releases of one territory, in the order a
coordinator makes them (each month, each quarter after its months, the year), each planned
against every release before it with the joint protection (integer programs over all of them);
HOUSEHOLDS (default 50 000) interviews spread over the twelve months, synthetic and seeded. Then,
with --microdata, the year's microdata for as many households (k, l, t-closeness, SUDA-style).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.export.months import year_of_months  # noqa: E402

from allervers.domain.release import (  # noqa: E402
    RELEASE_ROWS,
    STRUCTURAL_ZEROS,
    release_period,
)
from allervers.export import release_plan  # noqa: E402
from allervers.export.joint import Held  # noqa: E402
from allervers.export.relations import RELEASE_RELATIONS  # noqa: E402

ORDER = [
    *("2026-01", "2026-02", "2026-03", "2026-Q1"),
    *("2026-04", "2026-05", "2026-06", "2026-Q2"),
    *("2026-07", "2026-08", "2026-09", "2026-Q3"),
    *("2026-10", "2026-11", "2026-12", "2026-Q4"),
    "2026",
]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    households = int(next((a for a in args if a.isdigit()), "50000"))
    tables = year_of_months(seed=2026, scale=households // 12)
    done: list[Held] = []
    total = 0.0
    for label in ORDER:
        versions = dict.fromkeys(release_period(label).months(), 1)
        start = time.perf_counter()
        plan = release_plan.plan(
            tables, done, label, versions, RELEASE_ROWS, RELEASE_RELATIONS, STRUCTURAL_ZEROS, 11
        )
        took = time.perf_counter() - start
        total += took
        done.append(Held(label, label, tuple(versions), versions, plan.hidden))
        print(
            f"{label:8} {took:6.2f} s  hidden {len(plan.hidden):2} "
            f"(primary {len(plan.primary)}, secondary {len(plan.secondary)})  "
            f"quantities checked {plan.targets:5}  narrowest hidden count range "
            f"{plan.narrowest_count_range}",
            flush=True,
        )
    print(
        f"a year of releases ({len(ORDER)}), {households:,} households: {total:.1f} s", flush=True
    )
    if "--microdata" in args:
        from tests.export.synthetic import microdata

        from allervers.export.microdata import anonymise

        period = release_period("2026")
        rows = microdata(random.Random(2026), households, period)
        start = time.perf_counter()
        result = anonymise(rows, period, frozenset())
        s = result.summary
        print(
            f"microdata {households:,} households: {time.perf_counter() - start:.1f} s; k={s.k} "
            f"l={s.l} t={s.t}; {s.rows_suppressed} rows suppressed; uniques before "
            f"{s.uniques_before}, after {s.uniques_after}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
