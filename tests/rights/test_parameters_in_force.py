"""Parameters in force: Aller-Vers' own dated tables, and the revaluations the installed rules know.

`test_every_revaluation_passed_is_known` fails on the first day a revaluation date has passed
(April for RSA, prime d'activité, AAH and the CSS ceiling; October for the aides au logement;
January for the ASPA, the CSG thresholds, the SMIC and the chèque énergie) without the installed
openfisca-france or Aller-Vers' tables holding its value: upgrade openfisca-france, or add the
value with its source to `src/allervers/resources/*/*.toml` (or declare it `[[awaiting]]` there,
which the screen and the household sheet then show as "peut-être pas à jour").
"""

from __future__ import annotations

from datetime import date

import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from allervers.domain.rights import ReasonCode, RightId
from allervers.rights import dated_tables
from allervers.rights.css_ceilings import ceilings
from allervers.rights.engine import RightsEngine
from allervers.rights.parameters import currency, missing_revaluations
from tests.rights.conftest import by_right, person, visit


def test_every_revaluation_passed_is_known(engine: RightsEngine) -> None:
    today = date.today()
    assert missing_revaluations(engine.system, today) == [], (
        "a revaluation date has passed without its value: see this module's docstring"
    )


def test_the_check_fails_once_april_2027_has_passed(engine: RightsEngine) -> None:
    """openfisca-france 176.1.8 knows the RSA of April 2026, not of April 2027: on 2 April 2027
    the check names it (and the prime d'activité, the AAH and the CSS)."""
    missing = {
        right for right, _due, _path in missing_revaluations(engine.system, date(2027, 4, 2))
    }
    assert {RightId.RSA, RightId.PPA, RightId.AAH, RightId.CSS} <= missing
    assert missing_revaluations(engine.system, date(2026, 12, 6)) == []


def test_own_tables_name_their_sources() -> None:
    for name in dated_tables.TABLES:
        entries = dated_tables.entries(name)
        assert entries, name
        for entry in entries:
            assert entry["source"] and entry["url"].startswith("https://www.legifrance.gouv.fr/")
        for item in dated_tables.awaiting(name):
            assert item.due > entries[-1]["valid_from"] and item.note, name


def test_css_table_is_dated_and_increasing() -> None:
    table = ceilings()
    assert [c.valid_from for c in table] == sorted(c.valid_from for c in table)
    assert [c.ceiling for c in table] == sorted(c.ceiling for c in table)


def _css_ceiling(engine: RightsEngine, month: str) -> float:
    entities = {
        "individus": {"p": {"date_naissance": {"ETERNITY": "1980-01-01"}}},
        "familles": {"f": {"parents": ["p"]}},
        "foyers_fiscaux": {"ff": {"declarants": ["p"]}},
        "menages": {"m": {"personne_de_reference": ["p"]}},
    }
    simulation = SimulationBuilder().build_from_entities(engine.system, entities)
    return float(simulation.calculate("cmu_c_plafond", month)[0])


def test_css_ceiling_10166_eur_in_march_2025_arrete_du_26_mars_2024(engine: RightsEngine) -> None:
    assert _css_ceiling(engine, "2025-03") == 10_166


def test_css_ceiling_10339_eur_from_1_april_2025_arrete_jorf_29_mars_2025(
    engine: RightsEngine,
) -> None:
    """Written into openfisca-france's parameter from Aller-Vers' table (176.1.8 stops at 2024)."""
    assert _css_ceiling(engine, "2025-04") == 10_339
    assert _css_ceiling(engine, "2026-10") == 10_339


def test_css_may_be_out_of_date_from_april_2026_not_before(engine: RightsEngine) -> None:
    """The revaluation of 1 April 2026 is declared awaiting in resources/css/plafonds.toml."""
    assert currency(engine.system, date(2026, 3, 1))[RightId.CSS].up_to_date
    late = currency(engine.system, date(2026, 4, 1))[RightId.CSS]
    assert not late.up_to_date
    assert (late.parameter_date, late.revaluation_date) == (date(2025, 4, 1), date(2026, 4, 1))


def test_rsa_is_current_on_both_sides_of_1_april_2026(engine: RightsEngine) -> None:
    """Décret n° 2026-220 (651.69 EUR from 1 April 2026) is in openfisca-france 176.1.8."""
    march = currency(engine.system, date(2026, 3, 1))[RightId.RSA]
    april = currency(engine.system, date(2026, 4, 1))[RightId.RSA]
    assert (march.parameter_date, march.up_to_date) == (date(2025, 4, 1), True)
    assert (april.parameter_date, april.up_to_date) == (date(2026, 4, 1), True)


def test_cheque_energie_may_be_out_of_date_in_2026_not_in_2025(engine: RightsEngine) -> None:
    """The 2026 campaign is declared awaiting (arrêté du 31 juillet 2025 still applied)."""
    assert currency(engine.system, date(2025, 10, 1))[RightId.CHEQUE_ENERGIE].up_to_date
    assert not currency(engine.system, date(2026, 10, 1))[RightId.CHEQUE_ENERGIE].up_to_date


def test_an_assessment_says_which_values_may_be_out_of_date(engine: RightsEngine) -> None:
    household = visit(person(age=40), housing_status="private_tenant", rent=450)
    october = by_right(engine.assess(household))
    may_2025 = by_right(engine.assess(household | {"visited_on": "2025-05-20"}))

    def stale(found: dict[RightId, object], right: RightId) -> bool:
        return any(
            r.code is ReasonCode.PARAMETERS_MAY_BE_OUT_OF_DATE
            for r in found[right].reasons  # type: ignore[attr-defined]
        )

    assert stale(october, RightId.CSS) and stale(october, RightId.CHEQUE_ENERGIE)
    assert not any(stale(october, r) for r in (RightId.RSA, RightId.PPA, RightId.AIDE_LOGEMENT))
    assert not any(stale(may_2025, right) for right in RightId)


@pytest.mark.parametrize("name", sorted(dated_tables.TABLES))
def test_tables_ship_as_package_data(name: str) -> None:
    assert dated_tables.entries(name)
    assert len(dated_tables.digest()) == 64
