#!/usr/bin/env python3
"""Export benchmark: `.venv/bin/python -m benchmarks.export [HOUSEHOLDS]` (default 50 000).

Prints figures; asserts nothing. Builds the signed, anonymised export of one territory and one
quarter from synthetic figures and HOUSEHOLDS synthetic household visits (seeded, so runs compare),
then verifies it as an evaluator would. Phases are timed separately: the cell suppression, the
k-anonymity / l-diversity search, the whole `build_export` (CSV, risk report PDF, manifest,
signature, zip written to disk) and `verify_export` (signature, hashes, zip, k, l, cells).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from allervers.crypto import signing  # noqa: E402
from allervers.domain.export import (  # noqa: E402
    ExportInput,
    ExportPeriod,
    HouseholdType,
    HousingStatus,
    IndicatorTable,
    MicrodataRow,
    RightFollowUp,
    Thresholds,
)
from allervers.domain.rights import RightId  # noqa: E402
from allervers.export import anonymity, build_export, cells, verify_export  # noqa: E402

PERIOD = ExportPeriod(date(2026, 7, 1), date(2026, 9, 30), "2026-Q3")
REASONS = ("non_connaissance", "non_demande", "non_reception", "non_proposition", "not_recorded")
ORGANISATIONS = ("caf", "msa", "cpam", "carsat", "impots", "asp")
FLAG_RATES = {
    RightId.RSA: 0.12,
    RightId.PPA: 0.15,
    RightId.AIDE_LOGEMENT: 0.10,
    RightId.CHEQUE_ENERGIE: 0.18,
    RightId.CSS: 0.14,
    RightId.AAH: 0.04,
    RightId.ASPA: 0.05,
}


def synthetic_visits(n: int, seed: int = 2026) -> tuple[MicrodataRow, ...]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rights = {}
        for right, rate in FLAG_RATES.items():
            if rng.random() < rate:
                referred = rng.random() < 0.6
                rights[right] = RightFollowUp(
                    flagged=True,
                    reason=rng.choice(REASONS),
                    organisation=rng.choice(ORGANISATIONS) if referred else None,
                    status=rng.choice(("referred", "claim_filed", "opened", "refused"))
                    if referred
                    else "to_refer",
                    outcome=rng.choice(("on_time", "late", "not_done")) if referred else None,
                )
        rows.append(
            MicrodataRow(
                visit_key=f"visit-{i}",
                # About one household in twenty is visited twice in the quarter.
                household_key=f"household-{i if rng.random() > 0.05 else rng.randrange(n)}",
                age=None if rng.random() < 0.01 else int(rng.triangular(18, 97, 55)),
                household_type=rng.choices(list(HouseholdType), weights=(35, 28, 10, 22, 5))[0],
                housing_status=rng.choices(list(HousingStatus), weights=(25, 12, 18, 35, 5, 3, 2))[
                    0
                ],
                visited_on=PERIOD.start + timedelta(days=rng.randint(0, 91)),
                rights=rights,
            )
        )
    return tuple(rows)


def synthetic_figures(visits: tuple[MicrodataRow, ...], seed: int = 2026) -> IndicatorTable:
    """Figures consistent with the visits (the workspace counts both from the same records)."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, float]] = []
    interviews = len(visits)
    doors = {
        "interview": interviews,
        "absent": interviews * 2,
        "refused": interviews // 4,
        "vacant": interviews // 20,
        "come_back": interviews // 3,
        "not_dwelling": 7,
    }
    rows += [("doors_knocked", k, v) for k, v in doors.items()]
    households = len({v.household_key for v in visits})
    rows += [("households_met", "total", households), ("people_met", "total", households * 2)]
    flagged = {right: 0 for right in RightId}
    reasons = dict.fromkeys(REASONS, 0)
    for visit in visits:
        for right, follow in visit.rights.items():
            flagged[right] += 1
            reasons[follow.reason or "not_recorded"] += 1
    rows += [("probable_nonrecours", r.value, v) for r, v in flagged.items()]
    rows += [("probable_nonrecours_reason", r, v) for r, v in reasons.items()]
    total = sum(flagged.values())
    referred = int(total * 0.6)
    stages = (total, referred, int(referred * 0.7), int(referred * 0.4))
    rows += [
        ("funnel", s, v)
        for s, v in zip(("flagged", "referred", "filed", "opened"), stages, strict=True)
    ]
    rows += [("referrals", o, referred // len(ORGANISATIONS)) for o in ORGANISATIONS]
    for right in RightId:
        opened = int(flagged[right] * 0.3) if right is not RightId.ASPA else 4
        rows.append(("rights_opened", right.value, opened))
        rows.append(("rights_opened_yearly_amount", right.value, opened * rng.uniform(400, 7000)))
    rows += [
        ("outcome_checks", s, v) for s, v in (("on_time", 900), ("late", 300), ("not_done", 8))
    ]
    return IndicatorTable.from_rows(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 50_000
    start = time.perf_counter()
    visits = synthetic_visits(n)
    figures = synthetic_figures(visits)
    print(f"synthetic data: {n:,} visits in {time.perf_counter() - start:.1f} s", flush=True)
    thresholds = Thresholds()

    start = time.perf_counter()
    plan = cells.plan(figures, thresholds.min_cell)
    print(
        f"cell suppression: {len(figures.cells)} cells, {len(plan.hidden)} hidden, "
        f"{(time.perf_counter() - start) * 1000:.0f} ms",
        flush=True,
    )
    start = time.perf_counter()
    result = anonymity.anonymise(visits, PERIOD, thresholds)
    s = result.summary
    print(
        f"k/l search: {time.perf_counter() - start:.1f} s; k={s.k} (households {s.k_households}), "
        f"l={s.l}, {s.classes} classes, {s.rows_suppressed} rows suppressed; levels "
        + ", ".join(f"{g.quasi_identifier}={g.level}" for g in s.generalisations),
        flush=True,
    )

    export = ExportInput(
        territory_code="49092",
        territory_name="Chemillé-en-Anjou",
        period=PERIOD,
        software_version="bench",
        engine_version="176.1.0",
        indicators=figures,
        microdata=visits,
        thresholds=thresholds,
    )
    key = signing.new_private_key()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "export.zip"
        start = time.perf_counter()
        build_export(export, out, key, datetime.now().astimezone())
        built = time.perf_counter() - start
        size = out.stat().st_size
        print(
            f"build_export, {n:,} households + indicators: {built:.1f} s (zip {size / 1e6:.1f} MB)",
            flush=True,
        )
        start = time.perf_counter()
        report = verify_export(out, signing.public_key(key))
        print(
            f"verify_export: {time.perf_counter() - start:.1f} s, "
            f"{'all checks hold' if report.ok else 'FAILED'}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
