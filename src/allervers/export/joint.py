"""What an evaluator holding every release can compute, and the checks that keep it harmless.

The releases of a territory are sums of frozen month tables (`MonthTable`, one version per month
until a revision makes the next). A reader who holds them all knows: every published cell (a sum
over the months of its period, at the versions that release used), the facts linking the cells of
one month (margins, identities, inequalities), and that counts are whole and never negative. The
unknowns are the cells of each month version: an integer program (`solver`) gives the range of
anything the reader may want to compute. Three kinds of quantities are checked (`Target`):

- hidden: a cell a release hides must keep a range at least `min_cell` wide;
- natural: a month or quarter inside a released period whose count is under `min_cell` must keep
  such a range too (three months published and their quarter pin the fourth... the remaining one);
- difference: the difference of two releases of nested periods (Q1 minus January is February and
  March), when it is small (between -10 and 10, zero included), must keep a range at least
  `min_cell` wide: pinned, it would isolate the households that make it;
- revision: what arrived between two versions of a month, or two releases of one period, must
  moreover keep 0 among its possible values, so that no late household is known to be in a cell.

Amounts use the same model without integrality, and need a range of 10% of their value (at least
one euro), the p% idea (Hundepool et al. 2012, ch. 4).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from allervers.domain.export import AMOUNT_INDICATORS, CellKey, Relation, RelationKind
from allervers.domain.release import MonthTable
from allervers.export import solver

Atom = tuple[str, int]  # (month, version)
Terms = tuple[tuple[Atom, int], ...]

AMOUNT_SHARE = 0.10
MIN_AMOUNT_RANGE = 1.0


@dataclass(frozen=True, slots=True)
class Held:
    """A release as the evaluator holds it: which month versions it sums, which cells it hides."""

    key: str
    label: str
    months: tuple[str, ...]
    versions: Mapping[str, int]
    hidden: frozenset[CellKey]

    def atoms(self) -> tuple[Atom, ...]:
        return tuple((m, self.versions[m]) for m in self.months)


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # hidden, natural, difference
    cell: CellKey
    terms: Terms
    true: float
    label: str
    sides: tuple[str, ...] = ()
    """For the difference of two releases: their keys (earlier, later)."""


@dataclass(frozen=True, slots=True)
class Finding:
    target: Target
    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass
class System:
    """Every release of one territory, the frozen month tables they sum, and what links cells."""

    tables: Mapping[Atom, MonthTable]
    releases: list[Held]
    rows: tuple[CellKey, ...]
    relations: tuple[Relation, ...]
    structural: frozenset[CellKey]
    min_cell: int
    _components: list[frozenset[CellKey]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._components = components(self.rows, self.relations)

    def component_of(self, cell: CellKey) -> frozenset[CellKey]:
        return next(c for c in self._components if cell in c)

    def value(self, terms: Terms, cell: CellKey) -> float:
        return sum(
            coefficient * self.tables[atom].values.get(cell, 0.0) for atom, coefficient in terms
        )


def is_amount(cell: CellKey) -> bool:
    return cell[0] in AMOUNT_INDICATORS


def components(rows: Iterable[CellKey], relations: Iterable[Relation]) -> list[frozenset[CellKey]]:
    parent = {key: key for key in rows}

    def find(key: CellKey) -> CellKey:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for relation in relations:
        cells = [c for c in relation.cells if c in parent]
        for other in cells[1:]:
            parent[find(other)] = find(cells[0])
    groups: dict[CellKey, set[CellKey]] = {}
    for key in parent:
        groups.setdefault(find(key), set()).add(key)
    return [frozenset(g) for g in groups.values()]


def sub_periods(months: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The calendar months and quarters strictly inside a released period (with their labels)."""
    if len(months) <= 1:
        return []
    result: list[tuple[str, tuple[str, ...]]] = [(m, (m,)) for m in months]
    if len(months) == 12:
        for q in range(4):
            quarter = tuple(months[3 * q : 3 * q + 3])
            result.append((f"{months[0][:4]}-Q{q + 1}", quarter))
    return result


