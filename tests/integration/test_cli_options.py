"""The command line's options and words, run in-process (`allervers.cli.main.run`, what the
`allervers` command runs) on workspaces with the light Argon2id parameters:

- `--workspace` and `--user` are honoured before or after the command, or refused clearly;
- argparse's own words (help, usage, errors) are French;
- an error nobody foresaw gives a French sentence with its type, exit code 1, no value.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from allervers.cli import main
from allervers.cli.main import LaunchGui, run
from allervers.cli.options import french
from allervers.cli.parser import build_parser
from allervers.services.paths import AppPaths
from allervers.services.visits import VisitService
from allervers.services.workspace import WorkspaceService
from tests.conftest import COORDINATOR, PASSPHRASE, TERRITORY
from tests.hostile import BASE_TEXTS, PLANTED_NAME, PLANTED_PHONE

ENGLISH = (
    "usage:",
    "positional arguments",
    "optional arguments",
    "show this help message",
    "show program's version",
    "error:",
    "the following arguments",
    "unrecognized arguments",
    "invalid choice",
    "invalid int value",
    "expected one argument",
)


@pytest.fixture
def elsewhere(service: WorkspaceService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace that is not the default one, and the passphrase in the environment."""
    path = tmp_path / "ailleurs"
    service.create(path, TERRITORY, COORDINATOR, PASSPHRASE).workspace.lock()
    monkeypatch.setenv("ALLERVERS_PASSPHRASE", PASSPHRASE)
    return path


@pytest.fixture
def visit_file(tmp_path: Path) -> Path:
    path = tmp_path / "visites.jsonl"
    path.write_text(BASE_TEXTS[3].replace("\n", " ") + "\n", "utf-8")  # porte-absente
    return path


def _visits(service: WorkspaceService, path: Path) -> int:
    workspace = service.unlock(path, COORDINATOR, PASSPHRASE)
    try:
        return len(VisitService(workspace).list_visits())
    finally:
        workspace.lock()


