"""A process killed (SIGKILL, for real) while it changes a passphrase leaves a workspace that opens
with the old passphrase or the new one."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from allervers.domain.errors import WrongPassphrase
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, OTHER_PASSPHRASE, PASSPHRASE

# The child flips the passphrase back and forth as fast as it can (light Argon2id parameters), so
# that a kill at a random moment often lands inside a metadata write.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from allervers.crypto.kdf import KdfParams
    from allervers.services.workspace import WorkspaceService

    path, state, first, second = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    service = WorkspaceService(state, kdf_params=KdfParams(memory_kib=8192, iterations=1, lanes=1))
    workspace = service.unlock(path, sys.argv[5], first)
    current, other = first, second
    print("ready", flush=True)
    while True:
        workspace.change_passphrase(current, other)
        current, other = other, current
    """
)


@pytest.mark.parametrize("seed", range(8))
def test_kill_during_passphrase_change_leaves_an_openable_workspace(
    service: WorkspaceService,
    created: CreatedWorkspace,
    workspace_path: Path,
    tmp_path: Path,
    seed: int,
) -> None:
    created.workspace.lock()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(workspace_path),
            str(tmp_path / "state"),
            PASSPHRASE,
            OTHER_PASSPHRASE,
            COORDINATOR,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(random.Random(seed).uniform(0.05, 0.6))
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    opened = []
    for passphrase in (PASSPHRASE, OTHER_PASSPHRASE):
        try:
            workspace = service.unlock(workspace_path, COORDINATOR, passphrase)
        except WrongPassphrase:
            continue
        opened.append(passphrase)
        workspace.lock()
    assert len(opened) == 1, "exactly one of the old and the new passphrase opens it"


# The same, with the kill placed at each step of the write: the child announces every fsync and
# rename of the metadata write and pauses there, and the parent kills it during the pause.
CHILD_PAUSING = CHILD.replace(
    'print("ready", flush=True)',
    textwrap.dedent(
        """
        import os, time
        real_fsync, real_replace = os.fsync, os.replace
        def pausing(step, real):
            def call(*args):
                print(step, flush=True)
                time.sleep(0.5)
                return real(*args)
            return call
        os.fsync = pausing("fsync", real_fsync)
        os.replace = pausing("replace", real_replace)
        print("ready", flush=True)
        """
    ),
)


@pytest.mark.parametrize("kill_at", range(4))
def test_kill_at_each_step_of_the_metadata_write(
    service: WorkspaceService,
    created: CreatedWorkspace,
    workspace_path: Path,
    tmp_path: Path,
    kill_at: int,
) -> None:
    created.workspace.lock()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD_PAUSING,
            str(workspace_path),
            str(tmp_path / "state"),
            PASSPHRASE,
            OTHER_PASSPHRASE,
            COORDINATOR,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    steps = [child.stdout.readline().strip() for _ in range(kill_at + 2)]
    assert steps[0] == "ready" and set(steps[1:]) <= {"fsync", "replace"}, steps
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)

    opened = []
    for passphrase in (PASSPHRASE, OTHER_PASSPHRASE):
        try:
            service.unlock(workspace_path, COORDINATOR, passphrase).lock()
        except WrongPassphrase:
            continue
        opened.append(passphrase)
    assert len(opened) == 1
