"""Retention and the person's rights (RGPD art. 15 and 17).

CNIL référentiel 2023-095 (social sector): active data are kept two years after the last contact,
then deleted or anonymised. Households without contact for `retention_months` (24 by default) are
listed for purge; the purge, and an erasure asked by the person, remove name, phone, address,
answers, reasons and notes for good, and keep only the anonymous counts behind past figures.
A person's data can be exported on request (JSON and PDF). Every one of these is logged.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from allervers.services.caseload import add_months
from allervers.services.workspace import OpenWorkspace
from allervers.storage import caseload_repo, repositories, retention_repo, rights_repo, visits_repo
from allervers.storage.database import checkpoint
from allervers.storage.models import utc_now


class RetentionService:
    def __init__(self, workspace: OpenWorkspace, today: dt.date | None = None) -> None:
        self._workspace = workspace
        self._today = today or dt.date.today()

    def purge_candidates(self) -> list[str]:
        self._workspace.require_coordinator("purge")
        limit = add_months(self._today, -self._workspace.settings.retention_months)
        with self._workspace.db.session() as session:
            return caseload_repo.stale_households(session, limit.isoformat())

    def purge(self) -> int:
        """Removes the personal data of every household past the retention period."""
        candidates = self.purge_candidates()
        self._remove(candidates, "household_purged")
        return len(candidates)

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
