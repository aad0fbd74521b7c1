"""Synthetic frozen month tables, consistent with every fact a reader knows (margins, links), for
the release planner's tests and benchmark. `scale` is about the interviews of a month."""

from __future__ import annotations

import random

from allervers.domain.export import TOTAL, CellKey
from allervers.domain.release import (
    DOOR_OUTCOMES,
    ORGANISATIONS,
    OUTCOMES,
    REASONS,
    RELEASE_ROWS,
    RIGHTS,
    MonthTable,
    with_totals,
)

FLAG_RATES = {
    "rsa": 0.12,
    "ppa": 0.15,
    "aide_logement": 0.10,
    "cheque_energie": 0.18,
    "css": 0.14,
    "aah": 0.04,
    "aspa": 0.05,
}
AMOUNTS = {  # yearly euros of one household, roughly
    "rsa": (1500, 7800),
    "ppa": (600, 3000),
    "aide_logement": (1200, 4000),
    "cheque_energie": (48, 277),
    "css": (0, 0),
    "aah": (6000, 12000),
    "aspa": (2000, 12000),
}


def _binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(1 for _ in range(n) if rng.random() < p)


def month_values(
    rng: random.Random, scale: int
) -> tuple[dict[CellKey, float], dict[CellKey, float]]:
    values: dict[CellKey, float] = dict.fromkeys(RELEASE_ROWS, 0.0)
    largest: dict[CellKey, float] = {}
    interviews = max(0, int(rng.gauss(scale, scale / 4)))
    values[("doors_knocked", "interview")] = interviews
    weights = {
        "absent": 2.0,
        "refused": 0.25,
        "vacant": 0.05,
        "come_back": 0.3,
        "not_dwelling": 0.01,
    }
    for outcome in DOOR_OUTCOMES[1:]:
        values[("doors_knocked", outcome)] = _binomial(
            rng, int(interviews * weights[outcome] * 2), 0.5
        )
    households = _binomial(rng, interviews, 0.8)
    values[("households_met", TOTAL)] = households
    values[("people_met", TOTAL)] = households + _binomial(rng, 2 * households, 0.5)
    flags = {r: _binomial(rng, interviews, FLAG_RATES[r]) for r in RIGHTS}
    for right, count in flags.items():
        values[("probable_nonrecours", right)] = count
    total = sum(flags.values())
    for _ in range(total):
        values[("probable_nonrecours_reason", rng.choice(REASONS))] += 1
    referred = _binomial(rng, total, 0.6)
    filed = _binomial(rng, referred, 0.7)
    opened = _binomial(rng, filed, 0.6)
    for stage, count in zip(
        ("flagged", "referred", "filed", "opened"), (total, referred, filed, opened), strict=True
    ):
        values[("funnel", stage)] = count
    for _ in range(_binomial(rng, total, 0.6)):
        values[("referrals", rng.choice(ORGANISATIONS))] += 1
    for right in RIGHTS:
        count = _binomial(rng, flags[right], 0.35)
        values[("rights_opened", right)] = count
        low, high = AMOUNTS[right]
        amounts = [round(rng.uniform(low, high)) for _ in range(count)]
        values[("rights_opened_yearly_amount", right)] = float(sum(amounts))
        if amounts and high:
            largest[("rights_opened_yearly_amount", right)] = float(max(amounts))
    for _ in range(_binomial(rng, total, 0.5)):
        values[("outcome_checks", rng.choice(OUTCOMES))] += 1
    values = with_totals(values)
    if largest:
        largest[("rights_opened_yearly_amount", TOTAL)] = max(largest.values())
    return {k: float(v) for k, v in values.items()}, largest


def year_of_months(seed: int, scale: int, year: int = 2026) -> dict[tuple[str, int], MonthTable]:
    rng = random.Random(seed)
    tables = {}
    for month in range(1, 13):
        label = f"{year}-{month:02d}"
        values, largest = month_values(rng, scale)
        tables[(label, 1)] = MonthTable(label, 1, values, largest, f"{year}-{month:02d}-28")
    return tables


def with_late_visits(
    table: MonthTable, visits: list[tuple[str, ...]], people: int = 2
) -> MonthTable:
    """The next version of a month after late interviews arrived: each visit a new household,
    flagged for the rights given (reason "non_connaissance")."""
    values = dict(table.values)

    def add(cell: CellKey, amount: float = 1.0) -> None:
        values[cell] = values[cell] + amount
        total = (cell[0], TOTAL)
        if cell[1] != TOTAL and total in values:
            values[total] = values[total] + amount

    for rights in visits:
        add(("doors_knocked", "interview"))
        add(("households_met", TOTAL))
        add(("people_met", TOTAL), people)
        for right in rights:
            add(("probable_nonrecours", right))
            add(("probable_nonrecours_reason", "non_connaissance"))
            values[("funnel", "flagged")] += 1
    return MonthTable(table.month, table.version + 1, values, dict(table.largest), "late")


def months_of(label: str) -> tuple[str, ...]:
    from allervers.domain.release import release_period

    return release_period(label).months()


def release_sequence(
    tables: dict[tuple[str, int], MonthTable], labels: list[str]
) -> list[tuple[str, dict[str, int], frozenset[CellKey]]]:
    """Plan the releases in order, each against all before it: (label, versions, hidden)."""
    from allervers.domain.release import STRUCTURAL_ZEROS
    from allervers.export import release_plan
    from allervers.export.joint import Held
    from allervers.export.relations import RELEASE_RELATIONS

    done: list[Held] = []
    result = []
    for label in labels:
        latest: dict[str, int] = {}
        for month, version in tables:
            latest[month] = max(latest.get(month, 0), version)
        versions = {m: latest[m] for m in months_of(label)}
        plan = release_plan.plan(
            tables, done, label, versions, RELEASE_ROWS, RELEASE_RELATIONS, STRUCTURAL_ZEROS, 11
        )
        done.append(Held(f"r{len(done)}", label, tuple(versions), versions, plan.hidden))
        result.append((label, versions, plan.hidden))
    return result
