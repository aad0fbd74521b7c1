"""Per-person inputs of a batch: identity, activity, disability, and incomes month by month.

Incomes (M is the month assessed) are given for M-3, M-2, M-1 as answered, for M as in M-1, and for
every month from January of N-4 to M-4 as the mean of the three known months
(`incomes.earlier_months`): the aides au logement read M-13..M-2, the CSS M-12..M-1, the RSA and
prime d'activité M-4..M-2 since March 2025 (`reference_months`), and the tax-year formulas
(prestations familiales, AAH) read year N-2 and earlier.

Gross pensions and unemployment benefits depend on the CSG rate of the month (thresholds revalued
each January, SMIC floor): the earlier months are cut into spans over which those scales do not
change, and each span gets its own gross amounts (`csg`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from allervers.rights import csg, incomes
from allervers.rights.csg import CsgRate, ReplacementIncomeScales
from allervers.rights.household import INCOME_KINDS, Household, Person, Relationship
from allervers.rights.periods import add_months, month_key, months_between, months_span
from allervers.rights.situation import FloatArray, SituationInput

ScalesOf = Callable[[date], ReplacementIncomeScales]

HISTORY_YEARS = 4
"""Incomes are given back to January of N-4 (tax-year formulas read N-2 of past months)."""

EEA_NATIONALITY = "DE"
"""Any EEA member code: OpenFisca-France only tests membership of `geopolitique.eee`."""
NON_EEA_NATIONALITY = "ZZ"
"""ISO 3166 user-assigned code: outside the EEA and not Swiss."""
EEA_RESIDENCE_YEARS_ASSUMED = 5.0
"""EU citizens are not asked for years of residence; RSA needs 3 months (art. L262-6 CASF)."""

ACTIVITY = {
    "employed": "actif",
    "self_employed": "actif",
    "unemployed": "chomeur",
    "retired": "retraite",
    "student": "etudiant",
    "inactive": "inactif",
    "disabled_unable": "inactif",
}
"""Questionnaire `activity` -> OpenFisca `TypesActivite`."""

AAH_RATE_ASSUMED = 80
"""Incapacity rate assumed for a household member receiving the AAH whose rate was not given: the
AAH counts in the resources of RSA, prime d'activité and CSS, so it must be estimated."""


def history_start(month: date) -> date:
    return date(month.year - HISTORY_YEARS, 1, 1)


def whole_history(month: date) -> str:
    """Every month from January of N-4 to M, as one OpenFisca period."""
    return months_span(history_start(month), months_between(history_start(month), month))


def default_birth_date(person: Person, month: date) -> date:
    """Only for simulating a person whose age was not answered (the statuses then say cannot tell)."""
    years = 10 if person.relationship is Relationship.CHILD else 40
    return date(month.year - years, month.month, 1)


def assumed_incapacity_rate(person: Person, household: Household) -> int | None:
    """The given rate; or 80 % for the AAH recipient when the household receives AAH without a rate."""
    if person.incapacity_rate is not None:
        return person.incapacity_rate
    received = household.rights_received or frozenset()
    if "aah" not in received or any(p.incapacity_rate is not None for p in household.persons):
        return None
    candidates = [p for p in household.adults_of_main_family() if p.disability]
    chosen = candidates[0] if candidates else household.reference
    return AAH_RATE_ASSUMED if chosen is person else None


class Columns:
    """Accumulates per-entity input columns for all households."""

    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {}

    def add(self, name: str, value: Any) -> None:
        self.columns.setdefault(name, []).append(value)

    def array(self, name: str, dtype: Any = None) -> npt.NDArray[Any]:
        return np.array(self.columns.get(name, []), dtype=dtype)


def person_columns(
    people: Columns, person: Person, household: Household, month: date, rfr: float, shares: float
) -> None:
    """`rfr` and `shares` are those of the person's foyer fiscal (they set its CSG rate)."""
    people.add("birth", person.birth_date or default_birth_date(person, month))
    for kind in INCOME_KINDS:
        people.add(kind, person.income(kind))
    people.add("self_employed", person.is_self_employed)
    people.add("foyer_rfr", rfr)
    people.add("foyer_shares", shares)
    people.add("activite", ACTIVITY.get(person.activity or "", "inactif"))
    people.add("etudiant", person.student or person.activity == "student")
    people.add("handicap", person.disability)
    rate = assumed_incapacity_rate(person, household)
    people.add("taux_incapacite", (rate or 0) / 100)
    # AAH between 50 % and 79 %: the MDPH must also find a "restriction substantielle et durable pour
    # l'accès à l'emploi" (art. L821-2 CSS); an outreach estimate assumes it.
    people.add("rsdae", rate is not None and 50 <= rate < 80)
    if person.nationality == "eu":
        people.add("nationalite", EEA_NATIONALITY)
        years = person.residence_permit_years
        people.add(
            "titre_sejour", float(years) if years is not None else EEA_RESIDENCE_YEARS_ASSUMED
        )
    elif person.nationality == "other":
        people.add("nationalite", NON_EEA_NATIONALITY)
        people.add("titre_sejour", float(person.residence_permit_years or 0))
    else:
        people.add("nationalite", "FR")
        people.add("titre_sejour", 0.0)


@dataclass(frozen=True, slots=True)
class Span:
    """Consecutive months given the same monthly incomes and the same CSG scales."""

    first: date
    months: int
    answered: int | None
    """Which answered month (0 = M-3, 1 = M-2, 2 = M-1) the span repeats; None for their mean."""


