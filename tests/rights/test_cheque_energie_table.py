"""The chèque énergie barème carried by Aller-Vers: dated entries, bands and their boundaries.

Expected values are those printed in the arrêtés (art. 2 tables), typed here by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from allervers.rights import dated_tables
from allervers.rights.cheque_energie import bareme_on, baremes, consumption_units, estimate


def test_every_entry_names_its_legal_source_and_is_consistent() -> None:
    table = baremes()
    assert [entry.valid_from for entry in table] == sorted(entry.valid_from for entry in table)
    for entry in table:
        assert entry.source.startswith("Arrêté du ")
        assert entry.url.startswith("https://www.legifrance.gouv.fr/")
        assert entry.band_floors[0] == 0
        assert list(entry.band_floors) == sorted(entry.band_floors)
        assert entry.band_floors[-1] < entry.ceiling
        for amounts in (entry.one_unit, entry.between_one_and_two_units, entry.two_units_or_more):
            assert len(amounts) == len(entry.band_floors)
            assert list(amounts) == sorted(amounts, reverse=True)


@pytest.mark.parametrize(
    ("day", "valid_from", "ceiling"),
    [
        (date(2019, 6, 1), date(2019, 1, 1), 10_700),  # arrêté du 26 décembre 2018
        (date(2022, 4, 1), date(2021, 1, 1), 10_800),  # arrêté du 24 février 2021
        (date(2024, 4, 1), date(2023, 1, 1), 11_000),  # arrêté du 3 mars 2023
        (date(2025, 1, 1), date(2025, 1, 1), 11_000),  # arrêté du 31 juillet 2025
        (date(2026, 10, 1), date(2025, 1, 1), 11_000),  # still in force in October 2026
    ],
)
def test_the_entry_in_force_on_a_date(day: date, valid_from: date, ceiling: int) -> None:
    entry = bareme_on(day)
    assert entry.valid_from == valid_from
    assert entry.ceiling == ceiling


def test_no_barème_before_2019_is_carried() -> None:
    with pytest.raises(LookupError):
        bareme_on(date(2018, 12, 31))


@pytest.mark.parametrize(
    ("rfr", "amount"),
    [
        (0, 194),
        (5_699, 194),
        (5_700, 146),  # "5 700 € ≤ RFR / UC < 6 800 €"
        (6_799, 146),
        (6_800, 98),
        (7_849, 98),
        (7_850, 48),
        (10_999, 48),
        (11_000, 0),  # "inférieur à 11 000 €": the ceiling itself is out
        (25_000, 0),
    ],
)
def test_one_unit_bands_of_2025(rfr: int, amount: int) -> None:
    """Arrêté du 31 juillet 2025, art. 1 and 2 (same bands as the arrêté du 3 mars 2023)."""
    assert estimate(rfr, 1, date(2026, 10, 1)).amount == amount


@pytest.mark.parametrize(
    ("persons", "rfr", "amount"),
    [
        (2, 0, 240),  # 1.5 UC: "1 < UC < 2" column
        (2, 8_549, 240),  # 5 699.33 € per unit
        (2, 8_550, 176),  # exactly 5 700 € per unit
        (2, 16_499, 63),  # 10 999.33 € per unit
        (2, 16_500, 0),  # exactly 11 000 € per unit
        (3, 10_260, 176),  # 1.8 UC, 5 700 € per unit
        (4, 0, 277),  # 2.1 UC: "2 UC ou +" column
        (4, 14_279, 202),  # 6 799.52 € per unit
        (4, 14_280, 126),  # exactly 6 800 € per unit
        (4, 16_484, 126),  # 7 849.52 € per unit
        (4, 16_485, 76),  # exactly 7 850 € per unit
        (4, 23_099, 76),
        (4, 23_100, 0),
    ],
)
def test_household_sizes_and_bands_of_2025(persons: int, rfr: int, amount: int) -> None:
    assert estimate(rfr, persons, date(2026, 10, 1)).amount == amount


def test_2019_bands_were_lower() -> None:
    """Arrêté du 26 décembre 2018: bands from 5 600, 6 700 and 7 700 €, ceiling 10 700 €."""
    day = date(2020, 5, 1)
    assert estimate(5_599, 1, day).amount == 194
    assert estimate(5_600, 1, day).amount == 146
    assert estimate(7_700, 1, day).amount == 48
    assert estimate(10_699, 1, day).amount == 48
    assert estimate(10_700, 1, day).amount == 0
    # The same RFR per unit is in a higher band under the 2023 arrêté.
    assert estimate(5_650, 1, date(2024, 5, 1)).amount == 194


@pytest.mark.parametrize(
    ("persons", "units"), [(1, 1.0), (2, 1.5), (3, 1.8), (4, 2.1), (6, 2.7), (0, 0.0)]
)
def test_consumption_units(persons: int, units: float) -> None:
    """Art. R124-1 code de l'énergie: 1, then 0.5, then 0.3 per person."""
    assert consumption_units(persons) == pytest.approx(units)


def test_the_table_ships_as_package_data() -> None:
    from importlib import resources

    text = (
        resources.files(dated_tables.PACKAGE)
        .joinpath(*dated_tables.TABLES["cheque_energie"])
        .read_text("utf-8")
    )
    assert "JORFTEXT000047325055" in text  # the arrêté du 3 mars 2023 on Légifrance
