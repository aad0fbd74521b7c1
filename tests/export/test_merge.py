"""merge-exports: verified exports only, one per territory and period, national sums."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from allervers.crypto import signing
from allervers.domain.export import (
    AMOUNT_INDICATORS,
    ExportChecksFailed,
    ExportDuplicate,
    ExportExists,
    ExportInput,
    ExportTampered,
    IndicatorTable,
    KeySource,
)
from allervers.export import build_export, merge_exports
from allervers.export.merge import NATIONAL, SUMMARY, TERRITORIES
from allervers.export.package import INDICATORS, read_members, zip_bytes
from allervers.export.tables import from_csv
from tests.export.conftest import NOW
from tests.export.synthetic import export_input, indicator_rows
from tests.export.test_verify import _resign

TERRITORIES_USED = (("49092", "Chemillé-en-Anjou"), ("23096", "Felletin"), ("35238", "Rennes Sud"))


def _inputs(scale: int = 6000, even: bool = False) -> list[ExportInput]:
    result = []
    for seed, (code, name) in enumerate(TERRITORIES_USED):
        rows = IndicatorTable.from_rows(indicator_rows(random.Random(seed), scale, even))
        result.append(
            replace(export_input(seed=seed, households=300, code=code, name=name), indicators=rows)
        )
    return result


def _build(tmp_path: Path, inputs: list[ExportInput], keys: list[bytes]) -> list[Path]:
    paths = []
    for export, key in zip(inputs, keys, strict=True):
        path = tmp_path / f"{export.territory_code}.zip"
        build_export(export, path, key, NOW)
        paths.append(path)
    return paths


def _published(path: Path) -> dict[tuple[str, str], str]:
    _header, rows = from_csv(dict(read_members(path.read_bytes()))[INDICATORS])
    return {(row[3], row[4]): row[5] for row in rows}


@pytest.mark.parametrize("even", [True, False], ids=["large-cells", "some-hidden"])
def test_three_territories_add_up(tmp_path: Path, even: bool) -> None:
    keys = [signing.new_private_key() for _ in TERRITORIES_USED]
    inputs = _inputs(even=even)
    paths = _build(tmp_path, inputs, keys)
    out = tmp_path / "national"
    publics = [signing.public_key(k) for k in keys]
    report = merge_exports(paths, out, publics, now=NOW)
    assert [e.territory_code for e in report.exports] == [c for c, _ in TERRITORIES_USED]
    assert all(e.key_source is KeySource.GIVEN for e in report.exports)
    assert sorted(p.name for p in out.iterdir()) == sorted([NATIONAL, TERRITORIES, SUMMARY])

    header, rows = from_csv((out / NATIONAL).read_bytes())
    assert header == ["period", "indicator", "breakdown", "value", "territories"]
    national = {(r[1], r[2]): r[3] for r in rows}
    published = [_published(p) for p in paths]
    true = [e.indicators.values() for e in inputs]
    summed = 0
    for key, value in national.items():
        if all(p.get(key, "s") != "s" for p in published):
            expected = sum(round(t[key]) for t in true)
            if key[0] in AMOUNT_INDICATORS and key[1] == "total":
                expected = sum(
                    sum(round(v) for (i, b), v in t.items() if i == key[0] and b != "total")
                    for t in true
                )
            assert int(value) == expected, key
            summed += 1
        else:
            assert value == "s", key
    assert report.national_published == summed
    if even:  # every cell of every territory published: the national table is their exact sum
        assert report.national_suppressed == 0 and summed == len(national)
    else:
        assert 0 < report.national_suppressed < len(national)
    assert int(national[("doors_knocked", "total")]) == sum(
        t[("doors_knocked", "total")] for t in true
    )
    pdf = PdfReader(out / SUMMARY)
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Synthèse nationale" in text and "Felletin" in text


def test_duplicates_and_tampered_exports_stop_the_merge_before_writing(tmp_path: Path) -> None:
    key = signing.new_private_key()
    inputs = _inputs(scale=800)
    paths = _build(tmp_path, inputs, [key] * 3)
    again = tmp_path / "again.zip"
    build_export(inputs[1], again, key, NOW)
    out = tmp_path / "national"
    with pytest.raises(ExportDuplicate) as duplicate:
        merge_exports([*paths, again], out)
    assert (duplicate.value.territory_code, duplicate.value.period_label) == ("23096", "2026-Q3")
    assert (duplicate.value.first, duplicate.value.second) == (paths[1], again)
    assert not out.exists()

    members = read_members(paths[2].read_bytes())
    changed = [(n, d.replace(b"2026-Q3", b"2026-Q4") if n == INDICATORS else d) for n, d in members]
    paths[2].write_bytes(zip_bytes(changed))
    with pytest.raises(ExportTampered):
        merge_exports(paths, out)
    assert not out.exists()


def test_a_key_that_is_not_among_the_given_ones_is_refused(tmp_path: Path) -> None:
    keys = [signing.new_private_key() for _ in TERRITORIES_USED]
    paths = _build(tmp_path, _inputs(scale=500), keys)
    trusted = [signing.public_key(k) for k in keys[:2]]
    with pytest.raises(ExportTampered):
        merge_exports(paths, tmp_path / "out", trusted)
    assert not (tmp_path / "out").exists()


def test_an_export_that_misses_its_thresholds_is_refused(tmp_path: Path) -> None:
    # A territory whose (badly written) tool signed a table with a published 3.
    key = signing.new_private_key()
    path = _build(tmp_path, _inputs(scale=500)[:1], [key])[0]
    _resign(path, key, lambda csv: csv.replace(b",s\r\n", b",3\r\n", 1))
    with pytest.raises(ExportChecksFailed) as error:
        merge_exports([path], tmp_path / "out")
    assert "smallest_cell" in error.value.checks


def test_merge_never_overwrites(tmp_path: Path) -> None:
    key = signing.new_private_key()
    paths = _build(tmp_path, _inputs(scale=500), [key] * 3)
    out = tmp_path / "national"
    out.mkdir()
    (out / NATIONAL).write_text("earlier")
    with pytest.raises(ExportExists):
        merge_exports(paths, out)
    assert (out / NATIONAL).read_text() == "earlier"
    assert sorted(p.name for p in out.iterdir()) == [NATIONAL]
