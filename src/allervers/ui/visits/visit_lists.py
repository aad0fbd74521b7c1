"""Short texts for doors and visits in lists: address first, then what happened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from allervers.domain.visits import Door, DoorOutcome, Visit
from allervers.ui.common.commune_edit import display_code
from allervers.ui.interview.parsing import date_text
from allervers.ui.visits.door_form import outcome_label


def street_text(number: str | None, street: str | None) -> str:
    text = " ".join(p for p in (number, street) if p)
    return text or QCoreApplication.translate("VisitLists", "adresse non notée")


def door_text(door: Door) -> str:
    where = street_text(door.number, door.street)
    if door.last_outcome is DoorOutcome.COME_BACK and door.come_back_on:
        return QCoreApplication.translate(
            "VisitLists", "{0}\nrepasser : convenu pour le {1}"
        ).format(where, date_text(door.come_back_on))
    return QCoreApplication.translate("VisitLists", "{0}\nabsent la dernière fois").format(where)


def visit_text(visit: Visit, with_outcome: bool = True) -> str:
    answers = visit.answers
    where = street_text(answers.get("address_number"), answers.get("address_street"))
    commune = display_code(str(answers.get("address_insee", "")))
    text = f"{date_text(visit.visited_on)} — {where}, {commune}"
    outcome = visit.door_outcome
    if with_outcome and outcome is not None:
        text = f"{text} — {outcome_label(outcome)}"
    return text
