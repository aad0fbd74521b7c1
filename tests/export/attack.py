"""An evaluator's attack on every release of a territory, written independently of
allervers.export: scipy's HiGHS integer programs (milp) over the month tables a reader cannot see.

What the reader knows, written out here from the definitions (docs/export-format.md):
- each release is the sum of the month tables it names (their versions are in its manifest);
- in each month table: every indicator's total is the sum of its breakdowns; the funnel's steps
  are nested (flagged >= referred >= filed >= opened); the three totals of flagged situations are
  one number; a household first met had an interview that month, and counts at least one person;
  a right first flagged that month was flagged at an interview of that month;
- the complémentaire santé solidaire has no amount (a structural zero); counts are whole numbers,
  nothing is negative;
- every row is in every release (a hidden row means nothing more than "hidden").

`attack` runs the evaluator's checks over a whole sequence of releases (tests/export/test_attack.py
for half a year, benchmarks/attack.py for a whole year with a revision).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

Cell = tuple[str, str]
Atom = tuple[str, int]
RIGHTS = ("rsa", "ppa", "aide_logement", "cheque_energie", "css", "aah", "aspa")
AMOUNT = "rights_opened_yearly_amount"
GROUPS = (
    {
        "doors_knocked",
        "households_met",
        "people_met",
        "probable_nonrecours",
        "probable_nonrecours_reason",
        "funnel",
    },
    {"referrals"},
    {"rights_opened"},
    {AMOUNT},
    {"outcome_checks"},
)


@dataclass(frozen=True)
class Release:
    label: str
    versions: Mapping[str, int]  # month -> version
    published: Mapping[Cell, float | None]


def _facts(cells: Sequence[Cell]) -> tuple[list[dict[Cell, float]], list[dict[Cell, float]]]:
    """(equalities: sum == 0, inequalities: sum <= 0) of one month table."""
    present = set(cells)
    equal: list[dict[Cell, float]] = []
    upper: list[dict[Cell, float]] = []
    for indicator in {i for i, _ in cells}:
        parts = [b for i, b in cells if i == indicator and b != "total"]
        if (indicator, "total") in present and parts:
            row: dict[Cell, float] = {(indicator, "total"): 1.0}
            row.update({(indicator, b): -1.0 for b in parts})
            equal.append(row)
    stages = ["flagged", "referred", "filed", "opened"]
    for big, small in itertools.pairwise(stages):
        if ("funnel", big) in present:
            upper.append({("funnel", small): 1.0, ("funnel", big): -1.0})
    twins = [("probable_nonrecours_reason", "total"), ("funnel", "flagged")]
    for twin in twins:
        if twin in present and ("probable_nonrecours", "total") in present:
            equal.append({("probable_nonrecours", "total"): 1.0, twin: -1.0})
    smaller = [("households_met", "total"), *(("probable_nonrecours", r) for r in RIGHTS)]
    for cell in smaller:
        if cell in present and ("doors_knocked", "interview") in present:
            upper.append({cell: 1.0, ("doors_knocked", "interview"): -1.0})
    if ("people_met", "total") in present and ("households_met", "total") in present:
        upper.append({("households_met", "total"): 1.0, ("people_met", "total"): -1.0})
    if (AMOUNT, "css") in present:
        equal.append({(AMOUNT, "css"): 1.0})
    return equal, upper


class Reader:
    """The integer program of one group of indicators over every month version."""

    def __init__(self, releases: Sequence[Release], group: set[str]) -> None:
        self.cells = sorted({c for r in releases for c in r.published if c[0] in group})
        self.atoms = sorted({(m, v) for r in releases for m, v in r.versions.items()})
        self.index = {
            (c, a): i for i, (c, a) in enumerate((c, a) for c in self.cells for a in self.atoms)
        }
        self.integer = AMOUNT not in group
        rows: list[dict[int, float]] = []
        low: list[float] = []
        high: list[float] = []
        equal, upper = _facts(self.cells)
        for atom in self.atoms:
            for fact, bound in [(f, 0.0) for f in equal] + [(f, -math.inf) for f in upper]:
                rows.append({self.index[(c, atom)]: k for c, k in fact.items()})
                low.append(bound)
                high.append(0.0)
        for release in releases:
            for cell in self.cells:
                value = release.published.get(cell)
                if value is not None:
                    rows.append(
                        {self.index[(cell, (m, v))]: 1.0 for m, v in release.versions.items()}
                    )
                    low.append(value)
                    high.append(value)
        r, c, d = [], [], []
        for i, row in enumerate(rows):
            for j, k in row.items():
                r.append(i)
                c.append(j)
                d.append(k)
        matrix = coo_array((d, (r, c)), shape=(len(rows), len(self.index))).tocsr()
        self.constraint = LinearConstraint(matrix, low, high)

    def range(self, cell: Cell, terms: Mapping[Atom, float]) -> tuple[float, float]:
        bounds = []
        for sign in (1.0, -1.0):
            cost = [0.0] * len(self.index)
            for atom, k in terms.items():
                cost[self.index[(cell, atom)]] = sign * k
            result = milp(
                cost,
                constraints=self.constraint,
                integrality=[1 if self.integer else 0] * len(self.index),
                bounds=Bounds(0, math.inf),
            )
            if result.status != 0 or result.fun is None:
                bounds.append(-math.inf if sign > 0 else math.inf)  # unbounded
            else:
                bounds.append(sign * result.fun)
        return bounds[0], bounds[1]


def readers(releases: Sequence[Release]) -> dict[str, Reader]:
    by_indicator = {}
    for group in GROUPS:
        reader = Reader(releases, group)
        for indicator in group:
            by_indicator[indicator] = reader
    return by_indicator


MIN_CELL = 11
Tables = Mapping[Atom, Any]  # (month, version) -> a month table with `.values`
Sequence_ = Sequence[tuple[str, Mapping[str, int], frozenset[Cell]]]


@dataclass
class Outcome:
    """What the evaluator got: every quantity tried, and those pinned too narrowly."""

    problems: list[tuple[Any, ...]] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    narrowest: dict[str, float] = field(default_factory=dict)

    def saw(self, kind: str, low: float, high: float) -> None:
        self.checked[kind] = self.checked.get(kind, 0) + 1
        self.narrowest[kind] = min(self.narrowest.get(kind, math.inf), high - low)


def _value(tables: Tables, terms: Mapping[Atom, float], cell: Cell) -> float:
    return sum(k * tables[atom].values[cell] for atom, k in terms.items())


def _needed(cell: Cell, true: float) -> float:
    if cell[0] == AMOUNT:
        return max(1.0, 0.1 * abs(true)) - 1e-6
    return MIN_CELL - 1e-6


def _parts(versions: Mapping[str, int]) -> list[dict[Atom, float]]:
    """The months inside a release of several months, and the quarters inside a year."""
    months = sorted(versions)
    if len(months) <= 1:
        return []
    groups = [[m] for m in months]
    if len(months) == 12:
        groups += [months[q : q + 3] for q in range(0, 12, 3)]
    return [{(m, versions[m]): 1.0 for m in group} for group in groups]


def attack(tables: Tables, sequence: Sequence_, rows: Sequence[Cell]) -> Outcome:
    """Every release of `sequence` (label, month versions, hidden cells), held together. Checks:
    each hidden cell's range is at least 11 wide (amounts: 10%, at least 1 EUR); each published
    count is at least 11 (structural zeros apart); each month or quarter inside a release whose
    count is under 11 keeps a range 11 wide; the difference of any two releases of nested
    periods, when under 11 in absolute value, is neither published twice nor pinned; what arrived
    between two versions of a month, when under 11, keeps a range 11 wide with 0 in it."""
    structural = {(AMOUNT, "css")}
    releases = [
        Release(
            label,
            versions,
            {
                c: None
                if c in hidden
                else _value(tables, {(m, v): 1.0 for m, v in versions.items()}, c)
                for c in rows
            },
        )
        for label, versions, hidden in sequence
    ]
    reader = readers(releases)
    out = Outcome()
    counts = [c for c in rows if c not in structural and c[0] != AMOUNT]
    for release in releases:
        whole = {(m, v): 1.0 for m, v in release.versions.items()}
        for cell, value in release.published.items():
            if cell in structural:
                continue
            if value is None:
                true = _value(tables, whole, cell)
                low, high = reader[cell[0]].range(cell, whole)
                out.saw("hidden", low, high)
                assert low - 1e-6 <= true <= high + 1e-6  # the reader's model is sound
                if high - low < _needed(cell, true):
                    out.problems.append(("hidden", release.label, cell, low, high))
            elif cell[0] != AMOUNT and value < MIN_CELL:
                out.problems.append(("published", release.label, cell, value))
        for terms in _parts(release.versions):
            for cell in counts:
                if _value(tables, terms, cell) < MIN_CELL:
                    low, high = reader[cell[0]].range(cell, terms)
                    out.saw("inside", low, high)
                    if high - low < MIN_CELL - 1e-6:
                        out.problems.append(("inside", release.label, terms, cell, low, high))
    for i, a in enumerate(releases):
        for b in releases[i + 1 :]:
            ma, mb = set(a.versions), set(b.versions)
            if not (ma <= mb or mb <= ma):
                continue
            terms: dict[Atom, float] = {}
            for m, v in b.versions.items():
                terms[(m, v)] = terms.get((m, v), 0.0) + 1.0
            for m, v in a.versions.items():
                terms[(m, v)] = terms.get((m, v), 0.0) - 1.0
            terms = {k: t for k, t in terms.items() if t}
            if not terms:
                continue
            kind = "revision" if ma == mb else "difference"
            for cell in counts:
                true = _value(tables, terms, cell)
                if abs(true) >= MIN_CELL:
                    continue
                if a.published[cell] is not None and b.published[cell] is not None:
                    out.problems.append((f"{kind} published", a.label, b.label, cell, true))
                    continue
                low, high = reader[cell[0]].range(cell, terms)
                out.saw(kind, low, high)
                zero_hidden = kind == "revision" and not low - 1e-6 <= 0 <= high + 1e-6
                if high - low < MIN_CELL - 1e-6 or zero_hidden:
                    out.problems.append((kind, a.label, b.label, cell, low, high))
    versions: dict[str, set[int]] = {}
    for release in releases:
        for m, v in release.versions.items():
            versions.setdefault(m, set()).add(v)
    for month, used in versions.items():
        for v1, v2 in itertools.combinations(sorted(used), 2):
            terms = {(month, v2): 1.0, (month, v1): -1.0}
            for cell in counts:
                if abs(_value(tables, terms, cell)) >= MIN_CELL:
                    continue
                low, high = reader[cell[0]].range(cell, terms)
                out.saw("late", low, high)
                if high - low < MIN_CELL - 1e-6 or not low - 1e-6 <= 0 <= high + 1e-6:
                    out.problems.append(("late", month, v1, v2, cell, low, high))
    return out
