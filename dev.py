#!/usr/bin/env python3
"""Set-up and everyday commands, with nothing but Python 3.11+ on the machine.

    python3 dev.py run     creates .venv if needed, installs Aller-Vers, opens the demo workspace
    python3 dev.py test    same set-up, then pytest with ruff, ruff format, import-linter and
                           mypy run beside it
    python3 dev.py test --repeat N PATH... [PYTEST OPTIONS]
                           each test file (or folder) N times in a row, each run in a new
                           process, then the counts: passed, failed, crashed (killed by a signal)
    python3 dev.py bench   same set-up, then the benchmarks (figures printed)
    python3 dev.py package same set-up plus PyInstaller, then the packaged app in dist/
                           (bundle, .tar.gz, .deb; packaging/README.md)

The virtual environment is reinstalled only when pyproject.toml changes (a stamp file records its
hash), so the second run starts at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".allervers-installed"
LINTED = ("src", "tests", "benchmarks", "packaging", "dev.py")


def _call(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (dev.py may be started by an older Python)
        sys.exit("Aller-Vers demande Python 3.11 ou plus récent.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Création de l'environnement virtuel .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("Installation des dépendances ...", flush=True)
    quiet = ["--quiet", "--disable-pip-version-check"]
    if _call(PYTHON, "-m", "pip", "install", *quiet, "--upgrade", "pip") != 0:
        sys.exit("Échec de la mise à jour de pip.")
    if _call(PYTHON, "-m", "pip", "install", *quiet, "-e", ".[test]") != 0:
        sys.exit("Échec de l'installation des dépendances.")
    # pyCANON checks the export's k and l independently; it pins exact numpy/pandas/reportlab
    # versions that clash with ours, and needs only numpy and pandas: no dependencies pulled.
    if _call(PYTHON, "-m", "pip", "install", *quiet, "--no-deps", "pycanon>=1.3") != 0:
        sys.exit("Échec de l'installation de pycanon.")
    STAMP.write_text(wanted)


def run(args: list[str]) -> int:
    return _call(BIN / "allervers", *(args or ["demo"]))


def test(args: list[str]) -> int:
    if args[:1] == ["--repeat"]:
        return repeat(args[1:])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    checks = [
        ("ruff check", [BIN / "ruff", "check", *LINTED]),
        ("ruff format", [BIN / "ruff", "format", "--check", *LINTED]),
        ("import-linter", [BIN / "lint-imports"]),
        ("mypy", [BIN / "mypy"]),
    ]
    # The static checks run beside pytest, one after the other, and print once it is done: they
    # take about 25 s of one core, which the workers leave idle while the last tests finish.
    results: list[tuple[str, subprocess.CompletedProcess[str]]] = []

    def run_checks() -> None:
        for name, command in checks:
            done = subprocess.run(
                [str(c) for c in command], cwd=ROOT, env=env, capture_output=True, text=True
            )
            results.append((name, done))

    beside = threading.Thread(target=run_checks)
    beside.start()
    print("=== pytest", flush=True)
    # pytest exits 5 when it collected no test: that is a failure here too. One worker per core
    # (pytest-xdist): the suite is CPU-bound, and each worker is a new process, as CI's.
    failed = (
        [] if _call(PYTHON, "-m", "pytest", *_workers(args), *args, env=env) == 0 else ["pytest"]
    )
    beside.join()
    for name, done in results:
        print(f"=== {name}", flush=True)
        print(done.stdout + done.stderr, end="", flush=True)
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print("ÉCHEC : " + ", ".join(failed), flush=True)
        return 1
    return 0


def _workers(args: list[str]) -> list[str]:
    """`-n auto` unless the command line chose (`-n 0` runs in this one process)."""
    chosen = any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in args)
    # worksteal: a worker that runs out of tests takes some from the other one, so the suite
    # does not end with one core idle behind a few long tests.
    return [] if chosen else ["-n", "auto", "--dist", "worksteal"]


def repeat(args: list[str]) -> int:
    """A flaky or crashing test is a bug to find: this shows how often it fails. Each run is a
    new process, as CI's, so that a crash (a segfault ends pytest itself) is counted, not lost."""
    if not args or not args[0].isdigit() or int(args[0]) < 1:
        print("usage: python3 dev.py test --repeat N PATH... [PYTEST OPTIONS]")
        return 2
    times, rest = int(args[0]), args[1:]
    paths = [a for a in rest if not a.startswith("-") and (ROOT / a.split("::")[0]).exists()]
    options = [a for a in rest if a not in paths]
    if not paths:
        print("usage: python3 dev.py test --repeat N PATH... [PYTEST OPTIONS]")
        return 2
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    bad = 0
    for path in paths:
        counts = {"passed": 0, "failed": 0, "crashed": 0}
        started = time.monotonic()
        for run in range(1, times + 1):
            command = [str(PYTHON), "-m", "pytest", "-q", "-p", "no:cacheprovider", *options, path]
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            if done.returncode == 0:
                counts["passed"] += 1
                continue
            kind = "crashed" if done.returncode < 0 else "failed"
            counts[kind] += 1
            tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
            print(f"  {path} run {run}: {kind} (exit {done.returncode}): {' | '.join(tail)}")
        minutes = (time.monotonic() - started) / 60
        print(
            f"{path}: {times} runs, {counts['passed']} passed, {counts['failed']} failed, "
            f"{counts['crashed']} crashed ({minutes:.1f} min)",
            flush=True,
        )
        bad += counts["failed"] + counts["crashed"]
    return 1 if bad else 0


def bench(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return _call(PYTHON, ROOT / "benchmarks" / "run.py", *args, env=env)


def package(args: list[str]) -> int:
    """PyInstaller goes into .venv only here, from the `package` extra of pyproject.toml."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = extras["optional-dependencies"]["package"]
    quiet = ["--quiet", "--disable-pip-version-check"]
    if _call(PYTHON, "-m", "pip", "install", *quiet, *wanted) != 0:
        sys.exit("Échec de l'installation de PyInstaller.")
    return _call(PYTHON, ROOT / "packaging" / "build.py", *args)


COMMANDS = {"run": run, "test": test, "bench": bench, "package": package}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    ensure_venv()
    command, rest = sys.argv[1], sys.argv[2:]
    return COMMANDS[command](rest)


if __name__ == "__main__":
    sys.exit(main())
