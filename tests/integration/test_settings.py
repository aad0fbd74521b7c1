"""Workspace settings declared once (domain/settings.py): the dataclass, `workspace.json`, the
bounds check and `allervers settings` follow the declarations; an old `workspace.json` is upgraded
step by step and keeps its values; a newer one is refused in French and left as it is."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from allervers.cli.main import run
from allervers.domain.errors import PermissionDenied, WorkspaceTooNew
from allervers.domain.settings import SETTINGS, Who
from allervers.domain.users import Role
from allervers.domain.workspace import SETTING_LIMITS, WorkspaceSettings, out_of_range
from allervers.messages import describe
from allervers.services.paths import AppPaths
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.storage.metadata_file import FORMAT_VERSION
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, file_hashes
from tests.integration.cli import Result


@pytest.fixture
def cli(
    paths: AppPaths,
    service: WorkspaceService,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Callable[..., Result]:
    def call(*args: str | Path, **env: str) -> Result:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        code = run([str(a) for a in args], paths, service)
        assert isinstance(code, int)
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return call


@pytest.fixture
def closed(created: CreatedWorkspace) -> Iterator[Path]:
    created.workspace.close()
    yield created.workspace.path


def _json(path: Path) -> dict[str, object]:
    return dict(json.loads((path / "workspace.json").read_text()))


def test_the_settings_dataclass_is_exactly_the_declarations() -> None:
    fields = {f.name: f.default for f in dataclasses.fields(WorkspaceSettings)}
    assert fields.pop("language") == "fr"
    assert fields == {s.name: s.default for s in SETTINGS}
    assert {s.name: (s.low, s.high) for s in SETTINGS} == SETTING_LIMITS
    assert out_of_range(WorkspaceSettings()) == []  # every default within its bounds
    interview = next(s for s in SETTINGS if s.name == "interview_idle_minutes")
    assert (interview.default, interview.low, interview.high) == (15, 5, 60)
    assert interview.label == "Verrouillage pendant un entretien" and interview.unit == "minutes"
    assert interview.who is Who.COORDINATOR


def test_each_bound_is_checked_on_both_sides() -> None:
    for declared in SETTINGS:
        below = dataclasses.replace(WorkspaceSettings(), **{declared.name: declared.low - 1})
        above = dataclasses.replace(WorkspaceSettings(), **{declared.name: declared.high + 1})
        at_bounds = [
            dataclasses.replace(WorkspaceSettings(), **{declared.name: declared.kind(v)})
            for v in (declared.low, declared.high)
        ]
        assert out_of_range(below) == [declared.name] == out_of_range(above)
        assert all(out_of_range(s) == [] for s in at_bounds)


def test_the_command_line_lists_and_changes_every_declared_setting(
    cli: Callable[..., Result], closed: Path
) -> None:
    env = {"ALLERVERS_PASSPHRASE": PASSPHRASE}
    shown = cli("settings", "--workspace", closed, "--user", COORDINATOR, **env)
    assert shown.code == 0, shown.err
    for declared in SETTINGS:
        assert f"{declared.label} ({declared.unit}) : {declared.default:g}" in shown.out
    changed = cli(
        "settings", "--workspace", closed, "--user", COORDINATOR,
        "--interview-idle-minutes", "20", "--retention-months", "12", **env,
    )  # fmt: skip
    assert changed.code == 0, changed.err
    assert "Verrouillage pendant un entretien (minutes) : 20" in changed.out
    stored = _json(closed)["settings"]
    assert isinstance(stored, dict)
    assert stored["interview_idle_minutes"] == 20 and stored["retention_months"] == 12
    refused = cli(
        "settings", "--workspace", closed, "--user", COORDINATOR,
        "--interview-idle-minutes", "4", **env,
    )  # fmt: skip
    assert refused.code == 1
    assert "verrouillage pendant un entretien (de 5 à 60 minutes)" in refused.err
    assert "Traceback" not in refused.err
    assert _json(closed)["settings"] == stored  # the refused value was not written


def test_a_volunteer_changes_no_coordinator_setting(
    service: WorkspaceService, created: CreatedWorkspace
) -> None:
    created.workspace.add_user("Alice Marchand", Role.VOLUNTEER, OTHER_PASSPHRASE)
    path = created.workspace.path
    created.workspace.lock()
    volunteer = service.unlock(path, "Alice Marchand", OTHER_PASSPHRASE)
    try:
        for declared in SETTINGS:
            assert declared.who is Who.COORDINATOR  # see domain/settings.py, Who
            wanted = dataclasses.replace(volunteer.settings, **{declared.name: declared.high})
            with pytest.raises(PermissionDenied):
                volunteer.set_settings(wanted)
        with pytest.raises(PermissionDenied):
            volunteer.set_settings(volunteer.settings)
    finally:
        volunteer.lock()
    assert service.settings(path) == WorkspaceSettings()


def test_an_old_workspace_json_is_upgraded_step_by_step_and_keeps_its_values(
    service: WorkspaceService, closed: Path
) -> None:
    data = _json(closed)
    settings = data["settings"]
    assert isinstance(settings, dict)
    # A version-2 file, as an earlier Aller-Vers wrote it: no interview delay, its own values.
    del settings["interview_idle_minutes"]
    settings.update(idle_lock_minutes=7.5, retention_months=18, sync_grace_days=12)
    data["version"] = 2
    (closed / "workspace.json").write_text(json.dumps(data))
    read = service.settings(closed)
    assert read == WorkspaceSettings(idle_lock_minutes=7.5, retention_months=18, sync_grace_days=12)
    workspace = service.unlock(closed, COORDINATOR, PASSPHRASE)
    try:
        assert workspace.settings.retention_months == 18
        assert workspace.settings.interview_idle_minutes == 15  # the new setting's default
        workspace.set_settings(dataclasses.replace(workspace.settings, outcome_check_months=4))
    finally:
        workspace.lock()
    written = _json(closed)
    assert written["version"] == FORMAT_VERSION == 3
    assert written["settings"] == {
        "idle_lock_minutes": 7.5,
        "interview_idle_minutes": 15,
        "language": "fr",
        "outcome_check_months": 4,
        "retention_months": 18,
        "sync_grace_days": 12,
    }
    assert service.unlock(closed, COORDINATOR, PASSPHRASE).settings.sync_grace_days == 12


def test_a_version_1_file_goes_through_every_step(service: WorkspaceService, closed: Path) -> None:
    data = _json(closed)
    data["version"] = 1
    data.pop("audit_anchor", None)
    settings = data["settings"]
    assert isinstance(settings, dict)
    del settings["interview_idle_minutes"]
    settings["outcome_check_months"] = 6
    (closed / "workspace.json").write_text(json.dumps(data))
    read = service.settings(closed)
    assert read is not None
    assert read.outcome_check_months == 6 and read.interview_idle_minutes == 15


def test_a_workspace_json_from_a_newer_version_is_refused_in_french(
    service: WorkspaceService, cli: Callable[..., Result], closed: Path
) -> None:
    data = _json(closed)
    data["version"] = FORMAT_VERSION + 1
    (closed / "workspace.json").write_text(json.dumps(data))
    before = file_hashes(closed)
    with pytest.raises(WorkspaceTooNew) as refused:
        service.unlock(closed, COORDINATOR, PASSPHRASE)
    assert "version plus récente d'Aller-Vers" in describe(refused.value)
    assert service.settings(closed) is None  # the window falls back to its defaults
    listed = cli(
        "settings", "--workspace", closed, "--user", COORDINATOR, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert listed.code == 1
    assert "vient d'une version plus récente d'Aller-Vers : mettez le logiciel à jour" in listed.err
    assert "Traceback" not in listed.err
    assert file_hashes(closed) == before  # nothing rewritten (it would drop what it holds)
