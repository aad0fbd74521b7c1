"""Microdata: k-anonymity and l-diversity as stated, checked by pyCANON and by hand."""

from __future__ import annotations

import io
import json
import random
import re
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allervers.domain.export import (
    AMOUNT_INDICATORS,
    QUASI_IDENTIFIERS,
    ExportInputInvalid,
    ExportReport,
    ExportThresholdInvalid,
    HouseholdType,
    HousingStatus,
    MicrodataRow,
    RightFollowUp,
    Thresholds,
)
from allervers.domain.rights import RightId
from allervers.export import anonymity, build_export, hierarchies, verify_export
from allervers.export.package import INDICATORS, MANIFEST, MICRODATA, read_members
from tests.export.conftest import NOW
from tests.export.synthetic import Q3, export_input, microdata


def _frame(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")


def test_pycanon_finds_the_k_l_and_smallest_cell_the_manifest_states(built: ExportReport) -> None:
    # pyCANON pins exact versions of numpy, pandas and reportlab (numpy 2.0.2 has no Python 3.13
    # wheel): dev.py installs it with `pip install --no-deps pycanon`; its checks need only numpy
    # and pandas, which the test extras bring.
    import pycanon.anonymity as pycanon

    members = dict(read_members(built.path.read_bytes()))
    manifest = json.loads(members[MANIFEST])
    achieved = manifest["thresholds"]["achieved"]
    micro = _frame(members[MICRODATA])
    sensitive = manifest["microdata"]["sensitive_columns"]
    assert len(micro) == manifest["microdata"]["rows_published"] > 0
    assert pycanon.k_anonymity(micro, list(QUASI_IDENTIFIERS)) == achieved["k"] >= 11
    assert pycanon.l_diversity(micro, list(QUASI_IDENTIFIERS), sensitive) == achieved["l"] >= 2
    table = _frame(members[INDICATORS])
    counts = table[(table.value != "s") & ~table.indicator.isin(list(AMOUNT_INDICATORS))]
    assert counts.value.astype(int).min() == achieved["smallest_published_cell"] >= 11
    assert manifest["microdata"]["rows_suppressed"] == (
        manifest["microdata"]["rows_in"] - manifest["microdata"]["rows_published"]
    )


def test_microdata_hold_no_date_no_age_no_identifier(built: ExportReport) -> None:
    micro = _frame(dict(read_members(built.path.read_bytes()))[MICRODATA])
    text = micro.to_csv(index=False)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert "visit-" not in text and "household-" not in text
    assert set(micro.age_band) <= {
        "<25",
        "25-34",
        "35-44",
        "45-54",
        "55-64",
        "65-74",
        "75+",
        "25-44",
        "45-64",
        "65+",
        "<65",
        "unknown",
        "*",
    }
    assert micro.row_id.str.fullmatch(r"[0-9a-f]{32}").all()


def test_row_ids_change_with_every_export(tmp_path: Path, signing_key: bytes) -> None:
    export = export_input(seed=3, households=400)
    ids = []
    for name in ("a.zip", "b.zip"):
        build_export(export, tmp_path / name, signing_key, NOW)
        micro = _frame(dict(read_members((tmp_path / name).read_bytes()))[MICRODATA])
        ids.append(set(micro.row_id))
    assert ids[0] and ids[1] and not ids[0] & ids[1]


def test_k_below_five_and_l_below_two_are_refused(tmp_path: Path, signing_key: bytes) -> None:
    for thresholds in (Thresholds(k=4), Thresholds(l=1), Thresholds(min_cell=10)):
        with pytest.raises(ExportThresholdInvalid):
            build_export(export_input(thresholds=thresholds), tmp_path / "x.zip", signing_key, NOW)
    assert not (tmp_path / "x.zip").exists()


def test_free_text_never_reaches_the_export(tmp_path: Path, signing_key: bytes) -> None:
    export = export_input(households=50)
    assert export.microdata is not None
    row = replace(
        export.microdata[0],
        rights={RightId.RSA: RightFollowUp(True, reason="Mme Dupont ne veut pas")},
    )
    bad = replace(export, microdata=(row, *export.microdata[1:]))
    with pytest.raises(ExportInputInvalid) as error:
        build_export(bad, tmp_path / "x.zip", signing_key, NOW)
    assert error.value.field == "microdata.rsa_reason"
    outside = replace(export.microdata[0], visited_on=date(2026, 10, 1))
    with pytest.raises(ExportInputInvalid):
        build_export(replace(export, microdata=(outside,)), tmp_path / "x.zip", signing_key, NOW)


def test_a_column_with_a_single_value_is_withheld() -> None:
    rows = tuple(
        replace(row, rights={k: v for k, v in row.rights.items() if k is not RightId.ASPA})
        for row in microdata(random.Random(5), 300)
    )
    result = anonymity.anonymise(rows, Q3, Thresholds())
    assert "aspa_flag" in result.summary.withheld_columns
    assert "aspa_flag" not in result.header and "rsa_flag" in result.header


def _check(
    result: anonymity.Anonymised, rows: tuple[MicrodataRow, ...], k: int, diversity: int
) -> None:
    header = list(result.header)
    qi = [header.index(name) for name in QUASI_IDENTIFIERS]
    sensitive = range(1 + len(QUASI_IDENTIFIERS), len(header))
    classes: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for row in result.rows:
        classes[tuple(row[i] for i in qi)].append(row)
    for members in classes.values():
        assert len(members) >= k
        for column in sensitive:
            assert len({m[column] for m in members}) >= diversity
    summary = result.summary
    assert summary.rows_in == len(rows)
    assert summary.rows_published == len(result.rows)
    assert summary.rows_suppressed == len(rows) - len(result.rows)
    assert summary.classes == len(classes)
    if result.rows:
        assert summary.k == min(len(m) for m in classes.values())
        assert summary.k_households is not None and summary.k_households >= k
    else:
        assert summary.k is None


@st.composite
def visit_sets(draw: st.DrawFn) -> tuple[tuple[MicrodataRow, ...], int, int]:
    n = draw(st.integers(0, 250))
    households = draw(st.integers(1, max(1, n)))
    seed = draw(st.integers(0, 10_000))
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rights = {}
        for right in draw(st.sets(st.sampled_from(list(RightId)), max_size=3)):
            rights[right] = RightFollowUp(
                True,
                reason=rng.choice(("non_connaissance", "non_demande", None)),
                status=rng.choice(("referred", "opened", None)),
            )
        rows.append(
            MicrodataRow(
                visit_key=f"v{i}",
                household_key=f"h{rng.randrange(households)}",
                age=rng.choice((None, rng.randint(16, 104))),
                household_type=rng.choice(list(HouseholdType)),
                housing_status=rng.choice(list(HousingStatus)),
                visited_on=date(2026, rng.randint(7, 9), rng.randint(1, 28)),
                rights=rights,
            )
        )
    return tuple(rows), draw(st.integers(5, 15)), draw(st.integers(2, 3))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(visit_sets())
def test_random_visits_are_k_anonymous_and_l_diverse(
    case: tuple[tuple[MicrodataRow, ...], int, int],
) -> None:
    rows, k, diversity = case
    result = anonymity.anonymise(rows, Q3, Thresholds(k=k, l=diversity))
    _check(result, rows, k, diversity)
    # k counts distinct households: a household visited twice is one household in its class.
    # Classes are published or suppressed whole, so every input row whose generalised values
    # form a published class is in it.
    published = {row[1 : 1 + len(QUASI_IDENTIFIERS)] for row in result.rows}
    members: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in rows:
        members[_generalised(row, result)].add(row.household_key)
    for labels in published:
        assert len(members[labels]) >= k


def _generalised(row: MicrodataRow, result: anonymity.Anonymised) -> tuple[str, ...]:
    finest = (
        hierarchies.age_band(row.age),
        row.household_type.value,
        row.housing_status.value,
        hierarchies.quarter(row.visited_on),
    )
    qi = (
        hierarchies.AGE,
        hierarchies.HOUSEHOLD,
        hierarchies.HOUSING,
        hierarchies.quarter_hierarchy(Q3.start, Q3.end),
    )
    levels = [g.level for g in result.summary.generalisations]
    return tuple(h.levels[level][v] for h, level, v in zip(qi, levels, finest, strict=True))


def test_a_household_visited_twice_counts_once() -> None:
    rows = []
    for row in microdata(random.Random(9), 400):
        rows.append(row)
        rows.append(replace(row, visit_key=row.visit_key + "-again"))
    result = anonymity.anonymise(tuple(rows), Q3, Thresholds(k=11))
    assert result.summary.k_households is not None and result.summary.k_households >= 11
    assert result.summary.k is not None and result.summary.k >= 22


@pytest.mark.parametrize("households", [0, 3, 12])
def test_few_visits_are_suppressed_or_fully_generalised_and_still_verify(
    tmp_path: Path, signing_key: bytes, households: int
) -> None:
    report = build_export(export_input(households=households), tmp_path / "x.zip", signing_key, NOW)
    micro = report.summary.microdata
    assert micro is not None and micro.rows_in == households
    if households < 11:
        assert micro.rows_published == 0 and micro.k is None
    else:
        assert micro.k is not None and micro.k >= 11
    assert verify_export(report.path).ok
