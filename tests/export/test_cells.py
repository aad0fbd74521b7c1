"""Cell suppression: no published count under 11, and no hidden cell recomputable from the
published cells and margins (checked by an independent linear-programming audit)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allervers.domain.export import AMOUNT_INDICATORS, IndicatorTable
from allervers.export import build_export, cells
from allervers.export.package import INDICATORS, read_members
from allervers.export.tables import read_indicators
from tests.export.audit import hidden_ranges
from tests.export.synthetic import export_input, indicator_rows

MIN_CELL = 11


def _assert_protected(
    published: dict[tuple[str, str], float | None], true: dict[tuple[str, str], float]
) -> None:
    for key, value in published.items():
        if value is not None and key[0] not in AMOUNT_INDICATORS:
            assert value >= MIN_CELL, key
    for key, (low, high) in hidden_ranges(published).items():
        assert low < high, f"{key} is recomputable: {low} = {high}"
        if key[0] in AMOUNT_INDICATORS:
            assert high - low >= max(1.0, 0.1 * true[key]) - 1e-6, (key, low, high)
        else:
            assert high - low >= MIN_CELL - 1e-6, (key, low, high)
        assert low - 1e-6 <= true[key] <= high + 1e-6, (key, true[key], low, high)


def test_published_file_keeps_every_hidden_cell_in_a_wide_range(
    tmp_path: Path, signing_key: bytes
) -> None:
    for seed, scale in ((1, 300), (2, 1200), (3, 4000), (4, 150)):
        rows = IndicatorTable.from_rows(indicator_rows(random.Random(seed), scale))
        export = replace(export_input(seed=seed, households=None), indicators=rows)
        out = tmp_path / f"{seed}.zip"
        build_export(export, out, signing_key, datetime(2026, 10, 2))
        read = read_indicators(dict(read_members(out.read_bytes()))[INDICATORS])
        published = {r.key: r.value for r in read}
        true = {c.key: float(round(c.value)) for c in export.indicators.cells}
        true.update(
            {
                (i, "total"): sum(v for (j, b), v in true.items() if j == i and b != "total")
                for i in AMOUNT_INDICATORS
                if (i, "total") in true
            }
        )
        assert any(v is None for v in published.values())
        assert any(v is not None for v in published.values())
        _assert_protected(published, true)


def test_a_lonely_small_cell_takes_a_partner_and_zeros_do_not_protect() -> None:
    table = IndicatorTable.from_rows(
        [
            ("referrals", "caf", 40),
            ("referrals", "msa", 3),
            ("referrals", "cpam", 0),
            ("referrals", "impots", 25),
        ],
        links=(),
    )
    plan = cells.plan(table, MIN_CELL)
    assert plan.primary == {("referrals", "msa"), ("referrals", "cpam")}
    # 3 + 0 leaves a range of 3: not enough; the cheapest breakdown that opens it is impots (25).
    assert plan.hidden == plan.primary | {("referrals", "impots")}
    assert plan.ranges[("referrals", "msa")] == (0.0, 28.0)


def test_identities_between_indicators_are_protected_too() -> None:
    # The three totals are one number: hiding one hides its twins, else they give it away.
    rows = [
        ("probable_nonrecours", "rsa", 6),
        ("probable_nonrecours", "css", 3),
        ("probable_nonrecours_reason", "non_demande", 5),
        ("probable_nonrecours_reason", "non_connaissance", 4),
        ("funnel", "flagged", 9),
        ("funnel", "referred", 4),
        ("funnel", "filed", 2),
        ("funnel", "opened", 1),
    ]
    table = IndicatorTable.from_rows(rows)
    plan = cells.plan(table, MIN_CELL)
    assert plan.hidden == {c.key for c in table.cells}
    published = {k: (None if k in plan.hidden else v) for k, v in table.values().items()}
    _assert_protected(published, table.values())


@st.composite
def tables(draw: st.DrawFn) -> IndicatorTable:
    rows: list[tuple[str, str, float]] = []
    for i in range(draw(st.integers(1, 3))):
        breakdowns = draw(st.integers(1, 6))
        values = draw(st.lists(st.integers(0, 60), min_size=breakdowns, max_size=breakdowns))
        rows += [(f"indicator{i}", f"b{j}", v) for j, v in enumerate(values)]
    if draw(st.booleans()):
        counts = draw(st.lists(st.integers(0, 40), min_size=1, max_size=5))
        for j, count in enumerate(counts):
            rows.append(("rights_opened", f"r{j}", count))
            amount = count * draw(st.integers(0, 8000))
            rows.append(("rights_opened_yearly_amount", f"r{j}", amount))
    if draw(st.booleans()):
        stages = sorted(draw(st.lists(st.integers(0, 50), min_size=4, max_size=4)), reverse=True)
        rows += [
            ("funnel", s, v)
            for s, v in zip(("flagged", "referred", "filed", "opened"), stages, strict=True)
        ]
        split = draw(st.integers(0, stages[0]))
        rows += [
            ("probable_nonrecours", "rsa", split),
            ("probable_nonrecours", "ppa", stages[0] - split),
        ]
    return IndicatorTable.from_rows(rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_random_tables_never_leak_a_hidden_cell(table: IndicatorTable) -> None:
    plan = cells.plan(table, MIN_CELL)
    values = table.values()
    assert cells.primary_cells(table, MIN_CELL) <= plan.hidden
    published = {k: (None if k in plan.hidden else v) for k, v in values.items()}
    _assert_protected(published, values)
    # The planner's own audit agrees with the independent one.
    independent = hidden_ranges(published)
    for key, (low, high) in plan.ranges.items():
        assert abs(independent[key][0] - low) < 1e-6
        assert independent[key][1] == high or abs(independent[key][1] - high) < 1e-6
