"""From the net amounts people know to the gross and taxable amounts OpenFisca-France reads.

OpenFisca-France computes net from gross, not the reverse: given only `salaire_net`, the aides au
logement (which read `salaire_imposable`) and the ASPA (which reads `retraite_brute`) see zero. The
public simulator behind mes-aides / 1jeune1solution derives them with these ratios; we use the same
so that our estimates match theirs. Source: betagouv/aides-jeunes,
`backend/lib/openfisca/mapping/individu/ressources.ts` (`salaireNetToBrut`, `salaireNetToImposable`,
`chomage_brut`, `retraite_brute`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from allervers.rights.household import Household, Person, ThreeMonths

FloatArray = npt.NDArray[np.float64]

RATIO_NET_GROSS_SALARY = 0.78
"""Net salary / gross salary, a private-sector average (aides-jeunes RATIO_NET_BRUT)."""
CSG_CRDS_NON_DEDUCTIBLE = 0.029
"""CSG non déductible (2.4 %) + CRDS (0.5 %): paid on the salary but part of the taxable amount."""
CSG_BASE = 0.9825
"""CSG/CRDS are levied on 98.25 % of gross salary (abattement for frais professionnels, art. L136-1-1
CSS)."""
RATIO_NET_GROSS_PENSION = 0.926
"""Average 7.4 % of CSG/CRDS/CASA on pensions (aides-jeunes `retraite_brute`)."""
UNEMPLOYMENT_DEDUCTIONS = (0.062 + 0.005) * CSG_BASE + 0.028
"""CSG 6.2 % + CRDS 0.5 % on 98.25 %, and 2.8 % pension contribution (aides-jeunes `chomage_brut`)."""


def salary_gross(net: FloatArray | float) -> FloatArray | float:
    return net / RATIO_NET_GROSS_SALARY


def salary_taxable(net: FloatArray | float) -> FloatArray | float:
    """Net + the CSG/CRDS that is not deductible from taxable income (aides-jeunes)."""
    return net + CSG_CRDS_NON_DEDUCTIBLE * CSG_BASE * net / RATIO_NET_GROSS_SALARY


def pension_gross(net: FloatArray | float) -> FloatArray | float:
    return net / RATIO_NET_GROSS_PENSION


def unemployment_gross(net: FloatArray | float) -> FloatArray | float:
    return net / (1 - UNEMPLOYMENT_DEDUCTIONS)


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
TAXABLE_PENSION_RATIO = 1 - 0.059
"""Taxable pension = gross minus deductible CSG at the full 5.9 % rate (art. 154 quinquies CGI)."""
TAXABLE_UNEMPLOYMENT_RATIO = 1 - 0.038 * CSG_BASE
"""Taxable unemployment benefit = gross minus deductible CSG, 3.8 % on 98.25 % (art. 154 quinquies
CGI)."""


def estimated_rfr(persons: Iterable[Person]) -> float:
    """A rough revenu fiscal de référence from a year of the declared monthly incomes.

    Benefits (RSA, prime d'activité, aides au logement, AAH) are not taxable and are left out.
    """
    total = 0.0
    for person in persons:
        salary = earlier_months(person.income("salary"))
        unemployment = earlier_months(person.income("unemployment"))
        pension = earlier_months(person.income("pension"))
        alimony = earlier_months(person.income("alimony"))
        other = earlier_months(person.income("other_income"))
        if person.is_self_employed:
            earned = 12 * salary  # declared profit: no salary ratio applies
        else:
            earned = 12 * float(salary_taxable(salary)) * (1 - PROFESSIONAL_EXPENSES)
        replacement = 12 * float(unemployment_gross(unemployment)) * TAXABLE_UNEMPLOYMENT_RATIO
        replacement *= 1 - PROFESSIONAL_EXPENSES
        pensions = 12 * (float(pension_gross(pension)) * TAXABLE_PENSION_RATIO + alimony)
        pensions *= 1 - PENSION_DEDUCTION
        total += earned + replacement + pensions + 12 * other
    return round(total, 2)


def household_rfr(household: Household) -> tuple[float, bool]:
    """The RFR of year N-2 to use, and whether it is an estimate.

    The `rfr` answer is read from the last tax notice, received in year N-1 for the incomes of N-2:
    exactly the year the chèque énergie of year N reads (art. R124-1 code de l'énergie).
    """
    if household.rfr is not None:
        return household.rfr, False
    return estimated_rfr(household.main_family()), True
