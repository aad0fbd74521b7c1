"""Hostile import files (`allervers visits import`): refused in French before anything is stored,
never a traceback, never a personal datum in the message.

The 1,000 mutated files go through the import in-process (what the command runs, without paying
a process and an Argon2id unlock per file); tests/integration/test_hostile_cli.py runs the real
command on a few of them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from allervers.cli.main import skipped_lines
from allervers.domain.errors import AllerVersError, ImportInvalid, InputFileRefused
from allervers.messages import describe
from allervers.questionnaire import loader
from allervers.services.visit_input import MAX_VISIT_BYTES, parse_visit
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, FAST_KDF, PASSPHRASE, TERRITORY, file_hashes
from tests.hostile import BASES, PLANTED_NAME, jsonl_bytes, leaked


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpenWorkspace, Path]]:
    """One workspace for the module's examples: a refused file must leave it byte-identical,
    an accepted one adds its visits."""
    root = tmp_path_factory.mktemp("hostile-import")
    service = WorkspaceService(root / "state", kdf_params=FAST_KDF)
    created = service.create(root / "ws", TERRITORY, COORDINATOR, PASSPHRASE)
    yield created.workspace, root
    created.workspace.lock()


class Stored:
    """The workspace's files as they are, hashed again only after an import that stored
    something (hashing the growing database twice per example would cost more than the
    import)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hashes = file_hashes(folder)

    def unchanged(self) -> bool:
        return file_hashes(self.folder) == self.hashes

    def changed(self) -> None:
        self.hashes = file_hashes(self.folder)


@pytest.fixture(scope="module")
def stored(shared: tuple[OpenWorkspace, Path]) -> Stored:
    return Stored(shared[1] / "ws")


def _import(visits: VisitService, path: Path, skip_invalid: bool) -> tuple[str, int | None]:
    """What the command prints on stderr, and how many visits it stored (None: refused)."""
    try:
        report = visits.import_file(path, skip_invalid)
    except AllerVersError as error:
        return describe(error), None
    return "\n".join(skipped_lines(report)), report.imported


@settings(
    max_examples=1_000,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(content=jsonl_bytes(), skip_invalid=st.booleans())
def test_a_mutated_import_file_is_imported_or_refused_and_a_refusal_changes_nothing(
    shared: tuple[OpenWorkspace, Path], stored: Stored, content: bytes, skip_invalid: bool
) -> None:
    workspace, root = shared
    source = root / "visites.jsonl"
    source.write_bytes(content)
    message, imported = _import(VisitService(workspace), source, skip_invalid)
    assert leaked(message) == [], message
    event("refused" if imported is None else f"stored {min(imported, 3)}+ visits")
    if imported is None:
        assert stored.unchanged()
        assert message.startswith(f"{source}, ligne ") or "rien n'a été" in message, message
    else:
        stored.changed()


def _line(tree: object) -> str:
    return json.dumps(tree, ensure_ascii=False)


def test_a_questionnaire_id_is_never_a_path(tmp_path: Path) -> None:
    """A definition written anywhere on disk, asking for a social security number: never read."""
    crafted = tmp_path / "pirate-v1.json"
    shipped = loader.current()
    crafted.write_text(
        json.dumps({"id": "pirate", "version": 1, "title": {}, "sections": []}), "utf-8"
    )
    visit = json.loads(json.dumps(BASES[0]))
    visit["answers"]["nir"] = "1 84 03 49 092 123 45"
    for qid in (
        str(tmp_path / "pirate"),
        f"../../../../../../..{tmp_path}/pirate",
        "visite/../visite",
        "Visite",
        "visite ",
        "",
    ):
        visit["questionnaire"] = {"id": qid, "version": 1}
        parsed, problems = parse_visit(_line(visit))
        assert parsed is None
        assert [(p.path, p.code) for p in problems] == [("questionnaire", "unknown_questionnaire")]
    for version in (0, -1, 1000, 10**40, "1", 1.0, True, None):
        visit["questionnaire"] = {"id": "visite", "version": version}
        parsed, problems = parse_visit(_line(visit))
        assert [(p.path, p.code) for p in problems] == [("questionnaire", "unknown_questionnaire")]
    assert loader.current() == shipped


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("1900-01-01", "visit_too_old"),
        ("1999-12-31", "visit_too_old"),
        ("9999-12-31", "visit_in_future"),
        ((dt.date.today() + dt.timedelta(days=2)).isoformat(), "visit_in_future"),
        ("20261014", "invalid_date"),
        ("2026-W42-3", "invalid_date"),
    ],
)
def test_a_visit_date_out_of_range_is_refused(day: str, code: str) -> None:
    visit = json.loads(json.dumps(BASES[0])) | {"visited_on": day}
    parsed, problems = parse_visit(_line(visit))
    assert parsed is None
    assert [(p.path, p.code) for p in problems] == [("visited_on", code)]


