"""Writing directory records in data·inclusion's published formats, as its pipeline does with
pandas (docs/directory-format.md): JSON `to_json(orient="records")` (dates in milliseconds, every
column in every record) and CSV `to_csv(index=False)` (lists as Python lists), services with the
pipeline's `score_qualite`."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from allervers.services.directory_data import SyntheticDirectory

STRUCTURE_COLUMNS = (
    "source",
    "id",
    "nom",
    "date_maj",
    "description",
    "lien_source",
    "siret",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "longitude",
    "latitude",
    "telephone",
    "courriel",
    "site_web",
    "horaires_accueil",
    "accessibilite_lieu",
    "reseaux_porteurs",
)
SERVICE_COLUMNS = (
    "source",
    "structure_id",
    "id",
    "nom",
    "description",
    "lien_source",
    "date_maj",
    "type",
    "thematiques",
    "frais",
    "frais_precisions",
    "publics",
    "publics_precisions",
    "conditions_acces",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "longitude",
    "latitude",
    "telephone",
    "courriel",
    "modes_accueil",
    "zone_eligibilite",
    "contact_nom_prenom",
    "lien_mobilisation",
    "modes_mobilisation",
    "mobilisable_par",
    "mobilisation_precisions",
    "volume_horaire_hebdomadaire",
    "nombre_semaines",
    "horaires_accueil",
    "score_qualite",
)
LIST_COLUMNS = frozenset(
    {
        "reseaux_porteurs",
        "thematiques",
        "publics",
        "modes_accueil",
        "zone_eligibilite",
        "modes_mobilisation",
        "mobilisable_par",
    }
)


def _scored(services: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each service with the pipeline's quality score, computed by the schema's own function,
    memoised: the score depends on which fields are filled (not on their text) and on the age of
    `date_maj`, taken here to the month (it moves by at most 0.01 a month)."""
    from data_inclusion.schema.v1 import Service, score_qualite

    cache: dict[tuple[Any, ...], float] = {}
    scored = []
    for record in services:
        key = (
            *(record.get(name) is not None for name in ("adresse", "telephone", "courriel")),
            record.get("frais_precisions") is not None,
            (record["date_maj"] - dt.date(2000, 1, 1)).days // 30,
            record["source"],
            record.get("frais"),
            len(record["description"]) // 50,
            tuple(record.get("modes_accueil") or ()),
            tuple(record.get("modes_mobilisation") or ()),
        )
        if key not in cache:
            # The score only asks whether there is an e-mail address: checking one costs 0.5 ms.
            model = Service.model_validate(dict(record, courriel=None))
            model = model.model_copy(update={"courriel": record.get("courriel")})
            cache[key] = score_qualite.score(model)[0]
        scored.append(dict(record, score_qualite=cache[key]))
    return scored


def write_json(records: list[dict[str, Any]], path: Path, columns: Sequence[str]) -> None:
    """As pandas writes them: every column in every record, dates in milliseconds."""
    rows = [{name: _epoch_ms(record.get(name)) for name in columns} for record in records]
    path.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _epoch_ms(value: Any) -> Any:
    if isinstance(value, dt.date):
        midnight = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
        return int(midnight.timestamp()) * 1000
    return value


def write_csv(records: list[dict[str, Any]], path: Path, columns: Sequence[str]) -> None:
    """As pandas writes them: comma-separated, lists as Python lists, empty cells for nothing."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for record in records:
            writer.writerow([_csv_cell(name, record.get(name)) for name in columns])


def _csv_cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in LIST_COLUMNS:
        return "[" + ", ".join(f"'{item}'" for item in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_directory(
    directory: SyntheticDirectory, folder: Path, kind: str = "json", stamp: str = "2026-05-04"
) -> tuple[Path, Path]:
    """The two files as data.gouv.fr names them: structures-inclusion-DATE.json and
    services-inclusion-DATE.json (or .csv)."""
    folder.mkdir(parents=True, exist_ok=True)
    structures = folder / f"structures-inclusion-{stamp}.{kind}"
    services = folder / f"services-inclusion-{stamp}.{kind}"
    write = write_json if kind == "json" else write_csv
    write(directory.structures, structures, STRUCTURE_COLUMNS)
    write(_scored(directory.services), services, SERVICE_COLUMNS)
    return structures, services
