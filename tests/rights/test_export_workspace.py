"""`allervers export` and `export-microdata` on a 5,000-household demo workspace: no name, street,
phone number or exact birth date of the workspace appears in any file, and both files verify."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader
from sqlalchemy import text

from allervers.domain.export import ExportExists
from allervers.export.verify import verify_export
from allervers.rights.engine import RightsEngine
from allervers.services import demo, export_microdata
from allervers.services import export as export_service
from allervers.services.workspace import CreatedWorkspace


def personal_values(created: CreatedWorkspace) -> set[str]:
    """Names, streets, phones and exact birth dates, read from the decrypted database."""
    values: set[str] = set()
    with created.workspace.db.engine.connect() as conn:
        for name, street, phone in conn.execute(
            text("SELECT contact_name, street, contact_phone FROM households")
        ):
            values.update(v for v in (name, street, phone) if v)
        for (answers,) in conn.execute(text("SELECT answers FROM visits")):
            data = json.loads(answers)
            for key in ("contact_name", "contact_phone", "address_street", "note"):
                if data.get(key):
                    values.add(data[key])
            for person in data.get("persons", []):
                if person.get("birth_date"):
                    birth = dt.date.fromisoformat(person["birth_date"])
                    values.update({person["birth_date"], birth.strftime("%d/%m/%Y")})
    return {v for v in values if len(v) >= 6}  # "Rue" alone would match anything


def texts_of(archive: bytes) -> dict[str, str]:
    out = {}
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        for name in zipped.namelist():
            data = zipped.read(name)
            if name.endswith(".pdf"):
                out[name] = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
            else:
                out[name] = data.decode("utf-8")
    return out


def test_export_of_a_5000_household_workspace_holds_no_personal_datum(
    created: CreatedWorkspace, engine: RightsEngine, tmp_path: Path
) -> None:
    workspace = created.workspace
    demo.fill_demo(workspace, 5_000, seed=5)
    demo.demo_followups(workspace, engine, seed=5)
    secrets = personal_values(created)
    assert len(secrets) > 3_000  # the scan has something to find

    today = dt.date.today()
    quarter = (today.month - 1) // 3 or 4  # the last quarter that is over
    label = f"{today.year if (today.month - 1) // 3 else today.year - 1}-Q{quarter}"
    out = tmp_path / "envoi"
    table = export_service.release_table(workspace, label, out)
    micro = export_microdata.release_microdata(workspace, label, out)
    for report in (table, micro):
        archive = report.path.read_bytes()
        contents = texts_of(archive)
        for name, content in contents.items():
            found = [s for s in secrets if s in content]
            assert found == [], (name, found[:5])
        for secret in list(secrets)[:2000]:  # and the raw bytes, in case a PDF stream hides one
            assert secret.encode("utf-8") not in archive
        assert verify_export(report.path, export_service.signing_key(workspace)[1]).ok
    assert {"indicators.csv", "risk-report.pdf"} <= set(texts_of(table.path.read_bytes()))
    micro_files = texts_of(micro.path.read_bytes())
    assert "microdata.csv" in micro_files and "indicators.csv" not in micro_files
    manifest = json.loads(micro_files["manifest.json"])
    achieved = manifest["thresholds"]["achieved"]
    assert achieved["k"] >= 11
    # pyCANON, reading the file the evaluator receives, finds the k, l and t it states.
    import pycanon.anonymity as pycanon

    frame = pd.read_csv(io.StringIO(micro_files["microdata.csv"]), dtype=str, keep_default_na=False)
    qi, sensitive = manifest["microdata"]["quasi_identifiers"], manifest["microdata"]["columns"]
    assert len(frame) == manifest["microdata"]["rows_published"] > 0
    assert pycanon.k_anonymity(frame, qi) == achieved["k"]
    if sensitive:
        assert pycanon.l_diversity(frame, qi, sensitive) == achieved["l"] >= 2
        assert pycanon.t_closeness(frame, qi, sensitive) == pytest.approx(achieved["t"], abs=1e-6)
    assert achieved["uniques"] == 0
    assert manifest["microdata"]["uniques_before_treatment"] >= 0

    with pytest.raises(ExportExists):  # never overwritten
        export_service.release_table(workspace, label, table.path)
    register = export_service.register(workspace)
    assert [(e.period, e.file_name) for e in register] == [
        (label, table.path.name),
        (label, micro.path.name),
    ]
