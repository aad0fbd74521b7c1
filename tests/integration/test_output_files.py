"""Every command that writes a file: never over an existing one without `--force`, never through
a symbolic link (even with `--force`), French messages, nothing changed when refused. Run
in-process (`allervers.cli.main.run`) on a workspace with the light Argon2id parameters."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from allervers.cli.main import run
from allervers.domain.errors import OutputRefused
from allervers.services.output_files import writing
from allervers.services.paths import AppPaths
from allervers.services.retention import person_export_paths
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, file_hashes
from tests.hostile import BASE_TEXTS

OLD = b"ancien contenu, a garder"
Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(
    paths: AppPaths,
    service: WorkspaceService,
    created: CreatedWorkspace,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Cli:
    created.workspace.lock()
    monkeypatch.setenv("ALLERVERS_USER", COORDINATOR)
    monkeypatch.setenv("ALLERVERS_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ALLERVERS_NEW_PASSPHRASE", OTHER_PASSPHRASE)

    def call(*argv: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = run([str(a) for a in argv], paths, service)
        out, err = capsys.readouterr()
        assert isinstance(code, int)
        return code, out, err

    return call


@pytest.fixture
def household(service: WorkspaceService, workspace_path: Path, tmp_path: Path) -> str:
    source = tmp_path / "foyer.jsonl"
    source.write_text(BASE_TEXTS[0].replace("\n", " ") + "\n", "utf-8")
    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    try:
        visits = VisitService(workspace)
        visits.import_file(source)
        return visits.list_visits()[0].household_id
    finally:
        workspace.lock()


def _commands(tmp_path: Path, household: str) -> dict[str, tuple[list[str | Path], Path]]:
    """Each writing command, and the file it writes."""
    out = tmp_path / "sortie"
    out.mkdir()
    folder = tmp_path / "dossier"
    folder.mkdir()
    person_file = person_export_paths(folder, household)[0]
    new = tmp_path / "nouvel-espace"
    return {
        "backup": (["backup", "--out", out / "s.avbak"], out / "s.avbak"),
        "sheet": (["sheet", "une-visite", "--out", out / "f.pdf"], out / "f.pdf"),
        "report": (["report", "--period", "2026", "--out", out / "r.pdf"], out / "r.pdf"),
        "export-key": (["export-key", "--out", out / "cle.pem"], out / "cle.pem"),
        "team invite": (
            ["team", "invite", "--volunteer", "Noé Valadier", "--out", out / "i.invite"],
            out / "i.invite",
        ),
        "team join": (
            ["team", "join", out / "absente.invite", "--workspace", new, "--out", out / "r"],
            out / "r",
        ),
        "sync out": (["sync", "out", "--to", out / "b.avsync"], out / "b.avsync"),
        "init": (
            ["init", "--workspace", new, "--territory", "T", "--recovery-sheet", out / "k.pdf"],
            out / "k.pdf",
        ),
        "person export": (["person", "export", household, "--out", folder], person_file),
    }


COMMANDS = [
    "backup",
    "sheet",
    "report",
    "export-key",
    "team invite",
    "team join",
    "sync out",
    "init",
    "person export",
]


@pytest.mark.parametrize("name", COMMANDS)
def test_an_existing_file_is_never_overwritten_without_force(
    cli: Cli, workspace_path: Path, household: str, tmp_path: Path, name: str
) -> None:
    argv, target = _commands(tmp_path, household)[name]
    target.write_bytes(OLD)
    before = file_hashes(workspace_path)
    code, _out, err = cli(*argv)
    assert code == 1, err
    assert err == (
        f"allervers : {target} existe déjà : rien n'a été écrasé. "
        "Ajoutez --force pour le remplacer.\n"
    )
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    assert file_hashes(workspace_path) == before  # no account added, no audit entry
    assert not (tmp_path / "nouvel-espace").exists()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_symbolic_link_is_never_written_through_even_with_force(
    cli: Cli, workspace_path: Path, household: str, tmp_path: Path, name: str
) -> None:
    argv, target = _commands(tmp_path, household)[name]
    elsewhere = tmp_path / "fichier-vise"
    elsewhere.write_bytes(OLD)
    target.symlink_to(elsewhere)
    before = file_hashes(workspace_path)
    code, _out, err = cli(*argv, "--force")
    assert code == 1, err
    assert "est un lien symbolique : rien n'a été écrit" in err, err
    assert elsewhere.read_bytes() == OLD and target.is_symlink()
    assert file_hashes(workspace_path) == before


@pytest.mark.parametrize("name", ["backup", "report", "export-key", "team invite", "init"])
def test_force_replaces_the_file_whole_and_owner_only(
    cli: Cli, household: str, tmp_path: Path, name: str
) -> None:
    argv, target = _commands(tmp_path, household)[name]
    target.write_bytes(OLD)
    os.chmod(target, 0o644)
    code, _out, err = cli(*argv, "--force")
    assert code == 0, err
    assert target.read_bytes() != OLD and target.stat().st_size > 100
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_person_export_with_force_replaces_both_files(
    cli: Cli, household: str, tmp_path: Path
) -> None:
    argv, _ = _commands(tmp_path, household)["person export"]
    json_path, pdf_path = person_export_paths(tmp_path / "dossier", household)
    json_path.write_bytes(OLD)
    code, _out, err = cli(*argv, "--force")
    assert code == 0, err
    assert json_path.read_bytes() != OLD and pdf_path.read_bytes().startswith(b"%PDF")


def test_a_file_planted_while_writing_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "sauvegarde.avbak"
    with pytest.raises(OutputRefused) as refused, writing(target) as temporary:
        temporary.write_bytes(b"nouveau")
        target.write_bytes(OLD)  # another program, meanwhile
    assert refused.value.reason == "exists"
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_link_planted_while_writing_is_neither_followed_nor_replaced(tmp_path: Path) -> None:
    target, elsewhere = tmp_path / "cle.pem", tmp_path / "autre"
    elsewhere.write_bytes(OLD)
    with pytest.raises(OutputRefused) as refused, writing(target, force=True) as temporary:
        temporary.write_bytes(b"nouveau")
        target.symlink_to(elsewhere)
    assert refused.value.reason == "symlink"
    assert elsewhere.read_bytes() == OLD and target.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autre", "cle.pem"]


def test_a_failed_writer_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    with pytest.raises(ZeroDivisionError), writing(target) as temporary:
        temporary.write_bytes(b"%PDF-1.4 moitie")
        raise ZeroDivisionError
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_file_to_write(cli: Cli, tmp_path: Path) -> None:
    code, _out, err = cli("export-key", "--out", tmp_path, "--force")
    assert code == 1
    assert err == f"allervers : {tmp_path} est un dossier : donnez le nom du fichier à écrire.\n"
