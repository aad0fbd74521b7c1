"""Rare combinations in microdata: a SUDA-style measure (Elliot, Manning and Ford, "A computational
algorithm for handling the special uniques problem", IJUFKS 2002; sdcMicro's `suda2`).

A row is at risk when some combination of at most `SUDA_MAX` of its published values (quasi-
identifiers and sensitive columns alike) is found in no other row of the file: a reader who knows
those few facts of a household (a benefit opened, an age band, a reason) singles its row out, and
reads the rest. SUDA calls the smallest such combinations minimal sample uniques; any unique
combination of at most `SUDA_MAX` values contains one, so counting rows with a unique combination
of that size counts the rows that have a minimal sample unique of that size.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence


def at_risk(
    rows: Sequence[Sequence[str]], size: int, wildcard: str = "*"
) -> dict[int, tuple[int, ...]]:
    """The rows unique on some combination of at most `size` columns, each with the smallest
    such combination found (column indices). A masked value (`wildcard`) matches any value, as
    sdcMicro counts missing values: a row is unique only if no other row could match it."""
    if not rows:
        return {}
    columns = [[row[c] for row in rows] for c in range(len(rows[0]))]
    risky: dict[int, tuple[int, ...]] = {}
    for n in range(1, size + 1):
        masks = list(itertools.product((False, True), repeat=n))
        for combination in itertools.combinations(range(len(columns)), n):
            keys = list(zip(*(columns[c] for c in combination), strict=True))
            counts = Counter(keys)
            for i, key in enumerate(keys):
                if i in risky or counts[key] > 1 or wildcard in key:
                    continue
                matches = sum(
                    counts.get(
                        tuple(wildcard if m else v for m, v in zip(mask, key, strict=True)), 0
                    )
                    for mask in masks
                )
                if matches == 1:
                    risky[i] = combination
    return risky
