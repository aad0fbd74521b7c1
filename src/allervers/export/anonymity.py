"""Pseudonymised microdata: k-anonymity, distinct l-diversity and t-closeness by generalisation,
then class suppression.

The privacy models (G29 opinion 05/2014, sections 3.2.2 and 3.2.3): every published row shares its
quasi-identifiers (age band, household type, housing status, quarter) with at least k-1 others
(one row per household, so k households); in every such class each sensitive column has at least
l distinct values, and its distribution is within t of the whole file's (t-closeness with the
equal ground distance: half the sum of the differences of the shares, the total variation
distance; Li, Li and Venkatasubramanian, ICDE 2007). Distinct l-diversity alone lets one value
fill 10 rows out of 11; t-closeness bounds what membership of a class adds to what the file says.

Search, as ARX does it: every combination of generalisation levels is tried; in each, the classes
that fail are suppressed whole. The chosen combination loses the least information (each
quasi-identifier's level over its height, a suppressed row counting as fully generalised) among
those that suppress at most `max_row_suppression` of the rows; when none does, the one that
suppresses the fewest rows.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from allervers.export.hierarchies import Hierarchy

Key = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Policy:
    k: int
    l: int  # noqa: E741  (the letter of l-diversity)
    t: float
    max_row_suppression: float


@dataclass(slots=True)
class Group:
    """Rows sharing their quasi-identifiers at some level, with their sensitive values' counts."""

    rows: list[int] = field(default_factory=list)
    counts: list[Counter[str]] = field(default_factory=list)


def distance(counts: Counter[str], size: int, overall: Mapping[str, float]) -> float:
    """Total variation distance between a class's distribution and the file's."""
    values = set(counts) | set(overall)
    return 0.5 * sum(abs(counts.get(v, 0) / size - overall.get(v, 0.0)) for v in values)


def shares(rows: Sequence[int], values: Sequence[Sequence[str]], column: int) -> dict[str, float]:
    counts = Counter(values[r][column] for r in rows)
    return {v: c / len(rows) for v, c in counts.items()} if rows else {}


def passes(group: Group, policy: Policy, overall: Sequence[Mapping[str, float]]) -> bool:
    size = len(group.rows)
    if size < policy.k:
        return False
    for counts, file_shares in zip(group.counts, overall, strict=True):
        if len(counts) < policy.l or distance(counts, size, file_shares) > policy.t + 1e-9:
            return False
    return True


def groups(
    keys: Sequence[Key],
    values: Sequence[Sequence[str]],
    qi: Sequence[Hierarchy],
    node: Sequence[int],
    rows: Sequence[int],
) -> dict[Key, Group]:
    columns = len(values[0]) if values else 0
    result: dict[Key, Group] = {}
    for r in rows:
        labels = tuple(h.levels[level][v] for h, level, v in zip(qi, node, keys[r], strict=True))
        group = result.get(labels)
        if group is None:
            group = result[labels] = Group(counts=[Counter() for _ in range(columns)])
        group.rows.append(r)
        for c in range(columns):
            group.counts[c][values[r][c]] += 1
    return result


def choose(
    keys: Sequence[Key],
    values: Sequence[Sequence[str]],
    qi: Sequence[Hierarchy],
    policy: Policy,
) -> tuple[int, ...]:
    """The generalisation levels to publish (see the module's docstring)."""
    everyone = list(range(len(keys)))
    overall = [shares(everyone, values, c) for c in range(len(values[0]) if values else 0)]
    allowed = int(policy.max_row_suppression * len(keys))
    within: list[tuple[float, int, tuple[int, ...]]] = []
    beyond: list[tuple[int, float, tuple[int, ...]]] = []
    for node in itertools.product(*(range(h.height + 1) for h in qi)):
        row_loss = sum(level / h.height for level, h in zip(node, qi, strict=True))
        suppressed = sum(
            len(g.rows)
            for g in groups(keys, values, qi, node, everyone).values()
            if not passes(g, policy, overall)
        )
        total = max(1, len(keys) * len(qi))
        loss = ((len(keys) - suppressed) * row_loss + suppressed * len(qi)) / total
        if suppressed <= allowed:
            within.append((loss, suppressed, node))
        else:
            beyond.append((suppressed, loss, node))
    if within:
        return min(within)[2]
    return min(beyond)[2]


def keep(
    keys: Sequence[Key],
    values: Sequence[Sequence[str]],
    qi: Sequence[Hierarchy],
    node: Sequence[int],
    rows: Sequence[int],
    policy: Policy,
) -> list[int]:
    """The rows of the classes that pass, the file's distribution being that of these rows: a
    class is dropped, the distribution moves, and the check runs again until nothing changes."""
    current = list(rows)
    while True:
        overall = [shares(current, values, c) for c in range(len(values[0]) if values else 0)]
        kept = [
            r
            for g in groups(keys, values, qi, node, current).values()
            if passes(g, policy, overall)
            for r in g.rows
        ]
        if len(kept) == len(current):
            return sorted(kept)
        current = kept


def measures(
    keys: Sequence[Key],
    values: Sequence[Sequence[str]],
    qi: Sequence[Hierarchy],
    node: Sequence[int],
    rows: Sequence[int],
) -> tuple[list[int], int | None, float | None]:
    """Class sizes, l and t of the published rows."""
    found = groups(keys, values, qi, node, rows)
    columns = len(values[0]) if values else 0
    overall = [shares(rows, values, c) for c in range(columns)]
    sizes = sorted(len(g.rows) for g in found.values())
    if not found or not columns:
        return sizes, None, None
    l_value = min(len(counts) for g in found.values() for counts in g.counts)
    t_value = max(
        distance(counts, len(g.rows), overall[c])
        for g in found.values()
        for c, counts in enumerate(g.counts)
    )
    return sizes, l_value, round(t_value, 6)
