"""Door statuses, walking order, coverage and round rules (pure functions, property-tested)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from allervers.domain.coverage import coverage, iso_week, weekly
from allervers.domain.doors import (
    RECORDABLE,
    Door,
    DoorPass,
    DoorStatus,
    door_state,
    door_states,
    match_door,
    parse_number,
    street_key,
)
from allervers.domain.geometry import convex_hull, point_in_polygon
from allervers.domain.rounds import (
    MAX_ROUND_DOORS,
    Round,
    RoundInvalid,
    RoundKind,
    check_volunteers,
    clean_round_name,
    reshape,
)
from allervers.domain.walking import MAX_ABSENT_PASSES, Due, next_doors, walking_order

TODAY = dt.date(2026, 10, 14)


def p(door: str, on: str, status: DoorStatus, n: int = 0, **kw: object) -> DoorPass:
    return DoorPass(f"p{n}", door, on, status, recorded_at=f"{on}T10:{n:02d}", **kw)  # type: ignore[arg-type]


def test_a_door_never_knocked_is_not_visited() -> None:
    state = door_state("d", [])
    assert state.status is DoorStatus.NOT_VISITED and not state.knocked and state.passes == 0


def test_absent_counts_its_passes_in_a_row() -> None:
    passes = [
        p("d", "2026-09-01", DoorStatus.ABSENT, 1),
        p("d", "2026-09-08", DoorStatus.COME_BACK, 2, come_back_on="2026-09-10"),
        p("d", "2026-09-10", DoorStatus.ABSENT, 3),
        p("d", "2026-09-17", DoorStatus.ABSENT, 4),
    ]
    state = door_state("d", passes)
    assert state.status is DoorStatus.ABSENT
    assert state.absent_passes == 2 and state.passes == 4
    assert state.opened  # someone opened once ("come back")
    assert state.come_back_on is None


def test_interview_links_the_household_met_and_stays_after_a_shut_door() -> None:
    passes = [
        p("d", "2026-09-01", DoorStatus.INTERVIEW, 1, household_id="h1"),
        p("d", "2026-10-01", DoorStatus.ABSENT, 2),
    ]
    state = door_state("d", reversed(passes))
    assert state.status is DoorStatus.ABSENT
    assert state.household_id == "h1" and state.met


def test_do_not_disturb_is_kept_whatever_comes_after() -> None:
    passes = [
        p("d", "2026-09-01", DoorStatus.DO_NOT_DISTURB, 1),
        p("d", "2026-10-01", DoorStatus.ABSENT, 2),
    ]
    assert door_state("d", passes).status is DoorStatus.DO_NOT_DISTURB


statuses = st.sampled_from(RECORDABLE)
days = st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)).map(dt.date.isoformat)
passes_st = st.lists(
    st.builds(
        lambda i, on, s, h: DoorPass(
            f"p{i}", "d", on, s, recorded_at=f"{on}T{i:05d}", household_id=h
        ),
        st.integers(0, 99999),
        days,
        statuses,
        st.sampled_from([None, "h1", "h2"]),
    ),
    max_size=12,
    unique_by=lambda x: x.id,
)


@given(passes_st)
def test_the_state_does_not_depend_on_the_order_passes_arrive_in(passes: list[DoorPass]) -> None:
    """Passes recorded on two laptops are merged in any order: the door reads the same."""
    assert door_state("d", passes) == door_state("d", list(reversed(passes)))


@given(passes_st)
def test_the_state_follows_its_rules(passes: list[DoorPass]) -> None:
    state = door_state("d", passes)
    assert state.passes == len(passes)
    assert state.knocked == bool(passes)
    assert state.absent_passes <= state.passes
    if any(x.status is DoorStatus.DO_NOT_DISTURB for x in passes):
        assert state.status is DoorStatus.DO_NOT_DISTURB
    if state.absent_passes:
        assert state.status in (DoorStatus.ABSENT, DoorStatus.DO_NOT_DISTURB)
    assert state.met == any(x.status is DoorStatus.INTERVIEW for x in passes)


def door(i: str, street: str, number: int | None, suffix: str = "", **kw: object) -> Door:
    return Door(i, "49092", street=street, number=number, suffix=suffix, **kw)  # type: ignore[arg-type]


def test_walking_goes_up_the_odd_side_and_back_down_the_even_side() -> None:
    doors = [
        door("a", "Rue des Lilas", 2),
        door("b", "Rue des Lilas", 1),
        door("c", "Rue des Lilas", 4),
        door("d", "Rue des Lilas", 3),
        door("e", "Rue des Lilas", 1, "bis"),
        door("f", "Allée des Chênes", 5),
        door("g", "Rue des Lilas", None, lieu_dit="La Noue"),
        door("h", "Rue des Lilas", 4, "bis"),
    ]
    order = [d.id for d in walking_order(doors)]
    assert order == ["f", "b", "e", "d", "h", "c", "a", "g"]


def test_next_doors_come_back_of_the_day_first_then_absent_again_then_new() -> None:
    doors = [door(str(i), "Rue A", i) for i in range(1, 8)]
    passes = [
        p("1", "2026-10-01", DoorStatus.ABSENT, 1),
        p("2", "2026-10-01", DoorStatus.COME_BACK, 2, come_back_on="2026-10-14"),
        p("3", "2026-10-01", DoorStatus.COME_BACK, 3, come_back_on="2026-10-20"),
        p("4", "2026-10-14", DoorStatus.ABSENT, 4),  # knocked today already
        p("5", "2026-10-01", DoorStatus.INTERVIEW, 5, household_id="h"),
    ]
    passes += [p("6", f"2026-10-0{i}", DoorStatus.ABSENT, 10 + i) for i in range(1, 4)]
    states = door_states([d.id for d in doors], passes)
    listed = next_doors(doors, states, TODAY)
    assert [(n.door.id, n.due) for n in listed] == [
        ("2", Due.COME_BACK_TODAY),
        ("1", Due.ABSENT_AGAIN),
        ("7", Due.FIRST_KNOCK),
    ]
    assert states["6"].absent_passes == MAX_ABSENT_PASSES


def test_coverage_counts_doors_knocked_opened_and_households_met() -> None:
    passes = [
        p("1", "2026-10-05", DoorStatus.ABSENT, 1),
        p("2", "2026-10-05", DoorStatus.INTERVIEW, 2, household_id="h2"),
        p("3", "2026-10-06", DoorStatus.VACANT, 3),
        p("4", "2026-10-13", DoorStatus.REFUSED, 4),
        p("1", "2026-10-13", DoorStatus.INTERVIEW, 5, household_id="h1"),
    ]
    ids = ["1", "2", "3", "4", "5", "6"]
    figures = coverage(ids, door_states(ids, passes))
    assert (figures.doors, figures.knocked, figures.opened, figures.households_met) == (6, 4, 3, 2)
    assert figures.coverage == round(4 / 6, 4)
    assert figures.open_rate == 1.0  # the vacant house could not open
    weeks = weekly(ids, passes)
    assert [(w.week, w.knocked, w.opened, w.interviews) for w in weeks] == [
        ("2026-W41", 3, 1, 1),
        ("2026-W42", 2, 2, 1),
    ]
    assert iso_week("2026-01-01") == "2026-W01"


@given(st.dictionaries(st.text("abcdef", min_size=1, max_size=3), passes_st, max_size=8))
def test_coverage_figures_stay_within_their_bounds(by_door: dict[str, list[DoorPass]]) -> None:
    passes = [
        DoorPass(x.id + d, d, x.on, x.status, household_id=x.household_id)
        for d, xs in by_door.items()
        for x in xs
    ]
    ids = [*by_door, "never"]
    figures = coverage(ids, door_states(ids, passes))
    assert 0 <= figures.households_met <= figures.opened <= figures.knocked < figures.doors
    assert figures.could_open <= figures.knocked
    assert sum(figures.by_status.values()) == figures.doors
    assert figures.coverage is not None and 0 <= figures.coverage < 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", (12, "")),
        ("12 bis", (12, "bis")),
        ("4B", (4, "b")),
        ("3 ter", (3, "ter")),
        ("", (None, "")),
    ],
)
def test_numbers_are_read_with_their_suffix(text: str, expected: tuple[int | None, str]) -> None:
    assert parse_number(text) == expected


def test_a_typed_address_finds_its_door() -> None:
    doors = [
        door("a", "Rue de l'Église", 12),
        door("b", "Rue de l'Église", 12, "bis"),
        door("c", "Rue de l'Église", 12, label="porte 2"),
    ]
    assert street_key("R. de l'eglise") == street_key("Rue de l'Église")
    assert match_door(doors, "49092", "r de l eglise", "12") == doors[0]
    assert match_door(doors, "49092", "Rue de l'Eglise", "12 bis") == doors[1]
    assert match_door(doors, "49092", "Rue de l'Eglise", "12B") == doors[1]
    assert match_door(doors, "49092", "Rue de l'Eglise", "14") is None
    assert match_door(doors, "49023", "Rue de l'Eglise", "12") is None
    assert match_door(doors, "49092", "Rue de l'Eglise", None) is None


coords = st.floats(-1000, 1000, allow_nan=False)


@given(st.lists(st.tuples(coords, coords), min_size=3, max_size=30))
# A "triangle" one side of which is 1.5e-211 m long: its centroid fell outside it until such
# slivers counted as a line (domain.geometry.COLLINEAR).
@example([(0.0, 0.0), (1.0, 1.0), (1.5205075166258538e-211, 0.0)])
def test_every_point_lies_within_its_convex_hull(points: list[tuple[float, float]]) -> None:
    hull = convex_hull(points)
    if len(hull) < 3:
        return  # all on one line
    # Strictly inside points of the hull: their centroid.
    cx = sum(x for x, _ in hull) / len(hull)
    cy = sum(y for _, y in hull) / len(hull)
    assert point_in_polygon((cx, cy), hull)
    assert not point_in_polygon((2000.0, 2000.0), hull)


def test_a_square_holds_its_inside_only() -> None:
    square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
    assert point_in_polygon((5, 5), square)
    assert not point_in_polygon((15, 5), square)
    assert not point_in_polygon((5, 5), square[:2])


def test_a_round_once_walked_gets_a_new_version_when_reshaped() -> None:
    current = Round("r", "Bourg", RoundKind.SPOTTING, "49092", 1, "v1", ("a", "b"))
    assert reshape(current, ["b", "a"], visited=True) is None
    in_place = reshape(current, ["a", "b", "c"], visited=False)
    assert in_place is not None and (in_place.version, in_place.new_version) == (1, False)
    new = reshape(current, ["a", "c"], visited=True)
    assert new is not None and (new.version, new.new_version, new.door_ids) == (2, True, ("a", "c"))


def test_round_limits() -> None:
    current = Round("r", "Bourg", RoundKind.SPOTTING, "49092", 1, "v1", ("a",))
    with pytest.raises(RoundInvalid) as too_many:
        reshape(current, [str(i) for i in range(MAX_ROUND_DOORS + 1)], visited=False)
    assert too_many.value.reason == "too_many_doors"
    with pytest.raises(RoundInvalid):
        reshape(current, [], visited=False)
    with pytest.raises(RoundInvalid):
        check_volunteers(["a", "b", "c"])
    assert check_volunteers(["a", "b", "a"]) == ("a", "b")
    assert clean_round_name("  Bourg   nord ") == "Bourg nord"
    with pytest.raises(RoundInvalid):
        clean_round_name("   ")
