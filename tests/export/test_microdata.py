"""Microdata, released apart: pyCANON (independent) finds the k, l and t the release states; the
SUDA-style count of rare combinations is reported before and after treatment, and none is left in
the file; nothing in the rows recounts a cell the table of the period hides."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pandas as pd
import pytest

from allervers.domain.export import QUASI_IDENTIFIERS, SUDA_MAX, K, L, T
from allervers.export.microdata import MASKED, Anonymised, anonymise
from tests.export.synthetic import Q3, microdata

HIDDEN_BY_THE_TABLE = frozenset(
    {
        ("probable_nonrecours", "aah"),
        ("probable_nonrecours_reason", "non_reception"),
        ("funnel", "opened"),
    }
)


def _frame(result: Anonymised) -> pd.DataFrame:
    return pd.DataFrame(result.rows, columns=list(result.header), dtype=str)


def _unique_rows(frame: pd.DataFrame) -> int:
    """Rows that no other row matches on some combination of at most SUDA_MAX published
    columns, "*" matching anything, counted from the published file: for each combination, a
    row's matches are the rows with its values or "*" in those columns."""
    columns = [c for c in frame.columns if c != "row_id"]
    alone = pd.Series(False, index=frame.index)
    for size in range(1, SUDA_MAX + 1):
        for chosen in itertools.combinations(columns, size):
            keys = list(frame[list(chosen)].itertuples(index=False, name=None))
            counts = Counter(keys)
            for i, key in enumerate(keys):
                if alone.iat[i] or MASKED in key:
                    continue
                matches = sum(
                    counts.get(
                        tuple(MASKED if star else v for star, v in zip(stars, key, strict=True)), 0
                    )
                    for stars in itertools.product((False, True), repeat=size)
                )
                alone.iat[i] = matches == 1
    return int(alone.sum())


@pytest.fixture(scope="module")
def released() -> tuple[Anonymised, pd.DataFrame]:
    rows = microdata(random.Random(2026), 1_500)
    result = anonymise(rows, Q3, HIDDEN_BY_THE_TABLE)
    return result, _frame(result)


def test_pycanon_finds_the_stated_k_l_and_t(released: tuple[Anonymised, pd.DataFrame]) -> None:
    # pyCANON pins numpy/pandas/reportlab versions that clash with ours: dev.py installs it with
    # --no-deps (its checks need only numpy and pandas).
    import pycanon.anonymity as pycanon

    result, frame = released
    summary = result.summary
    sensitive = list(summary.columns)
    qi = list(QUASI_IDENTIFIERS)
    assert sensitive and len(frame) == summary.rows_published > 0.9 * summary.rows_in
    assert pycanon.k_anonymity(frame, qi) == summary.k
    assert summary.k is not None and summary.k >= K
    assert pycanon.l_diversity(frame, qi, sensitive) == summary.l
    assert summary.l is not None and summary.l >= L
    # pyCANON's t-closeness for categories uses the equal ground distance, as the release does.
    assert summary.t is not None and summary.t <= T
    assert pycanon.t_closeness(frame, qi, sensitive) == pytest.approx(summary.t, abs=1e-6)


def test_rare_combinations_are_counted_before_and_none_is_left(
    released: tuple[Anonymised, pd.DataFrame],
) -> None:
    result, frame = released
    summary = result.summary
    # 1,500 households with an age, a household type, a housing and seven rights: many are alone
    # on two facts before treatment; none after.
    assert summary.uniques_before > 100
    assert summary.uniques_after == 0 == _unique_rows(frame)


def test_no_cell_the_table_hides_can_be_recounted(
    released: tuple[Anonymised, pd.DataFrame],
) -> None:
    result, frame = released
    # The right whose count the table hides has no column at all.
    assert not any(c.startswith("aah_") for c in frame.columns)
    assert "aah_*" in result.summary.withheld
    # One hidden reason alone masked would be the hidden cell (total minus the others): every
    # reason is masked together.
    reasons = {v for c in frame.columns if c.endswith("_reason") for v in frame[c]}
    assert reasons <= {"", MASKED}
    # The funnel step the table hides is merged into the step before it.
    stages = Counter(v for c in frame.columns if c.endswith("_stage") for v in frame[c])
    assert "opened" not in stages and stages["filed"] > 0
