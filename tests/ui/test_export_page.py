"""The Export page, driven as a coordinator would: choose a period and a folder, publish, see the
result, the fingerprint and the register; the file verifies; never written twice."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from allervers.domain.rights import AmountPeriod, AssessmentStatus, RightAssessment, RightId
from allervers.export.verify import verify_export
from allervers.services import export as export_service
from allervers.services.rights import RightsService
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace
from allervers.ui.export_page import ExportPage

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "households"


def _fill(created: CreatedWorkspace, tmp_path: Path) -> None:
    visit = json.loads((EXAMPLES / "personne-seule-sans-revenu.json").read_text("utf-8"))
    lines = []
    for day in range(1, 29):
        visit["visited_on"] = f"2026-08-{day:02d}"
        lines.append(json.dumps(visit, ensure_ascii=False))
    source = tmp_path / "visites.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    visits = VisitService(created.workspace)
    visits.import_file(source)
    rights = RightsService(created.workspace)
    for stored in visits.list_visits():
        rights.store(
            stored.id,
            [
                RightAssessment(
                    RightId.RSA, AssessmentStatus.PROBABLE_NON_RECOURS, 573.49, AmountPeriod.MONTH
                )
            ],
        )


def test_export_from_the_page_writes_a_file_that_verifies_and_logs_it(
    qtbot: QtBot, created: CreatedWorkspace, tmp_path: Path
) -> None:
    _fill(created, tmp_path)
    page = ExportPage(created.workspace, today=dt.date(2026, 10, 14))
    qtbot.addWidget(page)
    page.show()
    fingerprint = export_service.fingerprint(created.workspace)
    assert fingerprint in page.findChild(QLabel, "exportFingerprint").text()
    target = tmp_path / "cle-usb"
    qtbot.keyClicks(page.findChild(QLineEdit, "exportFolder"), str(target))
    periods = page.findChild(QComboBox, "releasePeriod")
    assert periods.itemData(0) == "2026-09"  # the last month that is over comes first
    periods.setCurrentIndex(periods.findData("2026-08"))
    button = page.findChild(QPushButton, "exportButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=20_000)
    result = page.findChild(QLabel, "exportResult").text()
    assert "Publication écrite" in result, result
    written = sorted(target.glob("*.zip"))
    assert len(written) == 1
    assert verify_export(written[0], export_service.signing_key(created.workspace)[1]).ok
    log = page.findChild(QTableWidget, "exportLog")
    assert log.rowCount() == 1 and log.item(0, 4).text() == written[0].name
    assert log.item(0, 1).text() == "2026-08" and log.item(0, 2).text() == "Tableau"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the same again: never overwritten
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=20_000)
    assert "existe déjà" in page.findChild(QLabel, "exportResult").text()
    assert len(list(target.glob("*.zip"))) == 1
