"""Which cells a new release hides, given every release before it.

Primary: a count under `min_cell` (11, the statistical secrecy of DGFiP/INSEE for data on
households; zero included, unless the cell is a structural zero); an amount whose contributors
are hidden, or in which one household may bring more than 85% (dominance rule); in a revision, a
cell whose value moved by less than `min_cell` since a release of the same period that showed it
(the difference would isolate the households that arrived in between).

Secondary: while the joint audit (`joint.audit`) finds a quantity an evaluator could pin, one more
cell of the new release is hidden: the cheapest one that restores the range, a breakdown before a
total. Earlier releases are never changed (they are out); hiding every cell of the new release
always restores what was protected before it, so the search ends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from allervers.domain.export import (
    AMOUNT_INDICATORS,
    DOMINANCE_SHARE,
    TOTAL,
    CellKey,
    Relation,
)
from allervers.domain.release import MonthTable, RegisterEntry, ReleaseRefused, TableFigures
from allervers.export import joint, solver
from allervers.export.joint import Atom, Held, System

CANDIDATE = "candidate"
TRIES = 12


@dataclass(frozen=True, slots=True)
class ReleasePlan:
    hidden: frozenset[CellKey]
    primary: frozenset[CellKey]
    revision: frozenset[CellKey]
    """Hidden because the value moved too little since an earlier release of the period."""
    secondary: frozenset[CellKey]
    narrowest_count_range: float | None
    narrowest_amount_range: float | None
    targets: int
    """How many quantities of all releases together were checked."""
    releases: int
    """How many releases the check covered (the new one included)."""
    copy_of: str | None = None


def period_values(
    tables: Mapping[Atom, MonthTable], atoms: Sequence[Atom], rows: Sequence[CellKey]
) -> dict[CellKey, float]:
    return {cell: sum(tables[a].values.get(cell, 0.0) for a in atoms) for cell in rows}


def largest_bound(tables: Mapping[Atom, MonthTable], atoms: Sequence[Atom], cell: CellKey) -> float:
    """An upper bound of the largest single household's share of a period's amount: the sum of
    each month's largest (exact for one month; a household may bring money in several months)."""
    return sum(tables[a].largest.get(cell, 0.0) for a in atoms)


def primary_cells(
    tables: Mapping[Atom, MonthTable],
    atoms: Sequence[Atom],
    rows: Sequence[CellKey],
    structural: frozenset[CellKey],
    min_cell: int,
) -> set[CellKey]:
    values = period_values(tables, atoms, rows)
    hidden = set()
    for cell in rows:
        if cell in structural:
            continue
        if cell[0] not in AMOUNT_INDICATORS:
            if values[cell] < min_cell:
                hidden.add(cell)
            continue
        contributors = values.get((AMOUNT_INDICATORS[cell[0]], cell[1]), 0.0)
        dominant = values[cell] > 0 and (
            largest_bound(tables, atoms, cell) > DOMINANCE_SHARE * values[cell]
        )
        if contributors < min_cell or dominant:
            hidden.add(cell)
    return hidden


def plan(
    tables: Mapping[Atom, MonthTable],
    earlier: Sequence[Held],
    label: str,
    versions: Mapping[str, int],
    rows: tuple[CellKey, ...],
    relations: tuple[Relation, ...],
    structural: frozenset[CellKey],
    min_cell: int,
) -> ReleasePlan:
    months = tuple(versions)
    atoms = tuple((m, versions[m]) for m in months)
    for held in earlier:
        if held.months == months and dict(held.versions) == dict(versions):
            # The same period from the same frozen months: the same cells, nothing new.
            return _copy(tables, earlier, held, rows, relations, structural, min_cell)
    values = period_values(tables, atoms, rows)
    primary = primary_cells(tables, atoms, rows, structural, min_cell)
    revision = set()
    for held in earlier:
        if held.months != months:
            continue
        before = period_values(tables, held.atoms(), rows)
        for cell in rows:
            if cell in structural or cell in held.hidden or cell in primary:
                continue
            # An amount moves with its contributors: a few households more tell their amounts.
            count = (AMOUNT_INDICATORS[cell[0]], cell[1]) if cell[0] in AMOUNT_INDICATORS else cell
            if abs(values[count] - before[count]) < min_cell:
                revision.add(cell)
    hidden = primary | revision

    def system_with(cells: set[CellKey]) -> System:
        candidate = Held(CANDIDATE, label, months, dict(versions), frozenset(cells))
        return System(tables, [*earlier, candidate], rows, relations, structural, min_cell)

    system = system_with(hidden)
    all_targets = joint.targets(system)
    failing = joint.audit(system, all_targets)
    while failing:
        failing.sort(key=lambda f: (f.width, f.target.kind, f.target.cell))
        finding = failing[0]
        choice = _next_cell(system_with, hidden, finding, values, structural, min_cell)
        hidden.add(choice)
        system = system_with(hidden)
        # Hiding widens every range: only what failed, and the cell now hidden, need a new look.
        fresh = [t for t in joint.targets(system) if t.cell == choice and t.kind == "hidden"]
        all_targets += fresh
        failing = joint.audit(system, [f.target for f in failing] + fresh)
    candidate = system.releases[-1]
    narrow_counts, narrow_amounts = joint.narrowest(system, candidate)
    return ReleasePlan(
        hidden=frozenset(hidden),
        primary=frozenset(primary),
        revision=frozenset(revision),
        secondary=frozenset(hidden - primary - revision),
        narrowest_count_range=narrow_counts,
        narrowest_amount_range=narrow_amounts,
        targets=len(all_targets),
        releases=len(system.releases),
    )


