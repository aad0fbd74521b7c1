"""Running the real `allervers` command in a subprocess.

Creating a workspace costs a production Argon2id derivation and a whole process; so does every
unlock of it. The CLI tests therefore start from a copy of one template workspace made once per
session (`template_workspace`) with the light Argon2id parameters of the in-process tests (its
users' key slots record them, and every unlock reads them from there): still the real Argon2id,
the real AES-GCM and SQLCipher, and the real command in its own process. `allervers init` with
the production parameters keeps its own tests (tests/integration/test_cli.py), and a slot that a
command adds (`users add`, `users passwd`, `team invite`) uses them too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CLI_TERRITORY = "Communauté du Haut-Lignon-Imaginaire"
CLI_USER = "Maëlys Kerbrat"


@dataclass
class Result:
    code: int
    out: str
    err: str


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALLERVERS_")}
    env["ALLERVERS_HOME"] = str(home)
    env.update(extra)
    return env


def run_cli(home: Path, *args: str | Path, timeout: float = 120, **env: str) -> Result:
    done = subprocess.run(
        [sys.executable, "-m", "allervers", *map(str, args)],
        env=cli_env(home, **env),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@dataclass(frozen=True)
class Template:
    """A workspace made once: `CLI_USER` (coordinator) with the tests' passphrase."""

    path: Path
    recovery_key: str


def template_workspace(root: Path) -> Template:
    from allervers.services.workspace import WorkspaceService
    from tests.conftest import FAST_KDF, PASSPHRASE

    service = WorkspaceService(root / "state", kdf_params=FAST_KDF)
    created = service.create(root / "ws", CLI_TERRITORY, CLI_USER, PASSPHRASE)
    created.workspace.lock()  # closed: the copies hold the whole database, no WAL
    return Template(root / "ws", created.recovery_key)


def copy_workspace(template: Template, target: Path) -> Path:
    shutil.copytree(template.path, target)
    return target
