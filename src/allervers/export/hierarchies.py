"""Generalisation hierarchies of the quasi-identifiers, finest level first.

Level 0 is what the reference practice publishes at most (docs/export-format.md: 10-year age
bands with 75+ top-coded, household type, housing status, quarter instead of dates); each next
level merges values of the previous one, up to "*" (the value withheld). The k-anonymity search
moves along these levels, as ARX does with its hierarchies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from allervers.domain.export import HouseholdType, HousingStatus

ANY = "*"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Hierarchy:
    name: str
    levels: Sequence[Mapping[str, str]]
    """levels[j] maps a level-0 value to its level-j value; levels[0] is the identity."""

    @property
    def height(self) -> int:
        return len(self.levels) - 1

    def labels(self, level: int) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.levels[level].values()))


def _levels(
    groups: Sequence[Mapping[str, Sequence[str]]], base: Sequence[str]
) -> list[dict[str, str]]:
    levels = [{value: value for value in base}]
    for grouping in groups:
        levels.append({value: name for name, members in grouping.items() for value in members})
    levels.append(dict.fromkeys(base, ANY))
    return levels


# INSEE's first band of a household's reference person is "under 25"; then 10 years; 75+ top-coded.
AGE_BANDS = ("<25", "25-34", "35-44", "45-54", "55-64", "65-74", "75+", UNKNOWN)


def age_band(age: int | None) -> str:
    if age is None:
        return UNKNOWN
    if age < 25:
        return "<25"
    if age >= 75:
        return "75+"
    low = age // 10 * 10 + (5 if age % 10 >= 5 else -5)
    return f"{low}-{low + 9}"


AGE = Hierarchy(
    "age_band",
    _levels(
        [
            {
                "<25": ["<25"],
                "25-44": ["25-34", "35-44"],
                "45-64": ["45-54", "55-64"],
                "65+": ["65-74", "75+"],
                UNKNOWN: [UNKNOWN],
            },
            {
                "<65": ["<25", "25-34", "35-44", "45-54", "55-64"],
                "65+": ["65-74", "75+"],
                UNKNOWN: [UNKNOWN],
            },
        ],
        AGE_BANDS,
    ),
)

HOUSEHOLD = Hierarchy(
    "household_type",
    _levels(
        [
            {
                "without_children": [HouseholdType.SINGLE, HouseholdType.COUPLE],
                "with_children": [HouseholdType.SINGLE_PARENT, HouseholdType.COUPLE_CHILDREN],
                "other": [HouseholdType.OTHER],
            }
        ],
        [t.value for t in HouseholdType],
    ),
)

HOUSING = Hierarchy(
    "housing_status",
    _levels(
        [
            {
                "tenant": [HousingStatus.PRIVATE_TENANT, HousingStatus.SOCIAL_TENANT],
                "owner": [HousingStatus.OWNER_WITH_LOAN, HousingStatus.OWNER],
                "other": [HousingStatus.HOSTED_FREE, HousingStatus.OTHER, HousingStatus.UNKNOWN],
            }
        ],
        [s.value for s in HousingStatus],
    ),
)


def quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_hierarchy(start: date, end: date) -> Hierarchy:
    """Quarters of the export's period, then their years, then "*"."""
    quarters = []
    year, q = start.year, (start.month - 1) // 3 + 1
    while (year, q) <= (end.year, (end.month - 1) // 3 + 1):
        quarters.append(f"{year}-Q{q}")
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    years: dict[str, list[str]] = {}
    for label in quarters:
        years.setdefault(label[:4], []).append(label)
    return Hierarchy("quarter", _levels([years], quarters))


def flat(index: int, values: set[str]) -> Hierarchy:
    """The published labels of one quasi-identifier as they are (the verifier groups by them)."""
    return Hierarchy(QUASI_IDENTIFIER_NAMES[index], [{v: v for v in values}])


QUASI_IDENTIFIER_NAMES = ("age_band", "household_type", "housing_status", "quarter")
