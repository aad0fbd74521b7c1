"""verify-export: any change after signing is refused; the thresholds are recomputed."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from allervers.crypto import signing
from allervers.domain.export import (
    ExportExists,
    ExportReport,
    ExportTampered,
    ExportUnverifiable,
    KeySource,
)
from allervers.export import build_export, verify_export
from allervers.export.package import (
    INDICATORS,
    MANIFEST,
    MICRODATA,
    PUBLIC_KEY,
    SIGNATURE,
    read_members,
    zip_bytes,
)
from tests.export.conftest import NOW
from tests.export.synthetic import export_input

REFUSED = (ExportTampered, ExportUnverifiable)


def _rewrite(path: Path, change: dict[str, bytes]) -> None:
    members = [(name, change.get(name, data)) for name, data in read_members(path.read_bytes())]
    path.write_bytes(zip_bytes(members))


def _resign(path: Path, key: bytes, change_csv: Callable[[bytes], bytes]) -> None:
    """Change indicators.csv and sign the result again with `key`, as a forger with a key would."""
    members = dict(read_members(path.read_bytes()))
    changed = change_csv(members[INDICATORS])
    manifest = json.loads(members[MANIFEST])
    manifest["files"][INDICATORS] = {
        "sha256": hashlib.sha256(changed).hexdigest(),
        "bytes": len(changed),
    }
    public = signing.public_key(key)
    manifest["signing_key"]["fingerprint"] = signing.fingerprint(public)
    forged = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
    _rewrite(
        path,
        {
            MANIFEST: forged,
            INDICATORS: changed,
            SIGNATURE: base64.b64encode(signing.sign(key, forged)) + b"\n",
            PUBLIC_KEY: signing.public_key_pem(public),
        },
    )


def _structure_offsets(data: bytes) -> list[int]:
    """Every byte of the zip's own headers (local headers, central directory, end record)."""
    offsets: list[int] = []
    end = data.rindex(b"PK\x05\x06")
    directory_size, directory_start = struct.unpack("<II", data[end + 12 : end + 20])
    offsets += range(directory_start, len(data))
    position = directory_start
    while position < directory_start + directory_size:
        name_length = struct.unpack("<H", data[position + 28 : position + 30])[0]
        local = struct.unpack("<I", data[position + 42 : position + 46])[0]
        local_name = struct.unpack("<H", data[local + 26 : local + 28])[0]
        offsets += range(local, local + 30 + local_name)
        position += 46 + name_length
    return offsets


def test_an_intact_export_verifies_with_its_key_and_says_which(
    built: ExportReport, signing_key: bytes
) -> None:
    public = signing.public_key(signing_key)
    given = verify_export(built.path, public)
    assert given.ok and given.key_source is KeySource.GIVEN
    assert given.fingerprint == signing.fingerprint(public) == built.summary.fingerprint
    embedded = verify_export(built.path)
    assert embedded.ok and embedded.key_source is KeySource.EMBEDDED
    names = [check.name for check in given.checks]
    assert names == [
        "signature",
        "hashes",
        "structure",
        "identity",
        "smallest_cell",
        "hidden_cells",
        "rows",
        "generalisation",
        "k",
        "l",
    ]


def test_one_flipped_byte_anywhere_is_refused(built: ExportReport, tmp_path: Path) -> None:
    original = built.path.read_bytes()
    rng = random.Random(11)
    offsets = set(_structure_offsets(original))
    offsets |= set(rng.sample(range(len(original)), 400))
    target = tmp_path / "flipped.zip"
    for offset in sorted(offsets):
        damaged = bytearray(original)
        damaged[offset] ^= 0xFF
        target.write_bytes(bytes(damaged))
        with pytest.raises(REFUSED):
            verify_export(target)
    assert len(offsets) > 600


