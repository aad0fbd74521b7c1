"""Releases to the TZNR evaluators: fixed calendar periods, one complete table, the register.

Why these periods (docs/export-format.md, "Periods"): the territory's report to the préfet is
yearly (décret n° 2023-602 of 13 July 2023, art. 133 of loi n° 2022-217); the evaluation follows
the experiment by quarter, the rhythm of the three-month outcome check (DREES, Études et
résultats n° 1058) and of the DREES quarterly non-recours rates; the month is what a coordinator's
steering committee reads. So a signed release covers one calendar month, quarter or year, and
nothing else: a free date range would let two releases a day apart isolate one household. Free
ranges stay in the territory's own report (`allervers report`), marked "usage interne" and never
signed. Microdata are released for a quarter or a year only (never finer than a quarter).

Every release is built from frozen monthly tables ("arrêtés mensuels"): the first release that
covers a month freezes that month's counts, and every later release covering it reuses them, so
that a quarter is exactly the sum of its three months and nothing arrives between two releases
unannounced. A revision (re-releasing a period after late syncs) makes a new version of the months
that changed, and is checked against every earlier release (`allervers.export.joint`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from allervers.domain.errors import AllerVersError
from allervers.domain.export import TOTAL, CellKey, Relation, at_least, identity
from allervers.domain.followup import NonRecoursReason
from allervers.domain.rights import Organisation, RightId


class PeriodKind(enum.StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class ReleasePeriod:
    kind: PeriodKind
    start: dt.date
    end: dt.date  # inclusive
    label: str  # "2026-03", "2026-Q1", "2026"

    def months(self) -> tuple[str, ...]:
        """ "2026-01", "2026-02", ... in order."""
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(result)

    def overlaps(self, other: ReleasePeriod) -> bool:
        return self.start <= other.end and other.start <= self.end


def release_period(text: str) -> ReleasePeriod:
    """ "2026-03", "2026-Q1" or "2026"; anything else (a date range, a week) is refused."""
    text = text.strip()
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        year, quarter = int(match[1]), int(match[2])
        start = dt.date(year, 3 * quarter - 2, 1)
        return ReleasePeriod(PeriodKind.QUARTER, start, _month_end(year, 3 * quarter), text)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", text):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            start = dt.date(year, month, 1)
            return ReleasePeriod(PeriodKind.MONTH, start, _month_end(year, month), text)
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return ReleasePeriod(PeriodKind.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), text)
    raise ReleasePeriodInvalid(text, "not_calendar")


def month_period(month: str) -> ReleasePeriod:
    return release_period(month)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def check_releasable(period: ReleasePeriod, today: dt.date, microdata: bool = False) -> None:
    """A period is released once it is over (its figures are then complete but for late syncs),
    and microdata never for less than a quarter."""
    if period.end >= today:
        raise ReleasePeriodInvalid(period.label, "not_over")
    if microdata and period.kind is PeriodKind.MONTH:
        raise ReleasePeriodInvalid(period.label, "microdata_month")


# The complete table: every release has exactly these rows, whatever the data (an empty period
# and a full one give the same rows). A row that exists only when its count is above 0 would
# publish an exact 0 by its absence.

DOOR_OUTCOMES = ("interview", "absent", "refused", "vacant", "come_back", "not_dwelling")
"""The questionnaire's `door_outcome` choices (resources/questionnaires/visite-v1.json)."""
NOT_RECORDED = "not_recorded"
REASONS = (*(r.value for r in NonRecoursReason), NOT_RECORDED)
ORGANISATIONS = (*(o.value for o in Organisation), NOT_RECORDED)
RIGHTS = tuple(r.value for r in RightId)
FUNNEL_STAGES = ("flagged", "referred", "filed", "opened")
OUTCOMES = ("on_time", "late", "not_done")


def _with_total(indicator: str, breakdowns: tuple[str, ...]) -> list[CellKey]:
    return [(indicator, TOTAL), *((indicator, b) for b in breakdowns)]


RELEASE_ROWS: tuple[CellKey, ...] = (
    *_with_total("doors_knocked", DOOR_OUTCOMES),
    ("households_met", TOTAL),
    ("people_met", TOTAL),
    *_with_total("probable_nonrecours", RIGHTS),
    *_with_total("probable_nonrecours_reason", REASONS),
    *(("funnel", stage) for stage in FUNNEL_STAGES),
    *_with_total("referrals", ORGANISATIONS),
    *_with_total("rights_opened", RIGHTS),
    *_with_total("rights_opened_yearly_amount", RIGHTS),
    *_with_total("outcome_checks", OUTCOMES),
)
"""Indicator and breakdown of every row, in the order of the file."""

BROKEN_DOWN: frozenset[str] = frozenset(i for i, b in RELEASE_ROWS if b != TOTAL) & frozenset(
    i for i, b in RELEASE_ROWS if b == TOTAL
)
"""Indicators whose total row is the sum of their breakdown rows. `households_met` and
`people_met` have a total and nothing else: their total is counted, not summed."""


