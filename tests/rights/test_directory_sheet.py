"""The household sheet with the demo's directory: for a household of Chemillé-en-Anjou with a
flagged RSA and a digital need, the CAF's address and hours and a digital help of its
intercommunality (Mauges Communauté), and nothing from outside its eligibility zone."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from allervers.cli import rights_cli
from allervers.domain.rights import AssessmentStatus, RightId
from allervers.rights.engine import RightsEngine
from allervers.services.demo import demo_directory
from allervers.services.directory_data import DEMO_EPCI
from allervers.services.directory_sheet import sheet_directory
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"
ANGERS_ONLY = "Aide numérique aux démarches en ligne"  # zone: Angers Loire Métropole


def household(created: CreatedWorkspace, tmp_path: Path) -> str:
    visit = json.loads((EXAMPLES / "personne-seule-sans-revenu.json").read_text("utf-8"))
    visit["answers"]["address_insee"] = "49092"  # Chemillé-en-Anjou, Mauges Communauté
    visit["answers"]["needs"] = ["digital"]
    source = tmp_path / "foyer.jsonl"
    source.write_text(json.dumps(visit, ensure_ascii=False) + "\n", encoding="utf-8")
    visits = VisitService(created.workspace)
    visits.import_file(source)
    return visits.list_visits()[-1].id


def test_sheet_gives_the_caf_and_a_digital_help_of_the_households_epci(
    created: CreatedWorkspace,
    engine: RightsEngine,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workspace = created.workspace
    assert demo_directory(workspace) > 100
    visit_id = household(created, tmp_path)
    stored = RightsService(workspace).assess(VisitService(workspace).get(visit_id), engine)
    rsa = next(s for s in stored if s.assessment.right is RightId.RSA)
    assert rsa.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS

    visit = VisitService(workspace).get(visit_id)
    found = sheet_directory(workspace, visit.answers, stored)
    assert found.pistes and all(
        piste.service.zone is None or set(piste.service.zone) & {"49092", DEMO_EPCI, "49", "france"}
        for piste in found.pistes
    )
    out = tmp_path / "feuille.pdf"
    assert (
        rights_cli.sheet(argparse.Namespace(visit=visit_id, out=out, force=False), workspace) == 0
    )
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(out)).pages)
    caf = found.places[rsa.assessment.organisation]
    assert "Caisse d'allocations familiales (Angers)" in text
    assert caf.address in text and "tél." in text and "lun." in text  # hours, in French
    assert "Près de chez vous, pour vous aider" in text
    assert "Aide aux démarches administratives en ligne" in text  # France services, Mauges
    assert ANGERS_ONLY not in text and "Espace numérique d'Angers" not in text
    assert "Des pistes, à vérifier" in text
