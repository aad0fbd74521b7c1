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
    from allervers.services.integrity import check
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
    # Each audited write also anchors the log's head in workspace.json (one more file flush).
    workspace = service.unlock(tmp / "ws", "Banc", PASSPHRASE)
    _report(
        "one audited write (commit + anchor in workspace.json)",
        _timed(lambda: workspace.audit("bench", "visit", "x"), 200),
    )
    _report("check the workspace (in process)", _timed(lambda: check(workspace), 5))
    workspace.lock()


def bench_visits(tmp: Path) -> None:
    import datetime as dt

    from allervers.services import demo
    from allervers.services.visits import VisitService
    from allervers.services.workspace import WorkspaceService

    service = WorkspaceService(tmp / "state")
    workspace = service.create(tmp / "ws", "Banc", "Banc", PASSPHRASE).workspace
    start = time.perf_counter()
    demo.fill_demo(workspace, 10_000)
    print(
        f"{'demo --households 10000 (generate + validate + store)':<52} "
        f"{time.perf_counter() - start:8.2f} s",
        flush=True,
    )
    visits = VisitService(workspace)
    visit = visits.start("49092", "Rue du Banc", "1", visited_on=dt.date(2026, 10, 14))
    visits.answer(visit.id, "door_outcome", "interview")
    visits.answer(visit.id, "consent_recorded", "yes")
    values = iter(range(10_000))
    times = _timed(lambda: visits.answer(visit.id, "rent", next(values)), 300)
    times.sort()
    p95 = times[int(len(times) * 0.95)]
    _report("store one answer (SQLCipher, synchronous=FULL)", times)
    print(f"{'store one answer, 95th percentile':<52} {p95 * 1000:8.1f} ms", flush=True)
    workspace.lock()


def bench_caseload(tmp: Path) -> None:
    """50,000 households: caseload first page and count, a filter, the activity report."""
    import datetime as dt

    from allervers.domain.figures import parse_period
    from allervers.domain.referrals import CaseloadFilter
    from allervers.domain.rights import RightId
    from allervers.reports.activity_report import write_activity_report
    from allervers.rights.engine import RightsEngine
    from allervers.services import demo
    from allervers.services.caseload import CaseloadService
    from allervers.services.figures import territory_figures
    from allervers.services.rights import RightsService
    from allervers.services.workspace import WorkspaceService

    service = WorkspaceService(tmp / "state")
    workspace = service.create(tmp / "ws", "Banc", "Banc", PASSPHRASE).workspace
    start = time.perf_counter()
    demo.fill_demo(workspace, 50_000)
    print(f"{'setup: 50,000 synthetic visits stored':<52} {time.perf_counter() - start:8.2f} s")
    start = time.perf_counter()
    assessed = RightsService(workspace).reassess_all(RightsEngine()).assessed
    print(
        f"{f'setup: {assessed} interviews assessed (engine load incl.)':<52} "
        f"{time.perf_counter() - start:8.2f} s",
        flush=True,
    )
    caseload = CaseloadService(workspace)

    def first_page(where: CaseloadFilter) -> None:
        caseload.count(where)
        caseload.page(where, 0, 200)

    def first_sorted(where: CaseloadFilter, key: str) -> None:
        caseload.count(where)
        caseload.page(where, 0, 200, key, False)

    _report("caseload: count + first page of 200", _timed(lambda: first_page(CaseloadFilter()), 5))
    _report(
        "caseload: filter right=RSA, count + first page",
        _timed(lambda: first_page(CaseloadFilter(right=RightId.RSA)), 5),
    )
    _report(
        "caseload: text search 'rue', count + first page",
        _timed(lambda: first_page(CaseloadFilter(text="rue")), 5),
    )
    _report(
        "caseload: page 200 rows deep in the list (offset 40,000)",
        _timed(lambda: caseload.page(CaseloadFilter(), 40_000, 200), 5),
    )
    for key in ("commune", "status", "name"):
        _report(
            f"caseload: sorted by {key}, count + first page",
            _timed(lambda key=key: first_sorted(CaseloadFilter(), key), 5),
        )
    _report(
        "caseload: sorted by commune, 200 rows at offset 40,000",
        _timed(lambda: caseload.page(CaseloadFilter(), 40_000, 200, "commune", False), 5),
    )
    period = parse_period(str(dt.date.today().year))
    _report(
        "figures of the year (50,000 households)",
        _timed(lambda: territory_figures(workspace, period), 3),
    )
    figures = territory_figures(workspace, period)
    out = iter(tmp / f"rapport-{i}.pdf" for i in range(10))
    _report(
        "activity report PDF",
        _timed(lambda: write_activity_report(next(out), figures, dt.date.today()), 3),
    )
    workspace.lock()


def bench_gui_launch(tmp: Path) -> None:
    from benchmarks.gui_launch import launch_to_unlock_window

    _report("launch to unlock window (new process)", launch_to_unlock_window(tmp, repeat=5))


def bench_rights(_tmp: Path) -> None:
    """In a fresh process; "engine ready from cold" is measured in new processes, with and without
    the engine cache (about 3 minutes: the one-big-dict baseline alone takes most of it)."""
    import subprocess

    subprocess.run([sys.executable, "-m", "benchmarks.rights"], cwd=ROOT, check=True)


def bench_latency(_tmp: Path) -> None:
    """The window's event loop while the rights engine loads and computes, in a fresh process
    (a cold engine: about half a minute)."""
    import subprocess

    subprocess.run([sys.executable, "-m", "benchmarks.event_loop"], cwd=ROOT, check=True)


BENCHMARKS: dict[str, Callable[[Path], None]] = {
    "workspace": bench_workspace,
    "visits": bench_visits,
    "gui": bench_gui_launch,
    "rights": bench_rights,
    "caseload": bench_caseload,
    "latency": bench_latency,
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
