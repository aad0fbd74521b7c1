from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from allervers.crypto import signing
from allervers.domain.export import ExportReport
from allervers.export import build_export
from tests.export.synthetic import export_input

NOW = datetime(2026, 10, 2, 9, 30)


@pytest.fixture(scope="session")
def signing_key() -> bytes:
    return signing.new_private_key()


@pytest.fixture(scope="session")
def other_key() -> bytes:
    return signing.new_private_key()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, signing_key: bytes) -> ExportReport:
    """One export with microdata, built once for the read-only tests."""
    out = tmp_path_factory.mktemp("export") / "export.zip"
    return build_export(export_input(seed=7, households=1500), out, signing_key, NOW)


@pytest.fixture
def export_copy(built: ExportReport, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.zip"
    copy.write_bytes(built.path.read_bytes())
    return copy
