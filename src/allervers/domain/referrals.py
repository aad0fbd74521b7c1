"""Following a flagged right to its outcome: referrals, their steps, and follow-up assignments."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from allervers.domain.directory import FrozenService
from allervers.domain.rights import Organisation, RightId


class ReferralStatus(enum.StrEnum):
    TO_REFER = "to_refer"
    REFERRED = "referred"
    CLAIM_FILED = "claim_filed"
    OPENED = "opened"
    REFUSED = "refused"
    ABANDONED = "abandoned"
    NO_NEWS = "no_news"


CLOSED_STATUSES = frozenset(
    {ReferralStatus.OPENED, ReferralStatus.REFUSED, ReferralStatus.ABANDONED}
)

# A household's summary status (CaseloadRow.status), in the order of the follow-up, which is the
# order of the caseload's "Étape" column when sorted (and of its filter):
#   met (Rencontré) → flagged (Droit repéré) → to_refer (À orienter) → referred (Orienté)
#   → claim_filed (Demande déposée) → no_news (Sans nouvelles: referred or filed, the outcome check
#   found nothing yet; still open) → opened (Droit ouvert) → refused (Refusé) → abandoned (Abandon).
# The open steps come first, each after the one it follows; then the three outcomes, the right
# opened (the one sought) first. The caseload's status filter lists the same order
# (HOUSEHOLD_STATUSES in ui/caseload/texts.py).
HOUSEHOLD_STATUS_ORDER: tuple[str, ...] = (
    "met",
    "flagged",
    ReferralStatus.TO_REFER.value,
    ReferralStatus.REFERRED.value,
    ReferralStatus.CLAIM_FILED.value,
    ReferralStatus.NO_NEWS.value,
    ReferralStatus.OPENED.value,
    ReferralStatus.REFUSED.value,
    ReferralStatus.ABANDONED.value,
)

# The steps a referral may take from each status. "No news" can always be revived.
NEXT_STEPS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.TO_REFER: frozenset({ReferralStatus.REFERRED, ReferralStatus.ABANDONED}),
    ReferralStatus.REFERRED: frozenset(
        {
            ReferralStatus.CLAIM_FILED,
            ReferralStatus.OPENED,
            ReferralStatus.REFUSED,
            ReferralStatus.ABANDONED,
            ReferralStatus.NO_NEWS,
        }
    ),
    ReferralStatus.CLAIM_FILED: frozenset(
        {
            ReferralStatus.OPENED,
            ReferralStatus.REFUSED,
            ReferralStatus.ABANDONED,
            ReferralStatus.NO_NEWS,
        }
    ),
    ReferralStatus.NO_NEWS: frozenset(
        {
            ReferralStatus.REFERRED,
            ReferralStatus.CLAIM_FILED,
            ReferralStatus.OPENED,
            ReferralStatus.REFUSED,
            ReferralStatus.ABANDONED,
        }
    ),
    ReferralStatus.OPENED: frozenset(),
    ReferralStatus.REFUSED: frozenset(),
    ReferralStatus.ABANDONED: frozenset(),
}


@dataclass(frozen=True, slots=True)
class Referral:
    id: str
    household_id: str
    visit_id: str
    right: RightId
    status: ReferralStatus
    organisation: Organisation | None
    referred_on: str | None
    contact: str | None
    appointment_at: str | None
    filed_on: str | None
    opened_amount: float | None
    opened_from: str | None
    outcome_reason: str | None
    check_due_on: str | None
    checked_on: str | None
    closed_on: str | None
    assigned_to: str | None
    service: FrozenService | None = None  # the directory's service, as it was when referred


@dataclass(frozen=True, slots=True)
class ReferralStep:
    """A change of step, with what the coordinator recorded for it."""

    status: ReferralStatus
    on: str  # ISO date of the step
    organisation: Organisation | None = None
    contact: str | None = None
    appointment_at: str | None = None
    amount: float | None = None  # in the right's period: per month, per year for chèque énergie
    opened_from: str | None = None
    reason: str | None = None
    service: FrozenService | None = None  # with REFERRED: the service chosen in the directory


class Outcome(Protocol):
    """What `first_openings` reads of a referral (a stored one, or a fact counted from it)."""

    @property
    def household_id(self) -> str: ...
    @property
    def right(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def closed_on(self) -> str | None: ...


OutcomeT = TypeVar("OutcomeT", bound=Outcome)


def first_openings(referrals: Iterable[OutcomeT]) -> list[OutcomeT]:
    """The referrals that opened a right, one per household and right: a right referred to the
    CAF and to the CPAM together (issue 13) opens once for the household, on the earlier of the
    two decisions, and is counted once (figures, releases)."""
    first: dict[tuple[str, str], OutcomeT] = {}
    for referral in referrals:
        if referral.status != ReferralStatus.OPENED.value or not referral.closed_on:
            continue
        key = (referral.household_id, str(referral.right))
        if key not in first or referral.closed_on < (first[key].closed_on or ""):
            first[key] = referral
    return list(first.values())


class StepDateProblem(enum.StrEnum):
    FUTURE = "future"
    BEFORE_REFERRAL = "before_referral"


def step_date_problem(
    referred_on: str | None, step: ReferralStep, today: dt.date
) -> StepDateProblem | None:
    """Why a step's date cannot be true, or None. A step is recorded once it happened: never in
    the future. Everything that follows a referral (claim filed, decision, reminder, abandon)
    happens on or after the day the household was referred: a filing date seven months before
    the referral is a typing slip (issue 13), refused rather than counted in the funnel."""
    if step.on > today.isoformat():
        return StepDateProblem.FUTURE
    if step.status is not ReferralStatus.REFERRED and referred_on and step.on < referred_on:
        return StepDateProblem.BEFORE_REFERRAL
    return None


# A household referred and not heard of since: the coordinator calls after ten days, long before
# the outcome check at three months (issue 17), while an appointment missed can still be made.
NO_NEWS_AFTER_DAYS = 10


def news_due_on(referral: Referral) -> str | None:
    """When a referral still "referred" (no claim filed, no outcome) is to be followed up: ten
    days after the referral, or after its appointment when one was made later."""
    if referral.status is not ReferralStatus.REFERRED or not referral.referred_on:
        return None
    since = max(referral.referred_on, (referral.appointment_at or "")[:10])
    return (dt.date.fromisoformat(since) + dt.timedelta(days=NO_NEWS_AFTER_DAYS)).isoformat()


def due_on(referral: Referral) -> str | None:
    """The earlier of its outcome check and its ten-day follow-up."""
    dates = [d for d in (referral.check_due_on, news_due_on(referral)) if d]
    return min(dates) if dates else None


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    household_id: str
    commune_insee: str
    contact_name: str | None
    street: str | None
    number: str | None
    volunteer: str
    flags: tuple[RightId, ...]
    status: str  # the most advanced referral status, or "flagged" / "met"
    last_contact: str
    next_action: str | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class CaseloadFilter:
    right: RightId | None = None
    status: str | None = None
    commune: str | None = None
    volunteer_id: str | None = None
    overdue_only: bool = False
    text: str = ""
