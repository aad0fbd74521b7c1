"""The dominance rule on amounts really runs: an amount one household may bring more than 85% of
is hidden however many contributors it has; the largest contribution of a period is bounded by the
sum of its months' largest (a household may receive money in several months)."""

from __future__ import annotations

from dataclasses import replace

from allervers.domain.export import DOMINANCE_SHARE, MIN_CELL
from allervers.domain.release import RELEASE_ROWS, STRUCTURAL_ZEROS
from allervers.export import release_plan
from tests.export.months import year_of_months

AMOUNT = ("rights_opened_yearly_amount", "aah")
CONTRIBUTORS = ("rights_opened", "aah")


def test_a_dominated_amount_is_hidden_and_an_even_one_is_published() -> None:
    tables = year_of_months(seed=4, scale=400)
    atoms = [("2026-01", 1), ("2026-02", 1), ("2026-03", 1)]
    values = release_plan.period_values(tables, atoms, RELEASE_ROWS)
    assert values[CONTRIBUTORS] >= MIN_CELL  # enough households: the rule of 11 lets it through
    even = release_plan.primary_cells(tables, atoms, RELEASE_ROWS, STRUCTURAL_ZEROS, MIN_CELL)
    assert AMOUNT not in even

    # One household of January brings 90% of the quarter's amount.
    january = tables[atoms[0]]
    largest = {**january.largest, AMOUNT: 0.9 * values[AMOUNT]}
    tables[atoms[0]] = replace(january, largest=largest)
    assert release_plan.largest_bound(tables, atoms, AMOUNT) > DOMINANCE_SHARE * values[AMOUNT]
    dominated = release_plan.primary_cells(tables, atoms, RELEASE_ROWS, STRUCTURAL_ZEROS, MIN_CELL)
    assert AMOUNT in dominated
    assert dominated - {AMOUNT} == even  # nothing else changes
