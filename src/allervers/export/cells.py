"""The ranges a reader of one file can compute for its hidden cells (`verify-export`)."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping

from allervers.domain.export import AMOUNT_INDICATORS, CellKey, Relation, RelationKind
from allervers.export import solver
from allervers.export.joint import components

MIN_AMOUNT_RANGE = 1.0  # euros: an amount must never be pinned to one value


def is_amount(key: CellKey) -> bool:
    return key[0] in AMOUNT_INDICATORS


def hidden_ranges(
    published: Mapping[CellKey, float],
    hidden: Collection[CellKey],
    relations: Iterable[Relation],
) -> dict[CellKey, tuple[float, float]]:
    """For each hidden cell, the (min, max) a reader of this file alone can derive. Raises
    `solver.Infeasible` when the published values contradict the relations (a changed file)."""
    relations = list(relations)
    result: dict[CellKey, tuple[float, float]] = {}
    for component in components(hidden, relations):
        touching = [r for r in relations if any(c in component for c in r.cells)]
        variables = sorted(component)
        index = {key: i for i, key in enumerate(variables)}
        model = solver.Model(len(variables), integer=not any(is_amount(k) for k in variables))
        for relation in touching:
            row: dict[int, float] = {}
            constant = 0.0
            for key, coefficient in relation.terms:
                if key in index:
                    row[index[key]] = row.get(index[key], 0.0) + coefficient
                elif key in published:
                    constant += coefficient * published[key]
                else:  # a hidden cell of another component cannot share a relation
                    raise solver.Infeasible
            if relation.kind is RelationKind.EQUAL:
                model.add_equal(row, -constant)
            else:  # row + constant >= 0
                model.add_at_most({j: -v for j, v in row.items()}, constant)
        for key in variables:
            result[key] = solver.bounds(model, {index[key]: 1.0})
    return result


def width(bounds: tuple[float, float]) -> float:
    return bounds[1] - bounds[0]


def narrowest(bounds: Mapping[CellKey, tuple[float, float]], amounts: bool) -> float | None:
    widths = [width(b) for k, b in bounds.items() if is_amount(k) == amounts]
    return min(widths) if widths else None


def range_text(value: float | None) -> str | float | None:
    """For the manifest (JSON has no infinity)."""
    if value is not None and math.isinf(value):
        return "unbounded"
    return value
