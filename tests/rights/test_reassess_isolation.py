"""One bad stored visit never stops `rights reassess`: it is named by its id, the others are
computed. Stored visits may predate today's import checks (a visit dated 1900 or 9999 was
imported by earlier versions), and an engine may fail on a case nobody foresaw."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from allervers.cli import rights_cli
from allervers.domain.rights import RightAssessment
from allervers.questionnaire import loader
from allervers.rights.engine import RightsEngine
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"
INTERVIEWS = ("couple-deux-enfants-salarie", "personne-seule-sans-revenu", "heberge-gratuitement")


def _answers(name: str) -> dict[str, Any]:
    answers: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))["answers"]
    return answers


def _store(created: CreatedWorkspace, day: dt.date, name: str) -> str:
    """Stored as an older version's import did, without today's checks."""
    visits = VisitService(created.workspace)
    before = {visit.id for visit in visits.list_visits()}
    visits.store_finished([(day, loader.current(), _answers(name))])
    (added,) = {visit.id for visit in visits.list_visits()} - before
    return added


@pytest.fixture
def stored(created: CreatedWorkspace) -> dict[str, str]:
    ids = {name: _store(created, dt.date(2026, 10, 14), name) for name in INTERVIEWS}
    ids["1900"] = _store(created, dt.date(1900, 1, 1), "personne-seule-sans-revenu")
    ids["9999"] = _store(created, dt.date(9999, 12, 31), "personne-seule-sans-revenu")
    return ids


def test_visits_dated_1900_and_9999_are_named_and_the_others_reassessed(
    created: CreatedWorkspace, engine: RightsEngine, stored: dict[str, str]
) -> None:
    rights = RightsService(created.workspace)
    report = rights.reassess_all(engine)
    assert report.assessed == len(INTERVIEWS)
    assert sorted(report.failed) == sorted(
        [(stored["1900"], "month_not_modelled"), (stored["9999"], "month_not_modelled")]
    )
    for name in INTERVIEWS:
        assert rights.current(stored[name]), name
    assert rights.current(stored["1900"]) == []


def test_the_command_names_the_visits_it_left_and_exits_1(
    created: CreatedWorkspace,
    engine: RightsEngine,
    stored: dict[str, str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert rights_cli.reassess(created.workspace, engine) == 1
    out, err = capsys.readouterr()
    assert f"{len(INTERVIEWS)} visite(s) réévaluée(s)" in out
    assert f"Visite {stored['1900']} non réévaluée : mois hors de ce que calcule" in err
    assert f"Visite {stored['9999']} non réévaluée" in err
    assert "Delaunay" not in err and "Traceback" not in err


class Failing:
    """The real engine, failing on households that pay a given rent (a case it would choke on)."""

    def __init__(self, engine: RightsEngine, rent: float | None) -> None:
        self.engine = engine
        self.rent = rent
        self.runs = 0

    def assess_batch(
        self, visits: Sequence[Mapping[str, Any]], month: dt.date | None = None
    ) -> list[list[RightAssessment]]:
        self.runs += 1
        if self.rent is None or any(v["answers"].get("rent") == self.rent for v in visits):
            raise ZeroDivisionError  # as an engine bug would, with no message
        return self.engine.assess_batch(visits, month)


def test_a_visit_the_engine_fails_on_is_isolated_and_named(
    created: CreatedWorkspace, engine: RightsEngine
) -> None:
    ids = [_store(created, dt.date(2026, 10, 14), name) for name in INTERVIEWS * 3]
    failing = Failing(engine, _answers("personne-seule-sans-revenu")["rent"])
    report = RightsService(created.workspace).reassess_all(failing)
    bad = {ids[i] for i, name in enumerate(INTERVIEWS * 3) if name == "personne-seule-sans-revenu"}
    assert report.assessed == len(ids) - len(bad)
    assert {visit_id for visit_id, _ in report.failed} == bad
    assert {reason for _, reason in report.failed} == {"engine_error"}
    assert failing.runs < 2 * len(ids)


def test_an_engine_failing_on_everything_stops_after_twenty_visits(
    created: CreatedWorkspace, engine: RightsEngine
) -> None:
    for _ in range(8):
        for name in INTERVIEWS:
            _store(created, dt.date(2026, 10, 14), name)
    broken = Failing(engine, None)
    with pytest.raises(ZeroDivisionError):
        RightsService(created.workspace).reassess_all(broken)
    assert broken.runs < 3 * 24  # not two runs for each of the 24 visits


def test_an_engine_failing_on_a_few_visits_names_them_all(
    created: CreatedWorkspace, engine: RightsEngine
) -> None:
    ids = {_store(created, dt.date(2026, 10, 14), name) for name in INTERVIEWS}
    report = RightsService(created.workspace).reassess_all(Failing(engine, None))
    assert report.assessed == 0
    assert sorted(report.failed) == sorted((visit_id, "engine_error") for visit_id in ids)