@pytest.mark.parametrize(
    ("day", "accepted"),
    [("2000-01-01", True), (dt.date.today().isoformat(), True)],
)
def test_visit_dates_at_the_bounds_are_accepted(day: str, accepted: bool) -> None:
    visit = json.loads(json.dumps(BASES[0])) | {"visited_on": day}
    for person in visit["answers"].get("persons", []):
        person.pop("birth_date", None)
        person["age"] = 40
    parsed, problems = parse_visit(_line(visit))
    assert (parsed is not None) is accepted, problems


def test_birth_and_come_back_dates_stay_in_their_ranges() -> None:
    couple = next(b for b in BASES if len(b["answers"].get("persons", [])) == 4)
    come_back = next(b for b in BASES if b["answers"]["door_outcome"] == "come_back")
    cases = [
        (couple, ("persons", 0, "birth_date"), "1899-12-31", "invalid_date"),
        (couple, ("persons", 0, "birth_date"), "2026-10-15", "date_in_future"),
        (couple, ("persons", 0, "birth_date"), "1900-01-01", None),
        (come_back, ("come_back_on",), "2027-10-15", None),  # 366 days after 2026-10-14
        (come_back, ("come_back_on",), "2027-10-16", "date_too_far"),
        (come_back, ("come_back_on",), "2026-10-13", "date_in_past"),
    ]
    for base, path, value, code in cases:
        visit = json.loads(json.dumps(base))
        target = visit["answers"]
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        _parsed, problems = parse_visit(_line(visit))
        assert [p.code for p in problems] == ([code] if code else []), (path, value)


def test_damaged_lines_are_named_by_number_in_french(
    shared: tuple[OpenWorkspace, Path],
) -> None:
    workspace, root = shared
    visits = VisitService(workspace)
    good = _line(BASES[0]).encode()
    nested = b"[" * 5_000 + b"]" * 5_000
    cases = [
        (b"\xff\xfe" + good, "texte illisible (encodage UTF-8 attendu)"),
        (good.replace(b"Delaunay", b"Delaunay\xed\xa0\x80"), "UTF-8"),
        (b"[" * 9 + b"1" + b"]" * 9, "trop de niveaux imbriqués (au plus 8)"),
        (nested, "trop de niveaux imbriqués"),
        (good[:-1] + b', "x": "' + b"A" * MAX_VISIT_BYTES + b'"}', "ligne trop longue"),
        (good.replace(b'"answers": {', b'"answers": {"x": ' + b"9" * 5_000 + b", ", 1), "JSON"),
        (good.replace(PLANTED_NAME.encode(), b"x")[:40], "ligne JSON illisible"),
    ]
    for damaged, expected in cases:
        source = root / "abime.jsonl"
        source.write_bytes(b"\n".join([good, b"", damaged, good]) + b"\n")
        before = file_hashes(root / "ws")
        with pytest.raises(ImportInvalid) as refused:
            visits.import_file(source)
        text = describe(refused.value)
        assert refused.value.line == 3, text
        assert "ligne 3" in text and expected in text, text
        assert "Aucune ligne n'a été prise en compte" in text
        assert file_hashes(root / "ws") == before


def test_an_unknown_answer_named_after_a_person_is_refused_without_its_name(
    shared: tuple[OpenWorkspace, Path],
) -> None:
    workspace, root = shared
    visit = json.loads(json.dumps(BASES[0]))
    visit["answers"][PLANTED_NAME] = "06 11 22 33 44"
    visit["answers"]["persons"][0][PLANTED_NAME] = 1
    visit["answers"]["nir"] = "1840349092123"
    source = root / "nom.jsonl"
    source.write_text(_line(visit) + "\n", "utf-8")
    with pytest.raises(ImportInvalid) as refused:
        VisitService(workspace).import_file(source)
    codes = {(p.path, p.code) for p in refused.value.problems}
    assert codes == {
        ("?", "unknown_question"),
        ("nir", "unknown_question"),
        ("persons[1].?", "unknown_question"),
    }
    assert leaked(describe(refused.value)) == []


def test_a_folder_a_device_or_a_pipe_is_not_read(shared: tuple[OpenWorkspace, Path]) -> None:
    workspace, root = shared
    visits = VisitService(workspace)
    pipe = root / "tube.jsonl"
    os.mkfifo(pipe)
    for path in (root, Path("/dev/zero"), pipe):
        with pytest.raises(InputFileRefused) as refused:
            visits.import_file(path)
        assert "n'est pas un fichier ordinaire" in describe(refused.value)
    with pytest.raises(FileNotFoundError) as missing:
        visits.import_file(root / "absent.jsonl")
    assert "fichier ou dossier introuvable" in describe(missing.value)
