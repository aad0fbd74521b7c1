#!/usr/bin/env python3
"""The evaluator's attack on a whole year: `.venv/bin/python -m benchmarks.attack [SCALE] [SEED]`.

Every table release the tool allows for one territory's year, in the order a coordinator makes
them (each month, each quarter after its months, the year), each planned by the joint protection
against all before it; then 14 interviews of February arrive late and the first quarter is revised.
The attack of tests/export/attack.py (scipy's integer programs, written apart from the planner)
then reads all 18 releases together and prints what it could pin. SCALE is about the interviews of
a month (16 by default: small counts everywhere, the hardest case); exit status 1 when the attack
pins anything (a hidden count, a month or quarter inside a release, a difference of two releases,
or what arrived late).

Why a script and not a test: on the 2-core machine of the team this year alone takes about a
minute of CPU (six minutes of wall time when the machine is shared), a quarter of what the whole
suite may take, and a `slow` mark would not help since `dev.py test` (CI) runs every test. The
suite keeps the half-year version (tests/export/test_attack.py), with the same attack code.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.export.attack import attack  # noqa: E402
from tests.export.months import release_sequence, with_late_visits, year_of_months  # noqa: E402

from allervers.domain.release import RELEASE_ROWS, STRUCTURAL_ZEROS  # noqa: E402
from allervers.export import release_plan  # noqa: E402
from allervers.export.joint import Held  # noqa: E402
from allervers.export.relations import RELEASE_RELATIONS  # noqa: E402

YEAR = [
    *("2026-01", "2026-02", "2026-03", "2026-Q1"),
    *("2026-04", "2026-05", "2026-06", "2026-Q2"),
    *("2026-07", "2026-08", "2026-09", "2026-Q3"),
    *("2026-10", "2026-11", "2026-12", "2026-Q4"),
    "2026",
]
LATE = [("rsa",), ("ppa", "css"), ()] * 4 + [("aah",), ()]
"""Fourteen late interviews of February: a few rights each, as a late sync brings them."""


def main(argv: list[str] | None = None) -> int:
    args = [int(a) for a in (sys.argv[1:] if argv is None else argv)]
    scale, seed = (args + [16, 3][len(args) :])[:2]
    cpu, wall = time.process_time(), time.perf_counter()
    tables = year_of_months(seed=seed, scale=scale)
    sequence = release_sequence(tables, YEAR)
    tables[("2026-02", 2)] = with_late_visits(tables[("2026-02", 1)], LATE)
    done = [Held(f"r{i}", lab, tuple(v), v, h) for i, (lab, v, h) in enumerate(sequence)]
    revised = {"2026-01": 1, "2026-02": 2, "2026-03": 1}
    plan = release_plan.plan(
        tables, done, "2026-Q1", revised, RELEASE_ROWS, RELEASE_RELATIONS, STRUCTURAL_ZEROS, 11
    )
    sequence.append(("2026-Q1", revised, plan.hidden))
    planned = time.process_time() - cpu, time.perf_counter() - wall
    hidden = sum(len(h) for _, _, h in sequence)
    print(
        f"{len(sequence)} releases planned (scale {scale}, seed {seed}): {hidden} hidden cells in "
        f"all, {len(plan.revision)} hidden in the revision for moving too little; "
        f"{planned[0]:.1f} s CPU, {planned[1]:.1f} s wall",
        flush=True,
    )
    cpu, wall = time.process_time(), time.perf_counter()
    outcome = attack(tables, sequence, RELEASE_ROWS)
    took = time.process_time() - cpu, time.perf_counter() - wall
    for kind, count in sorted(outcome.checked.items()):
        print(
            f"  {kind:10} {count:5} quantities tried, narrowest range {outcome.narrowest[kind]:g}",
            flush=True,
        )
    print(
        f"attack: {sum(outcome.checked.values())} quantities, {len(outcome.problems)} pinned; "
        f"{took[0]:.1f} s CPU, {took[1]:.1f} s wall",
        flush=True,
    )
    for problem in outcome.problems[:20]:
        print("  PINNED", *problem, flush=True)
    return 1 if outcome.problems else 0


if __name__ == "__main__":
    sys.exit(main())
