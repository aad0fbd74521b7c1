"""The doors' command line as a coordinator uses it: real processes, from a copy of the template
workspace (tests/integration/cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allervers.services import address_samples as samples
from tests.conftest import PASSPHRASE, file_hashes
from tests.integration.cli import CLI_USER as USER
from tests.integration.cli import Template, copy_workspace, run_cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"


@pytest.fixture
def ws(cli_template: Template, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the session's template workspace (tests/integration/cli.py): the real command
    in its own process, with the light Argon2id cost of the other command-line tests."""
    return tmp_path / "home", copy_workspace(cli_template, tmp_path / "ws")


def cli(ws: tuple[Path, Path], *args: str | Path):  # type: ignore[no-untyped-def]
    home, folder = ws
    return run_cli(
        home, *args, "--workspace", folder, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )


def test_import_rounds_doors_and_coverage(ws: tuple[Path, Path], tmp_path: Path) -> None:
    addresses = samples.departement_addresses(30_000)
    departement = samples.write_ban(tmp_path / "adresses-49.csv", addresses)
    three = ("49092", "49023", "49125")
    expected = sum(1 for a in addresses if a.address.commune_insee in three)
    first = cli(ws, "addresses", "import", departement, *[f"--commune={c}" for c in three])
    assert first.code == 0, first.err
    assert first.out.startswith(f"Adresses : {expected} ajoutée(s), 0 modifiée(s), 0 retirée(s)")
    again = cli(
        ws,
        "addresses",
        "import",
        departement,
        "--commune",
        "49092",
        "--commune",
        "49023",
        "--commune",
        "49125",
    )
    assert again.out.startswith(
        f"Adresses : 0 ajoutée(s), 0 modifiée(s), 0 retirée(s), {expected} inchangée(s)"
    )

    bourg = [a for a in addresses if a.address.commune_insee == "49092"]
    street = bourg[0].address.street
    on_street = sum(1 for a in bourg if a.address.street == street)
    made = cli(ws, "rounds", "create", "Bourg", "--commune", "49092", "--street", street)
    assert made.code == 0, made.err
    assert made.out.strip() == f"Tournée « Bourg » créée : {on_street} porte(s)."
    absent = cli(ws, "doors", "absent", street, "--round", "Bourg")
    assert absent.out.strip() == f"« Absent » enregistré pour {on_street} porte(s) de « {street} »."
    listed = [
        json.loads(line)
        for line in cli(ws, "doors", "list", "--round", "Bourg", "--json").out.splitlines()
    ]
    assert len(listed) == on_street
    assert {d["status"] for d in listed} == {"absent"} and {d["passes"] for d in listed} == {1}
    # Walking order: the odd side rising, then the even side coming back.
    numbers = [int(d["address"].split()[0]) for d in listed if d["address"][0].isdigit()]
    odd = [n for n in numbers if n % 2]
    assert numbers[: len(odd)] == sorted(odd)
    assert numbers[len(odd) :] == sorted((n for n in numbers if not n % 2), reverse=True)
    rounds = [json.loads(line) for line in cli(ws, "rounds", "list", "--json").out.splitlines()]
    assert [(r["name"], r["doors"], r["knocked"]) for r in rounds] == [
        ("Bourg", on_street, on_street)
    ]
    coverage = json.loads(cli(ws, "coverage", "--json").out)
    assert (coverage["doors"], coverage["knocked"], coverage["households_met"]) == (
        expected,
        on_street,
        0,
    )
    assert coverage["coverage"] == round(on_street / expected, 4)
    text = cli(ws, "coverage").out
    assert f"Portes du territoire : {expected}" in text


def test_a_malformed_address_file_is_refused_in_french_and_changes_nothing(
    ws: tuple[Path, Path], tmp_path: Path
) -> None:
    path = samples.write_bal(tmp_path / "bal.csv", samples.commune_addresses("49092", 30))
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[12] = lines[12].replace(";49092;", ";4909X;", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = file_hashes(ws[1])
    result = cli(ws, "addresses", "import", path)
    assert result.code == 1
    assert result.err.strip() == (
        f"allervers : {path}, ligne 13 : code INSEE impossible (commune_insee). "
        "Aucune adresse n'a été prise en compte."
    )
    assert "Traceback" not in result.err
    # The file is read before the workspace is unlocked: not even an audit entry is written.
    assert file_hashes(ws[1]) == before
    assert cli(ws, "doors", "list").out == ""
    skipped = cli(ws, "addresses", "import", path, "--skip-invalid")
    assert skipped.code == 0 and "Ligne 13 ignorée" in skipped.err
    unknown = cli(
        ws, "rounds", "create", "X", "--commune", "49092", "--street", "Rue de Nulle Part"
    )
    assert unknown.code == 1 and "Aucune porte « Rue de Nulle Part »" in unknown.err


def test_the_caseload_lists_households_met_only(ws: tuple[Path, Path], tmp_path: Path) -> None:
    """Issue 13: three doors found absent and two interviews are two households met."""
    absent = json.loads((EXAMPLES / "porte-absente.json").read_text("utf-8"))
    met = [
        json.loads((EXAMPLES / f"{n}.json").read_text("utf-8"))
        for n in ("couple-deux-enfants-salarie", "retraitee-proprietaire")
    ]
    lines = []
    for number in ("3", "5", "7"):
        door = json.loads(json.dumps(absent))
        door["answers"]["address_number"] = number
        lines.append(door)
    source = tmp_path / "visites.jsonl"
    source.write_text("\n".join(json.dumps(v) for v in [*lines, *met]) + "\n", encoding="utf-8")
    imported = cli(ws, "visits", "import", source)
    assert imported.code == 0, imported.err
    caseload = [json.loads(line) for line in cli(ws, "caseload", "--json").out.splitlines()]
    assert len(caseload) == 2
    assert len(cli(ws, "visits", "list").out.splitlines()) == 5  # the doors stay in the visits
