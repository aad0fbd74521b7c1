"""One right, several organisations (issue 13): the coordinator refers the complémentaire santé
to the CPAM and the CAF in one dialog, then follows each referral on its own; a filing date
before the referral, or in the future, is refused in French and changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from allervers.domain.errors import StepDateRefused
from allervers.domain.figures import parse_period
from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import Organisation, RightId
from allervers.messages import describe
from allervers.services.caseload import CaseloadService, step
from allervers.services.export_months import month_tables
from allervers.services.figures import territory_figures
from allervers.services.workspace import CreatedWorkspace
from tests.integration.test_caseload import interview
from tests.ui.conftest import find
from tests.ui.test_caseload import caseload_page, choose, click, click_row, pages, step_dialog

__all__ = ["pages"]  # the fixture, shared with test_caseload

LEFT = Qt.MouseButton.LeftButton


def test_one_right_is_referred_to_the_cpam_and_the_caf_together(
    qtbot: QtBot, pages: list[QWidget], created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    interview(workspace, tmp_path, "Maëlle Quintal", "2026-01-05", rights=(RightId.CSS,))
    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 1, 12))
    click_row(qtbot, page, "Maëlle Quintal")
    click(qtbot, page, "refer-css")
    qtbot.waitUntil(lambda: find(page, QLabel, "status-css").text().startswith("À orienter"))
    click(qtbot, page, "step-css-referred")
    dialog = step_dialog(qtbot, page)
    organisation = find(dialog, QComboBox, "stepOrganisation")
    assert organisation.currentText().startswith("CAF")  # where the engine said to go
    assert not find(dialog, QCheckBox, "stepAlso-caf").isEnabled()
    choose(qtbot, organisation, "CPAM (assurance maladie)")
    # The organisation chosen above is not offered again; the CAF is ticked besides.
    assert not find(dialog, QCheckBox, "stepAlso-cpam").isEnabled()
    qtbot.mouseClick(find(dialog, QCheckBox, "stepAlso-caf"), LEFT)
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)

    qtbot.waitUntil(lambda: find(page, QLabel, "status-css").text() == "CPAM — Orienté")
    assert find(page, QLabel, "status-css-caf").text() == "CAF — Orienté"
    assert "vers CAF" in find(page, QLabel, "history-css-caf").text()
    referrals = CaseloadService(workspace).referrals(page.detail.household_id or "")
    assert [(r.organisation, r.status, r.referred_on) for r in referrals] == [
        (Organisation.CPAM, ReferralStatus.REFERRED, "2026-01-12"),
        (Organisation.CAF, ReferralStatus.REFERRED, "2026-01-12"),
    ]

    # Each is followed on its own: the CAF's claim is filed, the CPAM's stays referred.
    click(qtbot, page, "step-css-caf-claim_filed")
    dialog = step_dialog(qtbot, page)
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    qtbot.waitUntil(lambda: find(page, QLabel, "status-css-caf").text() == "CAF — Demande déposée")
    assert find(page, QLabel, "status-css").text() == "CPAM — Orienté"


def test_a_filing_date_before_the_referral_is_refused_in_the_dialog(
    qtbot: QtBot, pages: list[QWidget], created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    visit = interview(workspace, tmp_path, "Joachim Ferrand", "2026-06-20", rights=(RightId.RSA,))
    caseload = CaseloadService(workspace, today=dt.date(2026, 7, 20))
    referral = caseload.refer(visit, RightId.RSA)
    caseload.advance(referral.id, step(ReferralStatus.REFERRED, dt.date(2026, 7, 20)))

    page = caseload_page(qtbot, pages, workspace, dt.date(2026, 8, 1))
    click_row(qtbot, page, "Joachim Ferrand")
    click(qtbot, page, "step-rsa-claim_filed")
    dialog = step_dialog(qtbot, page)
    day = find(dialog, QLineEdit, "stepDate")
    assert day.text() == "01/08/2026"  # today, to change
    day.selectAll()
    qtbot.keyClicks(day, "25")  # partly typed: an error, never another date
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    assert find(dialog, QLabel, "stepError").text() == (
        "Date attendue en entier, jour/mois/année : par exemple 20/07/2026."
    )
    day.selectAll()
    qtbot.keyClicks(day, "20/12/2025")  # seven months before the referral
    qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    assert find(dialog, QLabel, "stepError").text() == (
        "La date du dépôt de la demande (20/12/2025) précède la date de l'orientation "
        "(20/07/2026) : vérifiez la date saisie."
    )
    assert dialog.isVisible()
    (stored,) = CaseloadService(workspace).referrals(page.detail.household_id or "")
    assert (stored.status, stored.filed_on) == (ReferralStatus.REFERRED, None)


@pytest.mark.parametrize(
    ("status", "on", "message"),
    [
        (
            ReferralStatus.CLAIM_FILED,
            dt.date(2026, 7, 21),
            "La date du dépôt de la demande (21/07/2026) est dans le futur : une étape "
            "s'enregistre une fois faite.",
        ),
        (
            ReferralStatus.CLAIM_FILED,
            dt.date(2026, 7, 19),
            "La date du dépôt de la demande (19/07/2026) précède la date de l'orientation "
            "(20/07/2026) : vérifiez la date saisie.",
        ),
        (
            ReferralStatus.OPENED,
            dt.date(2026, 1, 2),
            "La date de la décision (02/01/2026) précède la date de l'orientation "
            "(20/07/2026) : vérifiez la date saisie.",
        ),
    ],
)
def test_impossible_step_dates_are_refused_and_change_nothing(
    created: CreatedWorkspace,
    tmp_path: Path,
    status: ReferralStatus,
    on: dt.date,
    message: str,
) -> None:
    workspace = created.workspace
    visit = interview(workspace, tmp_path, "Joachim Ferrand", "2026-06-20", rights=(RightId.RSA,))
    caseload = CaseloadService(workspace, today=dt.date(2026, 7, 20))
    referral = caseload.refer(visit, RightId.RSA)
    caseload.advance(referral.id, step(ReferralStatus.REFERRED, dt.date(2026, 7, 20)))
    before = caseload.referrals(referral.household_id)
    with pytest.raises(StepDateRefused) as refused:
        caseload.advance(referral.id, step(status, on, amount=100.0))
    assert describe(refused.value) == message
    assert caseload.referrals(referral.household_id) == before
    # The day itself is fine.
    filed = caseload.advance(referral.id, step(ReferralStatus.CLAIM_FILED, dt.date(2026, 7, 20)))
    assert filed.filed_on == "2026-07-20"


def test_a_referral_dated_in_the_future_is_refused_for_every_organisation(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    visit = interview(workspace, tmp_path, "Ysé Marchal", "2026-06-20", rights=(RightId.CSS,))
    caseload = CaseloadService(workspace, today=dt.date(2026, 7, 20))
    referral = caseload.refer(visit, RightId.CSS)
    with pytest.raises(StepDateRefused):
        caseload.refer_to(
            referral.id,
            step(ReferralStatus.REFERRED, dt.date(2026, 7, 21), organisation=Organisation.CPAM),
            [Organisation.CAF],
        )
    assert caseload.referrals(referral.household_id) == [referral]  # all or nothing
    made = caseload.refer_to(
        referral.id,
        step(ReferralStatus.REFERRED, dt.date(2026, 7, 20), organisation=Organisation.CPAM),
        [Organisation.CAF, Organisation.CPAM, Organisation.CAF],
    )
    assert [r.organisation for r in made] == [Organisation.CPAM, Organisation.CAF]


def test_a_right_opened_by_two_organisations_counts_once(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    """Two referrals, one right: the figures and the release count one right opened (the
    earlier decision), and two referrals, one per organisation."""
    workspace = created.workspace
    visit = interview(workspace, tmp_path, "Ysé Marchal", "2026-03-02", rights=(RightId.RSA,))
    caseload = CaseloadService(workspace, today=dt.date(2026, 3, 31))
    referral = caseload.refer(visit, RightId.RSA)
    caf, cpam = caseload.refer_to(
        referral.id,
        step(ReferralStatus.REFERRED, dt.date(2026, 3, 3), organisation=Organisation.CAF),
        [Organisation.CPAM],
    )
    caseload.advance(caf.id, step(ReferralStatus.OPENED, dt.date(2026, 3, 20), amount=500))
    caseload.advance(cpam.id, step(ReferralStatus.OPENED, dt.date(2026, 3, 10), amount=400))
    figures = territory_figures(workspace, parse_period("2026-03"))
    assert figures.referrals_by_organisation == {"caf": 1, "cpam": 1}
    assert figures.rights_opened_in_period == {"rsa": 1}
    assert figures.rights_opened_in_period_yearly_amount == {"rsa": 4800.0}  # the first: 400 x 12
    assert figures.funnel["opened"] == 1
    values, _largest = month_tables(workspace, ["2026-03"])["2026-03"]
    assert values[("rights_opened", "rsa")] == 1
    assert values[("rights_opened_yearly_amount", "rsa")] == 4800.0


def test_the_release_funnel_reaches_opened_when_either_organisation_opens(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    visit = interview(workspace, tmp_path, "Ysé Marchal", "2026-03-02", rights=(RightId.RSA,))
    caseload = CaseloadService(workspace, today=dt.date(2026, 3, 31))
    referral = caseload.refer(visit, RightId.RSA)
    caf, _cpam = caseload.refer_to(  # the CPAM's referral, made second, stays "referred"
        referral.id,
        step(ReferralStatus.REFERRED, dt.date(2026, 3, 3), organisation=Organisation.CAF),
        [Organisation.CPAM],
    )
    caseload.advance(caf.id, step(ReferralStatus.OPENED, dt.date(2026, 3, 20), amount=500))
    values, _largest = month_tables(workspace, ["2026-03"])["2026-03"]
    assert [values[("funnel", s)] for s in ("flagged", "referred", "filed", "opened")] == [
        1,
        1,
        1,
        1,
    ]
    assert territory_figures(workspace, parse_period("2026-03")).funnel["opened"] == 1
