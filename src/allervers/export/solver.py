"""The smallest and largest value a reader can give a hidden count: linear and integer programs.

A reader holds every published cell and knows the facts that link cells (margins, identities,
inequalities, sums of months), and that counts are whole and never negative. The values they
cannot tell apart form {x >= 0 integer : A_eq x = b_eq, A_ub x <= b_ub}; the range of a hidden
cell (or of any sum or difference of cells) over that set is what the protection must keep wide
(Hundepool et al., Statistical Disclosure Control, Wiley 2012, ch. 4: the audit of a suppression
pattern). The programs are solved with HiGHS (through scipy), the open-source solver tau-ARGUS
also offers. A linear program is solved first; when its optimum is a whole-number point it is
also the integer optimum, otherwise the integer program is solved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Row = Mapping[int, float]


class Infeasible(Exception):
    """No values satisfy the facts with the published cells: the data contradict them."""


@dataclass
class Model:
    """Variables 0..n-1, all >= 0; `integer` variables are whole numbers."""

    n: int
    equal: list[tuple[Row, float]] = field(default_factory=list)
    at_most: list[tuple[Row, float]] = field(default_factory=list)
    integer: bool = True
    _built: tuple[Any, ...] | None = None

    def add_equal(self, row: Row, value: float) -> None:
        self.equal.append((dict(row), value))
        self._built = None

    def add_at_most(self, row: Row, value: float) -> None:
        self.at_most.append((dict(row), value))
        self._built = None

    def _matrices(self) -> tuple[Any, ...]:
        if self._built is None:
            self._built = (_sparse(self.equal, self.n), _sparse(self.at_most, self.n))
        return self._built


def _sparse(rows: Sequence[tuple[Row, float]], n: int) -> tuple[Any, list[float]] | None:
    if not rows:
        return None
    from scipy.sparse import coo_array

    r: list[int] = []
    c: list[int] = []
    v: list[float] = []
    for i, (row, _value) in enumerate(rows):
        for j, coefficient in row.items():
            if coefficient:
                r.append(i)
                c.append(j)
                v.append(coefficient)
    matrix = coo_array((v, (r, c)), shape=(len(rows), n)).tocsr()
    return matrix, [value for _row, value in rows]


def optimum(model: Model, objective: Row, maximise: bool) -> float:
    """max (or min) of objective . x; `inf` / `-inf` when unbounded."""
    from scipy.optimize import linprog

    sign = -1.0 if maximise else 1.0
    cost = [0.0] * model.n
    for j, coefficient in objective.items():
        cost[j] = sign * coefficient
    equal, at_most = model._matrices()
    result = linprog(
        cost,
        A_ub=None if at_most is None else at_most[0],
        b_ub=None if at_most is None else at_most[1],
        A_eq=None if equal is None else equal[0],
        b_eq=None if equal is None else equal[1],
        bounds=(0, None),
        method="highs",
    )
    if result.status == 3:
        return math.inf if maximise else -math.inf
    if result.status == 2:
        raise Infeasible
    if result.status != 0:
        raise Infeasible
    if model.integer and not _whole(result.x):
        return _integer_optimum(model, cost, sign)
    return _clean(sign * float(result.fun))


def _integer_optimum(model: Model, cost: list[float], sign: float) -> float:
    from scipy.optimize import Bounds, LinearConstraint, milp

    equal, at_most = model._matrices()
    constraints = []
    if equal is not None:
        constraints.append(LinearConstraint(equal[0], equal[1], equal[1]))
    if at_most is not None:
        constraints.append(LinearConstraint(at_most[0], -math.inf, at_most[1]))
    result = milp(
        cost,
        constraints=constraints,
        integrality=[1] * model.n,
        bounds=Bounds(0, math.inf),
    )
    if result.status == 2:
        raise Infeasible
    if result.status != 0 or result.fun is None:
        # Unbounded integer programs are reported as infeasible or unbounded by HiGHS's MIP
        # solver: the linear relaxation was bounded, so this is the integer infeasible case.
        raise Infeasible
    return _clean(sign * float(result.fun))


def _whole(values: Sequence[float]) -> bool:
    return all(abs(v - round(v)) < 1e-7 for v in values)


def bounds(model: Model, objective: Row) -> tuple[float, float]:
    return optimum(model, objective, maximise=False), optimum(model, objective, maximise=True)


def _clean(value: float) -> float:
    """Whole-number data give whole-number bounds: remove the float noise of the solver."""
    if math.isinf(value):
        return value
    nearest = round(value)
    return float(nearest) if abs(value - nearest) < 1e-6 * max(1.0, abs(value)) else value
