"""verify-export: any change after signing is refused with a precise message, a file signed by
another key says so, and no crafted file makes it crash (hypothesis)."""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allervers.crypto import signing
from allervers.domain.export import MIN_CELL, ExportTampered, ExportUnverifiable, KeySource
from allervers.domain.release import ExportWrongKey
from allervers.export.build import build_table, sign
from allervers.export.package import MANIFEST, read_members, zip_bytes
from allervers.export.verify import verify_export
from allervers.messages import describe
from tests.export.months import year_of_months

REFUSED = (ExportTampered, ExportUnverifiable, ExportWrongKey)
NOW = dt.datetime(2026, 10, 2, 9, 30)


def _release(
    key: bytes, code: str = "49092", name: str = "Chemillé-en-Anjou", label: str = "2026-Q3"
) -> bytes:
    from allervers.domain.release import (
        RELEASE_ROWS,
        STRUCTURAL_ZEROS,
        TableRelease,
        release_period,
    )
    from allervers.export import release_plan
    from allervers.export.relations import RELEASE_RELATIONS

    tables = year_of_months(seed=2, scale=60)
    versions = dict.fromkeys(release_period(label).months(), 1)
    plan = release_plan.plan(
        tables, [], label, versions, RELEASE_ROWS, RELEASE_RELATIONS, STRUCTURAL_ZEROS, MIN_CELL
    )
    values = release_plan.period_values(tables, [(m, 1) for m in versions], RELEASE_ROWS)
    release = TableRelease(
        code,
        name,
        release_period(label),
        0,
        versions,
        {},
        values,
        plan.hidden,
        release_plan.figures(values, plan, RELEASE_ROWS, STRUCTURAL_ZEROS),
        "test",
        "176",
        MIN_CELL,
    )
    return build_table(release, key, NOW)[0]


@pytest.fixture(scope="module")
def original() -> tuple[bytes, bytes, bytes]:
    key, other = signing.new_private_key(), signing.new_private_key()
    return _release(key), key, other


def test_intact_release_verifies_and_says_which_key(original, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, key, _other = original
    path = tmp_path / "q3.zip"
    path.write_bytes(data)
    given = verify_export(path, signing.public_key(key))
    assert given.ok and given.key_source is KeySource.GIVEN
    assert verify_export(path).key_source is KeySource.EMBEDDED


def test_wrong_key_is_not_called_modified_and_an_added_file_is_named(
    original, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data, key, other = original
    path = tmp_path / "q3.zip"
    path.write_bytes(data)
    with pytest.raises(ExportWrongKey) as wrong:
        verify_export(path, signing.public_key(other))
    assert wrong.value.fingerprint == signing.fingerprint(signing.public_key(key))
    message = describe(wrong.value)
    assert "autre clé" in message and "modifié" not in message
    members = read_members(data)
    path.write_bytes(zip_bytes([*members, ("notes.txt", b"Mme Dupont")]))
    with pytest.raises(ExportTampered) as added:
        verify_export(path)
    assert (added.value.file, added.value.reason) == ("notes.txt", "unexpected_file")
    assert "fichier qu'Aller-Vers n'y met pas (notes.txt)" in describe(added.value)
    assert "modifié" not in describe(added.value)


def test_every_flipped_byte_is_refused(original, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = original[0]
    path = tmp_path / "f.zip"
    for offset in random.Random(3).sample(range(len(data)), 300):
        damaged = bytearray(data)
        damaged[offset] ^= 0x01
        path.write_bytes(bytes(damaged))
        with pytest.raises(REFUSED):
            verify_export(path)


def _zip(members: list[tuple[str, bytes]], compress: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for name, content in members:
            z.writestr(name, content)
    return out.getvalue()


@st.composite
def crafted(draw: st.DrawFn, data: bytes) -> bytes:
    members = read_members(data)
    kind = draw(st.sampled_from(["flip", "cut", "member", "bomb", "traversal", "manifest", "many"]))
    if kind == "flip":
        b = bytearray(data)
        for offset in draw(st.lists(st.integers(0, len(b) - 1), min_size=1, max_size=8)):
            b[offset] = draw(st.integers(0, 255))
        return bytes(b)
    if kind == "cut":
        return data[: draw(st.integers(0, len(data) - 1))]
    if kind == "member":
        name = draw(st.sampled_from([n for n, _ in members]))
        junk = draw(st.binary(max_size=200))
        return zip_bytes([(n, junk if n == name else c) for n, c in members])
    if kind == "bomb":
        return _zip([*members[:3], ("indicators.csv", b"0" * 5_000_000)], compress=True)
    if kind == "traversal":
        name = draw(st.sampled_from(["../../etc/passwd", "/abs", "a/b.csv", "..", "x\\y", "é.csv"]))
        return _zip([*members, (name, b"x")])
    if kind == "many":
        return _zip([(f"f{i}", b"") for i in range(draw(st.integers(17, 40)))])
    # A manifest crafted and signed by the forger's own key: integrity holds, content is hostile.
    key = signing.new_private_key()
    text = draw(
        st.sampled_from(
            [
                b"[]",
                b"{}",
                b"null",
                b'{"schema": "allervers-release/1", "kind": "table"}',
                b"[" * 5000,
                b'{"a":' * 3000,
            ]
        )
        | st.binary(max_size=300)
    )
    files = {
        n: c for n, c in members if n not in ("manifest.json", "manifest.sig", "public-key.pem")
    }
    return sign(key, text, files)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_no_crafted_file_makes_verify_crash(original, tmp_path: Path, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    content = data.draw(crafted(original[0]))
    path = tmp_path / "crafted.zip"
    path.write_bytes(content)
    try:
        report = verify_export(path)
    except REFUSED as error:
        assert describe(error)  # a French sentence, no traceback
    else:
        assert report.checks  # a file that passed integrity is reported on, never a crash


def test_structure_offsets_are_covered(original) -> None:  # type: ignore[no-untyped-def]
    data = original[0]
    end = data.rindex(b"PK\x05\x06")
    assert struct.unpack("<H", data[end + 10 : end + 12])[0] == len(read_members(data))
    assert read_members(data)[0][0] == MANIFEST
