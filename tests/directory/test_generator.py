"""The synthetic data·inclusion files: valid against the pinned schema, in both published formats,
with real geographic codes and the defects of the real files."""

from __future__ import annotations

import ast
import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from data_inclusion.schema import v1

from allervers.questionnaire.communes import all_communes
from allervers.questionnaire.epci import all_epci
from allervers.services.directory_data import DEMO_EPCI, synthetic_directory
from allervers.services.directory_writer import SERVICE_COLUMNS, write_directory

TODAY = dt.date(2026, 5, 4)


@pytest.fixture(scope="module")
def directory() -> object:
    return synthetic_directory(600, departements=["49", "44"], seed=3, today=TODAY)


def test_json_files_validate_against_the_schema(directory, tmp_path: Path) -> None:
    structures, services = write_directory(directory, tmp_path, "json")
    structure_rows = json.loads(structures.read_text(encoding="utf-8"))
    service_rows = json.loads(services.read_text(encoding="utf-8"))
    assert len(service_rows) >= 600
    for row in structure_rows:
        v1.Structure.model_validate(row)
    for row in service_rows:
        v1.Service.model_validate(row)
        assert 0 <= row["score_qualite"] <= 1
    # As pandas writes them: dates in milliseconds since 1970, every column in every record.
    assert isinstance(service_rows[0]["date_maj"], int)
    assert set(service_rows[0]) == set(SERVICE_COLUMNS)


def test_csv_files_validate_against_the_schema(directory, tmp_path: Path) -> None:
    structures, services = write_directory(directory, tmp_path, "csv")
    with open(services, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["thematiques"].startswith("['")
    for row in rows:
        record = {key: value for key, value in row.items() if value != ""}
        for key in ("thematiques", "publics", "modes_accueil", "zone_eligibilite"):
            if key in record:
                record[key] = ast.literal_eval(record[key])
        for key in ("modes_mobilisation", "mobilisable_par"):
            record[key] = ast.literal_eval(record[key])
        v1.Service.model_validate(record)
    with open(structures, encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(directory.structures)


def test_codes_are_real(directory) -> None:
    communes = all_communes()
    for record in [*directory.structures, *directory.services]:
        assert record["code_insee"] in communes
    zones = Counter()
    for service in directory.services:
        for code in service["zone_eligibilite"] or ["none"]:
            if code in communes:
                zones["commune"] += 1
            elif code in all_epci():
                zones["epci"] += 1
            elif code in ("49", "44"):
                zones["departement"] += 1
            else:
                zones[code] += 1
    assert set(zones) == {"commune", "epci", "departement", "france", "none"}
    assert any(DEMO_EPCI in (s["zone_eligibilite"] or []) for s in directory.services)


def test_the_usual_defects_are_there(directory) -> None:
    services = directory.services
    no_contact = [s for s in services if not s.get("telephone") and not s.get("courriel")]
    stale = [s for s in services if s["date_maj"] < TODAY - dt.timedelta(days=365)]
    free_text = [s for s in services if s["zone_eligibilite"] is None]
    assert no_contact and stale and free_text
    assert all("habitants" in s["conditions_acces"] for s in free_text)
    by_siret: dict[str, set[str]] = {}
    for structure in directory.structures:
        by_siret.setdefault(structure["siret"], set()).add(structure["source"])
    assert any(len(sources) > 1 for sources in by_siret.values())  # one place, two sources


def test_same_seed_same_files() -> None:
    first = synthetic_directory(50, departements=["49"], seed=5, today=TODAY)
    second = synthetic_directory(50, departements=["49"], seed=5, today=TODAY)
    assert first == second
