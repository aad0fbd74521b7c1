"""What the coordinator sees of the doorstep (issue 13): the volunteer's note, the difficulties
and the person's wishes in the household panel; the phone in the "À relancer" list, only for a
household that agreed to be contacted again."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from allervers.domain.followup import Decision, NonDemandeDetail, NonRecoursReason
from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import RightId
from allervers.services.caseload import CaseloadService, step
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace
from allervers.ui.caseload.due_list import HOUSEHOLD_COLUMN
from tests.integration.test_caseload import EXAMPLES, flagged
from tests.ui.conftest import find
from tests.ui.test_caseload import caseload_page, click_row, pages

__all__ = ["pages"]  # the fixture, shared with test_caseload

LEFT = Qt.MouseButton.LeftButton
NOTE = "Rappeler après 17 h, travaille le matin. Préfère les SMS."


def household(
    workspace: OpenWorkspace, tmp_path: Path, name: str, visited_on: str, **answers: Any
) -> str:
    """An interview of the example couple under `name`, with `answers` changed; RSA flagged."""
    visit = json.loads((EXAMPLES / "couple-deux-enfants-salarie.json").read_text("utf-8"))
    visit["visited_on"] = visited_on
    visit["answers"] |= {"contact_name": name, "address_street": f"Allée {name.split()[-1]}"}
    visit["answers"] |= answers
    if answers.get("consent_contact") == "no":  # then neither name nor phone is asked
        for key in ("contact_name", "contact_phone"):
            visit["answers"].pop(key)
    source = tmp_path / f"{name}.jsonl"
    source.write_text(json.dumps(visit, ensure_ascii=False) + "\n", encoding="utf-8")
    visits = VisitService(workspace)
    before = {v.id for v in visits.list_visits()}
    visits.import_file(source)
    (visit_id,) = {v.id for v in visits.list_visits()} - before
    RightsService(workspace).store(visit_id, [flagged(RightId.RSA)])
    return visit_id


def test_the_household_panel_shows_the_note_the_difficulties_and_the_wishes(
    qtbot: QtBot, pages: list[QWidget], created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    visit = household(
        workspace,
        tmp_path,
        "Noémie Tassel",
        "2026-03-02",
        note=NOTE,
        needs=["mobility", "digital"],
        consent_partner="caf",
        contact_phone="06 12 34 56 78",
    )
    (rsa,) = RightsService(workspace).current(visit)
    RightsService(workspace).record_followup(
        rsa.id, NonRecoursReason.NON_DEMANDE, NonDemandeDetail.COMPLEXITY, Decision.WANTS_HELP
    )
    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 3, 5))
    click_row(qtbot, page, "Noémie Tassel")
    qtbot.waitUntil(lambda: find(page, QGroupBox, "householdNotes").isVisible())
    assert find(page, QGroupBox, "householdNotes").title() == "Noté à l'entretien du 02/03/2026"
    assert find(page, QLabel, "householdNote").text() == f"Note : {NOTE}"
    assert find(page, QLabel, "householdNeeds").text() == "Difficultés : Mobilité, Numérique."
    assert find(page, QLabel, "householdPartners").text() == (
        "Accepte que sa situation soit transmise à : la CAF."
    )
    qtbot.waitUntil(lambda: page.findChild(QLabel, "wishes-rsa") is not None)
    assert find(page, QLabel, "wishes-rsa").text() == (
        "Souhait : Souhaite être accompagné·e. Pourquoi pas demandé : Le connaît mais ne l'a "
        "pas demandé (démarches trop compliquées)."
    )
    assert find(page, QLabel, "householdPhone").text() == "Tél. 06 12 34 56 78"

    # Another household: nothing noted is said so, and its texts replace the first's.
    household(workspace, tmp_path, "Rémi Quéré", "2026-03-03", contact_phone="06 98 76 54 32")
    page.close()
    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 3, 5))
    click_row(qtbot, page, "Rémi Quéré")
    qtbot.waitUntil(lambda: find(page, QLabel, "householdNote").text() == "Pas de note.")
    assert find(page, QLabel, "householdNeeds").text() == "Aucune difficulté signalée."
    assert find(page, QLabel, "wishes-rsa").text() == "Souhait non noté."


def test_the_follow_up_list_gives_the_phone_only_with_consent(
    qtbot: QtBot, pages: list[QWidget], created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    agreed = household(
        workspace, tmp_path, "Agathe Rivière", "2026-01-05", contact_phone="06 11 22 33 44"
    )
    # Agreed to be recorded, not to be contacted: no name, no phone.
    refused = household(workspace, tmp_path, "Bastien Morel", "2026-01-06", consent_contact="no")
    caseload = CaseloadService(workspace, today=dt.date(2026, 1, 10))
    for visit in (agreed, refused):
        referral = caseload.refer(visit, RightId.RSA)
        caseload.advance(referral.id, step(ReferralStatus.REFERRED, dt.date(2026, 1, 10)))

    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 4, 15))  # both checks due
    due = find(page, QTableWidget, "dueTable")
    headers = [due.horizontalHeaderItem(c).text() for c in range(due.columnCount())]
    phone = headers.index("Téléphone")
    assert phone == HOUSEHOLD_COLUMN + 1  # beside the name

    def rows() -> list[tuple[str, str]]:
        return [
            (due.item(r, HOUSEHOLD_COLUMN).text(), due.item(r, phone).text())
            for r in range(due.rowCount())
        ]

    tab_bar = page.tabs.tabBar()
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(1).center())
    qtbot.waitUntil(lambda: len(rows()) == 2 and "…" not in dict(rows()), timeout=10_000)
    assert sorted(rows()) == [("Agathe Rivière", "06 11 22 33 44"), ("—", "")]  # no name kept
