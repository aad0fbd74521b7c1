#!/usr/bin/env python3
"""The caseload screen on 50,000 households: time to show its first page, to apply a filter, to
scroll deep into the list, to open a household's follow-up.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/caseload_gui.py [--keep DIR] [N]

Builds the workspace once (synthetic visits from `fill_demo`, engine-like assessments flagging
rights on a share of the interviews, referrals on some of them) in DIR, or in a temporary folder
that is removed afterwards; a second run with the same DIR reuses it. Prints figures; asserts
nothing. Light Argon2id parameters: unlocking is not what is measured here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSPHRASE = "six chats gris dansent sous la pluie"
USER = "Banc"
FLAGGED_SHARE = 0.3  # of the interviews
REFERRED_SHARE = 0.3  # of the flagged households


def _report(label: str, times: list[float]) -> None:
    median = statistics.median(times)
    print(
        f"{label:<58} median {median * 1000:8.1f} ms  (min {min(times) * 1000:.1f}, "
        f"max {max(times) * 1000:.1f}, n={len(times)})",
        flush=True,
    )


def _light_service(folder: Path):  # type: ignore[no-untyped-def]
    from allervers.crypto.kdf import KdfParams
    from allervers.services.workspace import WorkspaceService

    return WorkspaceService(folder / "state", kdf_params=KdfParams(8192, 1, 1))


def build(folder: Path, households: int) -> None:
    """The workspace: visits, flags (stored as the engine would store them), referrals."""
    from allervers.domain.referrals import ReferralStatus
    from allervers.domain.rights import (
        AmountPeriod,
        AssessmentStatus,
        Organisation,
        RightAssessment,
        RightId,
    )
    from allervers.domain.visits import DoorOutcome, VisitStatus
    from allervers.services.caseload import CaseloadService, step
    from allervers.services.demo import fill_demo
    from allervers.services.rights import RightsService
    from allervers.services.visits import VisitService

    workspace = _light_service(folder).create(folder / "ws", "Banc", USER, PASSPHRASE).workspace
    start = time.perf_counter()
    fill_demo(workspace, households)
    print(f"setup: {households:,} synthetic visits stored in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    rng = random.Random(11)  # synthetic data
    rights, caseload = RightsService(workspace), CaseloadService(workspace)
    interviews = [
        v
        for v in VisitService(workspace).list_visits(VisitStatus.FINISHED)
        if v.door_outcome is DoorOutcome.INTERVIEW
    ]
    flagged = referred = 0
    for visit in interviews:
        if rng.random() > FLAGGED_SHARE:
            continue
        chosen = rng.sample(list(RightId), rng.randint(1, 2))
        rights.store(
            visit.id,
            [
                RightAssessment(
                    r,
                    AssessmentStatus.PROBABLE_NON_RECOURS,
                    round(rng.uniform(20, 600), 2),
                    AmountPeriod.MONTH,
                    organisation=Organisation.CAF,
                )
                for r in chosen
            ],
        )
        flagged += 1
        if rng.random() < REFERRED_SHARE:
            referral = caseload.refer(visit.id, chosen[0])
            day = dt.date.fromisoformat(visit.visited_on) + dt.timedelta(days=3)
            if day <= dt.date.today():
                caseload.advance(referral.id, step(ReferralStatus.REFERRED, day))
            referred += 1
    print(
        f"setup: {flagged:,} households flagged, {referred:,} referred, "
        f"in {time.perf_counter() - start:.1f} s",
        flush=True,
    )
    workspace.lock()


def measure(folder: Path) -> None:
    from PySide6.QtCore import Qt, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from allervers.domain.referrals import ReferralStatus
    from allervers.services.caseload import CaseloadService, step
    from allervers.services.household_file import VisitIndex, load_household
    from allervers.services.rights import RightsService
    from allervers.services.visits import VisitService
    from allervers.ui.caseload.model import KEPT_PAGES, PAGE_SIZE
    from allervers.ui.caseload.page import CaseloadPage

    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's notices, not figures
    app = QApplication.instance() or QApplication(sys.argv[:1])
    workspace = _light_service(folder).unlock(folder / "ws", USER, PASSPHRASE)
    caseload, rights, visits = (
        CaseloadService(workspace),
        RightsService(workspace),
        VisitService(workspace),
    )
    users = workspace.list_users()

    def settle() -> None:
        # Layout and paint (the view asks the model for its visible rows); twice, for what the
        # first pass queued (a sort waits for the header to finish its click).
        app.processEvents()
        app.processEvents()

    shown: list[float] = []
    pages: list[CaseloadPage] = []
    for _ in range(5):
        page = CaseloadPage(caseload, rights, visits, workspace.user, users)
        page.resize(1400, 800)
        start = time.perf_counter()
        page.show()
        settle()
        shown.append(time.perf_counter() - start)
        pages.append(page)
    page = pages[-1]
    total = page.model.rowCount()
    print(f"caseload of {total:,} households, pages of {PAGE_SIZE} rows, at most {KEPT_PAGES} kept")
    _report("show the page: count + first page painted", shown)

    def timed(action: Callable[[], object], repeat: int = 7) -> list[float]:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            action()
            settle()
            times.append(time.perf_counter() - start)
        return times

    right = page.filters.right
    _report(
        "filter by right (combo), count + first page painted",
        timed(lambda: right.setCurrentIndex(1 + right.currentIndex() % 7)),
    )
    right.setCurrentIndex(0)
    status = page.filters.status
    _report(
        "filter by step (combo), count + first page painted",
        timed(lambda: status.setCurrentIndex(1 + status.currentIndex() % 8)),
    )
    status.setCurrentIndex(0)
    overdue = page.filters.overdue
    _report("'en retard' checkbox, count + first page painted", timed(overdue.toggle))
    if overdue.isChecked():
        overdue.toggle()
    words = iter(["rue", "mar", "allée", "bern", "chemin", "pont", "lou", "de"] * 3)
    search = page.filters.search
    _report(
        "text search after the typing pause, count + first page",
        timed(
            lambda: (search.setText(next(words)), page.filters.changed.emit(page.filters.current()))
        ),
    )
    search.setText("")
    page.filters.changed.emit(page.filters.current())
    settle()
    view = page.view
    deep = iter(range(total // 3, total, max(total // 20, 1)))
    _report(
        "scroll deep into the list (a page read at its offset)",
        timed(lambda: view.scrollTo(page.model.index(next(deep), 0))),
    )
    header = view.horizontalHeader()
    _report(
        "sort by name (header), count + first page painted",
        timed(
            lambda: header.setSortIndicator(
                0,
                Qt.SortOrder.DescendingOrder
                if header.sortIndicatorOrder() is Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder,
            ),
            repeat=5,
        ),
    )
    print(f"rows held in memory after all this: {page.model.loaded_rows():,}")
    # The first household opened reads the visits' index off the UI thread: time until its
    # rights are on screen.
    page.filters.status.setCurrentIndex(page.filters.status.findData("referred"))
    settle()
    start = time.perf_counter()
    view.selectRow(0)
    while page.index is None or page.detail.rights_title.isHidden():
        app.processEvents()
        time.sleep(0.005)
    _report("open the first household (visit index read meanwhile)", [time.perf_counter() - start])
    rows = iter(range(1, 200))
    _report(
        "open another household (index read), its rights shown",
        timed(lambda: view.selectRow(next(rows)), repeat=10),
    )
    _report(
        "visit index alone (off the UI thread)", timed(lambda: VisitIndex.build(visits), repeat=3)
    )
    index = VisitIndex.build(visits)
    households = [page.model.row_at(r) for r in range(0, min(total, 2_000), 97)]
    ids = iter([h.household_id for h in households if h is not None])
    _report(
        "read one household's file (referrals, assessments)",
        timed(lambda: load_household(next(ids), index, caseload, rights), repeat=10),
    )
    _report("'à relancer': due checks", timed(caseload.due_checks, repeat=5))
    referral = next(
        r
        for h in households
        if h is not None
        for r in caseload.referrals(h.household_id)
        if r.status in (ReferralStatus.REFERRED, ReferralStatus.NO_NEWS)
    )
    day = caseload.today
    steps = iter([ReferralStatus.NO_NEWS, ReferralStatus.REFERRED] * 5)
    if referral.status is ReferralStatus.NO_NEWS:
        steps = iter([ReferralStatus.REFERRED, ReferralStatus.NO_NEWS] * 5)
    _report(
        "record a step (CaseloadService.advance, as the dialog does)",
        timed(lambda: caseload.advance(referral.id, step(next(steps), day)), repeat=6),
    )
    for each in pages:
        each.close()
        each.deleteLater()
    settle()
    workspace.lock()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("households", nargs="?", type=int, default=50_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the workspace here")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="allervers-caseload-") as temporary:
        folder = arguments.keep or Path(temporary)
        if not (folder / "ws").exists():
            folder.mkdir(parents=True, exist_ok=True)
            build(folder, arguments.households)
        measure(folder)


if __name__ == "__main__":
    main()
