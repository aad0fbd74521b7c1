"""The command line as a script or a person uses it: real processes. `init` runs with the
production Argon2id cost; the other tests start from a copy of the session's template workspace
(`cli_workspace`, tests/integration/cli.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from allervers import __version__
from tests.conftest import OTHER_PASSPHRASE, PASSPHRASE, file_hashes, keys_and_settings
from tests.integration.cli import CLI_TERRITORY as TERRITORY
from tests.integration.cli import CLI_USER as USER
from tests.integration.cli import Template, copy_workspace, run_cli

RECOVERY = re.compile(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\b")


def _init(home: Path, ws: Path) -> str:
    """`allervers init` with the production Argon2id parameters; its recovery key."""
    result = run_cli(
        home,
        "init",
        "--workspace",
        ws,
        "--territory",
        TERRITORY,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert result.code == 0, result.err
    match = RECOVERY.search(result.out)
    assert match, result.out
    return match.group(1)


def test_version() -> None:
    result = run_cli(Path("/nonexistent-home"), "--version")
    assert result.code == 0
    assert __version__ in result.out


def test_init_leaves_no_sqlite_header_and_no_name_in_any_file(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    recovery = _init(tmp_path / "home", ws)
    slots = json.loads((ws / "workspace.json").read_text("utf-8"))
    assert "262144" in json.dumps(slots), "init uses the production Argon2id cost"
    opened = run_cli(
        tmp_path / "home",
        "users",
        "passwd",
        "--recovery",
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_RECOVERY_KEY=recovery,
        ALLERVERS_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert opened.code == 0, opened.err
    for path in ws.rglob("*"):
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3"), path
        for secret in (TERRITORY, USER, "Kerbrat", "Lignon"):
            assert secret.encode() not in data, (path, secret)
            assert secret.encode("utf-16-le") not in data, (path, secret)


def test_wrong_passphrase_is_refused_in_french_and_changes_nothing(
    cli_workspace: tuple[Path, Path, str],
) -> None:
    home, ws, _ = cli_workspace
    before = file_hashes(ws)
    result = run_cli(
        home,
        "check",
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE="ceci n'est pas la phrase",
    )
    assert result.code == 1
    assert "phrase de passe incorrect" in result.err
    assert "Traceback" not in result.err
    assert file_hashes(ws) == before


def test_check_summarises_an_intact_workspace(cli_workspace: tuple[Path, Path, str]) -> None:
    home, ws, _ = cli_workspace
    result = run_cli(
        home, "check", "--workspace", ws, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert result.code == 0, result.err
    assert "Pages chiffrées : intactes" in result.out
    assert "Résultat : aucun problème." in result.out


def test_users_add_list_and_passwd(cli_workspace: tuple[Path, Path, str]) -> None:
    home, ws, _ = cli_workspace
    added = run_cli(
        home,
        "users",
        "add",
        "Noé Valadier",
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
        ALLERVERS_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert added.code == 0, added.err
    listing = run_cli(
        home, "users", "list", "--workspace", ws, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert listing.out.splitlines() == [f"{USER}\tcoordination", "Noé Valadier\tbénévole"]
    refused = run_cli(
        home,
        "users",
        "list",
        "--workspace",
        ws,
        "--user",
        "Noé Valadier",
        ALLERVERS_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert refused.code == 1 and "réservée" in refused.err
    changed = run_cli(
        home,
        "users",
        "passwd",
        "--workspace",
        ws,
        "--user",
        "Noé Valadier",
        ALLERVERS_PASSPHRASE=OTHER_PASSPHRASE,
        ALLERVERS_NEW_PASSPHRASE="trois tortues traversent la route",
    )
    assert changed.code == 0, changed.err
    old = run_cli(
        home,
        "check",
        "--workspace",
        ws,
        "--user",
        "Noé Valadier",
        ALLERVERS_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert old.code == 1


def test_weak_passphrase_at_init_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path / "home",
        "init",
        "--workspace",
        tmp_path / "ws",
        "--territory",
        TERRITORY,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE="motdepasse",
    )
    assert result.code == 1
    assert "trop courte" in result.err
    assert not (tmp_path / "ws" / "workspace.json").exists()


def test_no_passphrase_and_no_terminal_is_a_clear_error(
    cli_workspace: tuple[Path, Path, str],
) -> None:
    home, ws, _ = cli_workspace
    result = run_cli(home, "check", "--workspace", ws, "--user", USER)
    assert result.code == 1
    assert "ALLERVERS_PASSPHRASE" in result.err


def test_a_passphrase_is_never_accepted_as_an_argument(
    cli_workspace: tuple[Path, Path, str],
) -> None:
    home, ws, _ = cli_workspace
    result = run_cli(home, "check", "--workspace", ws, "--user", USER, "--passphrase", PASSPHRASE)
    assert result.code == 2
    assert "erreur" in result.err


def test_recovery_key_resets_the_passphrase(cli_workspace: tuple[Path, Path, str]) -> None:
    home, ws, recovery = cli_workspace
    bad = run_cli(
        home,
        "users",
        "passwd",
        "--recovery",
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_RECOVERY_KEY="0000-0000-0000-0000-0000-0000-0000-0000",
        ALLERVERS_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert bad.code == 1 and "Clé de secours incorrecte" in bad.err
    good = run_cli(
        home,
        "users",
        "passwd",
        "--recovery",
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_RECOVERY_KEY=recovery,
        ALLERVERS_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert good.code == 0, good.err
    opened = run_cli(
        home, "check", "--workspace", ws, "--user", USER, ALLERVERS_PASSPHRASE=OTHER_PASSPHRASE
    )
    assert opened.code == 0, opened.err


def test_backup_restores_to_a_working_workspace(
    cli_workspace: tuple[Path, Path, str], tmp_path: Path
) -> None:
    home, ws, _ = cli_workspace
    archive = tmp_path / "sauvegarde.avbak"
    made = run_cli(
        home,
        "backup",
        "--workspace",
        ws,
        "--user",
        USER,
        "--out",
        archive,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert made.code == 0, made.err
    assert TERRITORY.encode() not in archive.read_bytes()
    again = run_cli(
        home,
        "backup",
        "--workspace",
        ws,
        "--user",
        USER,
        "--out",
        archive,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert again.code == 1 and "existe déjà" in again.err
    restored = tmp_path / "restauré"
    done = run_cli(
        home,
        "restore",
        archive,
        "--workspace",
        restored,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert done.code == 0, done.err
    checked = run_cli(
        home, "check", "--workspace", restored, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert checked.code == 0, checked.out + checked.err
    assert "backup" not in {p.name for p in restored.iterdir()}
    refused = run_cli(
        home, "restore", archive, "--workspace", ws, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert refused.code == 1 and "existe déjà" in refused.err


def test_a_damaged_backup_is_refused_and_leaves_no_folder(
    cli_workspace: tuple[Path, Path, str], tmp_path: Path
) -> None:
    home, ws, _ = cli_workspace
    archive = tmp_path / "sauvegarde.avbak"
    assert (
        run_cli(
            home,
            "backup",
            "--workspace",
            ws,
            "--user",
            USER,
            "--out",
            archive,
            ALLERVERS_PASSPHRASE=PASSPHRASE,
        ).code
        == 0
    )
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    target = tmp_path / "cible"
    result = run_cli(
        home,
        "restore",
        archive,
        "--workspace",
        target,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert result.code == 1
    assert "abîmée" in result.err
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".allervers")]


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A real 3 MiB filesystem (tmpfs). Needs root, as CI and the developers' machines have."""
    mount = tmp_path / "petit-disque"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave_bytes: int) -> None:
    free = shutil.disk_usage(folder).free
    with open(folder / "remplissage", "wb") as handle:
        handle.write(b"\0" * max(free - leave_bytes, 0))


