"""The smallest and largest value a reader can give one hidden cell: two small linear programs.

The reader knows the published cells and the relations between cells (margins, identities,
inequalities) and that counts are never negative. The set of tables they cannot tell apart is
{x >= 0 : A x = b}; the range of a hidden cell over it is what secondary suppression must keep wide
(Hundepool et al., Statistical Disclosure Control, Wiley 2012, ch. 4: the audit of a suppression
pattern). The tables here have a few dozen cells, so a dense two-phase simplex in pure Python
(Bland's rule, which cannot cycle) answers in milliseconds without adding a dependency.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

EPS = 1e-9


class Infeasible(Exception):
    """No table satisfies the relations with the published values: the data contradict them."""


class _Tableau:
    def __init__(self, rows: list[list[float]], basis: list[int]) -> None:
        self.rows = rows
        self.basis = basis

    def copy(self) -> _Tableau:
        return _Tableau([list(row) for row in self.rows], list(self.basis))

    def pivot(self, r: int, c: int) -> None:
        row = self.rows[r]
        inverse = 1.0 / row[c]
        row = [value * inverse for value in row]
        self.rows[r] = row
        for i, other in enumerate(self.rows):
            if i != r:
                factor = other[c]
                if factor != 0.0:
                    self.rows[i] = [a - factor * b for a, b in zip(other, row, strict=True)]
        self.basis[r] = c

    def maximise(self, cost: Sequence[float], columns: range) -> bool:
        """Maximise cost . x over the tableau's columns `columns`; False when unbounded."""
        while True:
            entering = -1
            for j in columns:
                reduced = cost[j] - sum(
                    cost[self.basis[i]] * row[j] for i, row in enumerate(self.rows)
                )
                if reduced > EPS:
                    entering = j  # Bland: the first improving column
                    break
            if entering < 0:
                return True
            leaving, best = -1, math.inf
            for i, row in enumerate(self.rows):
                if row[entering] > EPS:
                    ratio = row[-1] / row[entering]
                    if ratio < best - EPS or (
                        abs(ratio - best) <= EPS and self.basis[i] < self.basis[leaving]
                    ):
                        leaving, best = i, ratio
            if leaving < 0:
                return False
            self.pivot(leaving, entering)

    def value(self, cost: Sequence[float]) -> float:
        return sum(cost[self.basis[i]] * row[-1] for i, row in enumerate(self.rows))


def _feasible(a: Sequence[Sequence[float]], b: Sequence[float], n: int) -> _Tableau:
    """Phase 1: a basic feasible solution of A x = b, x >= 0, with redundant rows dropped."""
    m = len(a)
    rows = []
    for i in range(m):
        sign = -1.0 if b[i] < 0 else 1.0
        artificial = [0.0] * m
        artificial[i] = 1.0
        rows.append([sign * v for v in a[i]] + artificial + [sign * b[i]])
    tableau = _Tableau(rows, list(range(n, n + m)))
    cost = [0.0] * n + [-1.0] * m
    tableau.maximise(cost, range(n + m))
    scale = max([1.0, *(abs(v) for v in b)])
    if tableau.value(cost) < -1e-7 * scale:
        raise Infeasible
    keep = []
    for r in range(m):
        if tableau.basis[r] >= n:
            column = next((j for j in range(n) if abs(tableau.rows[r][j]) > EPS), -1)
            if column < 0:
                continue  # a redundant relation
            tableau.pivot(r, column)
        keep.append(r)
    return _Tableau(
        [[*tableau.rows[r][:n], tableau.rows[r][-1]] for r in keep],
        [tableau.basis[r] for r in keep],
    )


def ranges(
    a: Sequence[Sequence[float]], b: Sequence[float], n: int, targets: Sequence[int]
) -> list[tuple[float, float]]:
    """For each target variable, its (min, max) over {x >= 0 : A x = b}; max may be `inf`."""
    if not a:
        return [(0.0, math.inf) for _ in targets]
    start = _feasible(a, b, n)
    result = []
    for target in targets:
        cost = [0.0] * n
        cost[target] = 1.0
        high = start.copy()
        top = high.value(cost) if high.maximise(cost, range(n)) else math.inf
        cost[target] = -1.0
        low = start.copy()
        low.maximise(cost, range(n))
        bottom = -low.value(cost)
        result.append((_clean(bottom), _clean(top)))
    return result


def _clean(value: float) -> float:
    """Integer data give integer vertices: remove the float noise of the pivots."""
    if math.isinf(value):
        return value
    nearest = round(value)
    return float(nearest) if abs(value - nearest) < 1e-6 * max(1.0, abs(value)) else value
