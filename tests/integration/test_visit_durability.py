"""Drafts survive a killed process, and nothing of a visit is ever written in clear."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.integration.cli import CLI_USER, Template, copy_workspace, run_cli

# The child plays a volunteer typing an interview: it announces each answer once it is stored,
# and goes on until it is killed.
CHILD = textwrap.dedent(
    """
    import sys, time, datetime as dt
    from pathlib import Path
    from allervers.crypto.kdf import KdfParams
    from allervers.services.visits import VisitService
    from allervers.services.workspace import WorkspaceService

    service = WorkspaceService(Path(sys.argv[2]),
                               kdf_params=KdfParams(memory_kib=8192, iterations=1, lanes=1))
    workspace = service.unlock(Path(sys.argv[1]), sys.argv[3], sys.argv[4])
    visits = VisitService(workspace)
    visit = visits.start("49092", "Impasse des Glycines", "7", visited_on=dt.date(2026, 10, 14))
    answers = [
        ("door_outcome", "interview"), ("consent_recorded", "yes"), ("consent_contact", "yes"),
        ("consent_partner", "caf"), ("contact_name", "Philomène Brizard"),
        ("persons[1].relationship", "reference"), ("persons[1].birth_date", "1979-04-08"),
        ("persons[1].activity", "employed"), ("persons[1].salary", [900, 950, 1010]),
        ("social_regime", "general"), ("housing_status", "private_tenant"), ("rent", 480),
    ]
    for i in range(10_000):
        path, value = answers[i % len(answers)]
        if i >= len(answers):
            path, value = "note", f"relance {i}"
        visits.answer(visit.id, path, value)
        print(path, flush=True)
        time.sleep(0.01)
    """
)


def test_killed_interview_resumes_with_every_answer_given_before_the_kill(
    service: WorkspaceService, created: CreatedWorkspace, workspace_path: Path, tmp_path: Path
) -> None:
    created.workspace.lock()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(workspace_path),
            str(tmp_path / "state"),
            COORDINATOR,
            PASSPHRASE,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    announced = [child.stdout.readline().strip() for _ in range(15)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)

    workspace = service.unlock(workspace_path, COORDINATOR, PASSPHRASE)
    drafts = VisitService(workspace).drafts()
    assert len(drafts) == 1, "the unfinished interview is offered for resumption"
    answers = drafts[0].answers
    assert answers["contact_name"] == "Philomène Brizard"
    assert answers["persons"][0]["salary"] == [900, 950, 1010]
    assert answers["rent"] == 480
    assert announced[-1] == "note"
    # the note was overwritten at each step: the stored one is at least the last announced one
    assert int(answers["note"].split()[1]) >= 14
    workspace.lock()


UNIQUE_NAME = "Zéphyrine Quastelbrune"
UNIQUE_NOTE = "Voisine-Xylophone-4471 passe le mardi"


def _visit_line() -> str:
    examples = Path(__file__).resolve().parents[2] / "examples" / "households"
    visit = json.loads((examples / "couple-deux-enfants-salarie.json").read_text("utf-8"))
    visit["answers"]["contact_name"] = UNIQUE_NAME
    visit["answers"]["note"] = UNIQUE_NOTE
    return json.dumps(visit, ensure_ascii=False)


def _clear_text_hits(folder: Path) -> list[str]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (UNIQUE_NAME, "Quastelbrune", UNIQUE_NOTE, "Xylophone"):
                for encoding in ("utf-8", "utf-16-le", "utf-16-be", "latin-1"):
                    if secret.encode(encoding, errors="ignore") in data:
                        hits.append(f"{path}: {secret} ({encoding})")
    return hits


def test_imported_name_and_note_are_listed_but_never_stored_in_clear(
    service: WorkspaceService,
    created: CreatedWorkspace,
    workspace_path: Path,
    tmp_path: Path,
    cli_template: Template,
) -> None:
    source = tmp_path / "in" / "visite.jsonl"
    source.parent.mkdir()
    source.write_text(_visit_line() + "\n", encoding="utf-8")
    # In this process, with the database open, so that the WAL and shm files are there too.
    visits = VisitService(created.workspace)
    visits.import_file(source)
    assert {p.name for p in workspace_path.iterdir()} >= {"workspace.avdb", "workspace.avdb-wal"}
    assert _clear_text_hits(workspace_path) == []
    created.workspace.lock()

    # And through the command line, with its own temporary directory watched.
    home = tmp_path / "home"
    ws = copy_workspace(cli_template, tmp_path / "ws")
    temp = tmp_path / "tmpdir"
    temp.mkdir()
    imported = run_cli(
        home,
        "visits",
        "import",
        source,
        "--workspace",
        ws,
        "--user",
        CLI_USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
        TMPDIR=str(temp),
    )
    assert imported.code == 0, imported.err
    listed = run_cli(
        home,
        "visits",
        "list",
        "--json",
        "--workspace",
        ws,
        "--user",
        CLI_USER,
        ALLERVERS_PASSPHRASE=PASSPHRASE,
        TMPDIR=str(temp),
    )
    assert UNIQUE_NAME in listed.out and UNIQUE_NOTE in listed.out
    assert _clear_text_hits(ws) == []
    assert _clear_text_hits(temp) == []
    assert _clear_text_hits(home) == []
