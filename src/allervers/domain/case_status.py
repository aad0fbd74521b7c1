"""A household's place in the follow-up, as the caseload shows it: its summary status, its next
action and its flags, worked out from its visits, assessments and referrals (moved out of
storage in issue 12, so that the rule is tested without a database).

Storage reads the facts (`CaseFacts`) and writes the summary (`CaseSummary`) into the
household's caseload columns, which are then sorted and filtered by SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from allervers.domain.referrals import CLOSED_STATUSES, ReferralStatus

# Order of a household's summary status: open referrals first (most advanced first), then
# outcomes, then flags without referral (see HOUSEHOLD_STATUS_ORDER for the sort order).
OPEN_ORDER = (
    ReferralStatus.CLAIM_FILED,
    ReferralStatus.REFERRED,
    ReferralStatus.NO_NEWS,
    ReferralStatus.TO_REFER,
)
CLOSED_ORDER = (ReferralStatus.OPENED, ReferralStatus.REFUSED, ReferralStatus.ABANDONED)
FLAGGED = "flagged"
MET = "met"


@dataclass(frozen=True, slots=True)
class LastVisit:
    """The household's latest finished visit."""

    visited_on: str  # ISO date
    door_outcome: str | None
    come_back_on: str | None = None  # ISO date, when the person asked to be seen again


@dataclass(frozen=True, slots=True)
class ReferralFacts:
    status: ReferralStatus
    check_due_on: str | None = None  # ISO date of the outcome check
    appointment_at: str | None = None  # ISO date and time


@dataclass(frozen=True, slots=True)
class CaseFacts:
    last_visit: LastVisit | None
    flags: frozenset[str]  # the rights with a current "probable non-recours" assessment
    referrals: tuple[ReferralFacts, ...]


@dataclass(frozen=True, slots=True)
class CaseSummary:
    last_contact_on: str | None
    flags: tuple[str, ...]  # sorted
    case_status: str
    next_action_on: str | None


def summary_status(flags: Iterable[str], referrals: Iterable[ReferralFacts]) -> str:
    """The most advanced open referral, else the first outcome, else "flagged" when a right is
    flagged, else "met"."""
    statuses = {r.status for r in referrals}
    found = next((s.value for s in (*OPEN_ORDER, *CLOSED_ORDER) if s in statuses), None)
    return found or (FLAGGED if any(True for _ in flags) else MET)


def next_action(facts: CaseFacts) -> str | None:
    """The earliest of: the outcome checks of open referrals, the appointments of referrals
    still "referred", and the date the person asked to be seen again at their last visit."""
    upcoming = [
        r.check_due_on
        for r in facts.referrals
        if r.check_due_on and r.status not in CLOSED_STATUSES
    ]
    upcoming += [
        r.appointment_at[:10]
        for r in facts.referrals
        if r.appointment_at and r.status is ReferralStatus.REFERRED
    ]
    visit = facts.last_visit
    if visit and visit.door_outcome == "come_back" and visit.come_back_on:
        upcoming.append(visit.come_back_on)
    return min(upcoming) if upcoming else None


def summarise(facts: CaseFacts) -> CaseSummary:
    return CaseSummary(
        last_contact_on=facts.last_visit.visited_on if facts.last_visit else None,
        flags=tuple(sorted(facts.flags)),
        case_status=summary_status(facts.flags, facts.referrals),
        next_action_on=next_action(facts),
    )