def _copy(
    tables: Mapping[Atom, MonthTable],
    earlier: Sequence[Held],
    held: Held,
    rows: tuple[CellKey, ...],
    relations: tuple[Relation, ...],
    structural: frozenset[CellKey],
    min_cell: int,
) -> ReleasePlan:
    system = System(tables, list(earlier), rows, relations, structural, min_cell)
    narrow_counts, narrow_amounts = joint.narrowest(system, held)
    return ReleasePlan(
        hidden=held.hidden,
        primary=frozenset(),
        revision=frozenset(),
        secondary=frozenset(),
        narrowest_count_range=narrow_counts,
        narrowest_amount_range=narrow_amounts,
        targets=0,
        releases=len(earlier),
        copy_of=held.key,
    )


def _cost(cell: CellKey, values: Mapping[CellKey, float]) -> tuple[bool, float, CellKey]:
    return (cell[1] == TOTAL, values[cell], cell)


def _next_cell(
    system_with: object,
    hidden: set[CellKey],
    finding: joint.Finding,
    values: Mapping[CellKey, float],
    structural: frozenset[CellKey],
    min_cell: int,
) -> CellKey:
    """The published cell of the new release to hide so that `finding` gets its range back."""
    assert callable(system_with)
    system: System = system_with(hidden)
    target = finding.target
    component = system.component_of(target.cell)
    related = {c for r in system.relations if target.cell in r.cells for c in r.cells}
    candidates = sorted(
        (c for c in component if c not in hidden and c not in structural),
        key=lambda c: (c != target.cell, c not in related, *_cost(c, values)),
    )
    if not candidates:  # cannot happen: the finding would have passed before this release
        raise solver.Infeasible(finding)
    best: tuple[float, CellKey] | None = None
    for cell in candidates[:TRIES]:
        trial: System = system_with(hidden | {cell})
        found = joint.check(trial, component, target)
        if joint.passes(trial, target, found.low, found.high):
            return cell
        gain = found.width - finding.width
        if gain > 1e-9 and (best is None or gain > best[0]):
            best = (gain, cell)
    return best[1] if best is not None else candidates[0]


def revision_number(
    same_period: Sequence[RegisterEntry],
    chosen: ReleasePlan,
    tables: Mapping[Atom, MonthTable],
    values: Mapping[CellKey, float],
    rows: Sequence[CellKey],
) -> int:
    """0 for a first release; a copy keeps its original's number; a revision takes the next one,
    unless every cell whose count changed since the last release of the period must stay hidden:
    then it would tell nothing of the changes, and is refused (`ReleaseRefused`)."""
    if not same_period:
        return 0
    last = same_period[-1]
    if chosen.copy_of is not None:
        return next(e.revision for e in same_period if e.id == chosen.copy_of)
    before = period_values(tables, [(m, v) for m, v in last.versions.items()], rows)
    changed = [cell for cell in rows if before[cell] != values[cell]]
    if not changed or all(cell in chosen.hidden for cell in changed):
        raise ReleaseRefused(last.period, "too_small" if changed else "unchanged", last.at)
    return max(e.revision for e in same_period) + 1


def figures(
    values: Mapping[CellKey, float],
    chosen: ReleasePlan,
    rows: Sequence[CellKey],
    structural: frozenset[CellKey],
) -> TableFigures:
    counts = [
        v
        for cell, v in values.items()
        if cell not in chosen.hidden and cell not in structural and cell[0] not in AMOUNT_INDICATORS
    ]
    return TableFigures(
        cells=len(rows),
        published=len(rows) - len(chosen.hidden),
        structural=len(structural),
        primary=len(chosen.primary),
        revision=len(chosen.revision),
        secondary=len(chosen.secondary),
        smallest_published=int(min(counts)) if counts else None,
        narrowest_count_range=chosen.narrowest_count_range,
        narrowest_amount_range=chosen.narrowest_amount_range,
        releases_checked=chosen.releases,
        targets_checked=chosen.targets,
    )
