"""Report = screen (issue 13): every figure of `allervers report --format json` is on the
"Chiffres" page and in the activity report PDF, under the same name and with the same value; the
two "rights opened" figures are named apart (the period's flags whose right opened, and the
rights opened during the period), and here they differ."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from allervers.cli.main import run
from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import RightId
from allervers.services.caseload import CaseloadService, step
from allervers.services.figures import territory_figures
from allervers.services.paths import AppPaths
from allervers.services.workspace import OpenWorkspace, WorkspaceService
from allervers.ui.figures.charts import BarChart
from allervers.ui.figures.page import FiguresPage
from tests.conftest import COORDINATOR, PASSPHRASE
from tests.integration.test_caseload import interview
from tests.ui.conftest import finish_tasks
from tests.ui.test_figures import known, plain

__all__ = ["known"]  # the fixture, shared with test_figures


def report(
    paths: AppPaths, service: WorkspaceService, capsys: pytest.CaptureFixture[str], *argv: str
) -> str:
    capsys.readouterr()
    assert run(list(argv), paths, service) == 0
    return capsys.readouterr().out


def test_every_figure_of_the_json_is_on_screen_and_in_the_pdf_under_one_name(
    qtbot: QtBot,
    known: OpenWorkspace,
    paths: AppPaths,
    service: WorkspaceService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A household flagged in December 2025 whose right opens in February: opened during the
    # first quarter, but not one of the quarter's flags. So the quarter has 2 rights opened
    # during the period and 1 of its own flags opened.
    december = interview(known, tmp_path, "Claire Avant", "2025-12-10", rights=(RightId.AAH,))
    caseload = CaseloadService(known, today=dt.date(2026, 3, 1))
    aah = caseload.refer(december, RightId.AAH)
    caseload.advance(aah.id, step(ReferralStatus.REFERRED, dt.date(2025, 12, 15)))
    caseload.advance(aah.id, step(ReferralStatus.OPENED, dt.date(2026, 2, 1), amount=1000))

    page = FiguresPage(
        lambda period: territory_figures(known, period), today=lambda: dt.date(2026, 3, 20)
    )
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(lambda: page.report_button.isEnabled(), timeout=10_000)
    screen = {key: plain(page.labels[key].text()) for key in page.values}
    screen |= {f"door_{key}": plain(label.text()) for key, label in page.doors.labels.items()}
    screen_values = {key: plain(label.text()) for key, label in page.values.items()}
    screen_values |= {
        f"door_{key}": plain(label.text()) for key, label in page.doors.values.items()
    }
    charts = {c.title: c.bars for c in page.findChildren(BarChart)}
    finish_tasks()
    page.close()

    known.lock()
    monkeypatch.setenv("ALLERVERS_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ALLERVERS_USER", COORDINATOR)
    as_json = json.loads(
        report(paths, service, capsys, "report", "--period", "2026-Q1", "--format", "json")
    )
    pdf = tmp_path / "rapport.pdf"
    report(paths, service, capsys, "report", "--period", "2026-Q1", "--out", str(pdf))
    text = plain("\n".join(p.extract_text() for p in PdfReader(pdf).pages))

    sheet = as_json["sheet"]
    figures = sheet["key_figures"] + sheet["door_figures"]
    assert len(figures) == len(screen) == 16  # every figure shown is in the JSON
    for figure in figures:
        label, value = plain(figure["label"]), plain(figure["text"])
        assert screen[figure["key"]] == label, figure["key"]
        assert screen_values[figure["key"]] == value, figure["key"]
        assert f"{label} {value}" in text, (label, value)
    for chart in sheet["charts"]:
        bars = [(bar["label"], bar["value"]) for bar in chart["bars"]]
        assert charts[chart["title"]] == bars, chart["title"]
        assert chart["title"] in text
        assert all(label in text for label, _value in bars)

    # The two "rights opened", apart and different, and nothing else under either name.
    named = {f["key"]: f for f in figures}
    opened, flagged_opened = named["opened_in_period"], named["flagged_opened"]
    assert (opened["value"], flagged_opened["value"]) == (2, 1)
    assert sum(as_json["rights_opened_in_period"].values()) == 2
    assert as_json["funnel"]["opened"] == 1
    assert opened["label"] == "Droits ouverts pendant la période"
    assert flagged_opened["label"] == "… dont droit ouvert (repérés sur la période)"
    assert text.count("Droits ouverts pendant la période 2") == 1
    assert text.count("… dont droit ouvert (repérés sur la période) 1") == 1
    assert named["opened_in_period_amount"]["text"] == "15\u00a0600\u00a0€"  # (300 + 1,000) x 12
    assert "Droits ouverts 1" not in text and "Droits ouverts 2" not in text
