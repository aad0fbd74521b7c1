"""A referral keeps a frozen copy of the directory service it points to: readable after any later
import, even one that removes the service. What the directory proposes for a household."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from allervers.domain.directory import OfficeKind, freeze
from allervers.domain.followup import Decision, NonDemandeDetail, NonRecoursReason
from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import RightId
from allervers.services.caseload import CaseloadService, step
from allervers.services.directory import Directory
from allervers.services.directory_data import DEMO_EPCI
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace
from tests.integration.test_caseload import interview


def test_a_referral_to_a_service_removed_by_a_later_import_stays_readable(
    created: CreatedWorkspace, directory_files, tmp_path: Path
) -> None:
    workspace = created.workspace
    structures, services = directory_files["json"]
    directory = Directory(workspace)
    directory.import_files([structures, services], "49")
    visit_id = interview(workspace, tmp_path, "Gaëlle Tourmente", "2026-01-05", commune="49092")
    visit = VisitService(workspace).get(visit_id)
    found = directory.for_visit(
        {**visit.answers, "needs": ["digital"]}, RightsService(workspace).current(visit_id)
    )
    chosen = found.pistes[0].service
    caseload = CaseloadService(workspace, today=dt.date(2026, 1, 10))
    referral = caseload.refer(visit_id, RightId.RSA)
    caseload.advance(
        referral.id, step(ReferralStatus.REFERRED, dt.date(2026, 1, 10), service=freeze(chosen))
    )
    rows = [r for r in json.loads(services.read_text(encoding="utf-8")) if r["id"] != chosen.id]
    without = tmp_path / "services-inclusion-2026-06-01.json"
    without.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    report = directory.import_files([structures, without], "49")
    assert report.services.removed == 1
    kept = caseload.referrals(visit.household_id)[0]
    assert kept.service is not None
    assert kept.service.id == chosen.id and kept.service.name == chosen.name
    assert kept.service.phone == chosen.phone and kept.service.hours == chosen.hours
    assert kept.service.date_maj == chosen.date_maj.isoformat()
    assert directory.get(chosen.id).archived_on is not None  # archived, not deleted


def test_for_a_household_the_office_and_pistes_from_its_epci_only(
    created: CreatedWorkspace, directory_files, tmp_path: Path
) -> None:
    workspace = created.workspace
    directory = Directory(workspace)
    directory.import_files(list(directory_files["json"]), "49")
    visit_id = interview(workspace, tmp_path, "Gaëlle Tourmente", "2026-01-05", commune="49092")
    rights = RightsService(workspace)
    stored = rights.current(visit_id)
    rsa = next(s for s in stored if s.assessment.right is RightId.RSA)
    rights.record_followup(
        rsa.id, NonRecoursReason.NON_DEMANDE, NonDemandeDetail.DIGITAL, Decision.WANTS_HELP
    )
    answers = {**VisitService(workspace).get(visit_id).answers, "needs": ["digital"]}
    found = directory.for_visit(answers, rights.current(visit_id))
    assert found.findings == ["need:digital", "reason:non_demande.digital"]
    caf = found.offices[OfficeKind.CAF]
    assert caf is not None and caf.address and caf.phone and caf.hours
    assert 1 <= len(found.pistes) <= 3
    for piste in found.pistes:
        zone = piste.service.zone
        assert zone is None or set(zone) & {"49092", DEMO_EPCI, "49", "france"}
        assert "244900015" not in (zone or ())  # Angers Loire Métropole's own service
    assert any(DEMO_EPCI in (p.service.zone or ()) for p in found.pistes)
