#!/usr/bin/env python3
"""Doors of the territory (issue 16), figures printed, nothing asserted:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.doors

- import of a 30,000-address département file (BAN csv-legacy), then the same file again
  (aim: 10 s here);
- the coverage map with 5,000 doors and 3,000 building outlines: one frame drawn after each
  step of a pan and of a zoom, at 1366x768 (aim: under 33 ms a frame);
- "absent" for a whole street of 50 doors (aim: 200 ms).
Synthetic data (services/address_samples.py), a real SQLCipher workspace with the production
Argon2id parameters.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "six chats gris dansent sous la pluie"


def _line(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(
        f"{label:<58} median {statistics.median(times) * 1000:8.1f} ms  p95 {p95 * 1000:7.1f} ms"
        f"  max {max(times) * 1000:7.1f} ms  (n={len(times)})",
        flush=True,
    )


def bench_import(tmp: Path) -> None:
    from allervers.services import address_samples
    from allervers.services.addresses import AddressService
    from allervers.services.workspace import WorkspaceService

    path = address_samples.write_ban(
        tmp / "adresses-49.csv", address_samples.departement_addresses()
    )
    workspace = (
        WorkspaceService(tmp / "state").create(tmp / "ws", "Banc", "Banc", PASSPHRASE).workspace
    )
    service = AddressService(workspace)
    start = time.perf_counter()
    counts = service.import_file(path)
    first = time.perf_counter() - start
    start = time.perf_counter()
    again = service.import_file(path)
    second = time.perf_counter() - start
    print(f"import 30,000 addresses (BAN csv-legacy): {first:.2f} s ({counts.added} added)")
    print(f"import the same file again:               {second:.2f} s ({again.unchanged} unchanged)")
    three = service.import_file(path, ["49092", "49023", "49125"])
    print(
        f"import filtered to 3 communes:            {three.unchanged} unchanged, {three.removed} removed"
    )
    workspace.lock()


def bench_street(tmp: Path) -> None:
    from allervers.domain.rounds import MAX_ROUND_DOORS
    from allervers.services import address_samples
    from allervers.services.addresses import AddressService
    from allervers.services.doors import DoorService
    from allervers.services.rounds import RoundService
    from allervers.services.workspace import WorkspaceService

    samples = address_samples.commune_addresses("49092", 3000)
    workspace = (
        WorkspaceService(tmp / "state2").create(tmp / "ws2", "Banc", "Banc", PASSPHRASE).workspace
    )
    AddressService(workspace).import_file(address_samples.write_ban(tmp / "a.csv", samples))
    counts: dict[str, int] = {}
    for s in samples:
        counts[s.address.street] = counts.get(s.address.street, 0) + 1
    # Streets of about 50 doors, as many as a round holds.
    streets = [w for w, n in sorted(counts.items()) if 45 <= n <= 60]
    rounds = RoundService(workspace)
    chosen, total = [], 0
    for way in streets:
        if total + counts[way] <= MAX_ROUND_DOORS:
            chosen.append(way)
            total += counts[way]
    rounds.create("Banc", "49092", chosen)
    times, doors = [], []
    # Three days: each street found shut every day (the third pass is the last one due).
    for day in range(3):
        service = DoorService(workspace, today=dt.date(2026, 10, 1) + dt.timedelta(days=day))
        for way in chosen:
            start = time.perf_counter()
            doors.append(service.absent_street(way, "Banc"))
            times.append(time.perf_counter() - start)
    print(f"round of {total} doors on {len(chosen)} streets of {min(doors)} to {max(doors)} doors")
    _line('"absent" for a whole street of about 50 doors', times)
    workspace.lock()


def bench_map() -> None:
    from PySide6.QtWidgets import QApplication

    from allervers.domain.doors import DoorStatus
    from allervers.services import address_samples, building_samples
    from allervers.ui.doors.map_view import CoverageMap, MapDoor, MapRound

    app = QApplication.instance() or QApplication([])
    samples = address_samples.territory_addresses({"49092": 3000, "49023": 2000})
    statuses = list(DoorStatus)
    doors = [
        MapDoor(s.address.cle_interop, s.address.x, s.address.y, statuses[i % len(statuses)])
        for i, s in enumerate(samples)
    ]
    outlines = building_samples.building_outlines(samples[:3000])[:3000]
    view = CoverageMap()
    view.resize(1366, 768)
    view.show()
    start = time.perf_counter()
    view.show_buildings(outlines)
    view.show_doors(doors)
    view.show_rounds(
        [
            MapRound(f"R{i}", tuple((d.x, d.y) for d in doors[i * 250 : (i + 1) * 250]), 100, 250)
            for i in range(20)
        ]
    )
    app.processEvents()
    print(
        f"map: {len(doors)} doors, {len(outlines)} building outlines built in {time.perf_counter() - start:.2f} s"
    )

    def frame() -> float:
        began = time.perf_counter()
        view.viewport().repaint()  # synchronous paint of the whole viewport
        return time.perf_counter() - began

    view.fit_all()
    app.processEvents()
    fitted = [frame() for _ in range(10)]
    _line("frame, whole territory in view", fitted)
    view.centerOn(doors[0].x, -doors[0].y)
    view.zoom_by(2.0 / view.zoom)  # street level: 2 pixels a metre, buildings drawn
    app.processEvents()
    pans = []
    for step in range(60):
        view.horizontalScrollBar().setValue(
            view.horizontalScrollBar().value() + (15 if step < 30 else -15)
        )
        pans.append(frame())
    _line(f"frame after a pan step (street level, 15 px, {view.zoom:.1f} px/m)", pans)
    zooms = []
    for step in range(40):
        view.zoom_by(1.1 if step < 20 else 1 / 1.1)
        zooms.append(frame())
    _line("frame after a zoom step (x1.1)", zooms)
    view.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        bench_import(tmp)
        bench_street(tmp)
    bench_map()


if __name__ == "__main__":
    main()
