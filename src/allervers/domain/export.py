"""The signed, anonymised export for the TZNR evaluation: what goes in, what comes out, what fails.

What goes in (`ExportInput`) is counted by the workspace; `allervers.export` turns it into a zip
that evaluators can check without any workspace. Nothing here is personal data except the two
internal keys of `MicrodataRow`, which are only hashed or counted, never written.

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
from allervers.domain.rights import RightId

SCHEMA = "allervers-export/1"

TOTAL = "total"
"""Breakdown of the margin of each indicator."""

SUPPRESSED = "s"
"""What `indicators.csv` shows in place of a hidden value (statistical secrecy)."""

MIN_CELL = 11
"""No published count under 11 units: the secrecy threshold of DGFiP/INSEE for fiscal data on
households. Zero counts as under 11: a published 0 tells that no household of the territory is
concerned, which is an inference about all of them."""

K_DEFAULT = 11
K_FLOOR = 5
"""k-anonymity: k >= 11 by default, never below 5 (DOMAIN.md, reference practice)."""

L_DEFAULT = 2
L_FLOOR = 2

MAX_ROW_SUPPRESSION = 0.05
"""Share of microdata rows the search may suppress before it prefers coarser generalisation
(ARX, the reference tool, uses a suppression limit in the same way)."""

DOMINANCE_SHARE = 0.85
"""Amounts: no published cell in which one household brings more than 85% of the amount (the
dominance rule of statistical secrecy, applied when the largest contribution is given)."""

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


STANDARD_LINKS: tuple[Relation, ...] = (
    # Every flagged situation has one reason ("not_recorded" included) and enters the funnel.
    identity(("probable_nonrecours", TOTAL), ("probable_nonrecours_reason", TOTAL)),
    identity(("probable_nonrecours", TOTAL), ("funnel", "flagged")),
    # Households met are the distinct households behind the doors that gave an interview.
    at_least(("doors_knocked", "interview"), ("households_met", TOTAL)),
    # A household met counts at least one person.
    at_least(("people_met", TOTAL), ("households_met", TOTAL)),
)
"""Links between indicators, as the workspace counts them (services.figures). A link whose cells
are not all in the table is left out; a link the figures break stops the export
(`ExportInconsistent`), because a suppression planned on a false fact protects nothing."""


@dataclass(frozen=True, slots=True)
class IndicatorCell:
    indicator: str
    breakdown: str
    value: float
    """A count (whole number) or, for `AMOUNT_INDICATORS`, euros."""
    largest_contribution: float | None = None
    """Amounts only, optional: the largest single household's share of `value`, in euros."""

    @property
    def key(self) -> CellKey:
        return (self.indicator, self.breakdown)


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    """The TZNR figures of one territory and one period as an indicator x breakdown table with
    margins. Each indicator has a `total` cell; `relations()` gives every fact linking cells."""

    cells: tuple[IndicatorCell, ...]
    links: tuple[Relation, ...] = STANDARD_LINKS

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[str, str, float]],
        links: tuple[Relation, ...] = STANDARD_LINKS,
    ) -> IndicatorTable:
        """Cells from (indicator, breakdown, value); a missing `total` is added: the sum of the
        breakdowns, or the first stage of a cumulative indicator."""
        cells = [IndicatorCell(i, b, v) for i, b, v in rows]
        present = {c.key for c in cells}
        by_indicator: dict[str, list[IndicatorCell]] = {}
        for cell in cells:
            by_indicator.setdefault(cell.indicator, []).append(cell)
        for indicator, members in by_indicator.items():
            if (indicator, TOTAL) in present:
                continue
            stages = CUMULATIVE_INDICATORS.get(indicator)
            if stages:
                first = next((c.value for c in members if c.breakdown == stages[0]), 0)
                cells.append(IndicatorCell(indicator, TOTAL, first))
            else:
                cells.append(IndicatorCell(indicator, TOTAL, sum(c.value for c in members)))
        return cls(tuple(cells), links)

    def values(self) -> dict[CellKey, float]:
        return {cell.key: cell.value for cell in self.cells}

    def indicators(self) -> list[str]:
        seen: dict[str, None] = {}
        for cell in self.cells:
            seen.setdefault(cell.indicator, None)
        return list(seen)

    def relations(self) -> tuple[Relation, ...]:
        return table_relations({cell.key for cell in self.cells}, self.links)


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
class RightFollowUp:
    """One right of one household visit. Codes only: a value that is not a code (free text, a
    name) stops the export (`ExportInputInvalid`)."""

    flagged: bool
    reason: str | None = None
    """Non-recours reason (ODENORE): non_connaissance, non_demande, non_reception,
    non_proposition, not_recorded."""
    organisation: str | None = None
    """Where the household was referred (`Organisation` values)."""
    status: str | None = None
    """The referral's status (`ReferralStatus` values)."""
    outcome: str | None = None
    """The three-month outcome check: on_time, late, not_done."""


