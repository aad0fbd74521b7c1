"""`allervers` with no command goes straight to the window, without the command line's parser
(whose imports would delay the unlock window): both ways must open the same workspace for the
same user."""

from __future__ import annotations

from pathlib import Path

import pytest

from allervers import app
from allervers.cli import main as cli
from allervers.services.paths import AppPaths
from allervers.services.workspace import WorkspaceService

WINDOW_COMMAND_LINES = [
    [],
    ["--workspace", "/data/ccas"],
    ["--workspace=/data/ccas"],
    ["--user", "Hortense Quillivic"],
    ["--user=Hortense Quillivic", "--workspace", "/data/ccas"],
    ["--workspace", "/a", "--workspace", "/b"],
]


@pytest.mark.parametrize("argv", WINDOW_COMMAND_LINES)
@pytest.mark.parametrize(
    "environ",
    [{}, {"ALLERVERS_WORKSPACE": "/env/espace", "ALLERVERS_USER": "Maëlle"}],
)
def test_fast_path_opens_what_the_command_line_opens(
    argv: list[str],
    environ: dict[str, str],
    paths: AppPaths,
    service: WorkspaceService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    request = app.window_request(argv)
    assert request is not None
    launch = cli.run(argv, paths, service)
    assert isinstance(launch, cli.LaunchGui)
    workspace = request.workspace or app._env_path(app.ENV_WORKSPACE) or paths.default_workspace
    user = request.user or (environ.get("ALLERVERS_USER"))
    assert (workspace, user) == (launch.workspace, launch.user)


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["--help"],
        ["check"],
        ["demo"],
        ["--workspace"],
        ["--workspace", "--user", "x"],
        ["--user", ""],
        ["--workspace", "/w", "visits", "list"],
        ["--self-test", "--workspace", "/w"],
    ],
)
def test_anything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert app.window_request(argv) is None


def test_environment_names_are_the_command_lines() -> None:
    assert (app.ENV_WORKSPACE, app.ENV_USER) == (cli.ENV_WORKSPACE, cli.ENV_USER)


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--user", "x"], True),
        (["demo"], True),
        (["demo", "--households", "5"], True),
        (["demo", "--no-gui"], False),
        (["check"], False),
        (["--version"], False),
    ],
)
def test_the_display_is_checked_before_work_that_ends_in_a_window(
    argv: list[str], window: bool
) -> None:
    assert app._opens_window(argv) is window


def test_env_path_ignores_an_empty_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLERVERS_WORKSPACE", "")
    assert app._env_path("ALLERVERS_WORKSPACE") is None
    monkeypatch.setenv("ALLERVERS_WORKSPACE", "/x")
    assert app._env_path("ALLERVERS_WORKSPACE") == Path("/x")