def targets(system: System) -> list[Target]:
    """Every quantity the protection must keep harmless (see the module's docstring)."""
    found: dict[tuple[CellKey, Terms], Target] = {}
    published: set[tuple[CellKey, Terms]] = set()
    for held in system.releases:
        terms = tuple((atom, 1) for atom in held.atoms())
        for cell in system.rows:
            if cell not in held.hidden:
                published.add((cell, terms))

    def add(target: Target) -> None:
        key = (target.cell, target.terms)
        if key not in published and key not in found:
            found[key] = target

    for held in system.releases:
        terms = tuple((atom, 1) for atom in held.atoms())
        for cell in sorted(held.hidden - system.structural):
            add(Target("hidden", cell, terms, system.value(terms, cell), held.label))
        for label, months in sub_periods(held.months):
            sub = tuple(((m, held.versions[m]), 1) for m in months)
            for cell in system.rows:
                if cell in system.structural:
                    continue
                if _small(system, cell, sub):
                    add(Target("natural", cell, sub, system.value(sub, cell), label))
    for a, b in itertools.combinations(system.releases, 2):
        if not (set(a.months) <= set(b.months) or set(b.months) <= set(a.months)):
            continue
        terms = _difference(b.atoms(), a.atoms())
        if not terms:
            continue
        label = f"{b.label} − {a.label}"
        kind = "revision" if a.months == b.months else "difference"
        for cell in system.rows:
            if cell not in system.structural and _small(system, cell, terms, abs_value=True):
                value = system.value(terms, cell)
                add(Target(kind, cell, terms, value, label, (a.key, b.key)))
    versions: dict[str, set[int]] = {}
    for held in system.releases:
        for month, version in held.versions.items():
            versions.setdefault(month, set()).add(version)
    for month, used in versions.items():
        for v1, v2 in itertools.combinations(sorted(used), 2):
            terms = (((month, v2), 1), ((month, v1), -1))
            for cell in system.rows:
                if cell not in system.structural and _small(system, cell, terms, abs_value=True):
                    value = system.value(terms, cell)
                    add(Target("revision", cell, terms, value, f"{month} v{v2} − v{v1}"))
    return list(found.values())


def _difference(plus: Sequence[Atom], minus: Sequence[Atom]) -> Terms:
    coefficients: dict[Atom, int] = {}
    for atom in plus:
        coefficients[atom] = coefficients.get(atom, 0) + 1
    for atom in minus:
        coefficients[atom] = coefficients.get(atom, 0) - 1
    return tuple(sorted((a, c) for a, c in coefficients.items() if c))


def _small(system: System, cell: CellKey, terms: Terms, abs_value: bool = False) -> bool:
    """A count under `min_cell` (for a difference: between -min_cell and min_cell, excluded); an
    amount whose count of contributors is. A large difference needs no check: pinned, it says at
    least `min_cell` households changed; imprecise, even less."""
    if is_amount(cell):
        cell = (AMOUNT_INDICATORS[cell[0]], cell[1])
    value = system.value(terms, cell)
    return (abs(value) if abs_value else value) < system.min_cell


def needed(system: System, target: Target) -> float:
    if is_amount(target.cell):
        return max(MIN_AMOUNT_RANGE, AMOUNT_SHARE * abs(target.true))
    return float(system.min_cell)


def passes(system: System, target: Target, low: float, high: float) -> bool:
    """Wide enough; and for what arrived between two versions (a revision), zero among the
    possible values: a range from 1 up would tell that some late household is in the cell."""
    if target.kind == "revision" and not low <= 1e-9 <= high + 2e-9:
        return False
    return high - low >= needed(system, target) - 1e-9


@dataclass
class ComponentModel:
    model: solver.Model
    index: dict[tuple[CellKey, Atom], int]


