"""Hostile input through the real `allervers` command (subprocesses): refused in French with
exit code 1, no traceback, no personal datum on stderr, the workspace byte-identical. The 1,000
mutated files run in-process (test_hostile_import.py, tests/rights/test_hostile_assess.py);
these are the cases the issue names, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, file_hashes
from tests.hostile import BASES, PLANTED_NAME, PLANTED_PHONE, leaked
from tests.integration.cli import CLI_USER, Result, run_cli

AS_USER = {"ALLERVERS_USER": CLI_USER, "ALLERVERS_PASSPHRASE": PASSPHRASE}


def _lines(*visits: object) -> bytes:
    return b"".join(json.dumps(v, ensure_ascii=False).encode() + b"\n" for v in visits)


def _refused(result: Result) -> None:
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.err and 'File "' not in result.err, result.err
    assert leaked(result.err + result.out) == [], result.err


def test_hostile_import_files_are_refused_and_change_nothing(
    cli_workspace: tuple[Path, Path, str], tmp_path: Path
) -> None:
    home, ws, _ = cli_workspace
    crafted = tmp_path / "pirate-v1.json"
    crafted.write_text(
        json.dumps(
            {
                "id": "pirate",
                "version": 1,
                "title": {"fr": "x"},
                "sections": [
                    {
                        "id": "s",
                        "title": {"fr": "x"},
                        "questions": [{"id": "nir", "type": "text", "label": {"fr": "NIR"}}],
                    }
                ],
            }
        ),
        "utf-8",
    )
    pirate = {
        "format": "allervers-visit/1",
        "questionnaire": {"id": f"../../../../../../../..{tmp_path}/pirate", "version": 1},
        "visited_on": "2026-10-14",
        "answers": {"nir": "1 84 03 49 092 123 45", "contact_name": PLANTED_NAME},
    }
    old = json.loads(json.dumps(BASES[0])) | {"visited_on": "1900-01-01"}
    future = json.loads(json.dumps(BASES[0])) | {"visited_on": "9999-12-31"}
    named_key = json.loads(json.dumps(BASES[0]))
    named_key["answers"][PLANTED_NAME] = PLANTED_PHONE
    cases = {
        "pirate.jsonl": (
            _lines(BASES[3], pirate),
            "ligne 2 : questionnaire : questionnaire inconnu",
        ),
        "1900.jsonl": (_lines(old), "ligne 1 : visited_on : date de visite avant le 01/01/2000"),
        "9999.jsonl": (_lines(BASES[3], future), "ligne 2 : visited_on : date de visite après"),
        "utf8.jsonl": (_lines(BASES[3]) + b"\xff\xfe{}\n", "ligne 2 : texte illisible (encodage"),
        "cle.jsonl": (_lines(named_key), "ligne 1 : ? : question inconnue"),
    }
    before = file_hashes(ws)
    for name, (content, expected) in cases.items():
        source = tmp_path / name
        source.write_bytes(content)
        result = run_cli(home, "visits", "import", source, "--workspace", ws, **AS_USER)
        _refused(result)
        assert f"{source}, {expected}" in result.err, result.err
        assert "Aucune ligne n'a été prise en compte." in result.err
        assert file_hashes(ws) == before, name
    listed = run_cli(home, "visits", "list", "--workspace", ws, **AS_USER)
    assert listed.code == 0 and listed.out == ""


def test_options_before_the_command_import_into_that_workspace(
    cli_workspace: tuple[Path, Path, str], tmp_path: Path
) -> None:
    home, ws, _ = cli_workspace
    source = tmp_path / "porte.jsonl"
    source.write_bytes(_lines(BASES[3]))
    env = {"ALLERVERS_PASSPHRASE": PASSPHRASE}
    imported = run_cli(
        home, "--workspace", ws, "--user", CLI_USER, "visits", "import", source, **env
    )
    assert imported.code == 0, imported.err
    assert "1 visite(s) importée(s)." in imported.out
    assert not (home / "workspace").exists()  # the default workspace was never touched
    listed = run_cli(home, "--workspace", ws, "visits", "list", "--user", CLI_USER, **env)
    assert listed.code == 0 and listed.out.count("\n") == 1


def test_hostile_files_given_to_assess_are_refused_in_french(tmp_path: Path) -> None:
    home = tmp_path / "home"
    deep = tmp_path / "profond.json"
    deep.write_bytes(b"[" * 30_000 + b"]" * 30_000)
    huge = tmp_path / "enorme.json"
    huge.write_bytes(b'{"format": "' + b"A" * 100_000 + b'"}')
    broken = tmp_path / "casse.json"
    broken.write_bytes(json.dumps(BASES[0], indent=2, ensure_ascii=False).encode()[:300])
    old = tmp_path / "ancien.json"
    old.write_text(json.dumps(json.loads(json.dumps(BASES[2])) | {"visited_on": "2012-05-04"}))
    for path, expected in (
        (deep, "ligne 1 : trop de niveaux imbriqués (au plus 8)"),
        (huge, "ligne 1 : ligne trop longue (au plus 65536 octets)"),
        (broken, "ligne JSON illisible"),
        (old, "Mois hors de ce que calcule le moteur de droits (de mai 2016"),
    ):
        result = run_cli(home, "assess", path)
        _refused(result)
        assert expected in result.err, result.err
    month = run_cli(home, "assess", tmp_path / "casse.json", "--month", "2026-13")
    assert month.code == 1 and "Valeur impossible : mois (AAAA-MM)." in month.err


def test_an_unforeseen_error_in_the_real_command_shows_no_traceback_and_no_value(
    cli_workspace: tuple[Path, Path, str], tmp_path: Path
) -> None:
    """A fault injected at start-up (sitecustomize): the driver's error quotes a name."""
    home, ws, _ = cli_workspace
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import allervers.cli.main as main\n"
        "def check_workspace(*args, **kwargs):\n"
        f"    raise LookupError('households VALUES ({PLANTED_NAME!s}, {PLANTED_PHONE!s})')\n"
        "main.check_workspace = check_workspace\n",
        "utf-8",
    )
    result = run_cli(home, "check", "--workspace", ws, PYTHONPATH=str(hook), **AS_USER)
    _refused(result)
    assert result.err.startswith("allervers : erreur inattendue (LookupError), la commande")


@pytest.mark.parametrize("argv", [["--help"], ["visits", "import"]])
def test_the_real_command_speaks_french(tmp_path: Path, argv: list[str]) -> None:
    result = run_cli(tmp_path, *argv)
    text = result.out + result.err
    assert text.startswith("utilisation : allervers"), text
    # "usage:" is argparse's English; "usage interne" (the report's help) is French.
    assert "usage:" not in text and "arguments" in text
    assert result.code == (0 if argv == ["--help"] else 2)
