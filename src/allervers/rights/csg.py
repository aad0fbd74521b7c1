"""CSG, CRDS and CASA on replacement incomes: from the net amount people know to the gross amount.

People know the net pension or unemployment benefit they receive; OpenFisca-France reads the gross
one (`retraite_brute`, `chomage_brut`) and derives the net, the taxable amount (aides au logement)
and the resources of the ASPA from it. The rate of CSG on replacement incomes depends on the
household's revenu fiscal de référence of year N-2 and its number of tax shares (art. L136-8 III
CSS): exempt, reduced (3.8 %), median (6.6 %, pensions only, since 2019) or normal (8.3 % on
pensions, 6.2 % on unemployment benefits). A low-income pensioner pays none of it: grossing up
every pension by the same 7.4 % made their taxable income, hence their aide au logement, wrong.

The functions below invert OpenFisca-France's own formulas (`retraite_nette`, `chomage_net`, in
`model/prelevements_obligatoires/prelevements_sociaux/contributions_sociales/remplacement.py`), with
the thresholds and rates read from its parameters for the month (`allervers.rights.csg_scales`):
the net that OpenFisca derives from the gross given here is the net the household declared
(tests/rights/test_csg.py checks it against OpenFisca itself). Thresholds in force (metropolitan
France, RFR for one share, then per extra half share), art. L136-8 III CSS as revalued each
1 January:
- 2025: exempt up to 12 817 € (+3 422 €), reduced up to 16 755 € (+4 474 €), median up to
  26 004 € (+6 941 €);
- 2026: exempt up to 13 048 € (+3 484 €), reduced up to 17 057 € (+4 555 €), median up to
  26 472 € (+7 066 €).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


class CsgRate(enum.StrEnum):
    """Rate of CSG on a replacement income (art. L136-8 III CSS)."""

    EXEMPT = "exempt"
    REDUCED = "reduced"
    MEDIAN = "median"
    """Pensions only (art. L136-8 III 2° bis CSS, since 1 January 2019); unemployment benefits of
    such households pay the normal rate."""
    NORMAL = "normal"


RATE_ORDER = (CsgRate.EXEMPT, CsgRate.REDUCED, CsgRate.MEDIAN, CsgRate.NORMAL)


@dataclass(frozen=True, slots=True)
class Threshold:
    one_share: float
    per_half_share: float

    def for_shares(self, shares: float) -> float:
        """Art. L136-8 III CSS: the amount for one share, plus one increment per extra half share."""
        return self.one_share + (shares - 1) * 2 * self.per_half_share


@dataclass(frozen=True, slots=True)
class ReplacementIncomeScales:
    """Thresholds and rates of one month, as OpenFisca-France holds them."""

    exempt_up_to: Threshold | None
    """None before 2015, when the rate did not depend on the RFR yet (everyone is taken at the
    normal rate, as OpenFisca-France does)."""
    reduced_up_to: Threshold | None
    median_up_to: Threshold | None
    """None before 2019 (no median rate then)."""
    pension_deductible: dict[CsgRate, float]
    """CSG deductible from taxable income, by rate (5.9 %, 4.2 %, 3.8 %, 0)."""
    pension_withheld: dict[CsgRate, float]
    """Everything withheld from a gross pension: CSG, CRDS (0.5 %) and CASA (0.3 %, art. L14-10-4
    CASF, at the median and normal rates only)."""
    unemployment_deductible: dict[CsgRate, float]
    unemployment_withheld: dict[CsgRate, float]
    """CSG and CRDS on the unemployment benefit base (no CASA)."""
    unemployment_allowance: float
    """1.75 % of the benefit is not subject to CSG/CRDS (art. L136-1-2 CSS)..."""
    unemployment_allowance_ceiling: float
    """... up to 4 plafonds mensuels de la sécurité sociale."""
    unemployment_floor: float
    """CSG and CRDS cannot bring the benefit plus activity income under the monthly SMIC (art.
    L136-8 III CSS, last paragraph; OpenFisca: `min_exo` x 151.67 h x SMIC brut horaire)."""

    def rate(self, rfr: float, shares: float) -> CsgRate:
        """The rate for a household with this RFR (year N-2) and number of tax shares."""
        if self.exempt_up_to is None or self.reduced_up_to is None:
            return CsgRate.NORMAL
        if rfr <= self.exempt_up_to.for_shares(shares):
            return CsgRate.EXEMPT
        if rfr <= self.reduced_up_to.for_shares(shares):
            return CsgRate.REDUCED
        if self.median_up_to is not None and rfr <= self.median_up_to.for_shares(shares):
            return CsgRate.MEDIAN
        return CsgRate.NORMAL


def unemployment_rate(rate: CsgRate) -> CsgRate:
    """Unemployment benefits know no median rate: those households pay the normal one."""
    return CsgRate.NORMAL if rate is CsgRate.MEDIAN else rate


def pension_gross(
    net: FloatArray, rates: list[CsgRate], scales: ReplacementIncomeScales
) -> FloatArray:
    """Gross pension whose net, after CSG, CRDS and CASA at each person's rate, is `net`."""
    withheld = np.array([scales.pension_withheld[r] for r in rates], dtype=np.float64)
    return np.asarray(net / (1 - withheld), dtype=np.float64)


def pension_taxable(
    gross: FloatArray, rates: list[CsgRate], scales: ReplacementIncomeScales
) -> FloatArray:
    """Taxable pension: gross minus the deductible CSG (art. 154 quinquies CGI)."""
    deductible = np.array([scales.pension_deductible[r] for r in rates], dtype=np.float64)
    return np.asarray(gross * (1 - deductible), dtype=np.float64)


def unemployment_gross(
    net: FloatArray,
    activity: FloatArray,
    rates: list[CsgRate],
    scales: ReplacementIncomeScales,
) -> FloatArray:
    """Gross unemployment benefit whose net is `net`, for people with `activity` net income.

    Where the net benefit plus activity income is under the SMIC floor, no CSG nor CRDS is taken
    at all (the gross is the net); above it, the full rates apply to 98.25 % of the gross.
    """
    withheld = np.array(
        [scales.unemployment_withheld[unemployment_rate(r)] for r in rates], dtype=np.float64
    )
    share = scales.unemployment_allowance
    ceiling = scales.unemployment_allowance_ceiling
    below_ceiling = net / (1 - withheld * (1 - share))
    # Above 4 PSS the 1.75 % allowance stops growing: net = A - w (A - share x ceiling).
    above_ceiling = (net - withheld * share * ceiling) / (1 - withheld)
    full = np.where(below_ceiling <= ceiling, below_ceiling, above_ceiling)
    floored = net + activity < scales.unemployment_floor
    return np.asarray(np.where(floored | (withheld == 0), net, full), dtype=np.float64)


def unemployment_taxable(
    gross: FloatArray,
    net: FloatArray,
    activity: FloatArray,
    rates: list[CsgRate],
    scales: ReplacementIncomeScales,
) -> FloatArray:
    """Taxable unemployment benefit: gross minus the deductible CSG actually withheld."""
    deductible = np.array(
        [scales.unemployment_deductible[unemployment_rate(r)] for r in rates], dtype=np.float64
    )
    share = scales.unemployment_allowance
    base = gross - share * np.minimum(gross, scales.unemployment_allowance_ceiling)
    floored = net + activity < scales.unemployment_floor
    return np.asarray(np.where(floored, gross, gross - deductible * base), dtype=np.float64)
