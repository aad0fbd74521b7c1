"""Property tests: whatever a directory file holds (damaged, cut, random, with any value in any
field), the import either takes it or refuses it with a sentence in French; never a traceback, and
a refusal changes nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allervers.domain.errors import AllerVersError
from allervers.messages import describe
from allervers.services.directory import Directory
from allervers.services.workspace import CreatedWorkspace

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELDS = (
    "id",
    "source",
    "structure_id",
    "nom",
    "description",
    "date_maj",
    "thematiques",
    "publics",
    "zone_eligibilite",
    "code_insee",
    "courriel",
    "telephone",
    "frais",
    "modes_accueil",
    "score_qualite",
    "latitude",
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def base_rows(directory_files) -> tuple[Path, list[dict]]:
    structures, services = directory_files["json"]
    rows = json.loads(services.read_text(encoding="utf-8"))
    return structures, [r for r in rows if r["code_insee"].startswith("49")][:30]


def state(directory: Directory) -> list[tuple[str, str, str | None]]:
    return sorted((s.id, s.phone, s.archived_on) for s in directory.search("", limit=100_000))


def attempt(directory: Directory, files: list[Path]) -> None:
    before = state(directory)
    try:
        directory.import_files(files, "49")
    except AllerVersError as error:
        message = describe(error)
        assert message and "Traceback" not in message and "Erreur inattendue" not in message
        assert state(directory) == before


@FUZZ
@given(position=st.integers(0, 29), field=st.sampled_from(FIELDS), value=json_values)
def test_any_value_in_any_field(
    created: CreatedWorkspace, directory_files, tmp_path: Path, position: int, field: str, value
) -> None:
    structures, rows = base_rows(directory_files)
    rows = [dict(r) for r in rows]
    rows[position][field] = value
    target = tmp_path / "services.json"
    target.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    attempt(Directory(created.workspace), [structures, target])


@FUZZ
@given(cut=st.floats(0, 1), kind=st.sampled_from(["json", "csv"]))
def test_a_file_cut_anywhere(
    created: CreatedWorkspace, directory_files, tmp_path: Path, cut: float, kind: str
) -> None:
    structures, services = directory_files[kind]
    data = services.read_bytes()
    target = tmp_path / f"services.{kind}"
    target.write_bytes(data[: int(len(data) * cut)])
    attempt(Directory(created.workspace), [structures, target])


@FUZZ
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".json", ".csv"]))
def test_random_bytes(
    created: CreatedWorkspace, tmp_path: Path, content: bytes, suffix: str
) -> None:
    target = tmp_path / f"fichier{suffix}"
    target.write_bytes(content)
    attempt(Directory(created.workspace), [target])


@FUZZ
@given(
    line=st.integers(1, 30),
    garbage=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
def test_a_damaged_csv_line(
    created: CreatedWorkspace, directory_files, tmp_path: Path, line: int, garbage: str
) -> None:
    structures, services = directory_files["csv"]
    lines = services.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line] = lines[line][: len(lines[line]) // 2] + garbage + "\n"
    target = tmp_path / "services.csv"
    target.write_text("".join(lines), encoding="utf-8")
    attempt(Directory(created.workspace), [structures, target])
