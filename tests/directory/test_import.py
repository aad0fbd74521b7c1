"""`Directory.import_files`: the published files read, checked with the pinned schema, kept to one
département, reported as added / changed / removed; a bad file refused whole, nothing changed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from allervers.domain.directory import DirectoryFileInvalid, OfficeKind
from allervers.domain.errors import PermissionDenied
from allervers.domain.users import Role
from allervers.messages import describe
from allervers.questionnaire.epci import all_epci, communes_of_departement
from allervers.services.directory import Directory
from allervers.services.workspace import CreatedWorkspace
from tests.directory.conftest import TODAY


def services_of(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_import_keeps_the_departement_and_reports_what_was_added(
    created: CreatedWorkspace, directory_files
) -> None:
    structures, services = directory_files["json"]
    directory = Directory(created.workspace)
    report = directory.import_files([structures, services], "49")
    rows = services_of(services)
    inside = set(communes_of_departement("49"))
    codes = {"49"} | inside | {e.code for e in all_epci().values() if e.communes & inside}
    expected = [
        r for r in rows if r["code_insee"] in inside or set(r["zone_eligibilite"] or ()) & codes
    ]
    assert report.services.added == len(expected) > 50
    assert report.services.changed == report.services.removed == 0
    assert report.outside > 0 and report.departement == "49"
    assert directory.counts()["services"] == len(expected)
    again = directory.import_files([structures, services], "49")
    assert again.services.kept == len(expected)
    assert (again.services.added, again.services.changed, again.services.removed) == (0, 0, 0)


def test_csv_and_json_give_the_same_directory(created: CreatedWorkspace, directory_files) -> None:
    directory = Directory(created.workspace)
    from_json = directory.import_files(list(directory_files["json"]), "44")
    from_csv = directory.import_files(list(directory_files["csv"]), "44")
    assert from_csv.services.kept == from_json.services.added  # identical records, nothing changed
    assert from_csv.structures.kept == from_json.structures.added


def test_a_changed_and_a_removed_service_are_reported_and_the_removed_one_archived(
    created: CreatedWorkspace, directory_files, tmp_path: Path
) -> None:
    structures, services = directory_files["json"]
    directory = Directory(created.workspace)
    directory.import_files([structures, services], "49")
    rows = services_of(services)
    in_49 = [r for r in rows if r["code_insee"].startswith("49")]
    removed, changed = in_49[0], in_49[1]
    changed["telephone"] = "+33199009999"
    rows.remove(removed)
    edited = tmp_path / "services-inclusion-2026-05-11.json"
    edited.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    report = directory.import_files([structures, edited], "49")
    assert (report.services.added, report.services.changed, report.services.removed) == (0, 1, 1)
    gone = directory.get(removed["id"])
    assert gone.archived_on == dt.date.today().isoformat()
    assert gone.name == removed["nom"]  # archived, never deleted
    assert directory.get(changed["id"]).phone == "+33199009999"
    back = directory.import_files([structures, services], "49")
    assert (back.services.added, back.services.changed) == (1, 1)
    assert directory.get(removed["id"]).archived_on is None


def bad_records() -> list[tuple[str, object, str]]:
    return [
        ("thematiques", ["numerique--inconnue"], "valeur inconnue du schéma data·inclusion 1.0.10"),
        (
            "date_maj",
            "2999-01-01",
            "La date de dernière modification ne peut pas être dans le futur",
        ),
        ("date_maj", "lundi", "date illisible « lundi »"),
        ("nom", "A", "texte trop court (au moins 3 caractères)"),
        ("code_postal", "49A20", "format inattendu « 49A20 »"),
        ("courriel", "pas-une-adresse", "valeur invalide « pas-une-adresse »"),
        ("publics", ["tous-publics", "femmes"], "`tous-publics` ne peut pas être utilisé"),
    ]


@pytest.mark.parametrize(("field", "value", "words"), bad_records())
def test_a_record_breaking_the_schema_refuses_the_file_in_french_and_changes_nothing(
    created: CreatedWorkspace,
    directory_files,
    tmp_path: Path,
    field: str,
    value: object,
    words: str,
) -> None:
    structures, services = directory_files["json"]
    directory = Directory(created.workspace)
    directory.import_files([structures, services], "49")
    before = directory.counts()
    rows = services_of(services)
    position, victim = next(
        (i, r) for i, r in enumerate(rows, start=1) if r["code_insee"].startswith("49") and i > 20
    )
    victim[field] = value
    bad = tmp_path / "services.json"
    bad.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DirectoryFileInvalid) as refused:
        directory.import_files([structures, bad], "49")
    message = describe(refused.value)
    assert message.startswith(
        f"Annuaire refusé : services.json, fiche {position} ({victim['id']}) : "
    )
    assert words in message and field in message
    assert message.endswith("Rien n'a été modifié.")
    assert directory.counts() == before


def test_a_missing_required_field_is_named(created: CreatedWorkspace, tmp_path: Path) -> None:
    bad = tmp_path / "services.json"
    record = {"source": "dora", "structure_id": "dora--1", "id": "dora--2", "nom": "Atelier"}
    bad.write_text(json.dumps([record]), encoding="utf-8")
    with pytest.raises(DirectoryFileInvalid) as refused:
        Directory(created.workspace).import_files([bad])
    message = describe(refused.value)
    assert "description : champ obligatoire manquant" in message
    assert "date_maj : champ obligatoire manquant" in message


@pytest.mark.parametrize(
    ("content", "suffix", "words"),
    [
        ("{not json", ".json", "JSON illisible"),
        ('{"id": "x"}', ".json", "une liste de fiches JSON est attendue"),
        ("[1, 2]", ".json", "une fiche (objet JSON) est attendue"),
        ("source,id,nom\ndora,dora--1,Atelier,de trop\n", ".csv", "ligne CSV illisible"),
        ("nom;adresse\nAtelier;1 rue\n", ".csv", "ligne CSV illisible"),
    ],
)
def test_a_malformed_file_is_refused_in_french(
    created: CreatedWorkspace, tmp_path: Path, content: str, suffix: str, words: str
) -> None:
    bad = tmp_path / f"fichier{suffix}"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DirectoryFileInvalid) as refused:
        Directory(created.workspace).import_files([bad])
    assert words in describe(refused.value)
    assert Directory(created.workspace).counts()["services"] == 0


def test_the_same_id_twice_is_refused(
    created: CreatedWorkspace, directory_files, tmp_path: Path
) -> None:
    rows = services_of(directory_files["json"][1])
    bad = tmp_path / "services.json"
    bad.write_text(json.dumps([rows[0], rows[1], rows[0]]), encoding="utf-8")
    with pytest.raises(DirectoryFileInvalid) as refused:
        Directory(created.workspace).import_files([bad])
    assert "fiche 3" in describe(refused.value) and "déjà vu" in describe(refused.value)


def test_local_entries_survive_imports_and_come_first_for_an_office(
    created: CreatedWorkspace, directory_files
) -> None:
    directory = Directory(created.workspace)
    directory.import_files(list(directory_files["json"]), "49")
    caf = directory.offices_of_commune("49092")[OfficeKind.CAF]
    assert caf is not None and caf.code_insee == "49007" and "Caisse d'allocations" in caf.name
    entry = directory.add_local(
        {
            "nom": "Permanence CAF à la mairie",
            "adresse": "1 place de la Mairie",
            "code_insee": "49092",
            "commune": "Chemillé-en-Anjou",
            "telephone": "+33199001111",
            "horaires_accueil": "Tu 09:00-12:00",
        },
        OfficeKind.CAF,
    )
    directory.import_files(list(directory_files["json"]), "49")
    assert directory.offices_of_commune("49092")[OfficeKind.CAF] == entry
    assert entry in directory.local_entries()


def test_volunteers_cannot_import(
    created: CreatedWorkspace, service, workspace_path, directory_files
) -> None:
    from tests.conftest import OTHER_PASSPHRASE

    created.workspace.add_user("Paul Bénévole", Role.VOLUNTEER, OTHER_PASSPHRASE)
    created.workspace.lock()
    volunteer = service.unlock(workspace_path, "Paul Bénévole", OTHER_PASSPHRASE)
    try:
        with pytest.raises(PermissionDenied):
            Directory(volunteer).import_files(list(directory_files["json"]), "49")
    finally:
        volunteer.lock()


def test_dates_as_pandas_writes_them(created: CreatedWorkspace, directory_files) -> None:
    rows = services_of(directory_files["json"][1])
    assert isinstance(rows[0]["date_maj"], int)  # milliseconds since 1970
    directory = Directory(created.workspace)
    directory.import_files(list(directory_files["json"]), "49")
    stored = directory.get(next(r["id"] for r in rows if r["code_insee"] == "49007"))
    assert stored.date_maj <= TODAY
