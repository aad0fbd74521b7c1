"""The evaluators' commands, driven through argparse as `allervers` wires them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from allervers.cli import export_cli
from allervers.crypto import signing
from allervers.domain.export import ExportKeyInvalid, ExportReport, ExportTampered
from allervers.export.package import INDICATORS, read_members, zip_bytes
from tests.export.test_verify import _resign


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="allervers")
    commands = parser.add_subparsers(dest="command", parser_class=argparse.ArgumentParser)
    export_cli.add_parsers(commands, argparse.ArgumentParser)
    args = parser.parse_args(argv)
    handler = {
        "verify-export": export_cli.verify_export,
        "merge-exports": export_cli.merge_exports,
    }[args.command]
    return handler(args)


def test_verify_with_the_territory_key_exits_0(
    built: ExportReport, signing_key: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "territoire.pem"
    key.write_bytes(signing.public_key_pem(signing.public_key(signing_key)))
    assert _run(["verify-export", str(built.path), "--key", str(key)]) == 0
    out = capsys.readouterr().out
    assert "clé fournie (--key)" in out
    assert built.summary.fingerprint in out
    assert "k-anonymat (plus petite classe) : conforme" in out
    assert out.rstrip().endswith("Résultat : export intact, seuils respectés.")


def test_verify_without_key_says_to_compare_the_fingerprint(
    built: ExportReport, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(["verify-export", str(built.path)]) == 0
    out = capsys.readouterr().out
    assert "Comparez l'empreinte" in out and built.summary.fingerprint in out


def test_a_base64_key_works_too_and_a_bad_key_file_is_refused(
    built: ExportReport, signing_key: bytes, tmp_path: Path
) -> None:
    key = tmp_path / "key.txt"
    key.write_text(signing.public_key_base64(signing.public_key(signing_key)) + "\n")
    assert _run(["verify-export", str(built.path), "--key", str(key)]) == 0
    key.write_text("pas une clé")
    with pytest.raises(ExportKeyInvalid) as error:
        _run(["verify-export", str(built.path), "--key", str(key)])
    assert error.value.path == key
    with pytest.raises(ExportKeyInvalid):
        _run(["verify-export", str(built.path), "--key", str(tmp_path / "absent.pem")])


def test_a_changed_file_is_refused_and_a_broken_promise_exits_3(
    export_copy: Path, other_key: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    members = read_members(export_copy.read_bytes())
    changed = [(n, d + b"\r\n" if n == INDICATORS else d) for n, d in members]
    damaged = export_copy.with_name("damaged.zip")
    damaged.write_bytes(zip_bytes(changed))
    with pytest.raises(ExportTampered):  # `allervers` prints its message and exits 1
        _run(["verify-export", str(damaged)])
    _resign(export_copy, other_key, lambda csv: csv.replace(b",s\r\n", b",3\r\n", 1))
    assert _run(["verify-export", str(export_copy)]) == 3
    out = capsys.readouterr().out
    assert "Plus petite case publiée : NON CONFORME" in out
    assert "ÉCHEC" in out


def test_merge_command_writes_the_national_files(
    built: ExportReport, signing_key: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "k.pem"
    key.write_bytes(signing.public_key_pem(signing.public_key(signing_key)))
    out = tmp_path / "national"
    assert _run(["merge-exports", str(built.path), "--out", str(out), "--key", str(key)]) == 0
    printed = capsys.readouterr().out
    assert "1 export(s) vérifié(s)" in printed and "clé fournie" in printed
    assert (out / "national-indicators.csv").is_file()
