"""The number of tax shares (parts de quotient familial) of a family's foyer fiscal.

The avis d'impôt states it, but the interview does not ask it: it is derived from the family, as
OpenFisca-France would (`nbptr`), and given to OpenFisca so that the CSG rate on pensions and
unemployment benefits (art. L136-8 III CSS) is the one worked out here.
- One share for a single person, two for a couple: couples are taken as married or PACS and
  filing jointly (art. 6 and 194 I CGI), as the mapping puts them in one foyer fiscal.
- Half a share for each of the first two dependent children, one share from the third (art. 194 I).
- Half a share more for a parent raising children alone (art. 194 II, case T).
- Half a share more for each adult or dependent with an incapacity rate of 80 % or more, who holds
  the carte mobilité inclusion "invalidité" (art. 195 1 d bis, 195 2 and 195 3 CGI).
Not modelled (not asked): alternating residence, old-age half shares of widowed or isolated
people (art. 195 1 a-e), war veterans.
"""

from __future__ import annotations

from collections.abc import Sequence

from allervers.rights.household import Person

DISABILITY_CARD_RATE = 80
"""The carte mobilité inclusion "invalidité" is granted from an 80 % incapacity rate (art. L241-3
CASF)."""


def tax_shares(declarants: Sequence[Person], dependents: Sequence[Person]) -> float:
    """Shares of the foyer fiscal of one or two `declarants` and their `dependents`."""
    shares = 2.0 if len(declarants) >= 2 else 1.0
    for rank in range(len(dependents)):
        shares += 0.5 if rank < 2 else 1.0
    if len(declarants) < 2 and dependents:
        shares += 0.5
    disabled = [
        p
        for p in (*declarants, *dependents)
        if p.incapacity_rate is not None and p.incapacity_rate >= DISABILITY_CARD_RATE
    ]
    return shares + 0.5 * len(disabled)
