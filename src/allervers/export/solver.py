"""The smallest and largest value a reader can give a hidden count: linear and integer programs.

A reader holds every published cell and knows the facts that link cells (margins, identities,
inequalities, sums of months), and that counts are whole and never negative. The values they
cannot tell apart form {x >= 0 integer : A_eq x = b_eq, A_ub x <= b_ub}; the range of a hidden
cell (or of any sum or difference of cells) over that set is what the protection must keep wide
(Hundepool et al., Statistical Disclosure Control, Wiley 2012, ch. 4: the audit of a suppression
pattern). The programs are solved with HiGHS (highspy), the open-source solver that tau-ARGUS also
offers. One solver instance per model: each new objective starts from the previous basis, which
makes the hundreds of programs of a release cheap. A linear program is solved first; when its
optimum is a whole-number point it is also the integer optimum, otherwise the integer program is
solved.

HiGHS's own Python class prints a banner on first use: the bare binding (`_core._Highs`) does not,
and the command line's output stays clean.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import highspy
from highspy import _core

Row = Mapping[int, float]
_INF = highspy.kHighsInf
_MAX = highspy.ObjSense.kMaximize
_MIN = highspy.ObjSense.kMinimize


class Infeasible(Exception):
    """No values satisfy the facts with the published cells: the data contradict them."""


@dataclass
class Model:
    """Variables 0..n-1, all >= 0; `integer` variables are whole numbers."""

    n: int
    equal: list[tuple[Row, float]] = field(default_factory=list)
    at_most: list[tuple[Row, float]] = field(default_factory=list)
    integer: bool = True
    _highs: _core._Highs | None = None
    _cost: dict[int, float] = field(default_factory=dict)

    def add_equal(self, row: Row, value: float) -> None:
        self.equal.append((dict(row), value))
        self._highs = None

    def add_at_most(self, row: Row, value: float) -> None:
        self.at_most.append((dict(row), value))
        self._highs = None

    def _solver(self) -> _core._Highs:
        if self._highs is None:
            highs = _core._Highs()
            highs.setOptionValue("output_flag", False)
            for _ in range(self.n):
                highs.addVar(0.0, _INF)
            for row, value in self.equal:
                _add_row(highs, row, value, value)
            for row, value in self.at_most:
                _add_row(highs, row, -_INF, value)
            self._highs = highs
            self._cost = {}
        return self._highs

    def _objective(self, objective: Row) -> _core._Highs:
        highs = self._solver()
        for j in self._cost:
            if j not in objective:
                highs.changeColCost(j, 0.0)
        for j, coefficient in objective.items():
            highs.changeColCost(j, coefficient)
        self._cost = dict(objective)
        return highs


def _add_row(highs: _core._Highs, row: Row, low: float, high: float) -> None:
    indices = [j for j, c in row.items() if c]
    highs.addRow(low, high, len(indices), indices, [row[j] for j in indices])


def optimum(model: Model, objective: Row, maximise: bool) -> float:
    """max (or min) of objective . x; `inf` / `-inf` when unbounded."""
    if not objective:
        return 0.0
    highs = model._objective(objective)
    highs.changeObjectiveSense(_MAX if maximise else _MIN)
    value = _run(highs, maximise)
    if math.isinf(value) or not model.integer:
        return value
    if _whole(highs.getSolution().col_value):
        return _clean(value)
    for j in range(model.n):
        highs.changeColIntegrality(j, highspy.HighsVarType.kInteger)
    try:
        return _clean(_run(highs, maximise))
    finally:
        for j in range(model.n):
            highs.changeColIntegrality(j, highspy.HighsVarType.kContinuous)


def _run(highs: _core._Highs, maximise: bool) -> float:
    highs.run()
    status = highs.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        return _clean(float(highs.getInfo().objective_function_value))
    if status in (
        highspy.HighsModelStatus.kUnbounded,
        highspy.HighsModelStatus.kUnboundedOrInfeasible,
    ):
        return math.inf if maximise else -math.inf
    raise Infeasible(str(status))


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
