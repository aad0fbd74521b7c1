"""The Chiffres page on a small known dataset: the key figures and charts it shows, the period
chooser, and the PDF report saved through the file dialog (never over a file without asking)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import RightId
from allervers.domain.visits import DoorOutcome
from allervers.services.caseload import CaseloadService, step
from allervers.services.figures import territory_figures
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace
from allervers.ui.figures.charts import BarChart
from allervers.ui.figures.page import FiguresPage
from tests.integration.test_caseload import interview
from tests.ui.conftest import find, finish_tasks, type_text, visible_texts

LEFT = Qt.MouseButton.LeftButton


def plain(text: str) -> str:
    """Spaces as typed: French no-break spaces, and the PDF's line breaks between cells."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture
def known(created: CreatedWorkspace, tmp_path: Path) -> OpenWorkspace:
    """First quarter of 2026: two interviews (4 people each) flagging RSA, then prime d'activité
    and complémentaire santé; an absent door; the RSA referred to the CAF and opened at 300 € a
    month; the prime d'activité referred."""
    workspace = created.workspace
    first = interview(workspace, tmp_path, "Anne Premier", "2026-01-15", rights=(RightId.RSA,))
    second = interview(
        workspace, tmp_path, "Bruno Second", "2026-02-15", rights=(RightId.PPA, RightId.CSS)
    )
    VisitService(workspace).record_door(
        "49023", "Rue des Tilleuls", "6", DoorOutcome.ABSENT, visited_on=dt.date(2026, 2, 20)
    )
    caseload = CaseloadService(workspace, today=dt.date(2026, 3, 1))
    rsa = caseload.refer(first, RightId.RSA)
    caseload.advance(rsa.id, step(ReferralStatus.REFERRED, dt.date(2026, 1, 20)))
    caseload.advance(rsa.id, step(ReferralStatus.OPENED, dt.date(2026, 3, 1), amount=300))
    ppa = caseload.refer(second, RightId.PPA)
    caseload.advance(ppa.id, step(ReferralStatus.REFERRED, dt.date(2026, 2, 20)))
    return workspace


@pytest.fixture
def figures_page(qtbot: QtBot, known: OpenWorkspace, tmp_path: Path) -> Iterator[FiguresPage]:
    page = FiguresPage(
        lambda period: territory_figures(known, period),
        today=lambda: dt.date(2026, 3, 20),
        folder=tmp_path,
    )
    page.resize(1200, 900)
    page.show()
    yield page
    finish_tasks()
    page.close()
    page.deleteLater()  # by the event loop, as the window deletes its pages
    qtbot.wait(10)


def shown(page: FiguresPage) -> dict[str, str]:
    return {key: plain(label.text()) for key, label in page.values.items()}


def test_the_figures_of_the_quarter_are_shown_with_their_charts(
    qtbot: QtBot, figures_page: FiguresPage
) -> None:
    page = figures_page
    assert find(page, QComboBox, "periodChoice").currentText() == "1er trimestre 2026"
    qtbot.waitUntil(lambda: find(page, QLabel, "figure-doors").text() == "3", timeout=10_000)
    assert shown(page) == {
        "doors": "3",
        "households": "2",
        "people": "8",
        "flagged": "3",
        "referred": "2",
        "filed": "1",
        "flagged_opened": "1",
        "opened_in_period": "1",
        "opened_in_period_amount": "3 600 €",
        "checks": "0 sur 0",  # the checks fall due in April
    }
    charts = {chart.objectName(): chart.bars for chart in page.findChildren(BarChart)}
    assert charts["chart-funnel"] == [
        ("Repérés", 3.0),
        ("Orientés", 2.0),
        ("Demande déposée", 1.0),
        ("Droit ouvert", 1.0),
    ]
    assert charts["chart-doors"] == [("Absent", 1.0), ("Entretien", 2.0)]
    assert sorted(charts["chart-rights"]) == [
        ("Complémentaire santé", 1.0),
        ("Prime d'activité", 1.0),
        ("RSA", 1.0),
    ]
    assert charts["chart-reasons"] == [("Non renseigné", 3.0)]
    assert charts["chart-organisations"] == [("CAF", 2.0)]
    assert charts["chart-opened"] == [("RSA", 1.0)]
    assert page.findChild(BarChart, "chart-doors").grab().width() > 0  # it paints


def test_another_period_gives_other_figures(qtbot: QtBot, figures_page: FiguresPage) -> None:
    page = figures_page
    qtbot.waitUntil(lambda: find(page, QLabel, "figure-doors").text() == "3", timeout=10_000)
    choice = find(page, QComboBox, "periodChoice")
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Down)  # the quarter before: nothing yet
    assert choice.currentText() == "4e trimestre 2025"
    qtbot.waitUntil(lambda: find(page, QLabel, "figure-doors").text() == "0", timeout=10_000)
    assert page.findChild(BarChart, "chart-doors").bars == []
    assert (
        "Aucun sur la période." in page.findChild(BarChart, "chart-doors").accessibleDescription()
    )

    qtbot.keyClick(choice, Qt.Key.Key_End)  # "Autre période…": two dates
    start = find(page, QWidget, "periodStart")
    qtbot.waitUntil(start.isVisible)
    end = find(page, QWidget, "periodEnd")
    end.setFocus()
    qtbot.keyClick(end, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, end, "31/01/2026")  # from 1 January: the first interview only
    qtbot.waitUntil(lambda: find(page, QLabel, "figure-doors").text() == "1", timeout=10_000)
    figures = shown(page)
    assert (figures["households"], figures["flagged"]) == ("1", "1")
    # The funnel follows January's flag to its outcome (opened in March); the amounts count the
    # rights opened within the period: none.
    assert (
        figures["flagged_opened"],
        figures["opened_in_period"],
        figures["opened_in_period_amount"],
    ) == ("1", "0", "0 €")


