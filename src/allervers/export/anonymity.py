"""Pseudonymised microdata: k-anonymity and l-diversity by generalisation, then row suppression.

The privacy models are those of the reference practice (DOMAIN.md; G29 opinion 05/2014, section
3.2.2 and 3.2.3): every published row shares its quasi-identifiers (age band, household type,
housing status, quarter) with at least k-1 others (k-anonymity, counted in distinct households), and
every such equivalence class holds at least l distinct values of each sensitive column (distinct
l-diversity: a class where all rows say "RSA: flagged" would tell it of everyone in it).

Search, as ARX does it: every combination of generalisation levels (a few dozen) is tried; in each,
the classes that fail k or l are suppressed whole. The chosen combination is the one that loses the
least information (each quasi-identifier's level over its height, a suppressed row counting as
fully generalised) among those that suppress at most `max_row_suppression` of the rows; when none
does, the one that suppresses the fewest rows. Rows are aggregated by their finest quasi-identifiers
first, so each combination costs a few hundred set operations, not one per row.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import secrets
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from allervers.domain.export import (
    QUASI_IDENTIFIERS,
    SENSITIVE_FIELDS,
    ExportInputInvalid,
    ExportPeriod,
    Generalisation,
    MicrodataRow,
    MicrodataSummary,
    RightFollowUp,
    Thresholds,
    is_code,
    sensitive_columns,
)
from allervers.domain.rights import RightId
from allervers.export import hierarchies
from allervers.export.hierarchies import Hierarchy

ROW_ID = "row_id"
ROW_ID_HEX = 32  # HMAC-SHA256 truncated to 128 bits (RFC 2104, section 5, allows truncation)
NOT_FLAGGED = RightFollowUp(flagged=False)


@dataclass(slots=True)
class _Base:
    """The rows that share their finest quasi-identifiers."""

    rows: list[int] = field(default_factory=list)
    households: set[str] = field(default_factory=set)
    counts: list[Counter[str]] = field(default_factory=list)
    masks: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Anonymised:
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    summary: MicrodataSummary


def _sensitive_values(row: MicrodataRow) -> list[str]:
    values = []
    for right in RightId:
        follow = row.rights.get(right, NOT_FLAGGED)
        for name in SENSITIVE_FIELDS:
            if name == "flag":
                values.append("yes" if follow.flagged else "no")
                continue
            value = getattr(follow, name)
            if value is not None and not is_code(value):
                raise ExportInputInvalid(f"microdata.{right.value}_{name}", "not_a_code")
            values.append(value or "")
    return values


def _check_row(row: MicrodataRow, period: ExportPeriod) -> None:
    if not period.start <= row.visited_on <= period.end:
        raise ExportInputInvalid("microdata.visited_on", "outside_period")
    if row.age is not None and not 0 <= row.age <= 130:
        raise ExportInputInvalid("microdata.age", "out_of_range")


def anonymise(
    rows: Sequence[MicrodataRow], period: ExportPeriod, thresholds: Thresholds
) -> Anonymised:
    qi_hierarchies = (
        hierarchies.AGE,
        hierarchies.HOUSEHOLD,
        hierarchies.HOUSING,
        hierarchies.quarter_hierarchy(period.start, period.end),
    )
    columns = sensitive_columns()
    if len({row.visit_key for row in rows}) != len(rows):
        raise ExportInputInvalid("microdata.visit_key", "duplicate")
    finest: list[tuple[str, ...]] = []
    values: list[list[str]] = []
    for row in rows:
        _check_row(row, period)
        finest.append(
            (
                hierarchies.age_band(row.age),
                row.household_type.value,
                row.housing_status.value,
                hierarchies.quarter(row.visited_on),
            )
        )
        values.append(_sensitive_values(row))

    # A column with fewer than l values in the whole file can be l-diverse in no class: withheld.
    overall = [set(column) for column in zip(*values, strict=True)] if values else []
    kept = [i for i in range(len(columns)) if values and len(overall[i]) >= thresholds.l]
    withheld = tuple(columns[i] for i in range(len(columns)) if i not in kept)
    bit: list[dict[str, int]] = [{} for _ in columns]

    bases: dict[tuple[str, ...], _Base] = {}
    for r, key in enumerate(finest):
        base = bases.get(key)
        if base is None:
            base = bases[key] = _Base(counts=[Counter() for _ in kept], masks=[0] * len(kept))
        base.rows.append(r)
        base.households.add(rows[r].household_key)
        for j, i in enumerate(kept):
            value = values[r][i]
            base.counts[j][value] += 1
            base.masks[j] |= 1 << bit[i].setdefault(value, len(bit[i]))

    one_row_per_household = len({row.household_key for row in rows}) == len(rows)
    node = _choose(bases, qi_hierarchies, thresholds, len(rows), one_row_per_household)
    classes = _classes(bases, qi_hierarchies, node)
    published_classes = [
        c for c in classes.values() if _passes(c, thresholds, one_row_per_household)
    ]

    secret = secrets.token_bytes(32)  # drawn for this export, never written, forgotten on return
    header = (ROW_ID, *QUASI_IDENTIFIERS, *(columns[i] for i in kept))
    out_rows: list[tuple[str, ...]] = []
    for merged in published_classes:
        labels = merged.labels
        for r in merged.rows:
            row_id = hmac.new(secret, rows[r].visit_key.encode("utf-8"), hashlib.sha256)
            out_rows.append(
                (row_id.hexdigest()[:ROW_ID_HEX], *labels, *(values[r][i] for i in kept))
            )
    del secret
    out_rows.sort()  # the order of the file says nothing of the order of the visits

    sizes = sorted(len(c.rows) for c in published_classes)
    diversities = [min((m.bit_count() for m in c.masks), default=0) for c in published_classes]
    modal = [
        max(count.most_common(1)[0][1] for count in c.counts) / len(c.rows)
        for c in published_classes
        if c.counts
    ]
    summary = MicrodataSummary(
        rows_in=len(rows),
        rows_published=len(out_rows),
        rows_suppressed=len(rows) - len(out_rows),
        classes=len(published_classes),
        k=sizes[0] if sizes else None,
        k_households=min((c.household_count for c in published_classes), default=None),
        l=min(diversities) if diversities and kept else None,
        class_sizes=(sizes[0], int(statistics.median(sizes)), sizes[-1]) if sizes else (0, 0, 0),
        generalisations=tuple(
            Generalisation(h.name, level, h.height, h.labels(level))
            for h, level in zip(qi_hierarchies, node, strict=True)
        ),
        sensitive_columns=tuple(columns[i] for i in kept),
        withheld_columns=withheld,
        largest_modal_share=max(modal) if modal else None,
    )
    return Anonymised(header, out_rows, summary)


@dataclass(slots=True)
class _Class:
    labels: tuple[str, ...]
    rows: list[int] = field(default_factory=list)
    households: set[str] = field(default_factory=set)
    masks: list[int] = field(default_factory=list)
    counts: list[Counter[str]] = field(default_factory=list)
    household_count: int = 0


def _generalise(
    key: tuple[str, ...], qi: Sequence[Hierarchy], node: tuple[int, ...]
) -> tuple[str, ...]:
    return tuple(h.levels[level][value] for h, level, value in zip(qi, node, key, strict=True))


def _classes(
    bases: dict[tuple[str, ...], _Base], qi: Sequence[Hierarchy], node: tuple[int, ...]
) -> dict[tuple[str, ...], _Class]:
    classes: dict[tuple[str, ...], _Class] = {}
    for key, base in bases.items():
        labels = _generalise(key, qi, node)
        merged = classes.get(labels)
        if merged is None:
            merged = classes[labels] = _Class(
                labels, masks=[0] * len(base.masks), counts=[Counter() for _ in base.counts]
            )
        merged.rows.extend(base.rows)
        merged.households |= base.households
        for j, mask in enumerate(base.masks):
            merged.masks[j] |= mask
            merged.counts[j].update(base.counts[j])
    for merged in classes.values():
        merged.household_count = len(merged.households)
    return classes


def _passes(merged: _Class, thresholds: Thresholds, one_row_per_household: bool) -> bool:
    size = len(merged.rows) if one_row_per_household else merged.household_count
    if size < thresholds.k or len(merged.rows) < thresholds.k:
        return False
    return all(mask.bit_count() >= thresholds.l for mask in merged.masks)


def _choose(
    bases: dict[tuple[str, ...], _Base],
    qi: Sequence[Hierarchy],
    thresholds: Thresholds,
    total: int,
    one_row_per_household: bool,
) -> tuple[int, ...]:
    """The generalisation levels to publish (see the module's docstring)."""
    allowed = int(thresholds.max_row_suppression * total)
    within: list[tuple[float, int, tuple[int, ...]]] = []
    beyond: list[tuple[int, float, tuple[int, ...]]] = []
    for node in itertools.product(*(range(h.height + 1) for h in qi)):
        row_loss = sum(level / h.height for level, h in zip(node, qi, strict=True))
        sizes: dict[tuple[str, ...], int] = {}
        households: dict[tuple[str, ...], set[str]] = {}
        masks: dict[tuple[str, ...], list[int]] = {}
        for key, base in bases.items():
            labels = _generalise(key, qi, node)
            if labels not in sizes:
                sizes[labels] = len(base.rows)
                masks[labels] = list(base.masks)
                if not one_row_per_household:
                    households[labels] = set(base.households)
                continue
            sizes[labels] += len(base.rows)
            merged = masks[labels]
            for j, mask in enumerate(base.masks):
                merged[j] |= mask
            if not one_row_per_household:
                households[labels] |= base.households
        suppressed = 0
        for labels, size in sizes.items():
            distinct = size if one_row_per_household else len(households[labels])
            if (
                size < thresholds.k
                or distinct < thresholds.k
                or any(m.bit_count() < thresholds.l for m in masks[labels])
            ):
                suppressed += size
        loss = ((total - suppressed) * row_loss + suppressed * len(qi)) / max(1, total * len(qi))
        if suppressed <= allowed:
            within.append((loss, suppressed, node))
        else:
            beyond.append((suppressed, loss, node))
    if within:
        return min(within)[2]
    return min(beyond)[2]
