"""Which three months of resources the RSA and the prime d'activité of a month are computed on.

- Until 28 February 2025: the three months before the claim or the quarterly review, M-3 to M-1
  (art. R262-7 CASF and R843-1 CSS in their earlier wording).
- From 1 October 2024 in five pilot départements (Alpes-Maritimes, Aube, Hérault,
  Pyrénées-Atlantiques, Vendée), then everywhere from 1 March 2025: the fourth, third and second
  months before, M-4 to M-2, so that the declaration can be pre-filled from the employers' and
  benefit payers' monthly returns (the "solidarité à la source" reform). Experiment: décret
  n° 2024-693 du 5 juillet 2024 portant expérimentation des déclarations préremplies de ressources
  pour l'attribution du revenu de solidarité active et de la prime d'activité, and arrêté du
  8 juillet 2024 naming the départements. Generalisation: décret n° 2025-185 du 26 février 2025
  (JORF n° 0049 du 27 février 2025), art. 1 (art. R262-4 and R262-7 CASF: "quatrième, troisième et
  deuxième mois précédant la demande ou le réexamen") and art. 2 (art. R843-1 and R843-2 CSS).

OpenFisca-France models the shifted months behind the flag `departement_experimentation_rsa`
(formulas from October 2024 of `rsa_base_ressources_individu`, `ppa`...; false by default): the
mapping sets it for every month in which the shifted rule is in force for the household.

Not modelled: on a first claim, if the mean of M-4..M-2 is above the mean of M-3 and M-2, the lower
is kept (art. R262-7 as amended). Its effect is to raise the amount of someone whose income fell:
leaving it out errs towards a lower estimate. The interview asks M-3, M-2 and M-1; M-4 is taken as
the mean of the three (`incomes.earlier_months`).
"""

from __future__ import annotations

from datetime import date

from allervers.rights.periods import add_months

GENERALISED = date(2025, 3, 1)
"""Décret n° 2025-185 du 26 février 2025: in force on 1 March 2025."""
EXPERIMENT = date(2024, 10, 1)
"""Décret n° 2024-693 du 5 juillet 2024, arrêté du 8 juillet 2024: from 1 October 2024."""
EXPERIMENT_DEPARTEMENTS = frozenset({"06", "10", "34", "64", "85"})
"""Alpes-Maritimes, Aube, Hérault, Pyrénées-Atlantiques, Vendée (arrêté du 8 juillet 2024)."""


def departement(insee: str | None) -> str | None:
    """The département of an INSEE commune code ("2A"/"2B" for Corsica, 3 digits overseas)."""
    if not insee or len(insee) < 2:
        return None
    return insee[:3] if insee.startswith("97") else insee[:2]


def shifted(month: date, insee: str | None) -> bool:
    """True when the RSA and prime d'activité of `month` read M-4..M-2 (else M-3..M-1)."""
    if month >= GENERALISED:
        return True
    return month >= EXPERIMENT and departement(insee) in EXPERIMENT_DEPARTEMENTS


def reference_months(month: date, insee: str | None) -> tuple[date, date]:
    """First and last of the three months of resources read for `month`."""
    last = add_months(month, -2 if shifted(month, insee) else -1)
    return add_months(last, -2), last
