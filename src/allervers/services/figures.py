"""Counting the territory's figures for a period. Each definition is written next to its count
so that the figures can be recomputed independently (the tests do)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from allervers.domain.coverage import coverage, weekly
from allervers.domain.doors import door_states
from allervers.domain.figures import Period, TerritoryFigures
from allervers.domain.referrals import first_openings
from allervers.services.caseload import add_months
from allervers.services.workspace import OpenWorkspace
from allervers.storage import doors_repo, figures_repo, repositories

YEARLY_RIGHTS = {"cheque_energie"}  # amounts recorded per year; the others per month


def territory_figures(workspace: OpenWorkspace, period: Period) -> TerritoryFigures:
    """The whole territory's figures (coordinator only): counts, never names."""
    workspace.require_coordinator("figures")
    start, end = period.start.isoformat(), period.end.isoformat()
    with workspace.db.session() as session:
        territory = repositories.territory(session)
        visits = figures_repo.visit_facts(session, start, end)
        flags = figures_repo.flag_facts(session, start, end)
        referrals = figures_repo.referral_facts(session)
        door_ids = [d.id for d in doors_repo.doors(session)]
        passes = [p for p in doors_repo.passes(session) if p.on <= end]
        repositories.append_audit(session, workspace.user.id, "figures_computed", "territory")

    # Doors knocked: every finished visit of the period, by door outcome.
    doors = Counter(v.door_outcome or "unknown" for v in visits)
    # Households met: distinct households with an interview in the period where the person
    # agreed to be recorded (otherwise nothing about the household is known); people met: the
    # persons of each such household at its last such interview of the period.
    people_by_household = {v.household_id: v.people for v in visits if v.consented}
    # Probable non-recours: distinct (household, right) flagged by a current assessment of an
    # interview of the period; its reason as recorded (or "not_recorded").
    flagged: dict[tuple[str, str], str | None] = {}
    for flag in flags:
        flagged[(flag.household_id, flag.right)] = flag.reason
    by_right = Counter(right for _household, right in flagged)
    by_reason = Counter(reason or "not_recorded" for reason in flagged.values())
    # Referrals made in the period, by organisation.
    by_organisation = Counter(
        r.organisation or "unknown" for r in referrals if period.contains(r.referred_on)
    )
    # Rights opened in the period, and their yearly amounts.
    # (one per household and right: referred to two organisations, a right opens once).
    opened = [r for r in first_openings(referrals) if period.contains(r.closed_on)]
    opened_count = Counter(r.right for r in opened)
    yearly: dict[str, float] = {}
    for r in opened:
        amount = r.opened_amount or 0.0
        yearly[r.right] = yearly.get(r.right, 0.0) + (
            amount if r.right in YEARLY_RIGHTS else amount * 12
        )
    # Funnel of the period's flags: referred (a referral reached "referred"), filed (a claim was
    # filed or decided), opened.
    best: dict[tuple[str, str], set[str]] = {}
    for r in referrals:
        key = (r.household_id, r.right)
        if key in flagged:
            steps = best.setdefault(key, set())
            if r.referred_on:
                steps.add("referred")
            if r.filed_on or r.status in ("opened", "refused"):
                steps.update({"referred", "filed"})
            if r.status == "opened":
                steps.update({"referred", "filed", "opened"})
    funnel = {
        "flagged": len(flagged),
        "referred": sum("referred" in s for s in best.values()),
        "filed": sum("filed" in s for s in best.values()),
        "opened": sum("opened" in s for s in best.values()),
    }
    # Outcome checks that fell due in the period (referral date + the setting's months):
    # done on time, done late, or not done.
    months = workspace.settings.outcome_check_months
    checks: Counter[str] = Counter()
    for r in referrals:
        if not r.referred_on:
            continue
        due = add_months(date.fromisoformat(r.referred_on), months).isoformat()
        if not period.contains(due):
            continue
        checks["due"] += 1
        if r.checked_on is None:
            checks["not_done"] += 1
        elif r.checked_on <= due:
            checks["on_time"] += 1
        else:
            checks["late"] += 1
    # The territory's doors at the period's end, and the weeks of the period (domain/coverage.py).
    at_end = coverage(door_ids, door_states(door_ids, passes))
    door_coverage = {
        "doors": at_end.doors,
        "knocked": at_end.knocked,
        "coverage": at_end.coverage,
        "opened": at_end.opened,
        "open_rate": at_end.open_rate,
        "households_met": at_end.households_met,
    }
    door_weeks = [w.to_json() for w in weekly(door_ids, [p for p in passes if p.on >= start])]
    return TerritoryFigures(
        territory=territory,
        period=period,
        doors_by_outcome=dict(sorted(doors.items())),
        households_met=len(people_by_household),
        people_met=sum(people_by_household.values()),
        nonrecours_by_right=dict(sorted(by_right.items())),
        nonrecours_by_reason=dict(sorted(by_reason.items())),
        referrals_by_organisation=dict(sorted(by_organisation.items())),
        rights_opened_in_period=dict(sorted(opened_count.items())),
        rights_opened_in_period_yearly_amount={k: round(v, 2) for k, v in sorted(yearly.items())},
        funnel=funnel,
        outcome_checks={k: checks.get(k, 0) for k in ("due", "on_time", "late", "not_done")},
        door_coverage=door_coverage,
        door_weeks=door_weeks,
    )
