"""The door figures in the territory's figures and the activity report, with the same names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from allervers.domain.doors import DoorStatus
from allervers.domain.figures import DOOR_FIGURES, parse_period
from allervers.reports.activity_report import write_activity_report
from allervers.services import address_samples as samples
from allervers.services.addresses import AddressService
from allervers.services.doors import DoorService
from allervers.services.figures import territory_figures
from allervers.services.workspace import CreatedWorkspace
from allervers.wording.figures import door_figure_name, door_figure_value


def test_door_figures_count_the_period_and_read_the_same_in_the_report(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    AddressService(workspace).import_file(
        samples.write_ban(tmp_path / "a.csv", samples.commune_addresses("49092", 40))
    )
    ids = [v.door.id for v in DoorService(workspace).doors()]
    DoorService(workspace, today=dt.date(2026, 6, 30)).record(ids[0], DoorStatus.ABSENT)
    week1 = DoorService(workspace, today=dt.date(2026, 7, 6))
    week1.record(ids[1], DoorStatus.REFUSED)
    week1.record(ids[2], DoorStatus.VACANT)
    DoorService(workspace, today=dt.date(2026, 7, 15)).record(ids[0], DoorStatus.ABSENT)
    DoorService(workspace, today=dt.date(2026, 10, 2)).record(ids[3], DoorStatus.ABSENT)

    figures = territory_figures(workspace, parse_period("2026-Q3"))
    assert figures.door_coverage == {
        "doors": 40,
        "knocked": 3,  # the pass of October comes after the period
        "coverage": 0.075,
        "opened": 1,
        "open_rate": 0.5,  # the vacant house could not open
        "households_met": 0,
    }
    assert [(w["week"], w["knocked"]) for w in figures.door_weeks] == [
        ("2026-W28", 2),
        ("2026-W29", 1),
    ]
    pdf = tmp_path / "rapport.pdf"
    write_activity_report(pdf, figures, dt.date(2026, 10, 5))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for key in DOOR_FIGURES:
        name = door_figure_name(key)
        value = door_figure_value(key, figures.door_coverage[key]).replace("\u00a0", " ")
        assert f"{name} {value}" in text.replace("\u00a0", " "), key
    assert "Portes frappées, par semaine" in text and "2026-W28" in text
