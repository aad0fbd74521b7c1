"""Assessments kept in the workspace, the household sheet, and `allervers assess`."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from allervers.cli import rights_cli
from allervers.domain.followup import Decision, NonDemandeDetail, NonRecoursReason, Place
from allervers.domain.rights import AssessmentStatus, Organisation, RightId
from allervers.domain.visits import DoorOutcome
from allervers.reports.household_sheet import SheetContent, write_household_sheet
from allervers.rights.engine import RightsEngine
from allervers.services.rights import ReassessReport, RightsService, assessable
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace
from tests.integration.cli import run_cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"


def import_example(created: CreatedWorkspace, name: str, tmp_path: Path) -> str:
    source = tmp_path / f"{name}.jsonl"
    source.write_text(
        (EXAMPLES / f"{name}.json").read_text("utf-8").replace("\n", " ") + "\n", encoding="utf-8"
    )
    visits = VisitService(created.workspace)
    visits.import_file(source)
    return visits.list_visits()[-1].id


def test_assessments_are_stored_with_version_and_reassessed_keeping_the_followup(
    created: CreatedWorkspace, engine: RightsEngine, tmp_path: Path
) -> None:
    visit_id = import_example(created, "personne-seule-sans-revenu", tmp_path)
    visit = VisitService(created.workspace).get(visit_id)
    rights = RightsService(created.workspace)
    stored = {s.assessment.right: s for s in rights.assess(visit, engine)}
    assert set(stored) == set(RightId)
    rsa = stored[RightId.RSA]
    assert rsa.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS
    assert rsa.assessment.openfisca_france_version == engine.version
    assert rsa.assessment.parameter_date is not None

    rights.record_followup(
        rsa.id,
        NonRecoursReason.NON_DEMANDE,
        NonDemandeDetail.FEAR_OF_REPAYMENT,
        Decision.WANTS_HELP,
    )
    assert rights.reassess_all(engine) == ReassessReport(1, [])
    again = {s.assessment.right: s for s in rights.current(visit_id)}
    assert again[RightId.RSA].id != rsa.id  # a new assessment row...
    assert again[RightId.RSA].reason is NonRecoursReason.NON_DEMANDE  # ...keeps what was said
    assert again[RightId.RSA].reason_detail is NonDemandeDetail.FEAR_OF_REPAYMENT
    assert again[RightId.RSA].decision is Decision.WANTS_HELP


def test_a_sub_reason_goes_only_with_non_demande(
    created: CreatedWorkspace, engine: RightsEngine, tmp_path: Path
) -> None:
    visit_id = import_example(created, "personne-seule-sans-revenu", tmp_path)
    rights = RightsService(created.workspace)
    stored = rights.assess(VisitService(created.workspace).get(visit_id), engine)
    saved = rights.record_followup(
        stored[0].id, NonRecoursReason.NON_CONNAISSANCE, NonDemandeDetail.STIGMA, Decision.ALONE
    )
    assert saved.reason_detail is None


def test_doors_without_interview_are_not_assessed(created: CreatedWorkspace) -> None:
    visit = VisitService(created.workspace).record_door(
        "49092", "Rue A", "1", DoorOutcome.ABSENT, date(2026, 10, 14)
    )
    assert not assessable(visit)


def test_household_sheet_names_the_flagged_rights_places_and_documents(
    created: CreatedWorkspace, engine: RightsEngine, tmp_path: Path
) -> None:
    visit_id = import_example(created, "personne-seule-sans-revenu", tmp_path)
    rights = RightsService(created.workspace)
    rights.set_place(
        Place(
            Organisation.CAF,
            "CAF de Maine-et-Loire",
            "32 rue Louis Gain, Angers",
            "32 30",
            "lundi-vendredi 8h30-16h",
        )
    )
    stored = rights.assess(VisitService(created.workspace).get(visit_id), engine)
    flagged = [
        s.assessment for s in stored if s.assessment.status is AssessmentStatus.PROBABLE_NON_RECOURS
    ]
    assert {a.right for a in flagged} >= {RightId.RSA}
    out = tmp_path / "feuille.pdf"
    write_household_sheet(
        out,
        SheetContent(
            [s.assessment for s in stored], rights.places(), "Hortense", date(2026, 10, 14)
        ),
    )
    reader = PdfReader(str(out))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert "Vos droits à vérifier" in flat
    assert "RSA (revenu de solidarité active)" in flat
    assert "(estimation)" in flat
    assert "CAF de Maine-et-Loire" in flat and "32 rue Louis Gain" in flat
    assert "Pièce d'identité" in flat
    assert "Hortense" in flat
    assert "Complémentaire santé solidaire" in flat and "Gratuite" in flat
    for right in (RightId.PPA,):  # not flagged for a household without activity income
        assert "Prime d'activité" not in flat, right


def test_assess_command_prints_json_for_one_household_and_a_batch(
    tmp_path: Path, engine: RightsEngine, capsys: pytest.CaptureFixture[str]
) -> None:
    # One household in this process (with the session's engine), a batch in a real process.
    single = argparse.Namespace(file=EXAMPLES / "retraitee-proprietaire.json", month=None)
    assert rights_cli.assess(single, engine) == 0
    result = json.loads(capsys.readouterr().out)
    by_right = {a["right"]: a for a in result["assessments"]}
    aspa = by_right["aspa"]
    # 78 years old, 750 € of pension: ASPA is probable, but she does not know what she receives
    assert aspa["status"] == "cannot_tell"
    assert "receipt_unknown" in {r["code"] for r in aspa["reasons"]}
    assert aspa["amount"] > 0
    assert aspa["organisation"] == "msa"  # farm regime
    batch = tmp_path / "lot.jsonl"
    batch.write_text(
        "\n".join(
            (EXAMPLES / f"{n}.json").read_text("utf-8").replace("\n", " ")
            for n in ("personne-seule-sans-revenu", "couple-deux-enfants-salarie")
        )
        + "\n",
        encoding="utf-8",
    )
    many = run_cli(tmp_path, "assess", batch, "--month", "2026-09", timeout=300)
    assert many.code == 0, many.err
    lines = [json.loads(line) for line in many.out.splitlines()]
    assert [line["month"] for line in lines] == ["2026-09", "2026-09"]


def test_assess_refuses_an_impossible_household_in_french(tmp_path: Path) -> None:
    bad = json.loads((EXAMPLES / "retraitee-proprietaire.json").read_text("utf-8"))
    bad["answers"]["persons"][0]["age"] = 300
    path = tmp_path / "faux.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    result = run_cli(tmp_path, "assess", path)
    assert result.code == 1
    assert "ligne 1" in result.err and "hors des limites" in result.err
    assert "Aucune ligne n'a été prise en compte" in result.err


@pytest.mark.parametrize("month", ["2026-13", "octobre"])
def test_assess_refuses_a_wrong_month(tmp_path: Path, month: str) -> None:
    result = run_cli(tmp_path, "assess", EXAMPLES / "porte-absente.json", "--month", month)
    assert result.code == 1
    assert "Valeur impossible" in result.err
