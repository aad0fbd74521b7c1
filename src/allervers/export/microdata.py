"""Microdata, released apart: one row per household met in the period, protected with the table.

1. With the table of the period (and of its quarters): a sensitive value that would recount a
   cell the tables hide is left out: a right whose count is hidden loses its columns, a hidden
   reason becomes "*" with the other hidden reasons (their sum is what the table's margin already
   tells), a step of the funnel the table hides is merged into the step before.
2. Rare values (fewer than k rows in the file) are recoded to "*" (global recoding).
3. Quasi-identifiers are generalised and failing classes suppressed (k, l, t: `anonymity`).
4. A row alone in the file on a combination of at most 2 values (`suda`) has the rarest sensitive
   value of that combination masked ("*", local suppression), or is suppressed when the
   combination has none; classes are checked again. When more than 5% of the rows would go,
   reasons are withheld, then steps reduced to "flagged".
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from allervers.domain.export import (
    MAX_ROW_SUPPRESSION,
    QUASI_IDENTIFIERS,
    SUDA_MAX,
    CellKey,
    Generalisation,
    K,
    L,
    MicrodataRow,
    MicrodataSummary,
    T,
)
from allervers.domain.release import FUNNEL_STAGES, REASONS, RIGHTS, ReleasePeriod
from allervers.export import anonymity, hierarchies, suda
from allervers.export.anonymity import Policy

ROW_ID = "row_id"
ROW_ID_HEX = 32  # HMAC-SHA256 truncated to 128 bits (RFC 2104, section 5, allows truncation)
MASKED = "*"
POLICY = Policy(k=K, l=L, t=T, max_row_suppression=MAX_ROW_SUPPRESSION)


@dataclass(frozen=True, slots=True)
class Anonymised:
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    summary: MicrodataSummary


@dataclass(frozen=True, slots=True)
class Shape:
    """Which sensitive columns are published and how coarse."""

    rights: tuple[str, ...]
    reasons: bool
    steps: bool


def table_protection(hidden: frozenset[CellKey]) -> tuple[set[str], set[str], str, list[str]]:
    """(rights withheld, reasons masked, last step shown, what was left out and why)."""
    rights = {r for r in RIGHTS if ("probable_nonrecours", r) in hidden}
    reasons = {x for x in REASONS if ("probable_nonrecours_reason", x) in hidden}
    last = FUNNEL_STAGES[0]
    for stage in FUNNEL_STAGES[1:]:
        if ("funnel", stage) in hidden:
            break
        last = stage
    if len(reasons) == 1:  # one masked reason alone would be the table's hidden cell
        reasons = set(REASONS)
    left_out = [f"{r}_*" for r in sorted(rights)] + [f"reason={x}" for x in sorted(reasons)]
    left_out += [f"step={s}" for s in FUNNEL_STAGES[FUNNEL_STAGES.index(last) + 1 :]]
    return rights, reasons, last, left_out


def _values(row: MicrodataRow, shape: Shape, masked: set[str], last: str) -> list[str]:
    ladder = FUNNEL_STAGES[: FUNNEL_STAGES.index(last) + 1]
    out = []
    for right in shape.rights:
        stage = row.stages.get(right, "")
        if stage and stage not in ladder:
            stage = last
        if stage and not shape.steps:
            stage = FUNNEL_STAGES[0]
        out.append(stage)
        if shape.reasons:
            reason = row.reasons.get(right, "") if stage else ""
            out.append(MASKED if reason in masked else reason)
    return out


def _columns(shape: Shape) -> list[str]:
    names = []
    for right in shape.rights:
        names.append(f"{right}_stage")
        if shape.reasons:
            names.append(f"{right}_reason")
    return names


def _recode(values: list[list[str]], k: int) -> tuple[list[int], int]:
    """Rare values to "*"; columns that cannot be made common or diverse are dropped (their
    indices are returned with the number of values recoded)."""
    recoded = 0
    kept = []
    for c in range(len(values[0]) if values else 0):
        counts = Counter(v[c] for v in values)
        rare = {v for v, n in counts.items() if v and v != MASKED and n < k}
        while True:
            masked = sum(n for v, n in counts.items() if v in rare or v == MASKED)
            others = sorted(
                (n, v) for v, n in counts.items() if v and v != MASKED and v not in rare
            )
            if masked == 0 or masked >= k or not others:
                break
            rare.add(others[0][1])
        for row in values:
            if row[c] in rare:
                row[c] = MASKED
                recoded += 1
        final = Counter(v[c] for v in values)
        if len(final) >= L and all(n >= k for v, n in final.items() if v == MASKED):
            kept.append(c)
    return kept, recoded


def anonymise(
    rows: Sequence[MicrodataRow], period: ReleasePeriod, hidden: frozenset[CellKey]
) -> Anonymised:
    withheld_rights, masked, last, left_out = table_protection(hidden)
    qi = (
        hierarchies.AGE,
        hierarchies.HOUSEHOLD,
        hierarchies.HOUSING,
        hierarchies.quarter_hierarchy(period.start, period.end),
    )
    keys = [
        (
            hierarchies.age_band(r.age),
            r.household_type.value,
            r.housing_status.value,
            hierarchies.quarter(r.met_on),
        )
        for r in rows
    ]
    full = Shape(tuple(RIGHTS), True, True)
    raw = [
        (*key, *_values(r, full, set(), FUNNEL_STAGES[-1]))
        for key, r in zip(keys, rows, strict=True)
    ]
    before = len(suda.at_risk(raw, SUDA_MAX))
    rights = tuple(r for r in RIGHTS if r not in withheld_rights)
    for shape in (
        Shape(rights, True, True),
        Shape(rights, False, True),
        Shape(rights, False, False),
    ):
        result = _treat(rows, keys, qi, shape, masked, last)
        allowed = MAX_ROW_SUPPRESSION * len(rows)
        if len(rows) - len(result[1]) <= allowed or not shape.steps:
            break
    names, published, node, recoded = result
    if shape != Shape(rights, True, True):
        left_out.append("reasons" if shape.steps else "reasons, steps")
    return _write(rows, keys, qi, node, names, published, left_out, recoded, before)


def _treat(
    rows: Sequence[MicrodataRow],
    keys: Sequence[tuple[str, ...]],
    qi: Sequence[hierarchies.Hierarchy],
    shape: Shape,
    masked: set[str],
    last: str,
) -> tuple[list[str], dict[int, list[str]], tuple[int, ...], int]:
    names = _columns(shape)
    values = [_values(r, shape, masked, last) for r in rows]
    kept_columns, recoded = _recode(values, POLICY.k)
    names = [names[c] for c in kept_columns]
    values = [[row[c] for c in kept_columns] for row in values]
    if not rows:
        return names, {}, tuple(0 for _ in qi), recoded
    node = anonymity.choose(keys, values, qi, POLICY)
    current = anonymity.keep(keys, values, qi, node, range(len(rows)), POLICY)
    width = len(qi)
    for _ in range(50):
        labelled = [_labels(keys[r], qi, node) + tuple(values[r]) for r in current]
        risky = suda.at_risk(labelled, SUDA_MAX)
        if not risky:
            break
        counts = [Counter(values[r][c] for r in current) for c in range(len(names))]
        dropped = set()
        for i, combination in risky.items():
            row = values[current[i]]
            maskable = [
                c - width for c in combination if c >= width and row[c - width] not in ("", MASKED)
            ]
            if not maskable:
                dropped.add(current[i])
                continue
            column = min(maskable, key=lambda c: (counts[c][row[c]], c))
            row[column] = MASKED
        current = anonymity.keep(
            keys, values, qi, node, [r for r in current if r not in dropped], POLICY
        )
    return names, {r: values[r] for r in current}, node, recoded


def _labels(
    key: tuple[str, ...], qi: Sequence[hierarchies.Hierarchy], node: Sequence[int]
) -> tuple[str, ...]:
    return tuple(h.levels[level][v] for h, level, v in zip(qi, node, key, strict=True))


def _write(
    rows: Sequence[MicrodataRow],
    keys: Sequence[tuple[str, ...]],
    qi: Sequence[hierarchies.Hierarchy],
    node: tuple[int, ...],
    names: list[str],
    published: dict[int, list[str]],
    left_out: list[str],
    recoded: int,
    before: int,
) -> Anonymised:
    secret = secrets.token_bytes(32)  # drawn for this release, never written, forgotten on return
    out: list[tuple[str, ...]] = []
    for r, values in published.items():
        row_id = hmac.new(secret, rows[r].household_key.encode("utf-8"), hashlib.sha256)
        out.append((row_id.hexdigest()[:ROW_ID_HEX], *_labels(keys[r], qi, node), *values))
    del secret
    out.sort()  # the order of the file says nothing of the order of the visits
    order = sorted(published)
    sizes, l_value, t_value = anonymity.measures(
        [keys[r] for r in order], [published[r] for r in order], qi, node, range(len(order))
    )
    summary = MicrodataSummary(
        rows_in=len(rows),
        rows_published=len(out),
        rows_suppressed=len(rows) - len(out),
        classes=len(sizes),
        k=sizes[0] if sizes else None,
        l=l_value if names else None,
        t=t_value if names else None,
        class_sizes=(sizes[0], int(statistics.median(sizes)), sizes[-1]) if sizes else (0, 0, 0),
        generalisations=tuple(
            Generalisation(h.name, level, h.height, h.labels(level))
            for h, level in zip(qi, node, strict=True)
        ),
        columns=tuple(names),
        withheld=tuple(left_out),
        recoded=recoded,
        uniques_before=before,
        uniques_after=len(suda.at_risk([row[1:] for row in out], SUDA_MAX)),
    )
    return Anonymised((ROW_ID, *QUASI_IDENTIFIERS, *names), out, summary)
