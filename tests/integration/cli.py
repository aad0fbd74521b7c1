"""Running the real `allervers` command in a subprocess, with production Argon2id parameters."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


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
