"""From the net amounts people know to the gross and taxable amounts OpenFisca-France reads.

OpenFisca-France computes net from gross, not the reverse: given only `salaire_net`, the aides au
logement (which read `salaire_imposable`) and the ASPA (which reads `retraite_brute`) see zero.
- Salaries: the ratios of the public simulator behind mes-aides / 1jeune1solution, so that our
  estimates match theirs. Source: betagouv/aides-jeunes,
  `backend/lib/openfisca/mapping/individu/ressources.ts` (`salaireNetToBrut`,
  `salaireNetToImposable`).
- Pensions and unemployment benefits: the CSG rate that applies to the household (exempt,
  reduced, median or normal, from its RFR and tax shares, art. L136-8 III CSS), see
  `allervers.rights.csg`.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from allervers.rights import csg
from allervers.rights.csg import RATE_ORDER, CsgRate, ReplacementIncomeScales
from allervers.rights.household import Person, ThreeMonths

FloatArray = npt.NDArray[np.float64]

RATIO_NET_GROSS_SALARY = 0.78
"""Net salary / gross salary, a private-sector average (aides-jeunes RATIO_NET_BRUT)."""
CSG_CRDS_NON_DEDUCTIBLE = 0.029
"""CSG non déductible (2.4 %) + CRDS (0.5 %): paid on the salary but part of the taxable amount."""
CSG_BASE = 0.9825
"""CSG/CRDS are levied on 98.25 % of gross salary (abattement for frais professionnels, art. L136-1-1
CSS)."""


def salary_gross(net: FloatArray | float) -> FloatArray | float:
    return net / RATIO_NET_GROSS_SALARY


def salary_taxable(net: FloatArray | float) -> FloatArray | float:
    """Net + the CSG/CRDS that is not deductible from taxable income (aides-jeunes)."""
    return net + CSG_CRDS_NON_DEDUCTIBLE * CSG_BASE * net / RATIO_NET_GROSS_SALARY


def earlier_months(three: ThreeMonths) -> float:
    """Monthly amount assumed for every month before M-3: the mean of the three months known.

    The aides au logement read a rolling 12 months (M-13..M-2, décret n° 2019-1574 du 30 décembre
    2019, "contemporanéisation") and the CSS the 12 months before the request (art. R861-8 CSS);
    some formulas also read the tax year N-2. The interview asks only three months, so the earlier
    months are extrapolated from them, as the public simulator does when no tax-year amounts were
    entered (aides-jeunes,
    `backend/lib/openfisca/mapping/individu/past-resources-proxy.ts`, `proxyWithCurrentResources`:
    the 12-month sum divided by 12, spread over the fiscal year's months).
    """
    return sum(three) / 3


def current_month(three: ThreeMonths) -> float:
    """The visit's month (M) is assumed to continue the last month known (M-1).

    RSA and prime d'activité "neutralise" an income received in M-1 and stopped in M (art. R262-13
    CASF); assuming continuity avoids inventing an interruption nobody reported.
    """
    return three[2]


# Revenu fiscal de référence estimate, for households without a tax notice (or who do not know it).
PROFESSIONAL_EXPENSES = 0.10
"""10 % deduction for professional expenses on salaries and unemployment benefits (art. 83, 3° CGI)."""
PENSION_DEDUCTION = 0.10
"""10 % deduction on pensions (art. 158, 5-a CGI)."""
MAX_ROUNDS = len(RATE_ORDER)
"""The estimate and the CSG rate depend on each other; each round can only raise the rate."""


def _yearly_taxable(person: Person, rate: CsgRate, scales: ReplacementIncomeScales) -> float:
    """One year of the person's taxable income, after the 10 % deductions (no floor, no ceiling)."""
    salary = earlier_months(person.income("salary"))
    rates = [rate]
    if person.is_self_employed:
        earned = 12 * salary  # declared profit: no salary ratio applies
    else:
        earned = 12 * float(salary_taxable(salary)) * (1 - PROFESSIONAL_EXPENSES)
    unemployment = np.array([earlier_months(person.income("unemployment"))])
    activity = np.array([salary])
    gross = csg.unemployment_gross(unemployment, activity, rates, scales)
    taxable = csg.unemployment_taxable(gross, unemployment, activity, rates, scales)
    replacement = 12 * float(taxable[0]) * (1 - PROFESSIONAL_EXPENSES)
    pension = csg.pension_taxable(
        csg.pension_gross(np.array([earlier_months(person.income("pension"))]), rates, scales),
        rates,
        scales,
    )
    alimony = earlier_months(person.income("alimony"))
    pensions = 12 * (float(pension[0]) + alimony) * (1 - PENSION_DEDUCTION)
    return earned + replacement + pensions + 12 * earlier_months(person.income("other_income"))


def estimated_rfr(
    persons: Iterable[Person], shares: float, scales: ReplacementIncomeScales
) -> float:
    """A rough revenu fiscal de référence from a year of the declared monthly incomes.

    Benefits (RSA, prime d'activité, aides au logement, AAH) are not taxable and are left out. The
    taxable part of a pension depends on the CSG rate, which depends on the RFR: starting from the
    exempt rate, the estimate is worked out again with the rate it gives until the rate settles.
    """
    members = list(persons)
    rate = CsgRate.EXEMPT
    total = 0.0
    for _ in range(MAX_ROUNDS):
        total = round(sum(_yearly_taxable(p, rate, scales) for p in members), 2)
        found = scales.rate(total, shares)
        if found is rate:
            break
        rate = found
    return total
