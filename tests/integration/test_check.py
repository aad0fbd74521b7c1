"""`allervers check` on damaged workspaces: each damage is found, said in French, exit 3, and
`check` changes no byte of any file (it opens the database read-only and writes no audit entry).

The workspaces are made in-process (light Argon2id, stored in their key slots). `check` runs as
the command line's own entry point (`allervers.cli.main.run`, what `python -m allervers` calls)
in this process: a new interpreter per run costs seconds on a shared machine; one test runs the
real command in a subprocess."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from allervers.cli.main import run
from allervers.domain.errors import WorkspaceCorrupt
from allervers.messages import describe
from allervers.services.paths import AppPaths
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from allervers.storage.database import PAGE_SIZE, key_pragma
from allervers.storage.metadata_file import database_path
from tests.conftest import COORDINATOR, PASSPHRASE, file_hashes
from tests.integration.cli import Result, run_cli

WRITES = 12  # audited writes after creation: the log's head is well past the first pages
HEAD = WRITES + 1  # and the creation's own entry


@pytest.fixture
def run_check(
    paths: AppPaths,
    service: WorkspaceService,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Callable[[Path], Result]:
    monkeypatch.setenv("ALLERVERS_PASSPHRASE", PASSPHRASE)

    def check(ws: Path) -> Result:
        capsys.readouterr()
        code = run(["check", "--workspace", str(ws), "--user", COORDINATOR], paths, service)
        assert isinstance(code, int)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return check


@pytest.fixture
def closed(created: CreatedWorkspace, workspace_path: Path) -> tuple[Path, bytes]:
    """A workspace with a few audited writes, closed (its -wal folded into the file): the
    folder and its database key."""
    for number in range(WRITES):
        created.workspace.audit("test_write", "test", str(number))
    key = created.workspace.data_key
    created.workspace.close()
    assert not database_path(workspace_path).with_name("workspace.avdb-wal").exists()
    return workspace_path, key


def _damaged(check: Callable[[Path], Result], ws: Path, *phrases: str) -> str:
    """Runs check on a damaged workspace: exit 3, the phrases said, no traceback, no byte
    changed, no file added or removed."""
    before = file_hashes(ws)
    result = check(ws)
    assert result.code == 3, result.out + result.err
    assert "Traceback" not in result.err + result.out
    for phrase in phrases:
        assert phrase in result.out, result.out
    assert "PROBLÈME" in result.out
    assert file_hashes(ws) == before
    return result.out


def _raw(ws: Path, key: bytes, *statements: str) -> None:
    """What someone holding the key does with the sqlcipher shell."""
    conn = sqlcipher3.connect(str(database_path(ws)), isolation_level=None)
    conn.execute(key_pragma(key))
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_an_intact_workspace_passes_and_check_writes_nothing(
    home: Path, closed: tuple[Path, bytes]
) -> None:
    """The real command, in its own process."""
    ws, _ = closed
    before = file_hashes(ws)
    result = run_cli(
        home, "check", "--workspace", ws, "--user", COORDINATOR, ALLERVERS_PASSPHRASE=PASSPHRASE
    )
    assert result.code == 0, result.out + result.err
    assert "Résultat : aucun problème." in result.out
    assert f"Journal d'audit : {HEAD} entrées vérifiées" in result.out
    assert file_hashes(ws) == before  # no audit entry, no -wal, no -shm


def test_check_of_a_workspace_open_elsewhere_reads_a_copy_and_changes_nothing(
    run_check: Callable[[Path], Result], created: CreatedWorkspace, workspace_path: Path
) -> None:
    """The window has the workspace open (its -wal holds the last commits): check reads a copy
    of the file and its log, finds it intact, and leaves the live files alone."""
    created.workspace.audit("test_write")
    assert database_path(workspace_path).with_name("workspace.avdb-wal").stat().st_size > 0
    before = file_hashes(workspace_path)
    result = run_check(workspace_path)
    assert result.code == 0, result.out + result.err
    assert file_hashes(workspace_path) == before


@pytest.mark.parametrize("pages", [[5], [3, 9]])
def test_a_flipped_byte_in_a_data_page_is_reported_with_its_page(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes], pages: list[int]
) -> None:
    ws, _ = closed
    db = database_path(ws)
    data = bytearray(db.read_bytes())
    for page in pages:
        data[(page - 1) * PAGE_SIZE + 1000] ^= 0x10
    db.write_bytes(bytes(data))
    numbers = ", ".join(map(str, pages))
    _damaged(run_check, ws, f"{len(pages)} page(s) chiffrée(s) abîmée(s) : n° {numbers}.")


def test_a_flipped_byte_in_the_first_page_is_damage_not_a_wrong_passphrase(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    ws, _ = closed
    db = database_path(ws)
    data = bytearray(db.read_bytes())
    data[2000] ^= 0x01
    db.write_bytes(bytes(data))
    out = _damaged(run_check, ws, "page(s) chiffrée(s) abîmée(s) : n° 1.", "sa première page")
    assert "phrase de passe" not in out


def test_a_file_cut_inside_a_page_is_reported_truncated(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    ws, _ = closed
    db = database_path(ws)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])
    _damaged(run_check, ws, "le fichier de la base est tronqué", "Restaurez la dernière sauvegarde")


def test_a_file_cut_at_a_page_border_is_reported(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    ws, _ = closed
    db = database_path(ws)
    data = db.read_bytes()
    db.write_bytes(data[: (len(data) // PAGE_SIZE // 2) * PAGE_SIZE])
    _damaged(run_check, ws, "coupé à la limite d'une page")


def test_an_empty_database_file_is_reported_empty_not_as_a_wrong_passphrase(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    ws, _ = closed
    database_path(ws).write_bytes(b"")
    out = _damaged(run_check, ws, "est vide (0 octet)")
    assert "phrase de passe" not in out


def test_an_empty_database_file_is_refused_at_unlock_and_left_empty(
    service: WorkspaceService, closed: tuple[Path, bytes]
) -> None:
    """Not a wrong passphrase, and no fresh schema migrated into the empty file."""
    ws, _ = closed
    database_path(ws).write_bytes(b"")
    before = file_hashes(ws)
    with pytest.raises(WorkspaceCorrupt) as refused:
        service.unlock(ws, COORDINATOR, PASSPHRASE)
    assert "illisible ou abîmé" in describe(refused.value)
    assert file_hashes(ws) == before


# The child writes audited changes (each commit lands in the -wal), says so, and waits to be killed:
# nothing folds its log into the file.
CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from allervers.crypto.kdf import KdfParams
    from allervers.services.workspace import WorkspaceService

    service = WorkspaceService(Path(sys.argv[2]), kdf_params=KdfParams(8192, 1, 1))
    workspace = service.unlock(Path(sys.argv[1]), sys.argv[3], sys.argv[4])
    for number in range(20):
        workspace.audit("visit_finished", "visit", str(number))
    print("written", flush=True)
    time.sleep(60)
    """
)


