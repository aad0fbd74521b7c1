"""Chèque énergie from Aller-Vers' own dated barème (`resources/cheque_energie/bareme.toml`).

openfisca-france 176 stops at the 2021 barème, so the amount is computed here, in plain Python, from
the revenu fiscal de référence of year N-2 and the household's consumption units (art. R124-1 to
R124-3 code de l'énergie). No tax return filed means no revenu fiscal de référence, hence no chèque:
the commonest cause of non-recours, and the finding is "file a tax return".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from allervers.rights import dated_tables

FIRST_PERSON_UNITS = 1.0
SECOND_PERSON_UNITS = 0.5
OTHER_PERSON_UNITS = 0.3
"""Consumption units, art. R124-1 code de l'énergie."""


@dataclass(frozen=True, slots=True)
class ChequeEnergieBareme:
    valid_from: date
    source: str
    url: str
    ceiling: float
    band_floors: tuple[float, ...]
    one_unit: tuple[int, ...]
    between_one_and_two_units: tuple[int, ...]
    two_units_or_more: tuple[int, ...]

    def amounts_for(self, units: float) -> tuple[int, ...]:
        """Art. 2 table columns: "1 UC", "1 < UC < 2", "2 UC ou +"."""
        if units <= 1:
            return self.one_unit
        if units < 2:
            return self.between_one_and_two_units
        return self.two_units_or_more

    def amount(self, rfr: float, units: float) -> int:
        """Yearly amount in euros: 0 at or above the ceiling (art. 1: "inférieur à").

        RFR per unit is compared to the cent, so that 14 280 € for 2.1 units is exactly 6 800 €
        (binary floating point would make it 6 799.999...).
        """
        per_unit = round(rfr / units, 2)
        if per_unit >= self.ceiling:
            return 0
        amounts = self.amounts_for(units)
        band = 0
        for index, floor in enumerate(self.band_floors):
            if per_unit >= floor:
                band = index
        return amounts[band]


@dataclass(frozen=True, slots=True)
class ChequeEnergieEstimate:
    amount: int
    rfr: float
    units: float
    rfr_per_unit: float
    ceiling: float
    bareme: ChequeEnergieBareme


def consumption_units(persons: int) -> float:
    """1 for the first person, 0.5 for the second, 0.3 for each further one (art. R124-1).

    The interview does not ask about alternating residence (which halves a child's units): every
    person counts fully.
    """
    if persons <= 0:
        return 0.0
    units = FIRST_PERSON_UNITS
    if persons >= 2:
        units += SECOND_PERSON_UNITS
    units += OTHER_PERSON_UNITS * max(persons - 2, 0)
    return round(units, 4)


@functools.cache
def baremes() -> tuple[ChequeEnergieBareme, ...]:
    entries = dated_tables.entries("cheque_energie")
    table = tuple(
        ChequeEnergieBareme(
            valid_from=entry["valid_from"],
            source=entry["source"],
            url=entry["url"],
            ceiling=float(entry["ceiling"]),
            band_floors=tuple(float(v) for v in entry["band_floors"]),
            one_unit=tuple(entry["one_unit"]),
            between_one_and_two_units=tuple(entry["between_one_and_two_units"]),
            two_units_or_more=tuple(entry["two_units_or_more"]),
        )
        for entry in entries
    )
    return tuple(sorted(table, key=lambda b: b.valid_from))


def bareme_on(day: date) -> ChequeEnergieBareme:
    """The newest barème in force on `day` (the chèque of a year is sent from the spring onwards)."""
    applicable = [b for b in baremes() if b.valid_from <= day]
    if not applicable:
        raise LookupError(f"no chèque énergie barème before {day.isoformat()}")
    return applicable[-1]


def estimate(rfr: float, persons: int, day: date) -> ChequeEnergieEstimate:
    bareme = bareme_on(day)
    units = consumption_units(persons)
    amount = bareme.amount(rfr, units)
    return ChequeEnergieEstimate(
        amount=amount,
        rfr=rfr,
        units=units,
        rfr_per_unit=round(rfr / units, 2),
        ceiling=bareme.ceiling,
        bareme=bareme,
    )
