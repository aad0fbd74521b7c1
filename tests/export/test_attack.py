"""The evaluator's attack: every release the tool allows (months, quarters, revisions), held
together, read with an integer program written independently of the planner (tests/export/
attack.py). No hidden count gets a range narrower than 11; no difference of two releases, no month
inside a quarter, isolates between 1 and 10 households (nor pins a 0); a late visit followed by a
revision tells nothing of it."""

from __future__ import annotations

import math

import pytest

from allervers.domain.release import RELEASE_ROWS, STRUCTURAL_ZEROS
from allervers.export import release_plan
from allervers.export.joint import Held
from allervers.export.relations import RELEASE_RELATIONS
from tests.export.attack import attack
from tests.export.months import months_of, release_sequence, with_late_visits, year_of_months

HALF_YEAR = ["2026-01", "2026-02", "2026-03", "2026-Q1", "2026-04", "2026-05", "2026-06", "2026-Q2"]


@pytest.mark.slow
def test_half_a_year_of_releases_and_a_revision_hold_together() -> None:
    tables = year_of_months(seed=3, scale=16)
    sequence = release_sequence(tables, HALF_YEAR)
    # Late syncs: 14 interviews of February arrive after the quarter was out; Q1 is revised.
    tables[("2026-02", 2)] = with_late_visits(
        tables[("2026-02", 1)], [("rsa",), ("ppa", "css"), ()] * 4 + [("aah",), ()]
    )
    done = [
        Held(f"r{i}", label, tuple(v), v, hidden) for i, (label, v, hidden) in enumerate(sequence)
    ]
    versions = {"2026-01": 1, "2026-02": 2, "2026-03": 1}
    plan = release_plan.plan(
        tables, done, "2026-Q1", versions, RELEASE_ROWS, RELEASE_RELATIONS, STRUCTURAL_ZEROS, 11
    )
    sequence.append(("2026-Q1", versions, plan.hidden))
    assert plan.revision  # cells that moved by less than 11 are hidden in the revision
    outcome = attack(tables, sequence, RELEASE_ROWS)
    assert sum(outcome.checked.values()) > 300
    assert {"hidden", "inside", "difference", "revision", "late"} <= set(outcome.checked)
    assert outcome.problems == []


def test_a_month_published_next_to_its_quarter_does_not_give_the_others_away() -> None:
    tables = year_of_months(seed=5, scale=40)
    sequence = release_sequence(tables, ["2026-Q1", "2026-01", "2026-02"])
    outcome = attack(tables, sequence, RELEASE_ROWS)
    assert outcome.problems == [] and outcome.checked["inside"] > 0
    # March was never released, but Q1 - January - February is March: its small cells stay
    # hidden somewhere.
    hidden_feb = sequence[2][2]
    assert hidden_feb


def test_one_late_visit_then_a_revision_is_refused_and_tells_nothing() -> None:
    from allervers.domain.release import RegisterEntry, ReleaseKind, ReleaseRefused

    tables = year_of_months(seed=7, scale=60)
    sequence = release_sequence(tables, ["2026-01", "2026-02", "2026-03", "2026-Q1"])
    label, versions, hidden = sequence[-1]
    values = release_plan.period_values(tables, [(m, 1) for m in months_of(label)], RELEASE_ROWS)
    earlier = RegisterEntry(
        "q1",
        ReleaseKind.TABLE,
        label,
        0,
        "2026-04-05",
        "f.zip",
        "d",
        "x" * 64,
        versions,
        {c: None if c in hidden else values[c] for c in RELEASE_ROWS},
    )
    tables[("2026-03", 2)] = with_late_visits(tables[("2026-03", 1)], [("rsa", "aah")])
    done = [Held(f"r{i}", lab, tuple(v), v, h) for i, (lab, v, h) in enumerate(sequence)]
    revised = {"2026-01": 1, "2026-02": 1, "2026-03": 2}
    plan = release_plan.plan(
        tables, done, label, revised, RELEASE_ROWS, RELEASE_RELATIONS, STRUCTURAL_ZEROS, 11
    )
    new_values = release_plan.period_values(
        tables, [(m, revised[m]) for m in revised], RELEASE_ROWS
    )
    # Every cell the visit moved is hidden in the revision...
    moved = {c for c in RELEASE_ROWS if new_values[c] != values[c]}
    assert moved and moved <= plan.hidden
    # ... so the revision would say nothing new: refused.
    with pytest.raises(ReleaseRefused) as refused:
        release_plan.revision_number([earlier], plan, tables, new_values, RELEASE_ROWS)
    assert refused.value.reason == "too_small"


def test_late_visits_with_other_rights_are_indistinguishable_after_the_revision() -> None:
    """World A and world B differ only in which rights were flagged for one late household (as
    many in both: a reader who knew every other late household could otherwise count them, the
    limit of any threshold rule): every cell the revision publishes has the same value."""
    base = year_of_months(seed=9, scale=60)
    others = [("rsa",), ("ppa",), ("css",), (), ("cheque_energie",)] * 3
    worlds = {}
    for name, rights in (("A", ("rsa", "aah")), ("B", ("ppa", "css"))):
        tables = dict(base)
        sequence = release_sequence(tables, ["2026-01", "2026-02", "2026-03", "2026-Q1"])
        tables[("2026-03", 2)] = with_late_visits(tables[("2026-03", 1)], [*others, rights])
        done = [Held(f"r{i}", lab, tuple(v), v, h) for i, (lab, v, h) in enumerate(sequence)]
        revised = {"2026-01": 1, "2026-02": 1, "2026-03": 2}
        plan = release_plan.plan(
            tables, done, "2026-Q1", revised, RELEASE_ROWS, RELEASE_RELATIONS, STRUCTURAL_ZEROS, 11
        )
        values = release_plan.period_values(
            tables, [(m, v) for m, v in revised.items()], RELEASE_ROWS
        )
        worlds[name] = (plan.hidden, values)
    hidden_a, values_a = worlds["A"]
    _hidden_b, values_b = worlds["B"]
    shown_a = {c: values_a[c] for c in RELEASE_ROWS if c not in hidden_a}
    # B is consistent with everything A's revision shows: the evaluator cannot tell them apart.
    assert all(values_b[c] == v for c, v in shown_a.items())
    assert any(not math.isclose(values_a[c], values_b[c]) for c in RELEASE_ROWS)