def _crash_after_writes(ws: Path, state: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ws), str(state), COORDINATOR, PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "written"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)


def test_a_wal_deleted_after_a_crash_is_reported_as_lost_commits(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes], tmp_path: Path
) -> None:
    ws, _ = closed
    _crash_after_writes(ws, tmp_path / "state")
    wal = database_path(ws).with_name("workspace.avdb-wal")
    assert wal.stat().st_size > 0  # the 20 commits are there, and only there
    wal.unlink()
    database_path(ws).with_name("workspace.avdb-shm").unlink(missing_ok=True)
    _damaged(
        run_check,
        ws,
        "des modifications enregistrées manquent",
        f"s'arrête au n° {HEAD}",
        f"son ancre en attend {HEAD + 1 + 20}",  # the child's unlock, then its 20 writes
    )


def test_a_wal_kept_after_a_crash_passes(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes], tmp_path: Path
) -> None:
    """The same crash with the -wal left in place loses nothing: check reads the log (from a
    copy) and finds every commit."""
    ws, _ = closed
    _crash_after_writes(ws, tmp_path / "state")
    before = file_hashes(ws)
    result = run_check(ws)
    assert result.code == 0, result.out + result.err
    assert f"Journal d'audit : {HEAD + 1 + 20} entrées vérifiées" in result.out
    assert file_hashes(ws) == before


def _put_back_an_older_copy(service: WorkspaceService, ws: Path) -> None:
    """Two audited transactions (an opening and an export), then the database as it was before
    them put back in place."""
    old = database_path(ws).read_bytes()
    workspace = service.unlock(ws, COORDINATOR, PASSPHRASE)
    workspace.audit("person_exported", "household", "x")
    workspace.close()
    database_path(ws).write_bytes(old)


