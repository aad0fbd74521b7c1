"""A typed reading of one visit's `answers` (format `allervers-visit/1`, docs/household-format.md).

Nothing here knows OpenFisca. A value that is absent or malformed is recorded as "not answered": the
statuses then say *cannot tell* for the rights that need it and name the answer id (`rent`,
`persons[1].salary`...). Visits were validated on import; reading defensively keeps a corrupted or
hand-written file from crashing an assessment.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from allervers.domain.errors import InvalidInput

INCOME_KINDS = ("salary", "unemployment", "pension", "alimony", "other_income")
"""Per-person money answers, net per month (`money3`: one number or [M-3, M-2, M-1])."""

RIGHTS_RECEIVABLE = frozenset(
    {"rsa", "ppa", "aide_logement", "cheque_energie", "css", "aah", "aspa"}
)

E = TypeVar("E", bound=enum.StrEnum)

FIRST_MONTH = date(2016, 5, 1)
"""The prime d'activité, the youngest right computed with OpenFisca here, exists from January
2016 (loi n° 2015-994 du 17 août 2015, art. 57): before, OpenFisca-France has none of its
parameters and fails. The engine reads it over the four months before the one assessed (the
reference quarter, `batch`), so May 2016 is the first month whose reading stays within it."""
LAST_MONTH = date(2099, 12, 1)
"""After the last barème known the engine keeps it (and says so in each reason); a month near
the year 9999 makes OpenFisca fail on a date of the year 10000."""


class MonthNotModelled(ValueError):
    """A month outside FIRST_MONTH..LAST_MONTH: no assessment, rather than a wrong one."""


ThreeMonths = tuple[float, float, float]
"""Net monthly amounts for M-3, M-2, M-1, oldest first."""


class Relationship(enum.StrEnum):
    REFERENCE = "reference"
    SPOUSE = "spouse"
    CHILD = "child"
    OTHER_RELATIVE = "other_relative"
    OTHER = "other"


class HousingStatus(enum.StrEnum):
    PRIVATE_TENANT = "private_tenant"
    SOCIAL_TENANT = "social_tenant"
    OWNER_WITH_LOAN = "owner_with_loan"
    OWNER = "owner"
    HOSTED_FREE = "hosted_free"
    OTHER = "other"

    @property
    def is_tenant(self) -> bool:
        return self in (HousingStatus.PRIVATE_TENANT, HousingStatus.SOCIAL_TENANT)


class YesNo(enum.StrEnum):
    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont_know"


@dataclass(frozen=True, slots=True)
class Person:
    index: int
    relationship: Relationship
    birth_date: date | None
    """From `birth_date`, or derived from `age` (visit date minus age years and six months)."""
    activity: str | None
    student: bool
    disability: bool
    incapacity_rate: int | None
    nationality: str | None
    residence_permit_years: int | None
    incomes: Mapping[str, ThreeMonths]
    """The income kinds known: answered, or 0 for a kind the person does not have (not in their
    `incomes` list). A kind that is missing here was not answered."""
    resources_asked: bool = True
    """False when neither the `incomes` list (nor, for a child, `child_income`) nor any amount
    was answered: the missing answer is then the list, not each amount."""

    def answer_id(self, name: str) -> str:
        return f"persons[{self.index}].{name}"

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def income(self, kind: str) -> ThreeMonths:
        return self.incomes.get(kind, (0.0, 0.0, 0.0))

    @property
    def is_self_employed(self) -> bool:
        return self.activity == "self_employed"


@dataclass(frozen=True, slots=True)
class Household:
    visited_on: date
    month: date
    """First day of the month the rights are computed for (the visit's month unless overridden)."""
    door_outcome: str | None
    persons: tuple[Person, ...] = ()
    insee: str | None = None
    social_regime: str | None = None
    housing_status: HousingStatus | None = None
    rent: float | None = None
    charges: float | None = None
    tax_return_filed: YesNo | None = None
    rfr: float | None = None
    rights_received: frozenset[str] | None = None
    """None when not answered or "dont_know"; empty for "none"."""
    unreadable: tuple[str, ...] = field(default=())
    """Answer ids present but malformed (treated as not answered)."""

    family: tuple[Person, ...] = field(init=False)
    """Reference person, spouse and children under 25: the family whose rights are assessed.

    RSA and prime d'activité count children under 25 (art. R262-3 CASF); older children and other
    relatives living in the dwelling form their own family for the CAF.
    """
    family_adults: tuple[Person, ...] = field(init=False)
    """Reference person and spouse."""

    def __post_init__(self) -> None:
        # Computed once: the statuses ask for them many times per household.
        object.__setattr__(self, "family", tuple(p for p in self.persons if self.in_main_family(p)))
        adults = (Relationship.REFERENCE, Relationship.SPOUSE)
        object.__setattr__(
            self, "family_adults", tuple(p for p in self.persons if p.relationship in adults)
        )

    @property
    def interview(self) -> bool:
        return self.door_outcome == "interview"

    @property
    def reference(self) -> Person | None:
        return self.persons[0] if self.persons else None

    def main_family(self) -> tuple[Person, ...]:
        return self.family

    def in_main_family(self, person: Person) -> bool:
        if person.relationship in (Relationship.REFERENCE, Relationship.SPOUSE):
            return True
        if person.relationship is Relationship.CHILD:
            age = person.age_on(self.month)
            return age is None or age < 25
        return False

    def adults_of_main_family(self) -> tuple[Person, ...]:
        return self.family_adults


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def parse_month(text: str) -> date:
    """`YYYY-MM` (the CLI's --month) to the first day of that month."""
    year, month = text.split("-")
    return date(int(year), int(month), 1)


def read_visit(visit: Mapping[str, Any], month: date | None = None) -> Household:
    """Reads a visit object (`{"visited_on": ..., "answers": {...}}`)."""
    visited_on = _date(visit.get("visited_on"))
    if visited_on is None:
        raise ValueError("visited_on")
    answers = visit.get("answers")
    if not isinstance(answers, Mapping):
        answers = {}
    assessed = first_of_month(month) if month else first_of_month(visited_on)
    if not FIRST_MONTH <= assessed <= LAST_MONTH:
        raise MonthNotModelled(assessed.isoformat()[:7])
    return _Reader(answers, visited_on).household(assessed)


def read_for_engine(visit: Mapping[str, Any], month: date | None = None) -> Household:
    """`read_visit`, with its refusals as the errors people see: no readable date, or a month
    the engine does not model. Cheap: checks a file before the engine takes seconds to load."""
    try:
        return read_visit(visit, month)
    except MonthNotModelled:
        raise InvalidInput("month", "not_modelled") from None
    except ValueError as error:
        raise InvalidInput("visited_on", "missing or not an ISO date") from error


class _Reader:
    def __init__(self, answers: Mapping[str, Any], visited_on: date) -> None:
        self.answers = answers
        self.visited_on = visited_on
        self.unreadable: list[str] = []

    def household(self, month: date) -> Household:
        a = self.answers
        persons_raw = a.get("persons")
        persons: list[Person] = []
        if isinstance(persons_raw, Sequence) and not isinstance(persons_raw, str):
            for index, raw in enumerate(persons_raw):
                if isinstance(raw, Mapping):
                    persons.append(self.person(index, raw))
                else:
                    self.unreadable.append(f"persons[{index}]")
        elif persons_raw is not None:
            self.unreadable.append("persons")
        housing = self.choice("housing_status", HousingStatus)
        filed = self.choice("tax_return_filed", YesNo)
        return Household(
            visited_on=self.visited_on,
            month=month,
            door_outcome=a.get("door_outcome") if isinstance(a.get("door_outcome"), str) else None,
            persons=tuple(persons),
            insee=self.text("address_insee"),
            social_regime=self.text("social_regime"),
            housing_status=housing,
            rent=self.money("rent"),
            charges=self.money("charges"),
            tax_return_filed=filed,
            rfr=self.money("rfr"),
            rights_received=self.received(),
            unreadable=tuple(self.unreadable),
        )

    def person(self, index: int, raw: Mapping[str, Any]) -> Person:
        prefix = f"persons[{index}]."
        try:
            relationship = Relationship(str(raw.get("relationship")))
        except ValueError:
            # The reference person comes first (format rule); others default to "other".
            relationship = Relationship.REFERENCE if index == 0 else Relationship.OTHER
        birth = _date(raw.get("birth_date"))
        if birth is None and raw.get("birth_date") is not None:
            self.unreadable.append(prefix + "birth_date")
        age = _number(raw.get("age"))
        if birth is None and age is not None and age >= 0:
            birth = _birth_from_age(self.visited_on, int(age))
        incomes = self.declared_zeros(raw, prefix)
        for kind in INCOME_KINDS:
            value = raw.get(kind)
            if value is None:
                continue
            three = _three_months(value)
            if three is None:
                self.unreadable.append(prefix + kind)
            else:
                incomes[kind] = three
        rate = _number(raw.get("incapacity_rate"))
        years = _number(raw.get("residence_permit_years"))
        nationality = raw.get("nationality")
        return Person(
            index=index,
            relationship=relationship,
            birth_date=birth,
            activity=raw.get("activity") if isinstance(raw.get("activity"), str) else None,
            student=raw.get("student") == "yes",
            disability=raw.get("disability") == "yes",
            incapacity_rate=int(rate) if rate is not None and 0 <= rate <= 100 else None,
            nationality=nationality if nationality in ("fr", "eu", "other") else None,
            residence_permit_years=int(years) if years is not None and years >= 0 else None,
            incomes=incomes,
            resources_asked=bool(incomes) or isinstance(raw.get("incomes"), list),
        )

    def declared_zeros(self, raw: Mapping[str, Any], prefix: str) -> dict[str, ThreeMonths]:
        """0 for each income kind the person does not have: not in their `incomes` list (the
        resources they said they receive; `["none"]` for none), or every kind for a child said
        to have no income (`child_income` "no"). Without the list, as before it existed: only
        the amounts answered are known (docs/household-format.md)."""
        declared = raw.get("incomes")
        zero = (0.0, 0.0, 0.0)
        if isinstance(declared, Sequence) and not isinstance(declared, str):
            return {kind: zero for kind in INCOME_KINDS if kind not in declared}
        if declared is not None:
            self.unreadable.append(prefix + "incomes")
        if raw.get("child_income") == "no" and raw.get("relationship") == "child":
            return dict.fromkeys(INCOME_KINDS, zero)
        return {}

    def text(self, name: str) -> str | None:
        value = self.answers.get(name)
        if value is None:
            return None
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.unreadable.append(name)
        return None

    def money(self, name: str) -> float | None:
        value = self.answers.get(name)
        if value is None:
            return None
        amount = _number(value)
        if amount is not None and amount >= 0:
            return amount
        self.unreadable.append(name)
        return None

    def choice(self, name: str, kind: type[E]) -> E | None:
        value = self.answers.get(name)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError:
            self.unreadable.append(name)
            return None

    def received(self) -> frozenset[str] | None:
        value = self.answers.get("rights_received")
        if value is None:
            return None
        if not isinstance(value, Sequence) or isinstance(value, str):
            self.unreadable.append("rights_received")
            return None
        if "dont_know" in value:
            return None
        return frozenset(str(item) for item in value if item != "none")


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _birth_from_age(visited_on: date, age: int) -> date:
    """Middle of the possible range: the visit date minus `age` years and six months.

    OpenFisca-France would otherwise assume 1970-01-01 (default of `date_naissance`).
    """
    months = visited_on.year * 12 + (visited_on.month - 1) - age * 12 - 6
    year, month0 = divmod(months, 12)
    day = min(visited_on.day, 28)
    return date(year, month0 + 1, day)


def _three_months(value: object) -> ThreeMonths | None:
    amount = _number(value)
    if amount is not None:
        return (amount, amount, amount) if amount >= 0 else None
    if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 3:
        numbers = [_number(v) for v in value]
        if all(n is not None and n >= 0 for n in numbers):
            return (float(numbers[0] or 0), float(numbers[1] or 0), float(numbers[2] or 0))
    return None
