"""The coordinator's directory page and the referral dialog's places, driven as a person does."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import RightId
from allervers.services.caseload import CaseloadService
from allervers.services.directory import Directory
from allervers.services.directory_data import synthetic_directory
from allervers.services.directory_writer import write_directory
from allervers.services.workspace import CreatedWorkspace
from allervers.ui.caseload.step_dialogs import StepDialog
from allervers.ui.directory.page import DirectoryPage
from tests.integration.test_caseload import interview
from tests.ui.conftest import find

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    directory = synthetic_directory(300, ["49"], seed=4)
    return write_directory(directory, tmp_path / "files", "json")


def column(table: QTableWidget, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_offices_are_flagged_when_they_lack_an_address_or_a_phone(
    qtbot: QtBot, created: CreatedWorkspace, files
) -> None:
    directory = Directory(created.workspace)
    directory.import_files(list(files), "49")
    page = DirectoryPage(directory)
    qtbot.addWidget(page)
    commune = find(page, QLineEdit, "directoryCommune")
    commune.setText("49092")
    commune.editingFinished.emit()
    offices = find(page, QTableWidget, "directoryOffices")
    rows = dict(
        zip(
            column(offices, 0),
            zip(column(offices, 1), column(offices, 2), strict=True),
            strict=True,
        )
    )
    caf = rows["CAF (caisse d'allocations familiales)"]
    assert "Caisse d'allocations familiales (Angers)" in caf[0] and caf[1] == ""
    assert rows["Centre des finances publiques (impôts)"][1] == "aucun accueil connu"
    assert "France services de Chemillé-en-Anjou" in rows["France services"][0]
    gaps = find(page, QLabel, "directoryOfficesGaps").text()
    assert (
        gaps.startswith("Sans adresse ou téléphone : ") and "Centre des finances publiques" in gaps
    )
    assert "CAF (caisse" not in gaps and "France services" not in gaps
    assert gaps.endswith("ajoutez l'accueil en fiche locale ci-dessous pour l'y écrire.")

    qtbot.keyClicks(find(page, QLineEdit, "localName"), "Permanence CAF de la mairie")
    office = find(page, QComboBox, "localOffice")
    office.setCurrentIndex(office.findText("CAF (caisse d'allocations familiales)"))
    qtbot.keyClicks(find(page, QLineEdit, "localAddress"), "1 place de la Mairie")
    qtbot.keyClicks(find(page, QLineEdit, "localCommune"), "49092")
    qtbot.keyClicks(find(page, QLineEdit, "localHours"), "Tu 09:00-12:00")
    qtbot.mouseClick(find(page, QPushButton, "localAdd"), LEFT)
    assert find(page, QLabel, "directoryDone").text() == (
        "Fiche locale ajoutée : Permanence CAF de la mairie."
    )
    assert column(find(page, QTableWidget, "directoryLocal"), 0) == [
        "Permanence CAF de la mairie (CAF (caisse d'allocations familiales))"
    ]
    rows = dict(zip(column(offices, 0), column(offices, 2), strict=True))
    assert rows["CAF (caisse d'allocations familiales)"] == "téléphone manquant"
    assert "mar. 9 h-12 h" in column(offices, 1)[0]


def test_search_marks_stale_entries_and_a_bad_import_is_said_in_french(
    qtbot: QtBot, created: CreatedWorkspace, files, tmp_path: Path
) -> None:
    directory = Directory(created.workspace)
    directory.import_files(list(files), "49")
    page = DirectoryPage(directory)
    qtbot.addWidget(page)
    search = find(page, QLineEdit, "directorySearch")
    qtbot.keyClicks(search, "Chemill")  # QTest's key clicks abort on some accented letters
    qtbot.keyClick(search, Qt.Key.Key_Return)
    results = find(page, QTableWidget, "directoryResults")
    assert results.rowCount() > 0
    stale = [
        s
        for s in directory.search("", 10_000)
        if s.stale(dt.date.today()) and s.archived_on is None
    ]
    assert stale
    search.setText(stale[0].name)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert any(text.startswith("à vérifier (mis à jour le ") for text in column(results, 2))

    bad = tmp_path / "services.json"
    bad.write_text(json.dumps([{"id": "dora--1", "source": "dora", "structure_id": "x"}]), "utf-8")
    before = directory.counts()
    page.import_files([bad])
    error = find(page, QLabel, "directoryError")
    assert error.text().startswith("Annuaire refusé : services.json, fiche 1 (dora--1) : ")
    assert "champ obligatoire manquant" in error.text()
    assert directory.counts() == before


def test_the_referral_dialog_proposes_the_directorys_places_and_freezes_the_choice(
    qtbot: QtBot, created: CreatedWorkspace, files, tmp_path: Path
) -> None:
    workspace = created.workspace
    Directory(workspace).import_files(list(files), "49")
    visit_id = interview(workspace, tmp_path, "Gaëlle Tourmente", "2026-01-05", commune="49092")
    caseload = CaseloadService(workspace, today=dt.date(2026, 1, 10))
    referral = caseload.refer(visit_id, RightId.RSA)
    dialog = StepDialog(caseload, referral, ReferralStatus.REFERRED)
    qtbot.addWidget(dialog)
    places = find(dialog, QComboBox, "stepService")
    assert places.count() >= 2
    assert places.currentText().startswith("Caisse d'allocations familiales (Angers) — ")
    chosen = places.currentData()
    with qtbot.waitSignal(dialog.advanced):
        qtbot.mouseClick(find(dialog, QPushButton, "confirmStep"), LEFT)
    stored = caseload.referrals(referral.household_id)[0]
    assert stored.service is not None and stored.service.id == chosen.id
    assert stored.service.name == chosen.name
