"""Cell suppression for the indicator table: the threshold rule, then secondary suppression.

Primary: a count under `min_cell` (11, statistical secrecy of DGFiP/INSEE for data on households)
is hidden; an amount is hidden when the count of its contributors is, or when one household brings
more than 85% of it (dominance rule). Secondary: published totals and margins must not let anyone
recompute a hidden cell. The audit computes, for every hidden cell, the range of values compatible
with everything published (`lp.ranges`); a hidden count must keep a range at least `min_cell`
wide (as wide as the 0-10 the threshold rule itself concedes), a hidden amount a range of at least
10% of its value and never a single value (the p% idea of Hundepool et al. 2012, ch. 4). While a
cell fails, one more cell is hidden: the cheapest one that restores the range, a breakdown before
a total (totals are what evaluators use most).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from allervers.domain.export import (
    AMOUNT_INDICATORS,
    DOMINANCE_SHARE,
    TOTAL,
    CellKey,
    CellsSummary,
    IndicatorTable,
    Relation,
    RelationKind,
)
from allervers.export import lp

AMOUNT_PROTECTION_SHARE = 0.10
MIN_AMOUNT_RANGE = 1.0  # euros: an amount must never be pinned to one value


@dataclass(frozen=True, slots=True)
class Plan:
    hidden: frozenset[CellKey]
    primary: frozenset[CellKey]
    ranges: Mapping[CellKey, tuple[float, float]]


def is_amount(key: CellKey) -> bool:
    return key[0] in AMOUNT_INDICATORS


def required_range(key: CellKey, value: float, min_cell: int) -> float:
    if is_amount(key):
        return max(MIN_AMOUNT_RANGE, AMOUNT_PROTECTION_SHARE * value)
    return float(min_cell)


def primary_cells(table: IndicatorTable, min_cell: int) -> set[CellKey]:
    values = table.values()
    hidden = set()
    for cell in table.cells:
        if not is_amount(cell.key):
            if cell.value < min_cell:
                hidden.add(cell.key)
            continue
        contributors = values.get((AMOUNT_INDICATORS[cell.indicator], cell.breakdown))
        dominant = (
            cell.largest_contribution is not None
            and cell.value > 0
            and cell.largest_contribution > DOMINANCE_SHARE * cell.value
        )
        if contributors is None or contributors < min_cell or dominant:
            hidden.add(cell.key)
    return hidden


def _components(hidden: Collection[CellKey], relations: Iterable[Relation]) -> list[set[CellKey]]:
    parent = {key: key for key in hidden}

    def find(key: CellKey) -> CellKey:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for relation in relations:
        members = [key for key in relation.cells if key in parent]
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    groups: dict[CellKey, set[CellKey]] = {}
    for key in hidden:
        groups.setdefault(find(key), set()).add(key)
    return list(groups.values())


def _component_ranges(
    component: Collection[CellKey],
    published: Mapping[CellKey, float],
    relations: Iterable[Relation],
    targets: Collection[CellKey],
) -> dict[CellKey, tuple[float, float]]:
    variables = sorted(component)
    index = {key: i for i, key in enumerate(variables)}
    touching = [r for r in relations if any(key in index for key in r.cells)]
    slacks = sum(1 for r in touching if r.kind is RelationKind.AT_LEAST)
    n = len(variables) + slacks
    a: list[list[float]] = []
    b: list[float] = []
    slack = len(variables)
    for relation in touching:
        row = [0.0] * n
        rhs = 0.0
        for key, coefficient in relation.terms:
            if key in index:
                row[index[key]] += coefficient
            else:
                rhs -= coefficient * published[key]
        if relation.kind is RelationKind.AT_LEAST:
            row[slack] = -1.0  # sum of terms - slack = 0, slack >= 0
            slack += 1
        a.append(row)
        b.append(rhs)
    wanted = sorted(targets)
    found = lp.ranges(a, b, n, [index[key] for key in wanted])
    return dict(zip(wanted, found, strict=True))


def hidden_ranges(
    published: Mapping[CellKey, float],
    hidden: Collection[CellKey],
    relations: Iterable[Relation],
) -> dict[CellKey, tuple[float, float]]:
    """For each hidden cell, the (min, max) a reader can derive. Raises `lp.Infeasible` when the
    published values contradict the relations (a changed file)."""
    relations = list(relations)
    result: dict[CellKey, tuple[float, float]] = {}
    for component in _components(hidden, relations):
        result.update(_component_ranges(component, published, relations, component))
    return result


def width(bounds: tuple[float, float]) -> float:
    return bounds[1] - bounds[0]


def plan(table: IndicatorTable, min_cell: int) -> Plan:
    values = table.values()
    relations = list(table.relations())
    primary = primary_cells(table, min_cell)
    hidden = set(primary)

    def fails(key: CellKey, bounds: tuple[float, float]) -> bool:
        return width(bounds) < required_range(key, values[key], min_cell) - 1e-9

    while True:
        published = {k: v for k, v in values.items() if k not in hidden}
        bounds = hidden_ranges(published, hidden, relations)
        failing = sorted((width(bounds[k]), k) for k in hidden if fails(k, bounds[k]))
        if not failing:
            return Plan(frozenset(hidden), frozenset(primary), bounds)
        target = failing[0][1]
        hidden.add(_next_cell(target, hidden, values, relations, fails))


def _cost(key: CellKey, value: float) -> tuple[bool, float, CellKey]:
    return (key[1] == TOTAL, value, key)


def _next_cell(
    target: CellKey,
    hidden: set[CellKey],
    values: Mapping[CellKey, float],
    relations: list[Relation],
    fails: Callable[[CellKey, tuple[float, float]], bool],
) -> CellKey:
    """The published cell to hide so that `target` gets its range back, at the least cost."""
    component = next(c for c in _components(hidden, relations) if target in c)
    near = {key for r in relations if target in r.cells for key in r.cells}
    reach = {key for r in relations if component & set(r.cells) for key in r.cells}
    candidates = sorted(
        (key for key in reach if key not in hidden), key=lambda k: _cost(k, values[k])
    )
    if not candidates:  # cannot happen with consistent data: a bounded cell has a published bound
        raise lp.Infeasible
    current = width(_range_with(target, hidden, values, relations))
    best_gain: tuple[float, CellKey] | None = None
    for candidate in candidates:
        bounds = _range_with(target, hidden | {candidate}, values, relations)
        if not fails(target, bounds):
            return candidate  # the cheapest that suffices
        gain = width(bounds) - current
        if gain > 1e-9 and (best_gain is None or gain > best_gain[0]):
            best_gain = (gain, candidate)
    if best_gain is not None:
        return best_gain[1]
    # No single cell widens the range (an identity with several twins, say): hide the cheapest
    # neighbour; the next rounds go on until the range opens.
    return next((k for k in candidates if k in near), candidates[0])


def _range_with(
    target: CellKey,
    hidden: set[CellKey],
    values: Mapping[CellKey, float],
    relations: list[Relation],
) -> tuple[float, float]:
    component = next(c for c in _components(hidden, relations) if target in c)
    published = {k: v for k, v in values.items() if k not in hidden}
    return _component_ranges(component, published, relations, [target])[target]


def summary(table: IndicatorTable, chosen: Plan) -> CellsSummary:
    values = table.values()
    counts = [v for k, v in values.items() if k not in chosen.hidden and not is_amount(k)]
    return CellsSummary(
        cells=len(values),
        published=len(values) - len(chosen.hidden),
        primary=len(chosen.primary),
        secondary=len(chosen.hidden) - len(chosen.primary),
        smallest_published=int(min(counts)) if counts else None,
        narrowest_count_range=narrowest(chosen.ranges, amounts=False),
        narrowest_amount_range=narrowest(chosen.ranges, amounts=True),
    )


def narrowest(bounds: Mapping[CellKey, tuple[float, float]], amounts: bool) -> float | None:
    widths = [width(b) for k, b in bounds.items() if is_amount(k) == amounts]
    return min(widths) if widths else None


def range_text(value: float | None) -> str | float | None:
    """For the manifest (JSON has no infinity)."""
    if value is not None and math.isinf(value):
        return "unbounded"
    return value
