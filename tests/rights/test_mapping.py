"""The mapping from answers to OpenFisca inputs: the pitfalls of the domain brief, one by one."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from allervers.domain.errors import InvalidInput
from allervers.domain.rights import AssessmentStatus
from allervers.rights import incomes
from allervers.rights.batch import build_simulation, compute, household_figures
from allervers.rights.engine import RightsEngine
from allervers.rights.household import read_visit
from allervers.rights.mapping import build_situation
from tests.rights.conftest import child, person, visit

OCTOBER = date(2026, 10, 1)


def simulate(engine: RightsEngine, *visits: dict[str, Any]) -> Any:
    households = [read_visit(v) for v in visits]
    situation = build_situation(households, OCTOBER, engine.scales)
    return build_simulation(engine.system, situation)


def test_age_gives_a_birth_date_in_the_middle_of_the_possible_range() -> None:
    """docs/household-format.md: the visit date minus `age` years and six months."""
    household = read_visit(visit(person(age=40)))
    assert household.persons[0].birth_date == date(1986, 4, 14)
    assert household.persons[0].age_on(OCTOBER) == 40


def test_birth_date_is_always_given_to_openfisca(engine: RightsEngine) -> None:
    """OpenFisca-France would otherwise take 1970-01-01 (56 years old in 2026)."""
    simulation = simulate(engine, visit(person(birth_date="1999-03-02"), child(7)))
    ages = simulation.calculate("age", "2026-10")
    assert ages.tolist() == [27, 7]


def test_net_salaries_become_gross_and_taxable_with_the_public_simulator_ratios() -> None:
    """aides-jeunes, backend/lib/openfisca/mapping/individu/ressources.ts."""
    assert incomes.salary_gross(780.0) == pytest.approx(1000.0)
    assert incomes.salary_taxable(1000.0) == pytest.approx(1000 + 0.029 * 0.9825 * 1000 / 0.78)


def test_openfisca_reads_taxable_salary_and_gross_pension(engine: RightsEngine) -> None:
    """RFR 0 for two shares: pensions and unemployment benefits pay no CSG (art. L136-8 III CSS),
    so their gross is their net (tests/rights/test_csg.py covers every rate)."""
    household = visit(
        person(salary=[900, 1000, 1100], pension=463), person("spouse", unemployment=700)
    )
    simulation = simulate(engine, household)
    # M-1 (September 2026) as answered; M (October) continues M-1.
    assert simulation.calculate("salaire_imposable", "2026-09")[0] == pytest.approx(
        incomes.salary_taxable(1100.0)
    )
    assert simulation.calculate("salaire_net", "2026-10")[0] == pytest.approx(1100)
    assert simulation.calculate("retraite_brute", "2026-08")[0] == pytest.approx(463)
    assert simulation.calculate("chomage_brut", "2026-07")[1] == pytest.approx(700)
    assert simulation.calculate("nbptr", "2024")[0] == 2


def test_months_before_the_three_answered_are_their_mean(engine: RightsEngine) -> None:
    """The rolling 12 months of the aides au logement (M-13..M-2) are extrapolated from 3 months."""
    simulation = simulate(engine, visit(person(salary=[900, 1000, 1100])))
    for month in ("2026-06", "2026-01", "2025-09", "2024-03"):
        assert simulation.calculate("salaire_net", month)[0] == pytest.approx(1000)
    rolling_year = "month:2025-09:12"  # M-13..M-2 for October 2026
    expected = 10 * incomes.salary_taxable(1000.0) + incomes.salary_taxable(900.0)
    expected += incomes.salary_taxable(1000.0)
    assert simulation.calculate_add("salaire_imposable", rolling_year)[0] == pytest.approx(
        expected, rel=1e-6
    )


def test_unknown_commune_would_fall_back_to_zone_2_in_openfisca(engine: RightsEngine) -> None:
    """The pitfall the statuses guard against (see test_households: unknown commune)."""
    simulation = simulate(engine, visit(person(), address_insee="99999"))
    assert simulation.calculate("zone_apl", "2026-10").decode_to_str().tolist() == ["zone_2"]


def test_a_visit_without_date_is_refused(engine: RightsEngine) -> None:
    with pytest.raises(InvalidInput) as raised:
        engine.assess({"answers": {"door_outcome": "interview"}})
    assert raised.value.field == "visited_on"


def test_malformed_answers_count_as_not_answered(engine: RightsEngine) -> None:
    household = visit(person(salary="beaucoup"), housing_status="castle")
    found = {a.right.value: a for a in engine.assess(household)}
    assert found["rsa"].status is AssessmentStatus.CANNOT_TELL
    assert "persons[0].salary" in found["rsa"].missing_answers
    assert "housing_status" in found["rsa"].missing_answers


def test_other_adults_form_their_own_family(engine: RightsEngine) -> None:
    """A 30-year-old son's salary does not count in his parents' RSA (art. R262-3 CASF)."""
    alone = engine.assess(visit(person(age=58), housing_status="owner"))
    with_son = engine.assess(
        visit(
            person(age=58),
            person("child", age=30, activity="employed", salary=1800),
            housing_status="owner",
        )
    )
    assert with_son[0].amount == alone[0].amount
    assert any(r.code.value == "other_adults_not_assessed" for r in with_son[0].reasons)


def _households() -> list[dict[str, Any]]:
    return [
        visit(person(age=42), housing_status="private_tenant", rent=430),
        visit(person(age=45, activity="employed", salary=1000)),
        visit(person(age=36), person("spouse", age=34), child(5), housing_status="owner"),
        visit(person(age=78, activity="retired", pension=750), housing_status="owner", rfr=8_300),
        visit(
            person(age=38, activity="employed", salary=[1350, 1420, 1390]),
            person("spouse", age=36),
            child(11),
            child(2),
            housing_status="social_tenant",
            rent=510,
            rights_received=["aide_logement"],
        ),
        visit(person(age=40, disability="yes", incapacity_rate=60)),
        visit(
            person(age=31, activity="employed", salary=700),
            housing_status="private_tenant",
            rent=450,
            rights_received=["rsa"],
        ),
        visit(person(age=52), housing_status="private_tenant", rent=380, rights_received=["rsa"]),
        visit(person(age=33, activity="unemployed", unemployment=[800, 600, 0])),
    ]


def test_a_batch_gives_the_same_assessments_as_one_visit_at_a_time(engine: RightsEngine) -> None:
    households = _households()
    batch = engine.assess_batch(households)
    one_by_one = [engine.assess(household) for household in households]
    assert batch == one_by_one


def test_the_nested_dict_situation_gives_the_same_figures_as_the_arrays(
    engine: RightsEngine,
) -> None:
    """Guards the benchmark's baseline: `build_from_entities` on `to_entities_dict`."""
    households = [read_visit(v) for v in _households()]
    situation = build_situation(households, OCTOBER, engine.scales)
    from_arrays = household_figures(
        compute(engine.system, build_simulation(engine.system, situation), situation), situation
    )
    simulation = SimulationBuilder().build_from_entities(
        engine.system, situation.to_entities_dict()
    )
    from_dict = household_figures(compute(engine.system, simulation, situation), situation)
    for mine, theirs in zip(from_arrays, from_dict, strict=True):
        for name, value in mine.famille.items():
            assert theirs.famille[name] == pytest.approx(value, abs=0.01), name
        assert mine.aah_by_rank == pytest.approx(theirs.aah_by_rank)


