"""The merge decision of team sync as pure rules (domain/merge.py), property-tested without a
database: what each side changed since their last common state decides, never the order."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from allervers.domain.merge import (
    ABSENT,
    Arrival,
    Stamp,
    arrival,
    digest,
    merge_fields,
)

FIELDS = ("note", "contact_phone", "answers.persons", "answers.rent")
value = st.one_of(st.none(), st.sampled_from(["a", "b", "c"]), st.integers(0, 2))
record = st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, value))


def base_of(values: dict[str, Any]) -> dict[str, str]:
    return {k: digest(v) for k, v in values.items()}


def applied(values: dict[str, Any], taken: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for name, item in taken.items():
        if item is ABSENT:
            out.pop(name, None)
        else:
            out[name] = item
    return out


@given(ours=record, base=record)
def test_a_record_received_as_we_hold_it_changes_nothing(
    ours: dict[str, Any], base: dict[str, Any]
) -> None:
    for from_hub in (False, True):
        outcome = merge_fields(ours, dict(ours), base_of(base), from_hub)
        assert outcome.unchanged
        assert outcome.taken == {} and outcome.clashes == ()


@given(common=record, theirs=record, from_hub=st.booleans())
def test_a_record_changed_there_only_is_taken_without_conflict(
    common: dict[str, Any], theirs: dict[str, Any], from_hub: bool
) -> None:
    outcome = merge_fields(common, theirs, base_of(common), from_hub)
    assert outcome.clashes == ()
    assert applied(common, outcome.taken) == theirs


@given(common=record, ours=record, from_hub=st.booleans())
def test_a_record_changed_here_only_keeps_our_values(
    common: dict[str, Any], ours: dict[str, Any], from_hub: bool
) -> None:
    outcome = merge_fields(ours, common, base_of(common), from_hub)
    assert outcome.taken == {} and outcome.clashes == ()


@given(ours=record, theirs=record)
def test_without_a_common_state_every_difference_is_a_conflict_kept_whole(
    ours: dict[str, Any], theirs: dict[str, Any]
) -> None:
    differing = {
        k
        for k in ours.keys() | theirs.keys()
        if digest(ours.get(k, ABSENT)) != digest(theirs.get(k, ABSENT))
    }
    hub = merge_fields(ours, theirs, None, from_hub=False)
    laptop = merge_fields(ours, theirs, None, from_hub=True)
    assert {c.field for c in hub.clashes} == differing == {c.field for c in laptop.clashes}
    # The hub keeps its value; the volunteer's laptop takes the hub's.
    assert hub.taken == {}
    assert applied(ours, laptop.taken) == theirs
    for clash in hub.clashes:  # both values are kept for the coordinator
        assert clash.ours is ours.get(clash.field, ABSENT)
        assert clash.theirs is theirs.get(clash.field, ABSENT)


@given(common=record, hub=record, laptop=record)
def test_hub_and_laptop_end_with_the_same_record_whatever_both_edited(
    common: dict[str, Any], hub: dict[str, Any], laptop: dict[str, Any]
) -> None:
    base = base_of(common)
    on_hub = merge_fields(hub, laptop, base, from_hub=False)
    on_laptop = merge_fields(laptop, hub, base, from_hub=True)
    assert applied(hub, on_hub.taken) == applied(laptop, on_laptop.taken)
    # The same fields clash on both sides, and only fields both changed to different values.
    assert {c.field for c in on_hub.clashes} == {c.field for c in on_laptop.clashes}
    for clash in on_hub.clashes:
        was = base.get(clash.field, digest(ABSENT))
        assert digest(clash.ours) != was and digest(clash.theirs) != was
        assert digest(clash.ours) != digest(clash.theirs)


@given(common=record, ours=record, theirs=record, from_hub=st.booleans())
def test_merging_the_result_again_changes_nothing(
    common: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], from_hub: bool
) -> None:
    first = merge_fields(ours, theirs, base_of(common), from_hub)
    merged = applied(ours, first.taken)
    again = merge_fields(merged, theirs, base_of(theirs), from_hub)
    assert again.taken == {} and again.clashes == ()


def test_absent_and_null_are_different_values() -> None:
    assert digest(ABSENT) != digest(None)
    outcome = merge_fields({"answers.rent": None}, {}, None, from_hub=True)
    assert [c.field for c in outcome.clashes] == ["answers.rent"]
    assert outcome.taken == {"answers.rent": ABSENT}


stamps = st.builds(Stamp, st.sampled_from(["me", "hub", "other"]), st.integers(0, 20))


@given(local=stamps, received=stamps, acked=st.integers(0, 20))
def test_arrival_follows_only_a_later_version(local: Stamp, received: Stamp, acked: int) -> None:
    how = arrival(local, received, "me", acked)
    if local.origin == received.origin:
        expected = Arrival.FOLLOWS if received.seq > local.seq else Arrival.UNCHANGED
        assert how is expected
    elif local.origin == "me" and local.seq <= acked:
        assert how is Arrival.FOLLOWS  # the sender merged our change before changing it again
    else:
        assert how is Arrival.DIVERGED


def test_arrival_examples() -> None:
    assert arrival(Stamp("hub", 4), Stamp("hub", 4), "me", 0) is Arrival.UNCHANGED
    assert arrival(Stamp("hub", 4), Stamp("hub", 3), "me", 0) is Arrival.UNCHANGED
    assert arrival(Stamp("hub", 4), Stamp("hub", 5), "me", 0) is Arrival.FOLLOWS
    assert arrival(Stamp("me", 7), Stamp("hub", 1), "me", 7) is Arrival.FOLLOWS
    assert arrival(Stamp("me", 8), Stamp("hub", 1), "me", 7) is Arrival.DIVERGED
    assert arrival(Stamp("other", 1), Stamp("hub", 1), "me", 99) is Arrival.DIVERGED
