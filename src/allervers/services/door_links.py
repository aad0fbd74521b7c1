"""Visits and doors: the pass a finished visit makes at its door.

A visit names its door when it was started at a door of a round (`visits.door_id`), or by the
`address_ban_id` of the household format, or else is matched by commune, street, number and
suffix (domain.doors.DoorIndex). Its pass carries the visit's door outcome; it names the
household met only with the household's consent to be contacted again (domain.doors.
links_household). Old visits are matched when addresses are imported: a workspace upgraded to
the doors' schema (revision 0009) has no doors until its first import, which matches them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from allervers.domain.doors import DoorIndex, DoorStatus, links_household, parse_number
from allervers.domain.visits import DoorOutcome
from allervers.storage import doors_repo
from allervers.storage.doors_repo import UNLINKED, NewPass, VisitAtDoor


def _new_pass(visit: VisitAtDoor, door_id: str, round_id: str | None = None) -> NewPass:
    status = DoorStatus(DoorOutcome(visit.door_outcome or "absent").value)
    linked = links_household(status, visit.answers.get("consent_contact"))
    return NewPass(
        door_id=door_id,
        on=visit.visited_on,
        status=status,
        volunteer_id=visit.volunteer_id,
        round_id=round_id,
        household_id=visit.household_id if linked else None,
        visit_id=visit.visit_id if linked else None,
        come_back_on=visit.answers.get("come_back_on") if status is DoorStatus.COME_BACK else None,
        recorded_at=visit.finished_at,
    )


def match_visits(session: Any, visits: Iterable[VisitAtDoor] | None = None) -> int:
    """Gives a pass to each finished visit without one whose door is known or found. Returns
    the number of visits matched."""
    if not doors_repo.any_door(session):
        return 0  # no address imported: nothing to match (and 50,000 visits not read)
    pending = list(doors_repo.visits_without_pass(session) if visits is None else visits)
    if not pending:
        return 0
    communes = sorted({str(v.answers.get("address_insee", "")) for v in pending})
    number = None
    if len(pending) == 1:  # one visit: only the doors of its number, not the whole commune
        number = parse_number(pending[0].answers.get("address_number"))[0]
    index = DoorIndex(doors_repo.doors(session, communes, number=number))
    new: list[NewPass] = []
    links: dict[str, str] = {}
    for visit in pending:
        door_id = visit.door_id if visit.door_id not in (None, UNLINKED) else None
        if door_id is None:
            found = index.find(
                str(visit.answers.get("address_insee", "")),
                visit.answers.get("address_street"),
                visit.answers.get("address_number"),
            )
            door_id = found.id if found else None
        if door_id is None:
            continue
        made = _new_pass(visit, door_id)
        new.append(made)
        links[visit.visit_id] = door_id if made.visit_id else UNLINKED
    doors_repo.add_passes(session, new)
    doors_repo.set_visit_doors(session, links)
    return len(new)


def visit_finished(session: Any, visit_id: str) -> None:
    """After a visit is finished, or its door outcome changed: its pass made or updated."""
    session.flush()
    outcome = doors_repo.finished_outcome(session, visit_id)
    if outcome is None:
        return
    if doors_repo.pass_of_visit(session, visit_id) is not None:
        doors_repo.set_visit_pass_status(session, visit_id, DoorStatus(outcome))
        return
    pending = doors_repo.visits_without_pass(session, visit_id)
    if pending:
        match_visits(session, pending)


def name_door(session: Any, visit_id: str, key: str, answers: dict[str, Any]) -> None:
    """An imported visit's `address_ban_id`: the visit is at that door from now on."""
    door_id = door_for_key(
        session,
        key,
        str(answers["address_insee"]),
        answers.get("address_street"),
        answers.get("address_number"),
    )
    doors_repo.set_visit_doors(session, {visit_id: door_id})


def door_for_key(
    session: Any, key: str, commune: str, street: str | None, number: str | None
) -> str:
    """The door an imported visit names by its `address_ban_id`: the address's door, or a door
    added now with that key (the address list may come later: its import then adopts it)."""
    found = doors_repo.door_by_key(session, key)
    if found is not None:
        return found.id
    value, suffix = parse_number(number)
    return doors_repo.add_door(
        session,
        commune,
        street or "",
        value,
        suffix,
        "",
        "",
        None,
        None,
        None,
        cle_interop=key.casefold(),
    ).id