@dataclass(frozen=True, slots=True)
class MicrodataRow:
    """One household visit. `visit_key` and `household_key` are internal identifiers: the first is
    hashed (HMAC, key drawn per export and never kept), the second only counts distinct households
    per equivalence class; neither is written."""

    visit_key: str
    household_key: str
    age: int | None
    """Age of the reference person at the visit."""
    household_type: HouseholdType
    housing_status: HousingStatus
    visited_on: date
    """Generalised to its quarter in the export; never written as a date."""
    rights: Mapping[RightId, RightFollowUp] = field(default_factory=dict)
    """A right missing here is written as not flagged."""


QUASI_IDENTIFIERS: tuple[str, ...] = ("age_band", "household_type", "housing_status", "quarter")
SENSITIVE_FIELDS: tuple[str, ...] = ("flag", "reason", "organisation", "status", "outcome")


def sensitive_columns() -> tuple[str, ...]:
    """`rsa_flag`, `rsa_reason`, ... for every right, in a fixed order."""
    return tuple(f"{right.value}_{name}" for right in RightId for name in SENSITIVE_FIELDS)


@dataclass(frozen=True, slots=True)
class Thresholds:
    min_cell: int = MIN_CELL
    k: int = K_DEFAULT
    l: int = L_DEFAULT  # noqa: E741  (the letter of l-diversity)
    max_row_suppression: float = MAX_ROW_SUPPRESSION

    def check(self) -> None:
        if self.min_cell < MIN_CELL:
            raise ExportThresholdInvalid("min_cell", self.min_cell, MIN_CELL)
        if self.k < K_FLOOR:
            raise ExportThresholdInvalid("k", self.k, K_FLOOR)
        if self.l < L_FLOOR:
            raise ExportThresholdInvalid("l", self.l, L_FLOOR)
        if not 0 <= self.max_row_suppression <= 1:
            raise ExportThresholdInvalid("max_row_suppression", self.max_row_suppression, 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "min_cell": self.min_cell,
            "k": self.k,
            "l": self.l,
            "max_row_suppression": self.max_row_suppression,
        }


@dataclass(frozen=True, slots=True)
class ExportPeriod:
    start: date
    end: date  # inclusive
    label: str  # "2026-Q3"


@dataclass(frozen=True, slots=True)
class ExportInput:
    territory_code: str
    territory_name: str
    """The territory's name is published: evaluators need it (never a street or a hamlet)."""
    period: ExportPeriod
    software_version: str
    engine_version: str
    """openfisca-france's version."""
    indicators: IndicatorTable
    microdata: tuple[MicrodataRow, ...] | None = None
    thresholds: Thresholds = Thresholds()


# What an export did: figures for the manifest, the risk report and the people who asked for it.


@dataclass(frozen=True, slots=True)
class CellsSummary:
    cells: int
    published: int
    primary: int
    """Hidden by the threshold rule itself (or the dominance rule for amounts)."""
    secondary: int
    """Hidden so that the first ones cannot be recomputed."""
    smallest_published: int | None
    """Smallest published count (amounts are not counts); None when no count is published."""
    narrowest_count_range: float | None
    """Narrowest range a reader can compute for a hidden count from the published cells and the
    relations (None when no count is hidden; `inf` when every hidden count is unbounded)."""
    narrowest_amount_range: float | None


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
    """Smallest equivalence class (rows sharing the published quasi-identifiers); None when no row
    is published."""
    k_households: int | None
    """Smallest number of distinct households in a class (a household visited twice in the period
    has two rows): the value k-anonymity was enforced on."""
    l: int | None  # noqa: E741
    class_sizes: tuple[int, int, int]
    """Smallest, median and largest class."""
    generalisations: tuple[Generalisation, ...]
    sensitive_columns: tuple[str, ...]
    withheld_columns: tuple[str, ...]
    """Sensitive columns left out because they cannot be l-diverse (fewer than l values in all)."""
    largest_modal_share: float | None
    """Largest share of the most frequent value of a sensitive column within a class: how sure a
    reader who places someone in a class can be of that value (l-diversity alone allows 10 out of
    11 rows with the same value)."""


@dataclass(frozen=True, slots=True)
class ExportSummary:
    territory_code: str
    territory_name: str
    period: ExportPeriod
    created_at: datetime
    software_version: str
    engine_version: str
    fingerprint: str
    thresholds: Thresholds
    cells: CellsSummary
    microdata: MicrodataSummary | None


@dataclass(frozen=True, slots=True)
class ExportReport:
    path: Path
    manifest_sha256: str
    summary: ExportSummary


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


@dataclass
class ExportDuplicate(AllerVersError):
    territory_code: str
    period_label: str
    first: Path
    second: Path
