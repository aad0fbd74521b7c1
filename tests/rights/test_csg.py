"""Net pensions and unemployment benefits grossed up with the CSG rate that applies.

The rate depends on the revenu fiscal de référence of N-2 and the tax shares (art. L136-8 III
CSS). Round trip: the net that OpenFisca-France itself derives from the gross the engine gives
(`retraite_nette`, `chomage_net`, computed from `retraite_brute` / `chomage_brut` alone) is the
net the household declared.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from openfisca_core.simulation_builder import SimulationBuilder

from allervers.rights import csg
from allervers.rights.csg import CsgRate
from allervers.rights.engine import RightsEngine

OCTOBER_2026 = date(2026, 10, 1)


def openfisca_net(
    engine: RightsEngine, gross_variable: str, gross: float, rfr: float, shares: float,
    salary: float = 0.0,
) -> float:  # fmt: skip
    """OpenFisca's own net from a gross, for a foyer with this RFR (N-2) and these shares."""
    net_variable = {"retraite_brute": "retraite_nette", "chomage_brut": "chomage_net"}
    entities = {
        "individus": {
            "p": {
                "date_naissance": {"ETERNITY": "1960-01-01"},
                gross_variable: {"2026-10": gross},
                "salaire_net": {"2026-10": salary},
            }
        },
        "foyers_fiscaux": {
            "f": {"declarants": ["p"], "rfr": {"2024": rfr}, "nbptr": {"2024": shares}}
        },
        "familles": {"fa": {"parents": ["p"]}},
        "menages": {"m": {"personne_de_reference": ["p"]}},
    }
    simulation = SimulationBuilder().build_from_entities(engine.system, entities)
    return float(simulation.calculate(net_variable[gross_variable], "2026-10")[0])


@pytest.mark.parametrize(
    ("rfr", "shares", "rate"),
    [
        (13_048, 1, CsgRate.EXEMPT),  # 2026: exempt up to 13 048 EUR for one share
        (13_049, 1, CsgRate.REDUCED),
        (17_057, 1, CsgRate.REDUCED),  # reduced up to 17 057 EUR
        (17_058, 1, CsgRate.MEDIAN),
        (26_472, 1, CsgRate.MEDIAN),  # median up to 26 472 EUR
        (26_473, 1, CsgRate.NORMAL),
        (20_016, 2, CsgRate.EXEMPT),  # 13 048 + 2 x 3 484 for two shares
        (20_017, 2, CsgRate.REDUCED),
        (23_500, 2.5, CsgRate.EXEMPT),  # 13 048 + 3 x 3 484 for two and a half shares
        (23_501, 2.5, CsgRate.REDUCED),
    ],
)
def test_rate_thresholds_of_2026_art_l136_8_css(
    engine: RightsEngine, rfr: float, shares: float, rate: CsgRate
) -> None:
    """Art. L136-8 III CSS, thresholds revalued on 1 January 2026 (openfisca-france parameters
    `prelevements_sociaux.contributions_sociales.csg.remplacement.seuils`)."""
    assert engine.scales(OCTOBER_2026).rate(rfr, shares) is rate


def test_12_900_eur_reduced_rate_in_2025_exempt_in_2026_art_l136_8_css(
    engine: RightsEngine,
) -> None:
    """12 900 EUR for one share: reduced rate in December 2025 (exempt up to 12 817 EUR, art.
    L136-8 III CSS revalued on 1 January 2025), exempt in January 2026 (up to 13 048 EUR)."""
    assert engine.scales(date(2025, 12, 1)).rate(12_900, 1) is CsgRate.REDUCED
    assert engine.scales(date(2026, 1, 1)).rate(12_900, 1) is CsgRate.EXEMPT


@pytest.mark.parametrize(
    ("rfr", "shares", "factor"),
    [
        (10_000, 1, 1.0),  # exempt: gross = net
        (15_000, 1, 1 - 0.038 - 0.005),  # reduced: CSG 3.8 % + CRDS 0.5 %
        (20_000, 1, 1 - 0.066 - 0.005 - 0.003),  # median: CSG 6.6 % + CRDS + CASA 0.3 %
        (40_000, 1, 1 - 0.083 - 0.005 - 0.003),  # normal: CSG 8.3 % + CRDS + CASA
        (20_000, 2, 1.0),  # a couple: exempt up to 20 016 EUR
    ],
)
def test_pension_round_trip_through_openfisca(
    engine: RightsEngine, rfr: float, shares: float, factor: float
) -> None:
    scales = engine.scales(OCTOBER_2026)
    rate = scales.rate(rfr, shares)
    gross = float(csg.pension_gross(np.array([1200.0]), [rate], scales)[0])
    assert gross == pytest.approx(1200 / factor, abs=0.01)
    assert openfisca_net(engine, "retraite_brute", gross, rfr, shares) == pytest.approx(
        1200, abs=0.01
    )


@pytest.mark.parametrize(
    ("net", "salary", "rfr", "withheld"),
    [
        (1000, 0, 40_000, 0.0),  # under the monthly SMIC (151.67 h x 12.31 EUR): nothing withheld
        (2000, 0, 40_000, 0.062 + 0.005),  # normal rate: CSG 6.2 % + CRDS, on 98.25 %
        (2000, 0, 15_000, 0.038 + 0.005),  # reduced rate
        (2000, 0, 10_000, 0.0),  # exempt by the RFR
        (1000, 1200, 40_000, 0.062 + 0.005),  # with a salary, over the floor: full rate
    ],
)
def test_unemployment_round_trip_through_openfisca(
    engine: RightsEngine, net: float, salary: float, rfr: float, withheld: float
) -> None:
    scales = engine.scales(OCTOBER_2026)
    rate = scales.rate(rfr, 1)
    gross = float(
        csg.unemployment_gross(np.array([float(net)]), np.array([float(salary)]), [rate], scales)[0]
    )
    assert gross == pytest.approx(net / (1 - withheld * 0.9825), abs=0.01)
    assert openfisca_net(engine, "chomage_brut", gross, rfr, 1, salary) == pytest.approx(
        net, abs=0.01
    )


def test_the_smic_floor_of_october_2026(engine: RightsEngine) -> None:
    """151.67 hours x 12.31 EUR (SMIC brut horaire from 1 June 2026)."""
    assert engine.scales(OCTOBER_2026).unemployment_floor == pytest.approx(151.67 * 12.31)
