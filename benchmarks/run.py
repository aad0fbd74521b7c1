#!/usr/bin/env python3
"""Benchmarks: `python3 dev.py bench` (or `.venv/bin/python benchmarks/run.py [NAME ...]`).

Prints figures; asserts nothing. Each benchmark runs on a temporary ALLERVERS_HOME with synthetic
data and the production Argon2id parameters.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "six chats gris dansent sous la pluie"


def _timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def _report(label: str, times: list[float]) -> None:
    median = statistics.median(times)
    print(
        f"{label:<52} median {median * 1000:8.1f} ms  (min {min(times) * 1000:.1f}, "
        f"max {max(times) * 1000:.1f}, n={len(times)})",
        flush=True,
    )


def bench_workspace(tmp: Path) -> None:
    from allervers.crypto.kdf import DEFAULT_PARAMS, derive_key, new_salt
    from allervers.services.workspace import WorkspaceService

    params = DEFAULT_PARAMS
    print(
        f"Argon2id: {params.memory_kib // 1024} MiB, {params.iterations} passes, "
        f"{params.lanes} lanes",
        flush=True,
    )
    _report(
        "derive a key (Argon2id)", _timed(lambda: derive_key(PASSPHRASE, new_salt(), params), 7)
    )
    service = WorkspaceService(tmp / "state")
    created = service.create(tmp / "ws", "Territoire de banc d'essai", "Banc", PASSPHRASE)
    created.workspace.lock()
    _report(
        "unlock a workspace (derive + open + migrate)",
        _timed(lambda: service.unlock(tmp / "ws", "Banc", PASSPHRASE).lock(), 7),
    )


def bench_gui_launch(tmp: Path) -> None:
    from benchmarks.gui_launch import launch_to_unlock_window

    _report("launch to unlock window (new process)", launch_to_unlock_window(tmp, repeat=5))


BENCHMARKS: dict[str, Callable[[Path], None]] = {
    "workspace": bench_workspace,
    "gui": bench_gui_launch,
}


def main(argv: list[str]) -> int:
    chosen = argv or list(BENCHMARKS)
    print(f"Aller-Vers benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for name in chosen:
        print(f"--- {name}", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["ALLERVERS_HOME"] = tmp
            BENCHMARKS[name](Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
