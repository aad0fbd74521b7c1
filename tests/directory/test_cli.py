"""`allervers directory ...` and `allervers places ...` on a real workspace, in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allervers.cli.main import run
from allervers.services.directory import Directory
from allervers.services.directory_data import synthetic_directory
from allervers.services.directory_writer import write_directory
from allervers.services.paths import AppPaths
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, PASSPHRASE, file_hashes


@pytest.fixture
def cli(
    created: CreatedWorkspace,
    paths: AppPaths,
    service: WorkspaceService,
    workspace_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    created.workspace.lock()
    monkeypatch.setenv("ALLERVERS_PASSPHRASE", PASSPHRASE)

    def call(*argv: str | Path) -> tuple[int, str, str]:
        args = [str(a) for a in argv] + ["--workspace", str(workspace_path), "--user", COORDINATOR]
        code = run(args, paths, service)
        out, err = capsys.readouterr()
        assert isinstance(code, int)
        return code, out, err

    return call


def test_import_add_list_search(cli, directory_files) -> None:
    structures, services = directory_files["csv"]
    code, out, err = cli("directory", "import", structures, services, "--departement", "49")
    assert code == 0, err
    assert "Annuaire importé (département 49)" in out
    assert "hors du territoire" in out and "Services : " in out and "ajouté(s)" in out
    code, out, err = cli(
        "directory",
        "add",
        "--name",
        "Permanence numérique de la mairie",
        "--commune",
        "49092",
        "--address",
        "1 place de la Mairie",
        "--phone",
        "+33199001010",
        "--hours",
        "Sa 10:00-12:00",
        "--theme",
        "numerique--acceder-a-des-services-en-ligne",
        "--zone",
        "49092",
    )
    assert code == 0, err and "Fiche locale ajoutée" in out
    code, out, err = cli("directory", "list")
    assert "Permanence numérique de la mairie" in out and "Chemillé-en-Anjou" in out
    code, out, err = cli("directory", "search", "Mauges")
    assert code == 0 and "Espace numérique des Mauges" in out


def test_a_bad_file_exits_1_in_french_without_traceback_and_changes_nothing(
    cli, tmp_path: Path, workspace_path: Path
) -> None:
    bad = tmp_path / "services.json"
    bad.write_text(
        json.dumps(
            [
                {
                    "source": "dora",
                    "structure_id": "s",
                    "id": "dora--9",
                    "nom": "Aide",
                    "description": "Une aide.",
                    "date_maj": "2025-02-30",
                }
            ]
        ),
        encoding="utf-8",
    )
    before = file_hashes(workspace_path)
    code, out, err = cli("directory", "import", bad)
    assert code == 1
    assert file_hashes(workspace_path) == before  # read before unlocking: no audit entry either
    assert err.startswith(
        "allervers : Annuaire refusé : services.json, fiche 1 (dora--9) : date_maj"
    )
    assert "Traceback" not in err and out == ""


def test_a_bad_local_entry_is_refused_in_french(cli) -> None:
    code, _out, err = cli("directory", "add", "--name", "Aide", "--theme", "pas-un-theme")
    assert code == 1
    assert "Fiche refusée : thematiques.0 : valeur inconnue du schéma data·inclusion" in err


def test_places_set_and_list_are_office_entries_of_the_directory(
    cli, created, service, workspace_path
) -> None:
    code, out, _ = cli(
        "places",
        "set",
        "caf",
        "--name",
        "CAF de Maine-et-Loire",
        "--address",
        "32 rue Louis Gain, Angers",
        "--phone",
        "32 30",
        "--hours",
        "lun.-ven.",
    )
    assert code == 0 and "Adresse enregistrée pour" in out
    code, out, _ = cli("places", "list")
    assert out.splitlines() == [
        "caf\tCAF de Maine-et-Loire\t32 rue Louis Gain, Angers\t32 30\tlun.-ven."
    ]
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    try:
        entries = Directory(workspace).local_entries()
        assert [(e.office.value if e.office else None, e.name) for e in entries] == [
            ("caf", "CAF de Maine-et-Loire")
        ]
    finally:
        workspace.lock()


@pytest.mark.slow
def test_a_national_file_of_90000_services_filtered_to_one_departement(cli, tmp_path: Path) -> None:
    national = synthetic_directory(90_000, seed=2026)
    structures, services = write_directory(national, tmp_path, "json")
    code, out, err = cli("directory", "import", structures, services, "--departement", "49")
    assert code == 0, err
    kept = [s for s in national.services if s["code_insee"].startswith("49")]
    lines = dict(line.split(" : ", 1) for line in out.splitlines() if " : " in line)
    added = int(lines["Services"].split(" ajouté")[0].replace("\u00a0", ""))
    assert len(kept) <= added < len(kept) + 1000  # + services of elsewhere whose zone names 49
    outside = int(
        out.split(" fiche(s) hors du territoire")[0].rsplit("\n", 1)[-1].replace("\u00a0", "")
    )
    assert outside > 120_000
