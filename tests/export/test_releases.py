"""Releases from a real workspace, as the coordinator makes them: fixed periods, the register,
complete tables, revisions checked, files readable by their owner only, never overwritten."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from allervers.domain.export import ExportExists
from allervers.domain.release import (
    RELEASE_ROWS,
    ExportSymlink,
    MicrodataRefused,
    ReleaseKind,
    ReleasePeriodInvalid,
    ReleaseRefused,
)
from allervers.domain.rights import RightId
from allervers.export.package import INDICATORS, read_members
from allervers.export.tables import read_indicators
from allervers.export.verify import verify_export
from allervers.services import export as export_service
from allervers.services import export_microdata
from allervers.services.workspace import CreatedWorkspace
from tests.export.workspace import add_visits

APRIL = dt.datetime(2026, 4, 15, 9, 0, tzinfo=dt.UTC)


def _days(month: int, count: int) -> list[str]:
    return [f"2026-{month:02d}-{1 + i % 27:02d}" for i in range(count)]


def _rows(path: Path) -> list[tuple[str, str]]:
    return [r.key for r in read_indicators(dict(read_members(path.read_bytes()))[INDICATORS])]


def test_months_quarter_register_and_a_refused_revision(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    add_visits(workspace, tmp_path, _days(1, 30) + _days(2, 25) + _days(3, 28), (RightId.RSA,))
    out = tmp_path / "envoi"
    public = export_service.signing_key(workspace)[1]
    reports = [
        export_service.release_table(workspace, label, out, now=APRIL)
        for label in ("2026-01", "2026-02", "2026-Q1")
    ]
    for report in reports:
        assert verify_export(report.path, public).ok
        assert _rows(report.path) == list(RELEASE_ROWS)
        # Readable by their owner only, in a folder readable by its owner only.
        assert stat.S_IMODE(report.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    register = export_service.register(workspace)
    assert [(e.period, e.kind, e.revision) for e in register] == [
        ("2026-01", ReleaseKind.TABLE, 0),
        ("2026-02", ReleaseKind.TABLE, 0),
        ("2026-Q1", ReleaseKind.TABLE, 0),
    ]
    # The quarter sums the frozen months: January's published interviews are part of it.
    assert register[2].versions == {"2026-01": 1, "2026-02": 1, "2026-03": 1}

    # One late visit of February, synced after the quarter was out: a revision would show it.
    add_visits(workspace, tmp_path, ["2026-02-27"], (RightId.AAH,))
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(ReleaseRefused) as refused:
        export_service.release_table(workspace, "2026-Q1", out, revise=True, now=APRIL)
    assert refused.value.reason == "too_small"
    assert sorted(p.name for p in out.iterdir()) == before
    assert len(export_service.register(workspace)) == 3
    # Without --revise, the quarter is the frozen one: the same file again, nothing new.
    again = export_service.release_table(workspace, "2026-Q1", tmp_path / "copie", now=APRIL)
    assert again.entry.published == register[2].published


def test_an_empty_period_has_the_rows_of_a_full_one(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    add_visits(workspace, tmp_path, _days(3, 40), (RightId.RSA, RightId.CSS))
    full = export_service.release_table(workspace, "2026-03", tmp_path, now=APRIL)
    empty = export_service.release_table(workspace, "2025-11", tmp_path, now=APRIL)
    assert _rows(full.path) == _rows(empty.path) == list(RELEASE_ROWS)
    assert all(v is None for c, v in empty.entry.published.items() if c[1] != "css")
    assert any(v is not None for v in full.entry.published.values())
    # Counted, not summed from breakdowns they do not have: 40 new households of one person.
    assert full.entry.published[("households_met", "total")] == 40
    assert full.entry.published[("people_met", "total")] == 40


def test_only_calendar_periods_that_are_over(created: CreatedWorkspace, tmp_path: Path) -> None:
    workspace = created.workspace
    for label, reason in (("2026-04", "not_over"), ("2026-03-01/2026-03-02", "not_calendar")):
        with pytest.raises(ReleasePeriodInvalid) as error:
            export_service.release_table(workspace, label, tmp_path, now=APRIL)
        assert error.value.reason == reason
    with pytest.raises(ReleasePeriodInvalid) as error:
        export_microdata.release_microdata(workspace, "2026-03", tmp_path, now=APRIL)
    assert error.value.reason == "microdata_month"
    assert export_service.register(workspace) == []


def test_never_overwritten_without_force_and_never_through_a_link(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    target = tmp_path / "t.zip"
    target.write_bytes(b"earlier")
    with pytest.raises(ExportExists):
        export_service.release_table(workspace, "2026-01", target, now=APRIL)
    assert target.read_bytes() == b"earlier"
    assert export_service.register(workspace) == []  # nothing recorded either
    report = export_service.release_table(workspace, "2026-01", target, force=True, now=APRIL)
    assert report.path == target and verify_export(target).ok
    elsewhere = tmp_path / "ailleurs.zip"
    link = tmp_path / "lien.zip"
    link.symlink_to(elsewhere)
    with pytest.raises(ExportSymlink):
        export_service.release_table(workspace, "2026-02", link, force=True, now=APRIL)
    assert not elsewhere.exists()


def test_microdata_apart_after_the_table_and_once(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    workspace = created.workspace
    add_visits(workspace, tmp_path, _days(1, 30) + _days(2, 30), (RightId.RSA,))
    with pytest.raises(MicrodataRefused) as refused:
        export_microdata.release_microdata(workspace, "2026-Q1", tmp_path, now=APRIL)
    assert refused.value.reason == "table_first"
    table = export_service.release_table(workspace, "2026-Q1", tmp_path, now=APRIL)
    micro = export_microdata.release_microdata(workspace, "2026-Q1", tmp_path, now=APRIL)
    assert micro.path != table.path
    names = {n for n, _ in read_members(micro.path.read_bytes())}
    assert "indicators.csv" not in names and "microdata.csv" in names
    report = verify_export(micro.path, export_service.signing_key(workspace)[1])
    assert report.ok, report.checks
    with pytest.raises(MicrodataRefused) as again:
        export_microdata.release_microdata(workspace, "2026-Q1", tmp_path / "b", now=APRIL)
    assert again.value.reason == "already_released"
    with pytest.raises(MicrodataRefused) as overlap:
        export_microdata.release_microdata(
            workspace, "2026", tmp_path / "c", now=dt.datetime(2027, 1, 5, tzinfo=dt.UTC)
        )
    assert overlap.value.reason in ("overlaps", "table_first")


def test_a_quarter_after_its_middle_month_sums_the_frozen_month_and_the_others(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    """February released first: the quarter computes January and March around it."""
    workspace = created.workspace
    add_visits(workspace, tmp_path, _days(1, 12) + _days(2, 13) + _days(3, 14), (RightId.RSA,))
    february = export_service.release_table(workspace, "2026-02", tmp_path / "a", now=APRIL)
    quarter = export_service.release_table(workspace, "2026-Q1", tmp_path / "b", now=APRIL)
    assert february.entry.published[("doors_knocked", "interview")] == 13
    assert quarter.entry.published[("doors_knocked", "interview")] == 12 + 13 + 14
    assert quarter.entry.versions == {"2026-01": 1, "2026-02": 1, "2026-03": 1}
