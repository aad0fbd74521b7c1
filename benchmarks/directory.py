"""Directory benchmarks: `.venv/bin/python -m benchmarks.directory [SERVICES]`.

1. Import and index of one département from a synthetic national file (90,000 services by
   default, JSON as data.gouv.fr publishes it): `allervers directory import --departement 49`
   (aim: 20 s).
2. Matching one household (offices of its flagged rights and three pistes for its needs),
   `Directory.for_visit` on the imported département (aim: 50 ms).

Prints figures; asserts nothing. Synthetic data on a temporary workspace, production Argon2id.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from allervers.domain.followup import NonDemandeDetail, NonRecoursReason, StoredAssessment  # noqa: E402
from allervers.domain.rights import (  # noqa: E402
    AmountPeriod,
    AssessmentStatus,
    Organisation,
    RightAssessment,
    RightId,
)
from allervers.services.directory import Directory  # noqa: E402
from allervers.services.directory_data import synthetic_directory  # noqa: E402
from allervers.services.directory_writer import write_directory  # noqa: E402
from allervers.services.workspace import WorkspaceService  # noqa: E402

PASSPHRASE = "six chats gris dansent sous la pluie"


def main(services: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        start = time.perf_counter()
        national = synthetic_directory(services, seed=2026)
        files = write_directory(national, tmp / "files", "json")
        size = sum(f.stat().st_size for f in files) / 1e6
        print(
            f"synthetic national file: {len(national.services):,} services, "
            f"{len(national.structures):,} structures, {size:.0f} MB JSON, "
            f"written in {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        workspace = (
            WorkspaceService(tmp / "state")
            .create(tmp / "ws", "Banc d'essai", "Banc", PASSPHRASE)
            .workspace
        )
        directory = Directory(workspace)
        start = time.perf_counter()
        report = directory.import_files(files, "49")
        took = time.perf_counter() - start
        print(
            f"import and index of département 49: {took:.1f} s "
            f"({report.services.added:,} services and {report.structures.added:,} structures "
            f"kept, {report.outside:,} records left out)",
            flush=True,
        )
        start = time.perf_counter()
        again = directory.import_files(files, "49")
        print(
            f"same file again (nothing changed, {again.services.kept:,} kept): "
            f"{time.perf_counter() - start:.1f} s",
            flush=True,
        )
        flagged = [
            StoredAssessment(
                f"a{right.value}",
                "v",
                RightAssessment(
                    right,
                    AssessmentStatus.PROBABLE_NON_RECOURS,
                    300.0,
                    AmountPeriod.MONTH,
                    organisation=organisation,
                ),
                "2026-05-04T10:00:00+00:00",
                NonRecoursReason.NON_DEMANDE,
                NonDemandeDetail.DIGITAL,
            )
            for right, organisation in (
                (RightId.RSA, Organisation.CAF),
                (RightId.CSS, Organisation.CPAM),
                (RightId.CHEQUE_ENERGIE, Organisation.IMPOTS),
            )
        ]
        answers = {
            "address_insee": "49092",
            "needs": ["digital", "mobility", "food"],
            "persons": [{"relationship": "reference", "age": 45, "activity": "unemployed"}],
        }
        times = []
        for _ in range(30):
            start = time.perf_counter()
            found = directory.for_visit(answers, flagged)
            times.append(time.perf_counter() - start)
        print(
            f"matching one household (3 offices, {len(found.pistes)} pistes for 4 findings): "
            f"median {statistics.median(times) * 1000:.1f} ms "
            f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, n={len(times)})",
            flush=True,
        )
        workspace.lock()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 90_000)
