"""Every reason of every right, over a few hundred generated households, reads true: no placeholder
left, the chèque énergie compares the RFR per consumption unit (not the total) with the per-unit
ceiling, and counts of units and tax shares are written exactly (1,8, never 2)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator

from allervers.domain.rights import Reason, ReasonCode, RightAssessment
from allervers.rights.engine import RightsEngine
from allervers.wording import reason_text, status_label
from allervers.wording.reason_values import money as _money
from allervers.wording.reason_values import number as _number
from tests.rights.conftest import ANGERS, CHEMILLE, child, person, visit

HOUSEHOLDS = 300
QM = Path(__file__).resolve().parents[2] / "src/allervers/resources/i18n/allervers_en.qm"


def generated(rng: random.Random) -> dict[str, Any]:
    """Singles, couples, up to five children; every activity, housing status and receipt."""
    activity = rng.choice(["employed", "unemployed", "retired", "student", "inactive", "employed"])
    age = {"retired": rng.randint(60, 92), "student": rng.randint(18, 27)}.get(
        activity, rng.randint(18, 64)
    )

    def money(low: int, high: int) -> Any:
        if rng.random() < 0.3:
            return [rng.randint(low, high) for _ in range(3)]
        return rng.randint(low, high)

    incomes = {
        "salary": money(100, 2500) if activity in ("employed", "student") else 0,
        "unemployment": money(300, 2400) if activity == "unemployed" else 0,
        "pension": money(300, 2800) if activity == "retired" else 0,
    }
    extra: dict[str, Any] = {}
    if activity == "student":
        extra["student"] = "yes"
    if rng.random() < 0.12:
        extra |= {"disability": "yes", "incapacity_rate": rng.choice([30, 50, 60, 79, 80, 95])}
    if rng.random() < 0.1:
        extra |= {"nationality": "other", "residence_permit_years": rng.randint(0, 10)}
    persons = [person(age=age, activity=activity, **incomes, **extra)]
    if rng.random() < 0.4:
        spouse = rng.choice(["employed", "inactive", "retired"])
        persons.append(
            person(
                "spouse",
                age=max(18, age + rng.randint(-6, 6)),
                activity=spouse,
                salary=rng.randint(200, 1800) if spouse == "employed" else 0,
                pension=rng.randint(300, 1500) if spouse == "retired" else 0,
            )
        )
    persons += [child(rng.randint(0, 20)) for _ in range(rng.choice([0, 0, 1, 2, 3, 5]))]
    housing = rng.choice(
        ["private_tenant", "social_tenant", "owner", "owner_with_loan", "hosted_free"]
    )
    filed = rng.choice(["yes", "yes", "yes", "no"])
    answers: dict[str, Any] = {
        "housing_status": housing,
        "address_insee": rng.choice([CHEMILLE, ANGERS, "75056", "85191"]),
        "tax_return_filed": filed,
        "rfr": rng.choice([0, 6000, 9500, 11000, 13049, 16000, 19800, 24000, 40000])
        if filed == "yes" and rng.random() < 0.8
        else None,
        "rights_received": rng.choice(
            [["none"], ["rsa"], ["aide_logement"], ["ppa", "css"], ["aspa"], ["dont_know"]]
        ),
        "social_regime": rng.choice(["general", "general", "agricultural"]),
    }
    if housing in ("private_tenant", "social_tenant"):
        answers |= {"rent": rng.randint(200, 950), "charges": rng.randint(0, 150)}
    household = visit(*persons, **answers)
    return household | {"visited_on": rng.choice(["2025-02-10", "2025-06-11", "2026-10-14"])}


@pytest.fixture(scope="module")
def assessments(engine: RightsEngine) -> list[RightAssessment]:
    rng = random.Random(20261206)
    results = engine.assess_batch([generated(rng) for _ in range(HOUSEHOLDS)])
    return [assessment for found in results for assessment in found]


def english() -> Callable[[str, str], str]:
    translator = QTranslator()
    assert translator.load(str(QM))
    return lambda context, text: translator.translate(context, text) or text


def every_reason(assessments: list[RightAssessment]) -> list[Reason]:
    return [reason for assessment in assessments for reason in assessment.reasons]


def test_the_generated_households_reach_every_kind_of_reason(
    assessments: list[RightAssessment],
) -> None:
    seen = {reason.code for reason in every_reason(assessments)}
    for code in (
        ReasonCode.RFR_PER_UNIT,
        ReasonCode.FORFAIT_LOGEMENT_DEDUCTED,
        ReasonCode.FORFAIT_LOGEMENT_CANCELS,
        ReasonCode.UNDER_MINIMUM_PAYMENT,
        ReasonCode.STUDENT_EARNINGS_UNDER_FLOOR,
        ReasonCode.PPA_RESOURCES_TOO_HIGH,
        ReasonCode.RECEIVED_BUT_ESTIMATED_NIL,
        ReasonCode.CSG_RATE,
        ReasonCode.PARAMETERS_MAY_BE_OUT_OF_DATE,
        ReasonCode.HOUSING_PARTICIPATION_EXCEEDS_RENT,
    ):
        assert code in seen, code


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_reason_shows_a_placeholder(assessments: list[RightAssessment], language: str) -> None:
    translate = english() if language == "en" else (lambda _context, text: text)
    for assessment in assessments:
        assert "{" not in status_label(assessment, translate)
        for reason in assessment.reasons:
            text = reason_text(reason, translate)
            assert "{" not in text and "}" not in text, (reason.code, text)


def test_the_cheque_energie_compares_per_unit(assessments: list[RightAssessment]) -> None:
    per_unit = [r for r in every_reason(assessments) if r.code is ReasonCode.RFR_PER_UNIT]
    assert len({r.values["units"] for r in per_unit}) >= 4
    for reason in per_unit:
        values = reason.values
        rfr, units = float(values["rfr"]), float(values["units"])
        ratio, ceiling = float(values["rfr_per_unit"]), float(values["ceiling"])
        assert ratio == pytest.approx(rfr / units, abs=0.01)
        text = reason_text(reason)
        # The ceiling is the per-unit one, next to the per-unit figure it is compared with.
        assert f"soit {_money(ratio)} € par unité" in text
        assert f"plafond de {_money(ceiling)} € par unité" in text
        assert ("sous le plafond" in text) == (ratio < ceiling), text
        # The unit count as it is, never rounded.
        shown = re.search(r"pour ([\d,]+) unités? de consommation", text)
        assert shown is not None, text
        assert float(shown.group(1).replace(",", ".")) == units, text


def test_tax_shares_are_written_exactly(assessments: list[RightAssessment]) -> None:
    rates = [r for r in every_reason(assessments) if r.code is ReasonCode.CSG_RATE]
    assert {float(r.values["shares"]) % 1 for r in rates} >= {0.0, 0.5}
    for reason in rates:
        assert f"pour {_number(float(reason.values['shares']))} part" in reason_text(reason)