def build_model(system: System, component: Collection[CellKey]) -> ComponentModel:
    """The reader's integer program for one group of linked cells."""
    atoms = sorted({atom for held in system.releases for atom in held.atoms()})
    cells = sorted(c for c in component if c not in system.structural)
    index = {(cell, atom): i for i, (cell, atom) in enumerate(itertools.product(cells, atoms))}
    model = solver.Model(len(index), integer=not any(is_amount(c) for c in cells))
    relations = [r for r in system.relations if any(c in component for c in r.cells)]
    for atom in atoms:
        for relation in relations:
            row: dict[int, float] = {}
            for cell, coefficient in relation.terms:
                if (cell, atom) in index:
                    j = index[(cell, atom)]
                    row[j] = row.get(j, 0.0) + coefficient
            if not row:
                continue
            if relation.kind is RelationKind.EQUAL:
                model.add_equal(row, 0.0)
            else:  # sum >= 0
                model.add_at_most({j: -v for j, v in row.items()}, 0.0)
    for held in system.releases:
        held_atoms = held.atoms()
        terms = tuple((atom, 1) for atom in held_atoms)
        for cell in cells:
            if cell in held.hidden:
                continue
            model.add_equal(
                {index[(cell, atom)]: 1.0 for atom in held_atoms}, system.value(terms, cell)
            )
    return ComponentModel(model, index)


def evaluate(system: System, built: ComponentModel, target: Target) -> Finding:
    """The target's range; when one bound already shows it is wide enough, the other is not
    computed (reported as the true value)."""
    objective: dict[int, float] = {}
    for atom, coefficient in target.terms:
        j = built.index[(target.cell, atom)]
        objective[j] = objective.get(j, 0.0) + coefficient
    need = needed(system, target)
    high = solver.optimum(built.model, objective, maximise=True)
    if high - target.true >= need - 1e-9 and target.kind != "revision":
        return Finding(target, target.true, high)
    low = solver.optimum(built.model, objective, maximise=False)
    return Finding(target, low, high)


def check(system: System, component: Collection[CellKey], target: Target) -> Finding:
    """`settled` when it applies, else the program (a model built for this one target)."""
    quick = settled(system, target)
    if quick is not None:
        return quick
    return evaluate(system, build_model(system, component), target)


def exact(system: System, built: ComponentModel, target: Target) -> Finding:
    objective: dict[int, float] = {}
    for atom, coefficient in target.terms:
        j = built.index[(target.cell, atom)]
        objective[j] = objective.get(j, 0.0) + coefficient
    return Finding(target, *solver.bounds(built.model, objective))


def settled(system: System, target: Target) -> Finding | None:
    """The difference of two releases needs no program when one of them shows the cell: if both
    do, the difference is known exactly; if one does, its range is that of the other release's
    hidden cell, itself a target."""
    if not target.sides:
        return None
    by_key = {held.key: held for held in system.releases}
    shown = [target.cell not in by_key[key].hidden for key in target.sides]
    if not any(shown):
        return None
    if all(shown):
        return Finding(target, target.true, target.true)
    if target.kind == "revision":
        return None  # zero must be possible too: the program says
    return Finding(target, -math.inf, math.inf)


def audit(system: System, chosen: Iterable[Target] | None = None) -> list[Finding]:
    """The targets that fail, with their ranges (empty: everything is protected)."""
    wanted = list(targets(system) if chosen is None else chosen)
    failing = []
    by_component: dict[frozenset[CellKey], list[Target]] = {}
    for target in wanted:
        quick = settled(system, target)
        if quick is not None:
            if not passes(system, target, quick.low, quick.high):
                failing.append(quick)
            continue
        by_component.setdefault(system.component_of(target.cell), []).append(target)
    for component, members in by_component.items():
        built = build_model(system, component)
        for target in members:
            finding = evaluate(system, built, target)
            if not passes(system, target, finding.low, finding.high):
                failing.append(finding)
    return failing


def narrowest(system: System, held: Held) -> tuple[float | None, float | None]:
    """Exact narrowest range of the hidden counts and amounts of one release, given all."""
    terms = tuple((atom, 1) for atom in held.atoms())
    widths: dict[bool, list[float]] = {True: [], False: []}
    hidden = sorted(held.hidden - system.structural)
    by_component: dict[frozenset[CellKey], list[CellKey]] = {}
    for cell in hidden:
        by_component.setdefault(system.component_of(cell), []).append(cell)
    for component, cells in by_component.items():
        built = build_model(system, component)
        for cell in cells:
            target = Target("hidden", cell, terms, system.value(terms, cell), held.label)
            widths[is_amount(cell)].append(exact(system, built, target).width)
    counts, amounts = widths[False], widths[True]
    return (min(counts) if counts else None, min(amounts) if amounts else None)


def width_text(value: float | None) -> float | str | None:
    if value is not None and math.isinf(value):
        return "unbounded"
    return value
