"""The month tables of the release register: what each TZNR indicator counts, month by month.

Every indicator counts events dated in the month, so that any period's table is the exact sum of
its months' (docs/export-format.md, "Indicators"):
- doors_knocked: finished visits of the month, by door outcome;
- households_met / people_met: households whose first interview with consent to be recorded is in
  the month, and their members at that interview (at least one: the person who answered);
- probable_nonrecours: a (household, right) counted in the month of the first interview whose
  current assessment flags the right as probably not claimed; its reason is the one recorded then;
- funnel: those same situations, by the step their follow-up has reached (referred, claim filed,
  right opened) when the month is frozen;
- referrals: referrals made in the month, by organisation;
- rights_opened and their yearly amounts: rights opened (closed as opened) in the month;
- outcome_checks: three-month checks that fell due in the month, by what was done.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from allervers.domain.export import TOTAL, CellKey
from allervers.domain.referrals import first_openings
from allervers.domain.release import (
    DOOR_OUTCOMES,
    NOT_RECORDED,
    ORGANISATIONS,
    REASONS,
    RELEASE_ROWS,
    RIGHTS,
    STRUCTURAL_ZEROS,
    with_totals,
)
from allervers.services.caseload import add_months
from allervers.services.workspace import OpenWorkspace
from allervers.storage import export_repo
from allervers.storage.export_repo import ReferralState

YEARLY_RIGHTS = {"cheque_energie"}  # amounts recorded per year; the others per month
AMOUNT = "rights_opened_yearly_amount"
Values = dict[CellKey, float]


def _people(answers: dict[str, object]) -> int:
    if "persons_count" in answers:  # a purged visit keeps only the count
        return max(1, int(str(answers["persons_count"])))
    persons = answers.get("persons")
    return max(1, len(persons) if isinstance(persons, list) else 0)


def stage(referral: ReferralState | None) -> set[str]:
    if referral is None:
        return set()
    steps = set()
    if referral.referred_on:
        steps.add("referred")
    if referral.filed_on or referral.status in ("opened", "refused"):
        steps.update({"referred", "filed"})
    if referral.status == "opened":
        steps.update({"referred", "filed", "opened"})
    return steps


def reached(referrals: Sequence[ReferralState]) -> dict[tuple[str, str], set[str]]:
    """(household, right) -> the steps its referrals reached together: a right referred to the
    CAF and to the CPAM (issue 13) is "opened" when either opened it, as in the figures."""
    steps: dict[tuple[str, str], set[str]] = {}
    for referral in referrals:
        steps.setdefault((referral.household_id, referral.right), set()).update(stage(referral))
    return steps


def month_tables(
    workspace: OpenWorkspace, months: Sequence[str]
) -> dict[str, tuple[Values, Values]]:
    """month -> (values of every release row, largest household contribution of amounts)."""
    workspace.require_coordinator("export")
    first_day = f"{min(months)}-01"
    last = dt.date.fromisoformat(f"{max(months)}-01")
    last_day = (add_months(last, 1) - dt.timedelta(days=1)).isoformat()
    with workspace.db.session() as session:
        doors = export_repo.doors(session, first_day, last_day)
        interviews = export_repo.interviews(session, "0000-01-01", last_day)
        flags = export_repo.first_flags(session, last_day)
        referrals = export_repo.referrals(session)
    wanted = set(months)
    counts: dict[str, Counter[CellKey]] = {m: Counter() for m in months}
    amounts: dict[str, dict[CellKey, float]] = {m: {} for m in months}
    largest: dict[str, dict[CellKey, float]] = {m: {} for m in months}

    for door in doors:
        # The months asked need not be contiguous (a quarter around its frozen middle month).
        if door.visited_on[:7] in wanted and door.door_outcome in DOOR_OUTCOMES:
            counts[door.visited_on[:7]][("doors_knocked", door.door_outcome)] += 1
    first_met: dict[str, tuple[str, int]] = {}
    for interview in interviews:
        if interview.consented and interview.household_id not in first_met:
            first_met[interview.household_id] = (interview.visited_on, _people(interview.answers))
    for visited_on, people in first_met.values():
        if visited_on[:7] in wanted:
            counts[visited_on[:7]][("households_met", TOTAL)] += 1
            counts[visited_on[:7]][("people_met", TOTAL)] += people
    steps_of = reached(referrals)
    for (household, right), flag in flags.items():
        month = flag.visited_on[:7]
        if month not in wanted or right not in RIGHTS:
            continue
        counts[month][("probable_nonrecours", right)] += 1
        reason = flag.reason if flag.reason in REASONS else NOT_RECORDED
        counts[month][("probable_nonrecours_reason", reason)] += 1
        counts[month][("funnel", "flagged")] += 1
        for step in steps_of.get((household, right), set()):
            counts[month][("funnel", step)] += 1
    months_setting = workspace.settings.outcome_check_months
    household_amounts: dict[str, dict[str, float]] = {m: {} for m in months}
    # A right opens once per household, however many organisations it was referred to.
    openings = {id(referral) for referral in first_openings(referrals)}
    for referral in referrals:
        if referral.referred_on and referral.referred_on[:7] in wanted:
            organisation = referral.organisation
            if organisation not in ORGANISATIONS:
                organisation = NOT_RECORDED
            counts[referral.referred_on[:7]][("referrals", organisation)] += 1
        if (
            id(referral) in openings
            and referral.closed_on
            and referral.closed_on[:7] in wanted
            and referral.right in RIGHTS
        ):
            month = referral.closed_on[:7]
            counts[month][("rights_opened", referral.right)] += 1
            cell = (AMOUNT, referral.right)
            if cell not in STRUCTURAL_ZEROS:
                amount = referral.opened_amount or 0.0
                yearly = amount if referral.right in YEARLY_RIGHTS else amount * 12
                amounts[month][cell] = amounts[month].get(cell, 0.0) + yearly
                largest[month][cell] = max(largest[month].get(cell, 0.0), yearly)
                by_household = household_amounts[month]
                by_household[referral.household_id] = (
                    by_household.get(referral.household_id, 0.0) + yearly
                )
        if referral.referred_on:
            due = add_months(dt.date.fromisoformat(referral.referred_on), months_setting)
            month = due.isoformat()[:7]
            if month in wanted:
                if referral.checked_on is None:
                    outcome = "not_done"
                elif referral.checked_on <= due.isoformat():
                    outcome = "on_time"
                else:
                    outcome = "late"
                counts[month][("outcome_checks", outcome)] += 1

    result = {}
    for month in months:
        values: Values = {cell: float(counts[month].get(cell, 0)) for cell in RELEASE_ROWS}
        for cell, amount in amounts[month].items():
            values[cell] = float(round(amount))
        values = with_totals(values)
        most: Values = {cell: round(v, 2) for cell, v in largest[month].items()}
        if household_amounts[month]:
            most[(AMOUNT, TOTAL)] = round(max(household_amounts[month].values()), 2)
        result[month] = (values, most)
    return result