def test_backup_on_a_full_disk_says_so_and_leaves_nothing_behind(
    cli_workspace: tuple[Path, Path, str], small_disk: Path
) -> None:
    home, ws, _ = cli_workspace
    before = keys_and_settings(ws)
    _fill(small_disk, 20_000)
    result = run_cli(
        home,
        "backup",
        "--workspace",
        ws,
        "--user",
        USER,
        "--out",
        small_disk / "s.avbak",
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert result.code == 1
    assert "Disque plein" in result.err
    assert sorted(p.name for p in small_disk.iterdir()) == ["remplissage"]
    # The unlock's audit entry moved the audit anchor; the keys and settings did not change.
    assert keys_and_settings(ws) == before
    check = run_cli(
        home, "check", "--workspace", ws, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert check.code == 0


def test_passphrase_change_on_a_full_disk_keeps_the_old_passphrase(
    cli_template: Template, tmp_path: Path, small_disk: Path
) -> None:
    home = tmp_path / "home"
    ws = copy_workspace(cli_template, small_disk / "ws")
    _fill(small_disk, 0)
    result = run_cli(
        home,
        "users",
        "passwd",
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
        ALLERVERS_NEW_PASSPHRASE=OTHER_PASSPHRASE,
    )
    assert result.code == 1
    assert "Disque plein" in result.err
    (small_disk / "remplissage").unlink()
    still = run_cli(
        home, "check", "--workspace", ws, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert still.code == 0, still.out + still.err


def test_visits_import_names_the_first_bad_line_and_imports_nothing(
    cli_workspace: tuple[Path, Path, str], tmp_path: Path
) -> None:
    home, ws, _ = cli_workspace
    examples = Path(__file__).resolve().parents[2] / "examples" / "households"
    lines = [
        (examples / f"{n}.json").read_text("utf-8").replace("\n", "")
        for n in ("porte-absente", "repasser")
    ]
    lines.insert(
        1,
        '{"format": "allervers-visit/1", "questionnaire": {"id": "visite", '
        '"version": 1}, "visited_on": "2026-10-14", "answers": '
        '{"door_outcome": "absent", "address_insee": "00000"}}',
    )
    source = tmp_path / "visites.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = keys_and_settings(ws)
    result = run_cli(
        home,
        "visits",
        "import",
        source,
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert result.code == 1
    assert "ligne 2" in result.err and "commune inconnue" in result.err
    assert "Aucune ligne n'a été prise en compte" in result.err
    assert keys_and_settings(ws) == before
    listed = run_cli(
        home, "visits", "list", "--workspace", ws, "--user", USER, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert listed.code == 0 and listed.out == ""
    skipped = run_cli(
        home,
        "visits",
        "import",
        source,
        "--skip-invalid",
        "--workspace",
        ws,
        "--user",
        USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
    )
    assert skipped.code == 0 and "2 visite(s) importée(s)" in skipped.out
    assert "Ligne 2 ignorée" in skipped.err


def test_demo_prints_its_passphrase_fills_synthetic_households_and_reopens(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    first = run_cli(home, "demo", "--no-gui", "--households", "50")
    assert first.code == 0, first.err
    assert "Phrase de passe : aller-vers-demo-2026" in first.out
    assert "(créé)" in first.out
    second = run_cli(home, "demo", "--no-gui")
    assert second.code == 0 and "(existant)" in second.out
    assert "visites fictives ajoutées" not in second.out
    listed = run_cli(
        home,
        "visits",
        "list",
        "--json",
        "--workspace",
        home / "demo",
        "--user",
        "demo",
        ALLERVERS_PASSPHRASE="aller-vers-demo-2026",
    )
    visits = [json.loads(line) for line in listed.out.splitlines()]
    assert len(visits) == 50
    outcomes = {v["answers"]["door_outcome"] for v in visits}
    assert {"absent", "interview"} <= outcomes