@pytest.mark.parametrize(
    "placement",
    [
        ["--workspace", "{ws}", "--user", COORDINATOR, "visits", "import", "{file}"],
        ["visits", "import", "{file}", "--workspace", "{ws}", "--user", COORDINATOR],
        ["--user", COORDINATOR, "visits", "import", "--workspace", "{ws}", "{file}"],
        ["--workspace", "{ws}", "visits", "import", "{file}", "--user", COORDINATOR],
        ["--workspace", "{ws}", "visits", "import", "{file}", "--workspace", "{ws}"],
    ],
)
def test_workspace_options_are_honoured_before_or_after_the_command(
    paths: AppPaths,
    service: WorkspaceService,
    elsewhere: Path,
    visit_file: Path,
    placement: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALLERVERS_USER", COORDINATOR)
    argv = [a.format(ws=elsewhere, file=visit_file) for a in placement]
    assert run(argv, paths, service) == 0
    assert _visits(service, elsewhere) == 1
    assert not paths.default_workspace.exists()


def test_the_window_opens_the_workspace_and_user_given(paths: AppPaths, tmp_path: Path) -> None:
    chosen = run(
        ["--workspace", str(tmp_path), "--user", "Noé"], paths, WorkspaceService(paths.state)
    )
    assert chosen == LaunchGui(tmp_path, "Noé")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--user", "X", "assess", "f.json"], "--user ne s'applique pas à « allervers assess »"),
        (["--workspace", "D", "assess", "f.json"], "--workspace ne s'applique pas à « allervers"),
        (["--user", "X", "demo", "--no-gui"], "--user ne s'applique pas à « allervers demo »"),
        (["--user", "X", "team", "join", "I", "--out", "R"], "« allervers team join »"),
        (["--workspace", "A", "check", "--workspace", "B"], "--workspace donné deux fois"),
        (["--user", "A", "check", "--user", "B"], "--user donné deux fois"),
        (["--workspace", "A", "verify-export", "x.zip"], "« allervers verify-export »"),
    ],
)
def test_a_workspace_option_a_command_cannot_use_is_refused(
    paths: AppPaths,
    service: WorkspaceService,
    argv: list[str],
    expected: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as refused:
        run(argv, paths, service)
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert expected in err, err
    assert "utilisation : allervers" in err
    assert not paths.default_workspace.exists()


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += _parsers(sub)
    return found


def test_every_help_is_in_french() -> None:
    with french():
        parsers = _parsers(build_parser())
        texts = {parser.prog: parser.format_help() for parser in parsers}
    assert len(texts) > 40  # every command and sub-command
    for prog, text in texts.items():
        assert text.startswith(f"utilisation : {prog}"), text
        assert "afficher cette aide et quitter" in text, prog
        for word in ENGLISH:
            assert word not in text, (prog, word)
    for parser in parsers:  # every value is named in French (argparse would use the dest)
        for action in parser._actions:
            if action.nargs != 0 and action.choices is None and action.dest != "help":
                assert action.metavar is not None, (parser.prog, action.dest)
            # ... and said in French: every option and argument has its help (issue 13).
            if not isinstance(action, argparse._SubParsersAction):
                assert action.help, (parser.prog, action.dest)
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # put back


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["visits"], "arguments obligatoires manquants : COMMANDE"),
        (["init"], "arguments obligatoires manquants : --territory"),
        (["check", "--passphrase", "x"], "arguments non reconnus : --passphrase x"),
        (["demo", "--households", "dix"], "valeur impossible (entier attendu) : 'dix'"),
        (["settings", "--idle-lock-minutes", "x"], "valeur impossible (nombre attendu) : 'x'"),
        (["report", "--format", "xml"], "choix impossible : 'xml' (au choix : 'pdf', 'json')"),
        (["frob"], "choix impossible : 'frob'"),
        (["backup", "--out"], "argument --out : une valeur attendue"),
    ],
)
def test_command_line_errors_are_in_french(
    paths: AppPaths,
    service: WorkspaceService,
    argv: list[str],
    expected: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as refused:
        run(argv, paths, service)
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert expected in err, err
    assert "allervers" in err and " : erreur : " in err
    for word in ENGLISH:
        assert word not in err, (word, err)


def test_help_and_version_exit_0_in_french(
    paths: AppPaths, service: WorkspaceService, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["--help"], ["visits", "import", "-h"]):
        with pytest.raises(SystemExit) as done:
            run(argv, paths, service)
        assert done.value.code == 0
        assert capsys.readouterr().out.startswith("utilisation : allervers")


@pytest.mark.parametrize(
    "error",
    [
        ValueError(f"{PLANTED_NAME} {PLANTED_PHONE}"),
        KeyError(PLANTED_NAME),
        OSError(f"{PLANTED_NAME}"),  # no file name: not a file the person gave
        RecursionError(),
    ],
)
def test_an_unforeseen_error_gives_a_french_sentence_with_its_type_and_no_value(
    paths: AppPaths,
    service: WorkspaceService,
    elsewhere: Path,
    error: Exception,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(main.VisitService, "list_visits", fail)
    code = run(
        ["visits", "list", "--workspace", str(elsewhere), "--user", COORDINATOR], paths, service
    )
    assert code == 1
    out, err = capsys.readouterr()
    assert err == (
        f"allervers : erreur inattendue ({type(error).__name__}), la commande s'est arrêtée. "
        "Ce qu'elle avait fini d'enregistrer est gardé ; le reste n'a pas été modifié. "
        "Signalez cette erreur avec son nom (entre parenthèses).\n"
    )
    assert PLANTED_NAME not in out + err and "Traceback" not in err


def test_a_file_that_cannot_be_read_is_named_in_french(
    paths: AppPaths,
    service: WorkspaceService,
    elsewhere: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["visits", "import", str(tmp_path / "absent.jsonl"), "--workspace", str(elsewhere)]
    assert run([*argv, "--user", COORDINATOR], paths, service) == 1
    err = capsys.readouterr().err
    assert err == (
        f"allervers : Erreur d'accès au fichier {tmp_path / 'absent.jsonl'} : "
        "fichier ou dossier introuvable.\n"
    )


def test_numbers_on_the_command_line_are_bounded(
    paths: AppPaths,
    service: WorkspaceService,
    elsewhere: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["demo", "--no-gui", "--households", "1000000"], paths, service) == 1
    assert "nombre de visites fictives (de 0 à 50 000)" in capsys.readouterr().err
    assert not paths.demo_workspace.exists()
    argv = ["sync", "in", str(tmp_path / "f.avsync"), "--keep-days", "100000"]
    assert run([*argv, "--workspace", str(elsewhere), "--user", COORDINATOR], paths, service) == 1
    assert "(de 0 à 365 jours)" in capsys.readouterr().err