def test_visits_of_different_months_are_assessed_with_their_own_barèmes(
    engine: RightsEngine,
) -> None:
    october = visit(person(age=50))
    may = visit(person(age=50)) | {"visited_on": "2026-05-20"}
    march = visit(person(age=50)) | {"visited_on": "2026-03-05"}
    results = engine.assess_batch([october, may, march])
    rsa = [assessments[0].amount for assessments in results]
    # 651.69 € from April 2026 (décret n° 2026-220), 646.52 € before (décret n° 2025-293); the
    # forfait logement of a person housed free is 12 % of it.
    assert rsa[0] == pytest.approx(651.69 * 0.88, abs=0.01)
    assert rsa[1] == pytest.approx(651.69 * 0.88, abs=0.01)
    assert rsa[2] == pytest.approx(646.52 * 0.88, abs=0.01)
    assert np.isclose(rsa[0], rsa[1])


def test_a_visit_before_the_oldest_cheque_energie_barème_cannot_tell_it(
    engine: RightsEngine,
) -> None:
    old = visit(person(age=50), housing_status="owner") | {"visited_on": "2018-06-12"}
    found = {a.right.value: a for a in engine.assess(old)}
    assert found["cheque_energie"].status is AssessmentStatus.CANNOT_TELL
    assert found["cheque_energie"].parameter_date is None
    # RSA of June 2018: 550.93 € (décret n° 2018-324 du 3 mai 2018), minus the 12 % forfait logement.
    assert found["rsa"].amount == pytest.approx(550.93 * 0.88, abs=0.01)
