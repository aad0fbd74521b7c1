"""The signed, anonymised releases for the TZNR evaluation: cells, relations, microdata rows, the
evaluators' reports, and what fails (`allervers.domain.release` has the periods and the register).

Nothing here is personal data except the internal key of `MicrodataRow`, which is only hashed,
never written.

Sources of the rules, cited again where each is applied:
- statistical secrecy (DGFiP / INSEE practice for fiscal data on households): no published cell
  under 11 units, and no hidden cell recomputable from published totals (secondary suppression);
- G29 (Article 29 Working Party), opinion 05/2014 on anonymisation techniques (WP216): an anonymised
  data set resists singling out, linkability and inference;
- CNIL: pseudonymised data remain personal data (the microdata file is pseudonymised, not
  anonymous, and is handed over under a convention).
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from allervers.domain.errors import AllerVersError

TOTAL = "total"
"""Breakdown of the margin of each indicator."""

SUPPRESSED = "s"
"""What `indicators.csv` shows in place of a hidden value (statistical secrecy)."""

MIN_CELL = 11
"""No published count under 11 units: the secrecy threshold of DGFiP/INSEE for fiscal data on
households. Zero counts as under 11: a published 0 tells that no household of the territory is
concerned, which is an inference about all of them."""

K = 11
"""Microdata: every combination of quasi-identifiers is shared by at least 11 households
(k-anonymity with the threshold of the tables)."""
L = 2
"""Microdata: at least 2 distinct values of each sensitive column in every class (distinct
l-diversity), which t-closeness below makes stronger."""
T = 0.3
"""Microdata: t-closeness with the equal ground distance (Li, Li and Venkatasubramanian, ICDE
2007): in every class, the distribution of each sensitive column is within 0.3 (total variation
distance) of the file's. Knowing that a household is in a class then tells little more about a
sensitive value than the file as a whole does (G29 opinion 05/2014, inference)."""
SUDA_MAX = 2
"""Microdata: no row is alone in the file on any combination of at most 2 published columns (the
minimal sample uniques of SUDA, Elliot et al. 2002, up to size 2: a household known by one of its published values and one more fact)."""
MAX_ROW_SUPPRESSION = 0.05
"""Share of microdata rows the treatment may suppress before it prefers coarser columns (ARX, the
reference tool, uses a suppression limit in the same way)."""

DOMINANCE_SHARE = 0.85
"""Amounts: no published cell in which one household may bring more than 85% of the amount (the
dominance rule of statistical secrecy; the largest contribution is computed month by month)."""

AMOUNT_INDICATORS: Mapping[str, str] = {"rights_opened_yearly_amount": "rights_opened"}
"""Indicators that are amounts in euros, each with the count indicator of its contributors: an
amount is hidden whenever its number of contributors is (statistical secrecy applies to the units
behind an amount, not to the amount)."""

CUMULATIVE_INDICATORS: Mapping[str, tuple[str, ...]] = {
    "funnel": ("flagged", "referred", "filed", "opened"),
}
"""Indicators whose breakdowns are nested stages (each stage counts the situations that reached
it), so flagged >= referred >= filed >= opened; their `total`, if given, equals the first stage.
Every other indicator with breakdowns is additive: `total` is the sum of its breakdowns."""

_CODE = re.compile(r"[a-z0-9][a-z0-9_]{0,39}")


def is_code(text: str) -> bool:
    """Codes only (lower case, digits, underscore): a guard against free text reaching an export."""
    return _CODE.fullmatch(text) is not None


CellKey = tuple[str, str]
"""(indicator, breakdown)."""


class RelationKind(enum.StrEnum):
    EQUAL = "equal"
    """sum of coefficient x cell == 0"""
    AT_LEAST = "at_least"
    """sum of coefficient x cell >= 0"""


@dataclass(frozen=True, slots=True)
class Relation:
    """A fact about the figures that any reader knows, hence that the secondary suppression must
    take into account: a margin (total = sum of breakdowns), an identity between two indicators
    counted the same way, or an inequality."""

    terms: tuple[tuple[CellKey, int], ...]
    kind: RelationKind = RelationKind.EQUAL

    @property
    def cells(self) -> tuple[CellKey, ...]:
        return tuple(key for key, _coefficient in self.terms)

    def holds(self, values: Mapping[CellKey, float], tolerance: float = 1e-6) -> bool:
        total = sum(coefficient * values[key] for key, coefficient in self.terms)
        if self.kind is RelationKind.EQUAL:
            return abs(total) <= tolerance
        return total >= -tolerance

    def describe(self) -> str:
        """`probable_nonrecours/total - funnel/flagged = 0`: for errors and the manifest."""
        parts = []
        for (indicator, breakdown), coefficient in self.terms:
            sign = "+" if coefficient > 0 else "-"
            factor = "" if abs(coefficient) == 1 else f"{abs(coefficient)} "
            parts.append(f"{sign} {factor}{indicator}/{breakdown}")
        text = " ".join(parts).removeprefix("+ ")
        return f"{text} {'=' if self.kind is RelationKind.EQUAL else '>='} 0"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "terms": [[indicator, breakdown, c] for (indicator, breakdown), c in self.terms],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Relation:
        terms = tuple(((str(i), str(b)), int(c)) for i, b, c in data["terms"])
        return cls(terms, RelationKind(data["kind"]))


def identity(first: CellKey, second: CellKey) -> Relation:
    return Relation(((first, 1), (second, -1)))


def at_least(larger: CellKey, smaller: CellKey) -> Relation:
    return Relation(((larger, 1), (smaller, -1)), RelationKind.AT_LEAST)


def table_relations(keys: Iterable[CellKey], links: Iterable[Relation]) -> tuple[Relation, ...]:
    """The margins of each indicator, the order of cumulative stages, and the links whose cells
    are all present. Shared by the export and by `verify-export`, which rebuilds them from the
    published cell names."""
    present = set(keys)
    parts: dict[str, list[str]] = {}
    for indicator, breakdown in sorted(present):
        if breakdown != TOTAL:
            parts.setdefault(indicator, []).append(breakdown)
    relations: list[Relation] = []
    for indicator in sorted({indicator for indicator, _ in present}):
        breakdowns = parts.get(indicator, [])
        has_total = (indicator, TOTAL) in present
        stages = CUMULATIVE_INDICATORS.get(indicator)
        if stages:
            ordered = [s for s in stages if s in breakdowns]
            if has_total and stages[0] in breakdowns:
                relations.append(identity((indicator, TOTAL), (indicator, stages[0])))
            relations.extend(
                at_least((indicator, a), (indicator, b)) for a, b in itertools.pairwise(ordered)
            )
        elif has_total and breakdowns:
            terms = (((indicator, TOTAL), 1), *(((indicator, b), -1) for b in breakdowns))
            relations.append(Relation(terms))
    relations.extend(link for link in links if all(key in present for key in link.cells))
    return tuple(relations)


class HouseholdType(enum.StrEnum):
    SINGLE = "single"
    COUPLE = "couple"
    SINGLE_PARENT = "single_parent"
    COUPLE_CHILDREN = "couple_children"
    OTHER = "other"


class HousingStatus(enum.StrEnum):
    """The questionnaire's `housing_status` choices, plus `unknown` when it was not answered."""

    PRIVATE_TENANT = "private_tenant"
    SOCIAL_TENANT = "social_tenant"
    OWNER_WITH_LOAN = "owner_with_loan"
    OWNER = "owner"
    HOSTED_FREE = "hosted_free"
    OTHER = "other"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class MicrodataRow:
    """One household met in the period (its first interview there). `household_key` is an
    internal identifier, only hashed (HMAC, key drawn per release and never kept)."""

    household_key: str
    age: int | None
    """Age of the reference person at the interview."""
    household_type: HouseholdType
    housing_status: HousingStatus
    met_on: date
    """Generalised to its quarter in the file; never written as a date."""
    stages: Mapping[str, str] = field(default_factory=dict)
    """right -> the furthest step of its follow-up (flagged, referred, filed, opened) when the
    right was first flagged for the household in the period; absent: not flagged."""
    reasons: Mapping[str, str] = field(default_factory=dict)
    """right -> non-recours reason recorded with that flag."""


