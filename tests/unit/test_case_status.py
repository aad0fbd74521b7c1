"""A household's status and next action in the caseload (domain/case_status.py), as pure rules
tested without a database."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from allervers.domain.case_status import (
    CaseFacts,
    LastVisit,
    ReferralFacts,
    next_action,
    summarise,
    summary_status,
)
from allervers.domain.referrals import CLOSED_STATUSES, HOUSEHOLD_STATUS_ORDER, ReferralStatus

days = st.dates().map(lambda d: d.isoformat())
referral = st.builds(
    ReferralFacts,
    st.sampled_from(list(ReferralStatus)),
    st.one_of(st.none(), days),
    st.one_of(st.none(), days.map(lambda d: f"{d}T14:30")),
)
visit = st.one_of(
    st.none(),
    st.builds(
        LastVisit,
        days,
        st.sampled_from(["interview", "come_back", None]),
        st.one_of(st.none(), days),
    ),
)
facts = st.builds(
    CaseFacts,
    visit,
    st.frozensets(st.sampled_from(["rsa", "css", "prime_activite"])),
    st.lists(referral, max_size=5).map(tuple),
)


@given(facts=facts)
def test_status_is_one_of_the_follow_up_steps_and_ignores_order(facts: CaseFacts) -> None:
    summary = summarise(facts)
    assert summary.case_status in HOUSEHOLD_STATUS_ORDER
    reversed_facts = CaseFacts(facts.last_visit, facts.flags, facts.referrals[::-1])
    assert summarise(reversed_facts) == summary
    assert summary.flags == tuple(sorted(facts.flags))
    assert summary.last_contact_on == (facts.last_visit.visited_on if facts.last_visit else None)


@given(facts=facts)
def test_an_open_referral_outranks_outcomes_and_flags(facts: CaseFacts) -> None:
    status = summarise(facts).case_status
    statuses = {r.status for r in facts.referrals}
    open_ = statuses - CLOSED_STATUSES
    if not statuses:
        assert status == ("flagged" if facts.flags else "met")
    elif open_:
        assert ReferralStatus(status) in open_
    else:
        assert ReferralStatus(status) in statuses


def test_status_examples() -> None:
    s = ReferralStatus
    assert summary_status([], []) == "met"
    assert summary_status(["rsa"], []) == "flagged"
    assert summary_status(["rsa"], [ReferralFacts(s.TO_REFER)]) == "to_refer"
    both = [ReferralFacts(s.REFERRED), ReferralFacts(s.CLAIM_FILED)]
    assert summary_status([], both) == "claim_filed"
    assert summary_status([], [ReferralFacts(s.OPENED), ReferralFacts(s.NO_NEWS)]) == "no_news"
    assert summary_status([], [ReferralFacts(s.REFUSED), ReferralFacts(s.OPENED)]) == "opened"


@given(facts=facts)
def test_next_action_is_the_earliest_open_date(facts: CaseFacts) -> None:
    due = next_action(facts)
    candidates = [
        r.check_due_on
        for r in facts.referrals
        if r.check_due_on and r.status not in CLOSED_STATUSES
    ] + [
        r.appointment_at[:10]
        for r in facts.referrals
        if r.appointment_at and r.status is ReferralStatus.REFERRED
    ]
    v = facts.last_visit
    if v is not None and v.door_outcome == "come_back" and v.come_back_on:
        candidates.append(v.come_back_on)
    assert due == (min(candidates) if candidates else None)
    closed_only = CaseFacts(
        None, facts.flags, tuple(r for r in facts.referrals if r.status in CLOSED_STATUSES)
    )
    assert next_action(closed_only) is None  # a closed referral asks for nothing more


def test_next_action_examples() -> None:
    s = ReferralStatus
    referred = ReferralFacts(s.REFERRED, "2026-03-01", "2026-02-10T09:00")
    assert next_action(CaseFacts(None, frozenset(), (referred,))) == "2026-02-10"
    filed = ReferralFacts(s.CLAIM_FILED, "2026-03-01", "2026-02-10T09:00")
    assert next_action(CaseFacts(None, frozenset(), (filed,))) == "2026-03-01"
    come_back = LastVisit("2026-01-05", "come_back", "2026-01-20")
    assert next_action(CaseFacts(come_back, frozenset(), (filed,))) == "2026-01-20"
    interview = LastVisit("2026-01-05", "interview", "2026-01-20")
    assert next_action(CaseFacts(interview, frozenset(), ())) is None
