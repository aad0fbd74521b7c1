"""Synthetic data·inclusion files of two départements, written once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from allervers.services.directory_data import synthetic_directory
from allervers.services.directory_writer import write_directory

TODAY = dt.date.today()


@pytest.fixture(scope="session")
def directory_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """{"json": (structures, services), "csv": (...)} for Maine-et-Loire and Loire-Atlantique."""
    folder = tmp_path_factory.mktemp("directory")
    directory = synthetic_directory(400, departements=["49", "44"], seed=11, today=TODAY)
    return {kind: write_directory(directory, folder / kind, kind) for kind in ("json", "csv")}