QUASI_IDENTIFIERS: tuple[str, ...] = ("age_band", "household_type", "housing_status", "quarter")


@dataclass(frozen=True, slots=True)
class ExportPeriod:
    start: date
    end: date  # inclusive
    label: str  # "2026-Q3"


@dataclass(frozen=True, slots=True)
class Generalisation:
    quasi_identifier: str
    level: int
    """0 is the finest level the export ever publishes."""
    levels: int
    labels: tuple[str, ...]
    """The values this level can take, in order."""


@dataclass(frozen=True, slots=True)
class MicrodataSummary:
    rows_in: int
    rows_published: int
    rows_suppressed: int
    classes: int
    k: int | None
    """Smallest equivalence class (rows, one per household, sharing the quasi-identifiers)."""
    l: int | None  # noqa: E741  (the letter of l-diversity)
    t: float | None
    """Largest distance of a class's distribution of a sensitive column to the file's."""
    class_sizes: tuple[int, int, int]
    generalisations: tuple[Generalisation, ...]
    columns: tuple[str, ...]
    """The sensitive columns published."""
    withheld: tuple[str, ...]
    """Columns or values left out: to protect the table of the period (a hidden cell would be
    recounted), or because they cannot be diverse."""
    recoded: int
    """Sensitive values recoded to "*" because fewer than k rows had them."""
    uniques_before: int
    """Rows alone in the file on some combination of at most `SUDA_MAX` columns, before any
    treatment (every column at its finest, nothing withheld)."""
    uniques_after: int