def with_totals(values: Mapping[CellKey, float]) -> dict[CellKey, float]:
    """The month's values with each broken-down indicator's total set to its breakdowns' sum."""
    result = dict(values)
    for indicator in BROKEN_DOWN:
        result[(indicator, TOTAL)] = sum(
            v for (i, b), v in values.items() if i == indicator and b != TOTAL
        )
    return result


STRUCTURAL_ZEROS: frozenset[CellKey] = frozenset(
    {("rights_opened_yearly_amount", RightId.CSS.value)}
)
"""Cells that are 0 by definition, published as 0 without revealing anything: the complémentaire
santé solidaire pays health costs, not money to the household (code de la sécurité sociale,
art. L861-1), so its opening has no yearly amount."""

RELEASE_LINKS: tuple[Relation, ...] = (
    identity(("probable_nonrecours", TOTAL), ("probable_nonrecours_reason", TOTAL)),
    identity(("probable_nonrecours", TOTAL), ("funnel", "flagged")),
    at_least(("doors_knocked", "interview"), ("households_met", TOTAL)),
    at_least(("people_met", TOTAL), ("households_met", TOTAL)),
    *(at_least(("doors_knocked", "interview"), ("probable_nonrecours", r)) for r in RIGHTS),
)
"""What a reader knows links the indicators of one month (hence of any period, all being sums of
months): a household first met had an interview that month and counts at least one person; a
right first flagged that month was flagged at an interview of that month."""


class ReleaseKind(enum.StrEnum):
    TABLE = "table"
    MICRODATA = "microdata"


@dataclass(frozen=True, slots=True)
class MonthTable:
    """A frozen month: its true counts (never written to a file) and, for amounts, the largest
    single household's contribution (for the dominance rule)."""

    month: str
    version: int
    values: Mapping[CellKey, float]
    largest: Mapping[CellKey, float] = field(default_factory=dict)
    frozen_at: str = ""


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One signed release, as the register keeps it (and as the evaluator holds it)."""

    id: str
    kind: ReleaseKind
    period: str
    revision: int
    """0 for the first release of a period, then 1, 2... for each revision."""
    at: str
    file_name: str
    destination: str
    manifest_sha256: str
    versions: Mapping[str, int]
    """month -> version of the frozen month table used."""
    published: Mapping[CellKey, float | None]
    """Table releases: every row's published value, None when hidden."""
    withheld: tuple[str, ...] = ()
    """Microdata: the columns or values left out to protect the table."""


# Errors: data only; allervers.messages phrases them.


@dataclass
class ReleasePeriodInvalid(AllerVersError):
    label: str
    reason: str  # not_calendar, not_over, microdata_month


@dataclass
class ReleaseRefused(AllerVersError):
    """This release cannot be protected together with the earlier ones, or would tell nothing new
    (a revision whose every change must stay hidden)."""

    period: str
    reason: str  # unchanged, too_small, unprotectable, already_released
    earlier_at: str = ""
    """When the release it would revise was made (ISO 8601)."""


@dataclass
class MicrodataRefused(AllerVersError):
    period: str
    reason: str  # already_released, overlaps, table_first
    other: str = ""
    """The period of the release in the way."""


@dataclass
class ExportSymlink(AllerVersError):
    """The output is a symbolic link: refused, a link could send the file anywhere."""

    path: Path


# What a release did: figures for the manifest, the risk report and the people who asked for it.


@dataclass(frozen=True, slots=True)
class TableFigures:
    cells: int
    published: int
    structural: int
    """Structural zeros, published as 0."""
    primary: int
    revision: int
    """Hidden because they moved too little since an earlier release of the same period."""
    secondary: int
    smallest_published: int | None
    narrowest_count_range: float | None
    """Narrowest range an evaluator holding every release can compute for a count this release
    hides (`inf` when unbounded, None when it hides none)."""
    narrowest_amount_range: float | None
    releases_checked: int
    targets_checked: int


@dataclass(frozen=True, slots=True)
class TableRelease:
    """A table release ready to be written: the true values never leave this object except
    through `published`."""

    territory_code: str
    territory_name: str
    period: ReleasePeriod
    revision: int
    versions: Mapping[str, int]
    frozen_at: Mapping[str, str]
    values: Mapping[CellKey, float]
    hidden: frozenset[CellKey]
    figures: TableFigures
    software_version: str
    engine_version: str
    min_cell: int

    def published(self) -> dict[CellKey, float | None]:
        return {cell: None if cell in self.hidden else self.values[cell] for cell in RELEASE_ROWS}


@dataclass(frozen=True, slots=True)
class ReleaseReport:
    path: Path
    manifest_sha256: str
    fingerprint: str
    entry: RegisterEntry


@dataclass
class ExportWrongKey(AllerVersError):
    """Intact and signed, but by another key than the one given: not "modified"."""

    path: Path
    fingerprint: str
    """The fingerprint of the key that did sign it."""


@dataclass
class MergeRefused(AllerVersError):
    """merge-exports: periods of one territory overlap (a month inside a quarter already given,
    twice the same period), a file is not a table, or a territory's key is missing."""

    reason: str  # overlap, not_a_table, no_key
    territory_code: str = ""
    first: str = ""
    second: str = ""
