"""The summary's forecast (`rights.needed`) names, before the engine runs, every missing answer
the engine then gives as the reason of a *cannot tell*, for the right it gives it for."""

from __future__ import annotations

from typing import Any

import pytest

from allervers.domain.rights import AssessmentStatus
from allervers.rights.engine import RightsEngine
from allervers.rights.household import read_visit
from allervers.rights.needed import answers_needed
from tests.rights.test_declared_incomes import single_parent


def without(path: str) -> dict[str, Any]:
    data = single_parent()
    answers = data["answers"]
    if path.startswith("persons[0]."):
        answers["persons"][0].pop(path.split(".", 1)[1])
    elif path.startswith("persons[2]."):
        answers["persons"][2].pop(path.split(".", 1)[1])
    else:
        answers.pop(path)
    return data


@pytest.mark.parametrize(
    "dropped",
    [
        "persons[0].salary",
        "persons[0].incomes",
        "persons[0].nationality",
        "persons[2].birth_date",
        "rent",
        "housing_status",
        "tax_return_filed",
        "rights_received",
    ],
)
def test_every_cannot_tell_of_the_engine_was_forecast(engine: RightsEngine, dropped: str) -> None:
    visit = without(dropped)
    forecast = answers_needed(read_visit(visit))
    unknown = [a for a in engine.assess(visit) if a.status is AssessmentStatus.CANNOT_TELL]
    assert unknown, "dropping an answer the rights need leaves one at cannot tell"
    for assessment in unknown:
        for answer_id in assessment.missing_answers:
            assert assessment.right in forecast.get(answer_id, []), (answer_id, assessment.right)


def test_nothing_is_forecast_for_the_complete_household() -> None:
    assert answers_needed(read_visit(single_parent())) == {}
