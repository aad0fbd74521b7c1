"""What one right's rule found, before receipt, organisation and documents are added; and the
helpers every rule shares (missing answers, household size, months of resources, forfait logement).

Every reason carries the figures the engine used, so that its sentence is true by construction:
per month or per year as the code says, per consumption unit where the rule is per unit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from allervers.domain.rights import Reason, ReasonCode, ReasonValue, RightId
from allervers.rights.household import (
    INCOME_KINDS,
    Household,
    HousingStatus,
    Person,
    Relationship,
)
from allervers.rights.periods import month_key
from allervers.rights.reference_months import reference_months

if TYPE_CHECKING:  # the engine's figures: OpenFisca stays out of the UI process (`needed`)
    from allervers.rights.batch import HouseholdFigures

R = ReasonCode
ADULT_AGE = 18


class NilCause(enum.StrEnum):
    """Why an estimate is nil, in the words the "received, to check" reason uses."""

    RESOURCES = "resources"
    SITUATION = "situation"


@dataclass(slots=True)
class Finding:
    right: RightId
    entitled: bool
    amount: float | None
    reasons: list[Reason] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    out_of_scope: bool = False
    """Cannot tell, without a missing answer (e.g. the loan date of an owner is not asked)."""
    tax_return_missing: bool = False
    nil_cause: NilCause = NilCause.SITUATION
    """When not entitled: whether the resources or the situation (age, studies...) rule it out."""


def reason(code: ReasonCode, **values: ReasonValue) -> Reason:
    return Reason(code, values)


def money(value: float) -> float:
    return round(value, 2)


# Missing answers -------------------------------------------------------------------------------


def missing_composition(household: Household) -> list[str]:
    return [p.answer_id("birth_date") for p in household.persons if p.birth_date is None]


def adults(household: Household) -> list[Person]:
    """Members of the main family whose incomes count: adults, and anyone whose age is unknown."""
    found = []
    for person in household.main_family():
        age = person.age_on(household.month)
        if age is None or age >= ADULT_AGE or person.relationship.value in ("reference", "spouse"):
            found.append(person)
    return found


def missing_incomes(household: Household) -> list[str]:
    """The amounts not answered of the resources each person has. When nothing at all was said
    of a person's resources, the question that lists them comes first (a child: whether they
    have any), then each amount, as files without the list always named them."""
    missing = []
    for person in adults(household):
        if not person.resources_asked:
            child = person.relationship is Relationship.CHILD
            missing.append(person.answer_id("child_income" if child else "incomes"))
        missing += [person.answer_id(k) for k in INCOME_KINDS if k not in person.incomes]
    return missing


def missing_nationality(household: Household) -> list[str]:
    missing = []
    for person in household.adults_of_main_family():
        if person.nationality is None:
            missing.append(person.answer_id("nationality"))
        elif person.nationality == "other" and person.residence_permit_years is None:
            missing.append(person.answer_id("residence_permit_years"))
    return missing


def missing_housing(household: Household) -> list[str]:
    return [] if household.housing_status is not None else ["housing_status"]


def missing_means_test(household: Household) -> list[str]:
    return missing_composition(household) + missing_incomes(household) + missing_housing(household)


# Facts the reasons quote -----------------------------------------------------------------------


def household_size(household: Household) -> Reason:
    return reason(R.HOUSEHOLD_SIZE, persons=len(household.main_family()))


def oldest_adult_age(household: Household) -> int | None:
    ages = [p.age_on(household.month) for p in household.adults_of_main_family()]
    known = [age for age in ages if age is not None]
    return max(known) if known else None


def is_student(person: Person) -> bool:
    return person.student or person.activity == "student"


def resource_months(household: Household) -> dict[str, ReasonValue]:
    """The three months of resources the RSA and the prime d'activité of the month read."""
    first, last = reference_months(household.month, household.insee)
    return {"first_month": month_key(first), "last_month": month_key(last)}


def forfait_basis(household: Household, housing_aid: float) -> dict[str, ReasonValue]:
    """Why a forfait logement is deducted (art. R262-9 CASF for the RSA, R844-3 CSS for the prime
    d'activité): the household is housed free, owns its home without an aide au logement, or
    receives an aide au logement, which the estimate assumes paid as estimated."""
    status = household.housing_status
    if status is HousingStatus.HOSTED_FREE:
        return {"basis": "hosted_free"}
    if status in (HousingStatus.OWNER, HousingStatus.OWNER_WITH_LOAN):
        return {"basis": "owner"}
    return {"basis": "housing_aid", "housing_aid": money(housing_aid)}


def csg_rate_reasons(household: Household, figures: HouseholdFigures) -> list[Reason]:
    """The CSG rate on the household's pensions or unemployment benefits, when it has some: it
    decides the gross pension the ASPA reads and the taxable income the aides au logement read."""
    replaced = any(
        sum(p.income("pension")) + sum(p.income("unemployment")) > 0
        for p in household.adults_of_main_family()
    )
    rate = figures.csg_by_rank.get(0)
    if not replaced or rate is None:
        return []
    return [reason(R.CSG_RATE, rate=rate.value, rfr=money(figures.rfr), shares=figures.tax_shares)]