class KeySource(enum.StrEnum):
    GIVEN = "given"
    """Checked against the key the evaluator was given by another channel."""
    EMBEDDED = "embedded"
    """Checked against the key inside the file: proves integrity, not origin, until the
    fingerprint is compared with the one the territory sent."""


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    """signature, hashes, structure, smallest_cell, hidden_cells, k, l, rows"""
    ok: bool
    stated: str = ""
    found: str = ""


@dataclass(frozen=True, slots=True)
class VerifyReport:
    path: Path
    fingerprint: str
    key_source: KeySource
    territory_code: str
    territory_name: str
    period: ExportPeriod
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


@dataclass(frozen=True, slots=True)
class MergedExport:
    path: Path
    territory_code: str
    territory_name: str
    period_label: str
    fingerprint: str
    key_source: KeySource


@dataclass(frozen=True, slots=True)
class NationalCell:
    period_label: str
    indicator: str
    breakdown: str
    value: float | None
    """The sum over the territories, or None (hidden) when a territory hid or lacked its cell."""
    territories: int


@dataclass(frozen=True, slots=True)
class NationalSummary:
    created_at: datetime
    exports: tuple[MergedExport, ...]
    cells: tuple[NationalCell, ...]


@dataclass(frozen=True, slots=True)
class MergeReport:
    out_dir: Path
    exports: tuple[MergedExport, ...]
    files: tuple[Path, ...]
    national_published: int
    national_suppressed: int


# Errors: data only; allervers.messages phrases them.


@dataclass
class ExportExists(AllerVersError):
    """The target file (or one of the merge's output files) exists: nothing was overwritten."""

    path: Path


@dataclass
class ExportThresholdInvalid(AllerVersError):
    name: str  # min_cell, k, l, max_row_suppression
    value: float
    minimum: float


@dataclass
class ExportInputInvalid(AllerVersError):
    """The figures or rows handed to the export break the contract (not a code, duplicate cell,
    negative count, visit outside the period...)."""

    field: str
    reason: str


@dataclass
class ExportInconsistent(AllerVersError):
    """The figures break a relation they should satisfy by definition (`Relation.describe()`)."""

    relation: str


@dataclass
class ExportUnverifiable(AllerVersError):
    """Not an Aller-Vers export that can be checked at all."""

    path: Path
    reason: str  # missing, not_a_zip, not_an_export, schema, manifest


@dataclass
class ExportTampered(AllerVersError):
    """The export was changed after it was signed (or signed by another key than the one given)."""

    file: str
    reason: str  # signature, hash, structure, unexpected_file, missing_file, unreadable, key


@dataclass
class ExportKeyInvalid(AllerVersError):
    """The public key file given with --key cannot be read as an Ed25519 key."""

    path: Path


@dataclass
class ExportChecksFailed(AllerVersError):
    """Signed and intact, but the data do not meet the thresholds stated (merge refuses it)."""

    path: Path
    checks: tuple[str, ...]
