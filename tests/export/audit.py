"""An independent audit of a published table, with scipy's HiGHS linear programming: for each hidden
cell, the smallest and largest value compatible with the published cells and with the relations a
reader knows (written out here from their definitions, not taken from allervers.export)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

import numpy as np
from scipy.optimize import linprog

Key = tuple[str, str]
STAGES = ("flagged", "referred", "filed", "opened")
# (left, right, kind): left == right, or left >= right.
LINKS = (
    (("probable_nonrecours", "total"), ("probable_nonrecours_reason", "total"), "eq"),
    (("probable_nonrecours", "total"), ("funnel", "flagged"), "eq"),
    (("doors_knocked", "interview"), ("households_met", "total"), "ge"),
    (("people_met", "total"), ("households_met", "total"), "ge"),
)


def _relations(keys: set[Key]) -> tuple[list[dict[Key, float]], list[dict[Key, float]]]:
    """Equalities (sum == 0) and inequalities (sum <= 0) as {cell: coefficient}."""
    equal: list[dict[Key, float]] = []
    upper: list[dict[Key, float]] = []
    for indicator in {i for i, _ in keys}:
        parts = [b for i, b in keys if i == indicator and b != "total"]
        if indicator == "funnel":
            present = [s for s in STAGES if s in parts]
            if ("funnel", "total") in keys and "flagged" in present:
                equal.append({("funnel", "total"): 1, ("funnel", "flagged"): -1})
            for big, small in itertools.pairwise(present):
                upper.append({("funnel", small): 1, ("funnel", big): -1})
        elif (indicator, "total") in keys and parts:
            row: dict[Key, float] = {(indicator, "total"): 1}
            row.update({(indicator, b): -1 for b in parts})
            equal.append(row)
    for left, right, kind in LINKS:
        if left in keys and right in keys:
            if kind == "eq":
                equal.append({left: 1, right: -1})
            else:
                upper.append({right: 1, left: -1})
    return equal, upper


def hidden_ranges(table: Mapping[Key, float | None]) -> dict[Key, tuple[float, float]]:
    hidden = sorted(k for k, v in table.items() if v is None)
    if not hidden:
        return {}
    index = {k: i for i, k in enumerate(hidden)}
    equal, upper = _relations(set(table))

    def matrix(rows: list[dict[Key, float]]) -> tuple[np.ndarray | None, np.ndarray | None]:
        a, b = [], []
        for relation in rows:
            line = np.zeros(len(hidden))
            rhs = 0.0
            for key, coefficient in relation.items():
                value = table[key]
                if value is None:
                    line[index[key]] += coefficient
                else:
                    rhs -= coefficient * value
            if line.any():
                a.append(line)
                b.append(rhs)
        return (np.array(a), np.array(b)) if a else (None, None)

    a_eq, b_eq = matrix(equal)
    a_ub, b_ub = matrix(upper)
    result = {}
    for key in hidden:
        bounds = []
        for sign in (1.0, -1.0):
            cost = np.zeros(len(hidden))
            cost[index[key]] = sign
            answer = linprog(
                cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs"
            )
            if answer.status == 3:
                bounds.append(math.inf if sign < 0 else 0.0)
            else:
                assert answer.status == 0, answer.message
                bounds.append(sign * answer.fun)
        result[key] = (bounds[0], bounds[1])
    return result