def test_an_older_copy_of_the_database_put_back_is_reported(
    service: WorkspaceService, run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    ws, _ = closed
    _put_back_an_older_copy(service, ws)
    _damaged(run_check, ws, "des modifications enregistrées manquent")


def test_a_loss_found_at_opening_is_recorded_and_check_keeps_reporting_it(
    service: WorkspaceService, run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    """The next opening after a loss cannot bring the commits back; it notes the loss in the
    log (the anchor moves on), so that the evidence outlives it."""
    ws, _ = closed
    _put_back_an_older_copy(service, ws)  # the entries of both transactions are lost
    reopened = service.unlock(ws, COORDINATOR, PASSPHRASE)
    assert reopened.gap_found == (HEAD, HEAD + 2)
    reopened.close()
    out = _damaged(
        run_check,
        ws,
        "à l'ouverture, des modifications enregistrées manquaient déjà",
        f"s'arrêtait au n° {HEAD} au lieu du n° {HEAD + 2}",
    )
    assert out.count("PROBLÈME") == 1  # the anchor agrees with the log again


def test_the_command_line_warns_when_an_opening_finds_commits_missing(
    paths: AppPaths,
    service: WorkspaceService,
    closed: tuple[Path, bytes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ws, _ = closed
    _put_back_an_older_copy(service, ws)
    monkeypatch.setenv("ALLERVERS_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    code = run(["users", "list", "--workspace", str(ws), "--user", COORDINATOR], paths, service)
    err = capsys.readouterr().err
    assert code == 0  # the work left can go on
    assert "attention : des modifications enregistrées manquent" in err
    assert f"s'arrêtait au n° {HEAD} et son ancre en attendait {HEAD + 2}" in err


def test_one_transaction_behind_its_anchor_is_a_crash_before_commit_not_a_loss(
    service: WorkspaceService, run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    """The anchor is written just before each audited commit: a crash in between leaves the
    database one transaction behind, which loses nothing that was saved."""
    ws, _ = closed
    old = database_path(ws).read_bytes()
    service.unlock(ws, COORDINATOR, PASSPHRASE).close()
    database_path(ws).write_bytes(old)  # as if the unlock's commit had not happened
    result = run_check(ws)
    assert result.code == 0, result.out + result.err


def test_deleted_audit_tables_are_reported(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    ws, key = closed
    _raw(ws, key, "DROP TABLE audit_log", "DROP TABLE audit_head")
    _damaged(run_check, ws, "le journal d'audit a été supprimé de la base")


def test_an_edited_audit_row_is_reported(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    ws, key = closed
    _raw(ws, key, "UPDATE audit_log SET entity_id = 'autre' WHERE seq = 4")
    _damaged(run_check, ws, "l'entrée n° 4 du journal d'audit a été modifiée")


def test_an_audit_row_edited_with_its_chain_recomputed_is_reported(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    """SHA-256 needs no key: the chain alone cannot tell a recomputed edit. The anchor can."""
    from allervers.storage.repositories import _entry_hash

    ws, key = closed
    conn = sqlcipher3.connect(str(database_path(ws)), isolation_level=None)
    conn.execute(key_pragma(key))
    rows = conn.execute(
        "SELECT seq, at, actor_id, action, entity, entity_id FROM audit_log ORDER BY seq"
    ).fetchall()
    prev = "0" * 64
    conn.execute("BEGIN")
    for seq, at, actor, action, entity, entity_id in rows:
        if seq == 5:
            action = "nothing_to_see"
        digest = _entry_hash(prev, seq, at, actor, action, entity, entity_id)
        conn.execute(
            "UPDATE audit_log SET action = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (action, prev, digest, seq),
        )
        prev = digest
    conn.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (prev,))
    conn.execute("COMMIT")
    conn.close()
    _damaged(run_check, ws, "le journal d'audit a été réécrit")


def test_a_hand_edited_anchor_is_reported(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes]
) -> None:
    import json

    ws, _ = closed
    metadata = json.loads((ws / "workspace.json").read_text())
    metadata["audit_anchor"]["seq"] += 5
    (ws / "workspace.json").write_text(json.dumps(metadata))
    _damaged(run_check, ws, "l'ancre du journal d'audit")


# The child writes audited changes as fast as it can; it is killed at a random moment, often
# between an anchor's write and its commit.
CHILD_LOOPING = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from allervers.crypto.kdf import KdfParams
    from allervers.services.workspace import WorkspaceService

    service = WorkspaceService(Path(sys.argv[2]), kdf_params=KdfParams(8192, 1, 1))
    workspace = service.unlock(Path(sys.argv[1]), sys.argv[3], sys.argv[4])
    print("ready", flush=True)
    number = 0
    while True:
        workspace.audit("visit_finished", "visit", str(number))
        number += 1
    """
)


@pytest.mark.parametrize("seed", range(6))
def test_a_kill_during_audited_writes_is_never_taken_for_a_loss(
    run_check: Callable[[Path], Result], closed: tuple[Path, bytes], tmp_path: Path, seed: int
) -> None:
    ws, _ = closed
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD_LOOPING,
            str(ws),
            str(tmp_path / "state"),
            COORDINATOR,
            PASSPHRASE,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(random.Random(seed).uniform(0.05, 0.8))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    result = run_check(ws)
    assert result.code == 0, result.out + result.err