def test_one_changed_number_in_a_csv_is_refused(export_copy: Path) -> None:
    members = dict(read_members(export_copy.read_bytes()))
    lines = members[INDICATORS].decode("utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if line.endswith(tuple("0123456789")))
    value = lines[row].rsplit(",", 1)
    lines[row] = f"{value[0]},{int(value[1]) + 1}"
    _rewrite(export_copy, {INDICATORS: ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()})
    with pytest.raises(ExportTampered) as error:
        verify_export(export_copy)
    assert (error.value.file, error.value.reason) == (INDICATORS, "hash")


def test_a_manifest_re_signed_with_another_key_fails_with_the_territory_key(
    export_copy: Path, signing_key: bytes, other_key: bytes
) -> None:
    _resign(export_copy, other_key, lambda csv: csv.replace(b",s\r\n", b",3\r\n", 1))
    with pytest.raises(ExportTampered) as error:
        verify_export(export_copy, signing.public_key(signing_key))
    assert (error.value.file, error.value.reason) == (MANIFEST, "signature")
    # Without --key the forgery is self-consistent: only its fingerprint gives it away, and the
    # recomputed checks catch the hidden cell it revealed.
    report = verify_export(export_copy)
    assert report.key_source is KeySource.EMBEDDED
    assert report.fingerprint != signing.fingerprint(signing.public_key(signing_key))
    assert not report.ok


def test_a_key_swapped_inside_the_file_is_refused(
    export_copy: Path, signing_key: bytes, other_key: bytes
) -> None:
    _rewrite(export_copy, {PUBLIC_KEY: signing.public_key_pem(signing.public_key(other_key))})
    with pytest.raises(ExportTampered):
        verify_export(export_copy)
    with pytest.raises(ExportTampered) as error:
        verify_export(export_copy, signing.public_key(signing_key))
    assert error.value.file == PUBLIC_KEY


def test_an_added_or_removed_file_is_refused(export_copy: Path) -> None:
    members = read_members(export_copy.read_bytes())
    export_copy.write_bytes(zip_bytes([*members, ("notes.txt", b"Mme Dupont, 3 rue des Lilas")]))
    with pytest.raises(ExportTampered) as error:
        verify_export(export_copy)
    assert (error.value.file, error.value.reason) == ("notes.txt", "unexpected_file")
    export_copy.write_bytes(zip_bytes([m for m in members if m[0] != MICRODATA]))
    with pytest.raises(ExportTampered) as error:
        verify_export(export_copy)
    assert (error.value.file, error.value.reason) == (MICRODATA, "missing_file")


def test_files_that_are_not_exports_are_unverifiable(tmp_path: Path) -> None:
    missing = tmp_path / "missing.zip"
    with pytest.raises(ExportUnverifiable) as error:
        verify_export(missing)
    assert error.value.reason == "missing"
    text = tmp_path / "text.zip"
    text.write_text("bonjour")
    with pytest.raises(ExportUnverifiable) as error:
        verify_export(text)
    assert error.value.reason == "not_a_zip"
    other = tmp_path / "other.zip"
    other.write_bytes(zip_bytes([("readme.txt", b"hello")]))
    with pytest.raises(ExportUnverifiable) as error:
        verify_export(other)
    assert error.value.reason == "not_an_export"


def test_an_export_never_overwrites_a_file(tmp_path: Path, signing_key: bytes) -> None:
    target = tmp_path / "export.zip"
    target.write_bytes(b"previous export")
    with pytest.raises(ExportExists) as error:
        build_export(export_input(households=None), target, signing_key, NOW)
    assert error.value.path == target
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.zip"]


def test_same_input_gives_same_tables_but_new_row_ids(tmp_path: Path, signing_key: bytes) -> None:
    export = export_input(seed=4, households=200)
    first = build_export(export, tmp_path / "1.zip", signing_key, NOW)
    second = build_export(export, tmp_path / "2.zip", signing_key, NOW)
    a = dict(read_members(first.path.read_bytes()))
    b = dict(read_members(second.path.read_bytes()))
    assert a[INDICATORS] == b[INDICATORS]
    assert a[MICRODATA] != b[MICRODATA]
    assert verify_export(first.path).ok and verify_export(second.path).ok


@pytest.mark.slow
def test_every_single_byte_of_a_small_export_is_covered(tmp_path: Path, signing_key: bytes) -> None:
    built = build_export(export_input(households=None), tmp_path / "small.zip", signing_key, NOW)
    original = built.path.read_bytes()
    target = tmp_path / "flipped.zip"
    for offset in range(len(original)):
        damaged = bytearray(original)
        damaged[offset] ^= 0x01  # the smallest change: one bit
        target.write_bytes(bytes(damaged))
        with pytest.raises(REFUSED):
            verify_export(target)