def income_spans(month: date, scales: ScalesOf) -> list[Span]:
    """January of N-4 to M-4 cut where the scales change, then M-3, M-2, M-1 and M (as M-1)."""
    spans: list[Span] = []
    first = history_start(month)
    count = 0
    current = first
    last_early = add_months(month, -4)
    while current <= last_early:
        if count and scales(current) != scales(first):
            spans.append(Span(first, count, None))
            first, count = current, 0
        count += 1
        current = add_months(current, 1)
    if count:
        spans.append(Span(first, count, None))
    spans += [Span(add_months(month, -offset), 1, 3 - offset) for offset in (3, 2, 1)]
    spans.append(Span(month, 1, 2))  # `incomes.current_month`: M continues M-1
    return spans


def csg_rates(people: Columns, scales: ReplacementIncomeScales) -> list[CsgRate]:
    """Each person's CSG rate on replacement incomes under `scales`."""
    pairs = zip(
        people.columns.get("foyer_rfr", []), people.columns.get("foyer_shares", []), strict=True
    )
    return [scales.rate(rfr, shares) for rfr, shares in pairs]


def effective_csg_rates(people: Columns, scales: ReplacementIncomeScales) -> list[CsgRate]:
    """Each person's CSG rate on what they receive in the month assessed (M continues M-1): an
    unemployment benefit that, with activity income, stays under the SMIC floor pays none."""
    rates = csg_rates(people, scales)
    columns = people.columns
    for index in range(len(rates)):
        pension = columns["pension"][index][2]
        unemployment = columns["unemployment"][index][2]
        salary = columns["salary"][index][2]
        if not pension and unemployment and unemployment + salary < scales.unemployment_floor:
            rates[index] = CsgRate.EXEMPT
    return rates


def person_inputs(people: Columns, month: date, scales: ScalesOf) -> Iterator[SituationInput]:
    n = len(people.columns.get("birth", []))
    yield SituationInput("date_naissance", "ETERNITY", people.array("birth", "datetime64[D]"))
    three = {kind: people.array(kind, np.float64).reshape(n, 3) for kind in INCOME_KINDS}
    self_employed = people.array("self_employed", bool)[:, None]
    salary = np.where(self_employed, 0.0, three["salary"])
    profit = np.where(self_employed, three["salary"], 0.0)
    for span in income_spans(month, scales):
        yield from _span_inputs(people, span, scales(span.first), three, salary, profit)
    # Self-employed profit for the yearly tax-based formulas (aides au logement read year N-2).
    yearly_profit = 12 * profit.mean(axis=1)
    for year in range(month.year - HISTORY_YEARS, month.year + 1):
        yield SituationInput("rpns_imposables", str(year), yearly_profit)
    whole = whole_history(month)
    for variable, column, dtype in (
        ("activite", "activite", None),
        ("etudiant", "etudiant", bool),
        ("handicap", "handicap", bool),
        ("taux_incapacite", "taux_incapacite", np.float64),
        ("aah_restriction_substantielle_durable_acces_emploi", "rsdae", bool),
        ("nationalite", "nationalite", None),
        ("duree_possession_titre_sejour", "titre_sejour", np.float64),
    ):
        yield SituationInput(variable, whole, people.array(column, dtype))


def _span_inputs(
    people: Columns,
    span: Span,
    scales: ReplacementIncomeScales,
    three: dict[str, FloatArray],
    salary: FloatArray,
    profit: FloatArray,
) -> Iterator[SituationInput]:
    def monthly(values: FloatArray) -> FloatArray:
        chosen = values.mean(axis=1) if span.answered is None else values[:, span.answered]
        return np.asarray(chosen, dtype=np.float64)

    rates = csg_rates(people, scales)
    salary_net = monthly(salary)
    pension = monthly(three["pension"])
    unemployment = monthly(three["unemployment"])
    values = {
        "salaire_net": salary_net,
        "salaire_de_base": np.asarray(incomes.salary_gross(salary_net), dtype=np.float64),
        "salaire_imposable": np.asarray(incomes.salary_taxable(salary_net), dtype=np.float64),
        "rpns_auto_entrepreneur_benefice": monthly(profit),
        "chomage_net": unemployment,
        "chomage_brut": csg.unemployment_gross(unemployment, salary_net, rates, scales),
        "retraite_nette": pension,
        "retraite_brute": csg.pension_gross(pension, rates, scales),
        "pensions_alimentaires_percues": monthly(three["alimony"]),
        "revenus_locatifs": monthly(three["other_income"]),
    }
    period = month_key(span.first) if span.months == 1 else months_span(span.first, span.months)
    for variable, per_month in values.items():
        # `set_input_divide_by_period` spreads a multi-month total evenly over its months.
        yield SituationInput(variable, period, per_month * span.months)


def foyer_members(
    persons: Sequence[Person], families: Sequence[int], foyer_roles: Sequence[str], family: int
) -> tuple[list[Person], list[Person]]:
    """Declarants and dependents of one family's foyer fiscal."""
    declarants = [
        p
        for p, f, role in zip(persons, families, foyer_roles, strict=True)
        if f == family and role != "personne_a_charge"
    ]
    dependents = [
        p
        for p, f, role in zip(persons, families, foyer_roles, strict=True)
        if f == family and role == "personne_a_charge"
    ]
    return declarants, dependents
