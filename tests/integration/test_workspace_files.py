"""The files a workspace leaves on the machine: owner-only modes, a recovery key that can be
replaced, and a clear `workspace.json` whose values are refused when out of bounds."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from allervers.cli.main import run
from allervers.crypto import kdf
from allervers.domain.errors import MetadataOutOfBounds, PermissionDenied, WrongRecoveryKey
from allervers.domain.users import Role
from allervers.messages import describe
from allervers.services.paths import AppPaths
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE, TERRITORY, file_hashes
from tests.integration.cli import Result

RECOVERY = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\b")
THIRD_PASSPHRASE = "trois tortues traversent la route"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask of most desktops (files 0644): owner-only modes must come from the code."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def cli(
    paths: AppPaths,
    service: WorkspaceService,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Callable[..., Result]:
    """The command line's entry point, in this process (see tests/integration/test_check.py)."""

    def call(*args: str | Path, **env: str) -> Result:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        code = run([str(a) for a in args], paths, service)
        assert isinstance(code, int)
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return call


def test_recovery_sheet_backup_and_restored_workspace_are_owner_only(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    ws, sheet = tmp_path / "ws", tmp_path / "feuilles" / "secours.pdf"
    sheet.parent.mkdir()
    as_user = {"ALLERVERS_PASSPHRASE": PASSPHRASE}
    made = cli(
        "init", "--workspace", ws, "--territory", TERRITORY, "--user", COORDINATOR,
        "--recovery-sheet", sheet, **as_user,
    )  # fmt: skip
    assert made.code == 0, made.err
    assert sheet.read_bytes().startswith(b"%PDF") and mode(sheet) == 0o600
    assert [p.name for p in sheet.parent.iterdir()] == ["secours.pdf"]  # no temporary left
    assert mode(ws) == 0o700
    assert {p.name: mode(p) for p in ws.iterdir()} == {
        "workspace.avdb": 0o600,
        "workspace.json": 0o600,
    }

    backup = tmp_path / "sauvegardes" / "ws.avbak"
    saved = cli("backup", "--workspace", ws, "--user", COORDINATOR, "--out", backup, **as_user)
    assert saved.code == 0, saved.err
    assert mode(backup) == 0o600

    restored = tmp_path / "restaure"
    back = cli("restore", backup, "--workspace", restored, "--user", COORDINATOR, **as_user)
    assert back.code == 0, back.err
    assert mode(restored) == 0o700
    files = {p.name: mode(p) for p in restored.iterdir()}
    assert files.keys() >= {"workspace.avdb", "workspace.json"}
    assert set(files.values()) == {0o600}

    checked = cli("check", "--workspace", restored, "--user", COORDINATOR, **as_user)
    assert checked.code == 0, checked.out  # the backup's anchor is its copy's own


def test_the_coordinator_replaces_the_recovery_key_and_the_old_one_stops_working(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    old = created.recovery_key
    new = created.workspace.rotate_recovery_key()
    assert new != old
    created.workspace.close()
    with pytest.raises(WrongRecoveryKey):
        service.reset_with_recovery_key(workspace_path, old, COORDINATOR, OTHER_PASSPHRASE)
    reset = service.reset_with_recovery_key(workspace_path, new, COORDINATOR, OTHER_PASSPHRASE)
    reset.close()
    service.unlock(workspace_path, COORDINATOR, OTHER_PASSPHRASE).close()


def test_a_volunteer_cannot_replace_the_recovery_key(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path
) -> None:
    created.workspace.add_user("Noé Valadier", Role.VOLUNTEER, OTHER_PASSPHRASE)
    before = (workspace_path / "workspace.json").read_bytes()
    volunteer = service.unlock(workspace_path, "Noé Valadier", OTHER_PASSPHRASE)
    anchor_moved = (workspace_path / "workspace.json").read_bytes()
    with pytest.raises(PermissionDenied):
        volunteer.rotate_recovery_key()
    assert (workspace_path / "workspace.json").read_bytes() == anchor_moved != before
    volunteer.close()


def test_recovery_key_command_prints_the_new_key_once_and_retires_the_old(
    cli: Callable[..., Result], created: CreatedWorkspace, workspace_path: Path, tmp_path: Path
) -> None:
    created.workspace.close()
    ws = str(workspace_path)
    rotated = cli(
        "users", "recovery-key", "--workspace", ws, "--user", COORDINATOR,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )  # fmt: skip
    assert rotated.code == 0, rotated.err
    assert "l'ancienne n'ouvre plus rien" in rotated.out
    match = RECOVERY.search(rotated.out)
    assert match and match.group(1) != created.recovery_key
    reset = ["users", "passwd", "--recovery", "--workspace", ws, "--user", COORDINATOR]
    old = cli(
        *reset,
        ALLERVERS_RECOVERY_KEY=created.recovery_key,
        ALLERVERS_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert old.code == 1 and "Clé de secours incorrecte" in old.err
    new = cli(*reset, ALLERVERS_RECOVERY_KEY=match.group(1))
    assert new.code == 0, new.err

    sheet = tmp_path / "nouvelle.pdf"
    to_sheet = cli(
        "users", "recovery-key", "--workspace", ws, "--user", COORDINATOR,
        "--recovery-sheet", sheet, ALLERVERS_PASSPHRASE=OTHER_PASSPHRASE,
    )  # fmt: skip
    assert to_sheet.code == 0, to_sheet.err
    assert mode(sheet) == 0o600 and not RECOVERY.search(to_sheet.out)
    recovery_slot = json.loads((workspace_path / "workspace.json").read_text())["recovery"]
    again = cli(
        "users", "recovery-key", "--workspace", ws, "--user", COORDINATOR,
        "--recovery-sheet", sheet, ALLERVERS_PASSPHRASE=OTHER_PASSPHRASE,
    )  # fmt: skip
    assert again.code == 1 and "rien n'a été écrasé" in again.err
    # Refused before the key was replaced: the sheet's key still opens the workspace.
    metadata = json.loads((workspace_path / "workspace.json").read_text())
    assert metadata["recovery"] == recovery_slot


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    metadata = json.loads((path / "workspace.json").read_text())
    change(metadata)
    (path / "workspace.json").write_text(json.dumps(metadata))


def _slot_kdf(**values: object) -> Callable[[dict[str, Any]], None]:
    return lambda m: m["slots"][0]["kdf"].update(values)


def _setting(name: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda m: m["settings"].__setitem__(name, value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_slot_kdf(memory_kib=4 * 1024 * 1024), "kdf.memory_kib"),  # 4 GiB
        (_slot_kdf(iterations=100_000), "kdf.iterations"),  # hours
        # Each within its bounds, but 1 GiB x 10 passes is past the work cap (about 7 s).
        (_slot_kdf(memory_kib=1024 * 1024, iterations=10), "kdf.iterations"),
        (_slot_kdf(lanes=0), "kdf.lanes"),
        (_slot_kdf(memory_kib="262144"), "kdf.memory_kib"),
        (_setting("idle_lock_minutes", 0), "settings.idle_lock_minutes"),  # never locks
        (_setting("idle_lock_minutes", 1e9), "settings.idle_lock_minutes"),
        (_setting("retention_months", 600), "settings.retention_months"),
        (_setting("sync_grace_days", -1), "settings.sync_grace_days"),
        (_setting("language", "../../../tmp/x"), "settings.language"),
        (lambda m: m["slots"][0].__setitem__("nonce", "AAAA"), "nonce"),
        (lambda m: m.__setitem__("slots", [m["slots"][0]] * 1001), "slots"),
    ],
)
def test_a_tampered_value_in_workspace_json_is_refused_before_any_derivation(
    service: WorkspaceService,
    created: CreatedWorkspace,
    workspace_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[dict[str, Any]], None],
    field: str,
) -> None:
    created.workspace.close()
    _edit(workspace_path, change)
    before = file_hashes(workspace_path)

    def no_derivation(*_args: object) -> bytes:
        raise AssertionError("Argon2id run on a refused file")

    monkeypatch.setattr(kdf, "derive_key", no_derivation)
    with pytest.raises(MetadataOutOfBounds) as refused:
        service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    assert refused.value.field == field
    message = describe(refused.value)
    assert "valeur impossible" in message and "modifié en dehors d'Aller-Vers" in message
    assert service.settings(workspace_path) is None  # the window falls back to its defaults
    assert file_hashes(workspace_path) == before


def test_the_command_line_says_which_value_is_impossible(
    cli: Callable[..., Result], created: CreatedWorkspace, workspace_path: Path
) -> None:
    created.workspace.close()
    _edit(workspace_path, _setting("idle_lock_minutes", 0))
    before = file_hashes(workspace_path)
    refused = cli(
        "users", "list", "--workspace", workspace_path, "--user", COORDINATOR,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )  # fmt: skip
    assert refused.code == 1
    assert "verrouillage après inactivité (de 1 à 60 minutes)" in refused.err
    checked = cli(
        "check", "--workspace", workspace_path, "--user", COORDINATOR,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )  # fmt: skip
    assert checked.code == 3
    assert "workspace.json est illisible ou contient une valeur impossible" in checked.out
    assert file_hashes(workspace_path) == before
