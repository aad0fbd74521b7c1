"""merge-exports: each territory's key, no overlapping periods, no formula in the CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from allervers.crypto import signing
from allervers.domain.release import ExportWrongKey, MergeRefused
from allervers.export.merge import NATIONAL, SUMMARY, TERRITORIES, merge_exports, read_keys_file
from allervers.export.tables import from_csv
from allervers.messages import describe
from tests.export.test_verify import _release


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_two_territories_with_their_keys_and_no_formula(tmp_path: Path) -> None:
    a, b = signing.new_private_key(), signing.new_private_key()
    first = _write(tmp_path, "a.zip", _release(a, "49092", '=HYPERLINK("x")'))
    second = _write(tmp_path, "b.zip", _release(b, "23096", "Felletin"))
    keys = tmp_path / "cles.txt"
    keys.write_text(
        "# code clé\n"
        f"49092 {signing.public_key_base64(signing.public_key(a))}\n"
        f"23096 {signing.public_key_base64(signing.public_key(b))}\n"
    )
    report = merge_exports([first, second], tmp_path / "out", territory_keys=read_keys_file(keys))
    assert len(report.exports) == 2
    _header, rows = from_csv((tmp_path / "out" / TERRITORIES).read_bytes())
    assert rows[0][1] == '\'=HYPERLINK("x")'  # neutralised: a spreadsheet shows it as text
    assert (tmp_path / "out" / NATIONAL).stat().st_mode & 0o777 == 0o600
    reader = PdfReader(tmp_path / "out" / SUMMARY)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Synthèse nationale" in text and "Felletin" in text
    # The complémentaire santé has no amount by nature: said in words, never drawn as a bar of 0.
    assert "Sans montant par nature : Complémentaire santé." in text
    assert "0 € Complémentaire santé" not in text


def test_keys_are_needed_unless_unverified_and_a_wrong_key_is_named(tmp_path: Path) -> None:
    a = signing.new_private_key()
    path = _write(tmp_path, "a.zip", _release(a))
    with pytest.raises(MergeRefused) as refused:
        merge_exports([path], tmp_path / "out")
    assert refused.value.reason == "no_key" and "--unverified" in describe(refused.value)
    with pytest.raises(ExportWrongKey):
        merge_exports(
            [path], tmp_path / "out", public_keys=[signing.public_key(signing.new_private_key())]
        )
    assert not (tmp_path / "out").exists()
    assert merge_exports([path], tmp_path / "out", unverified=True).exports


def test_nested_or_repeated_periods_of_one_territory_are_refused(tmp_path: Path) -> None:
    a = signing.new_private_key()
    quarter = _write(tmp_path, "q.zip", _release(a, label="2026-Q3"))
    month = _write(tmp_path, "m.zip", _release(a, label="2026-08"))
    key = [signing.public_key(a)]
    for pair in ([quarter, month], [quarter, quarter]):
        with pytest.raises(MergeRefused) as refused:
            merge_exports(pair, tmp_path / "out", public_keys=key)
        assert refused.value.reason == "overlap"
        assert "chevauchent" in describe(refused.value)
    assert not (tmp_path / "out").exists()
