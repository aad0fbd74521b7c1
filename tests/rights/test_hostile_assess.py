"""Hostile files given to `allervers assess`: assessed or refused in French, never a traceback,
never a personal datum in the message.

The command reads a file (`read_visits`) then runs the engine. Here 1,000 mutated files are read
one by one, as the command does, and the readable ones of each example are assessed together:
one OpenFisca run per example and month instead of one per file (each run costs about half a
second), the households being computed independently of each other. A file of a month the engine
does not model is assessed alone, as the command would, and refused.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from allervers.cli.rights_cli import assessment_records
from allervers.domain.errors import AllerVersError, InvalidInput
from allervers.domain.rights import RightId
from allervers.messages import describe
from allervers.rights.engine import RightsEngine
from allervers.rights.household import read_visit
from allervers.services.visit_input import engine_input, read_visits
from tests.hostile import BASES, gentle_bytes, jsonl_bytes, leaked, visit_bytes

FILES_PER_EXAMPLE = 25
MONTHS = [None, None, None, dt.date(2016, 4, 1), dt.date(2016, 5, 1), dt.date(2100, 1, 1)]


@st.composite
def assess_file(draw: st.DrawFn) -> tuple[str, bytes]:
    if draw(st.booleans()):
        return ".json", draw(visit_bytes(one_line=False) | gentle_bytes(one_line=False))
    return ".jsonl", draw(jsonl_bytes())


def _assess(
    engine: RightsEngine, households: list[dict[str, Any]], month: dt.date | None
) -> str | None:
    """The command's output for these households, or its message when refused."""
    try:
        results = engine.assess_batch(households, month)
    except AllerVersError as error:
        return describe(error)
    records = assessment_records(households, results, month)
    assert len(records) == len(households)
    assert all({a["right"] for a in r["assessments"]} == set(RightId) for r in records)
    return None


@settings(
    max_examples=1_000 // FILES_PER_EXAMPLE,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(
    files=st.lists(assess_file(), min_size=FILES_PER_EXAMPLE, max_size=FILES_PER_EXAMPLE),
    month=st.sampled_from(MONTHS),
)
def test_a_mutated_household_file_is_assessed_or_refused_in_french(
    engine: RightsEngine,
    tmp_path_factory: pytest.TempPathFactory,
    files: list[tuple[str, bytes]],
    month: dt.date | None,
) -> None:
    folder = tmp_path_factory.mktemp("assess")
    readable: list[list[dict[str, Any]]] = []
    for index, (suffix, content) in enumerate(files):
        path = folder / f"foyer-{index}{suffix}"
        path.write_bytes(content)
        try:
            visits = read_visits(path, one_visit=suffix == ".json")
        except AllerVersError as error:
            message = describe(error)
            assert message.startswith(str(path)), message
            assert leaked(message) == [], message
            continue
        readable.append([engine_input(visit) for visit in visits])
    event(f"readable files: {len(readable)}")
    computable: list[dict[str, Any]] = []
    for households in readable:
        try:
            for household in households:
                read_visit(household, month)
        except ValueError:  # a month the engine does not model: refused before any computing
            message = _assess(engine, households, month)
            assert message is not None and leaked(message) == [], message
            continue
        computable += households
    assert _assess(engine, computable, month) is None


def test_a_month_the_engine_does_not_model_is_refused(engine: RightsEngine) -> None:
    visit = json.loads(json.dumps(BASES[0]))
    for month in (dt.date(2016, 4, 1), dt.date(2100, 1, 1)):
        with pytest.raises(InvalidInput) as refused:
            engine.assess_batch([visit], month)
        assert "de mai 2016 à décembre 2099" in describe(refused.value)
    assert len(engine.assess_batch([visit], dt.date(2016, 5, 1))[0]) == len(RightId)


def test_a_one_visit_file_names_the_line_of_its_json_error(tmp_path: Path) -> None:
    path = tmp_path / "foyer.json"
    text = json.dumps(BASES[0], indent=2, ensure_ascii=False).splitlines()
    text[5] = text[5] + " oups"
    path.write_text("\n".join(text), "utf-8")
    with pytest.raises(AllerVersError) as refused:
        read_visits(path, one_visit=True)
    assert describe(refused.value).startswith(f"{path}, ligne 6 : ligne JSON illisible")
