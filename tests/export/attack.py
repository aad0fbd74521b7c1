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
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
