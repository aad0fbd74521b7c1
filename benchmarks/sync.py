#!/usr/bin/env python3
"""Sync benchmark: `.venv/bin/python -m benchmarks.sync [VISITS]` (default 5 000).

Prints figures; asserts nothing. A coordinator's workspace and one enrolled volunteer's laptop
(light Argon2id: the key derivation is not what is measured); the volunteer records VISITS
synthetic finished visits, writes the bundle (read, compress, seal, sign), and the coordinator
verifies, decrypts and merges it; then merges a second bundle of the same records (all unchanged).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from allervers.crypto.kdf import KdfParams  # noqa: E402
from allervers.services.demo import fill_demo  # noqa: E402
from allervers.services.sync import SyncService, join  # noqa: E402
from allervers.services.workspace import WorkspaceService  # noqa: E402

LIGHT = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "six chats gris dansent sous la pluie"
VOLUNTEER_PASSPHRASE = "le facteur passe deux fois le jeudi"


def main(visits: int = 5000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        service = WorkspaceService(folder / "state", kdf_params=LIGHT)
        hub = service.create(folder / "hub", "Territoire", "Coordinatrice", PASSPHRASE).workspace
        SyncService(hub).invite("Bénévole", VOLUNTEER_PASSPHRASE, folder / "invite", LIGHT)
        joined = join(
            folder / "invite", folder / "laptop", VOLUNTEER_PASSPHRASE, folder / "r", LIGHT
        )
        SyncService(hub).enrol(folder / "r")
        laptop = joined.created.workspace
        start = time.perf_counter()
        fill_demo(laptop, visits, seed=1)
        filled = time.perf_counter() - start

        start = time.perf_counter()
        written = SyncService(laptop).write_bundle(folder / "bundle")
        write_s = time.perf_counter() - start
        SyncService(laptop).write_bundle(folder / "again")
        start = time.perf_counter()
        report = SyncService(hub).read_bundle(folder / "bundle")
        merge_s = time.perf_counter() - start
        start = time.perf_counter()
        SyncService(hub).read_bundle(folder / "again")
        remerge_s = time.perf_counter() - start
        size = (folder / "bundle").stat().st_size
        laptop.lock()
        hub.lock()
    figures = {
        "visits": visits,
        "records": written.records,
        "inserted": report.inserted,
        "bundle_mb": size / 1e6,
        "fill_s": filled,
        "write_s": write_s,
        "merge_s": merge_s,
        "write_and_merge_s": write_s + merge_s,
        "remerge_unchanged_s": remerge_s,
    }
    for name, value in figures.items():
        print(f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}")
    return figures


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