def _file_dialog(qtbot: QtBot, page: FiguresPage) -> QFileDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QFileDialog)))
    return next(d for d in page.findChildren(QFileDialog) if d.isVisible())


def _save_as(qtbot: QtBot, page: FiguresPage, path: Path) -> None:
    qtbot.mouseClick(find(page, QPushButton, "reportButton"), LEFT)
    dialog = _file_dialog(qtbot, page)
    name = find(dialog, QLineEdit, "fileNameEdit")
    name.clear()
    type_text(qtbot, name, path.name)  # the dialog opens in the folder given to the page
    completer = name.completer()
    if completer is not None and completer.popup().isVisible():  # suggested names: not now
        qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)
    buttons = find(dialog, QDialogButtonBox, "buttonBox")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)


def test_the_pdf_report_holds_the_figures_and_never_replaces_a_file_silently(
    qtbot: QtBot, figures_page: FiguresPage, tmp_path: Path
) -> None:
    page = figures_page
    button = find(page, QPushButton, "reportButton")
    qtbot.waitUntil(button.isEnabled, timeout=10_000)
    target = tmp_path / "rapport T1"
    _save_as(qtbot, page, target)
    done = find(page, QLabel, "figuresDone")
    qtbot.waitUntil(lambda: done.text().startswith("Rapport enregistré"), timeout=20_000)
    saved = tmp_path / "rapport T1.pdf"  # the suffix is added
    text = plain("\n".join(p.extract_text() for p in PdfReader(saved).pages))
    for line in (
        "Portes frappées 3",
        "Foyers rencontrés 2",
        "Personnes rencontrées 8",
        "Non-recours probables repérés sur la période 3",
        "… dont orientés 2",
        "… dont demande déposée 1",
        "… dont droit ouvert (repérés sur la période) 1",
        "Droits ouverts pendant la période 1",
        "Montant annuel des droits ouverts pendant la période 3 600 €",
    ):
        assert line in text, line
    assert "Anne Premier" not in text  # figures, never names
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["rapport T1.pdf"]  # no leftover

    before = saved.read_bytes()
    _save_as(qtbot, page, saved)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "replaceReport") is not None)
    question = find(page, QMessageBox, "replaceReport")
    assert "rapport T1.pdf existe déjà" in question.text()
    cancel = next(b for b in question.findChildren(QAbstractButton) if b.text() == "&Annuler")
    qtbot.mouseClick(cancel, LEFT)
    qtbot.wait(100)
    assert saved.read_bytes() == before

    done.clear()
    _save_as(qtbot, page, saved)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "replaceReport") is not None)
    question = find(page, QMessageBox, "replaceReport")
    replace = next(b for b in question.findChildren(QAbstractButton) if b.text() == "&Remplacer")
    qtbot.mouseClick(replace, LEFT)
    qtbot.waitUntil(lambda: done.text().startswith("Rapport enregistré"), timeout=20_000)
    assert "Portes frappées 3" in plain(PdfReader(saved).pages[0].extract_text())


def test_the_coordinator_finds_the_figures_in_the_navigation(
    qtbot: QtBot, request: pytest.FixtureRequest, known: OpenWorkspace
) -> None:
    open_window = request.getfixturevalue("open_window")  # it locks the workspace first
    window = open_window()
    navigation = window.findChild(QListWidget, "navigation")
    item = navigation.findItems("Chiffres", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(navigation.viewport(), LEFT, pos=navigation.visualItemRect(item).center())
    page = window.findChild(FiguresPage)
    qtbot.waitUntil(page.isVisible)
    qtbot.waitUntil(lambda: page.report_button.isEnabled(), timeout=10_000)
    assert "Chiffres du territoire" in visible_texts(window)


def test_the_file_dialog_speaks_french(qtbot: QtBot, figures_page: FiguresPage) -> None:
    """Qt's own strings too (issue 13): qtbase_fr.qm, completed by qtbase_extra_fr.qm."""
    page = figures_page
    qtbot.waitUntil(page.report_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(find(page, QPushButton, "reportButton"), LEFT)
    dialog = _file_dialog(qtbot, page)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert labels == ["Regarder &dans :", "&Nom de fichier\u00a0:", "Fichiers de &type :"]
    buttons = find(dialog, QDialogButtonBox, "buttonBox")
    assert [b.text() for b in buttons.buttons()] == ["&Enregistrer", "Annuler"]
    tips = {b.toolTip() for b in dialog.findChildren(QAbstractButton) if b.toolTip()}
    assert {"Précédent", "Dossier parent", "Créer un nouveau dossier"} <= tips
    dialog.reject()
