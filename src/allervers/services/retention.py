"""Retention and the person's rights (RGPD art. 15 and 17).

CNIL référentiel 2023-095 (social sector): active data are kept two years after the last contact,
then deleted or anonymised. Households without contact for `retention_months` (24 by default) are
listed for purge; the purge, and an erasure asked by the person, remove name, phone, address,
answers, reasons and notes for good, and keep only the anonymous counts behind past figures.
A person's data can be exported on request (JSON and PDF). Every one of these is logged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from allervers.domain.doors import EXPIRING
from allervers.domain.errors import StorageFull
from allervers.files.atomic import (
    create_exclusive,
    fsync_directory,
    place,
    sync_file,
    temporary_beside,
)
from allervers.reports.person_export import write_person_export
from allervers.services.caseload import add_months
from allervers.services.output_files import check_output
from allervers.services.workspace import OpenWorkspace
from allervers.storage import (
    caseload_repo,
    doors_repo,
    repositories,
    retention_repo,
    rights_repo,
    visits_repo,
)
from allervers.storage.database import checkpoint
from allervers.storage.models import utc_now
from allervers.wording import Translate, identity

DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class RetentionService:
    def __init__(self, workspace: OpenWorkspace, today: dt.date | None = None) -> None:
        self._workspace = workspace
        self._today = today or dt.date.today()

    def purge_candidates(self) -> list[str]:
        self._workspace.require_coordinator("purge")
        limit = add_months(self._today, -self._workspace.settings.retention_months)
        with self._workspace.db.read() as session:
            return caseload_repo.stale_households(session, limit.isoformat())

    def purge(self) -> int:
        """Removes the personal data of every household past the retention period, and what
        doors said past it (a refusal, a "do not disturb": `expire_door_statuses`)."""
        candidates = self.purge_candidates()
        self._remove(candidates, "household_purged")
        self.expire_door_statuses()
        return len(candidates)

    def expire_door_statuses(self) -> int:
        """A refusal or a "do not disturb" is what a household said: kept and respected for the
        retention period, then erased (the door was knocked and someone opened; it may be
        knocked again). An ORM change, so the laptops holding the door get it too."""
        self._workspace.require_coordinator("purge")
        limit = add_months(self._today, -self._workspace.settings.retention_months)
        with self._workspace.db.session() as session:
            count = doors_repo.expire(session, EXPIRING, limit.isoformat())
            if count:
                repositories.append_audit(
                    session, self._workspace.user.id, "door_statuses_expired", "door", str(count)
                )
        return count

    def erase(self, household_id: str) -> None:
        """The person asked for erasure: same removal, at once."""
        self._workspace.require_coordinator("erase")
        self._remove([household_id], "household_erased_on_request")

    def _remove(self, household_ids: list[str], action: str) -> None:
        with self._workspace.db.session() as session:
            for household_id in household_ids:
                retention_repo.anonymise_household(session, household_id)
                repositories.append_audit(
                    session, self._workspace.user.id, action, "household", household_id
                )
        checkpoint(self._workspace.db.engine)

    def export_person(self, household_id: str) -> dict[str, Any]:
        """Everything the workspace holds about a household (right of access, art. 15)."""
        self._workspace.require_coordinator("export_person")
        with self._workspace.db.session() as session:
            household = visits_repo.household_row(session, household_id)
            visits = [
                v for v in visits_repo.list_visits(session, None) if v.household_id == household_id
            ]
            data: dict[str, Any] = {
                "exported_at": utc_now(),
                "household": {
                    "id": household.id,
                    "commune_insee": household.commune_insee,
                    "street": household.street,
                    "number": household.number,
                    "contact_name": household.contact_name,
                    "contact_phone": household.contact_phone,
                },
                "visits": [
                    {
                        "id": v.id,
                        "visited_on": v.visited_on,
                        "status": v.status.value,
                        "answers": v.answers,
                        "assessments": [
                            {
                                **s.assessment.to_json(),
                                "nonrecours_reason": s.reason.value if s.reason else None,
                                "decision": s.decision.value if s.decision else None,
                            }
                            for s in rights_repo.current_assessments(session, v.id)
                        ],
                    }
                    for v in visits
                ],
                "referrals": [
                    {k: (v.value if hasattr(v, "value") else v) for k, v in asdict(r).items()}
                    for r in caseload_repo.referrals_of(session, household_id)
                ],
            }
            repositories.append_audit(
                session,
                self._workspace.user.id,
                "person_data_exported",
                "household",
                household_id,
            )
        json.dumps(data)  # fails here, not in the caller's file, if anything is not JSON
        return data

    def write_person_files(
        self,
        household_id: str,
        folder: Path,
        translate: Translate = identity,
        replace: bool = False,
    ) -> tuple[Path, Path]:
        """Writes the household's data (`export_person`) in `folder` as JSON and PDF, the files and
        contents `allervers person export` writes. Both or neither: each is written to a temporary
        file in `folder` (readable by its owner only), and renamed once both are complete; a file
        already there is never replaced (OutputRefused) unless `replace` (the command
        line's --force); a symbolic link is never written through. A full disk is StorageFull; any
        other failure is an OSError naming the file that could not be written. Nothing is left
        behind when it fails."""
        json_path, pdf_path = person_export_paths(folder, household_id)
        for path in (json_path, pdf_path):
            check_output(path, replace)
        data = self.export_person(household_id)
        text = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")

        def write_json(target: Path) -> None:
            target.write_bytes(text)

        def write_pdf(target: Path) -> None:
            write_person_export(target, data, translate)

        writers: list[tuple[Path, Callable[[Path], None]]] = [
            (json_path, write_json),
            (pdf_path, write_pdf),
        ]
        temporaries: list[Path] = []
        placed: list[Path] = []
        current = json_path
        try:
            for path, write in writers:
                current = path
                temporary = temporary_beside(path)
                # Owner-only from its first byte: created empty, then written.
                create_exclusive(temporary, b"", sync=False)
                temporaries.append(temporary)
                write(temporary)
                sync_file(temporary)
            for temporary, (path, _) in zip(temporaries, writers, strict=True):
                current = path
                check_output(path, replace)  # again: a file or a link may have appeared
                place(temporary, path, replace=True)
                placed.append(path)
            fsync_directory(folder)
        except BaseException as error:
            for leftover in [*temporaries, *placed]:
                with contextlib.suppress(OSError):
                    leftover.unlink()
            if isinstance(error, OSError) and error.errno in DISK_FULL:
                raise StorageFull(current) from error
            if isinstance(error, OSError) and error.errno is not None:
                # Named after the file the person asked for, not the temporary one.
                raise OSError(error.errno, error.strerror, str(current)) from error
            raise
        return json_path, pdf_path


def person_export_paths(folder: Path, household_id: str) -> tuple[Path, Path]:
    """The JSON and PDF files `allervers person export` names: the household id's first
    characters, nothing about the person."""
    stem = f"foyer-{household_id[:8]}"
    return folder / f"{stem}.json", folder / f"{stem}.pdf"
