"""Fixtures wire the app as production does, on a temporary ALLERVERS_HOME.

In-process tests use light Argon2id parameters (8 MiB, 1 pass): still the real Argon2id and the real
AES-GCM, only cheaper, so the suite stays fast. Tests that run the `allervers` command as a
subprocess start from a copy of a template workspace made with the same light parameters
(`cli_workspace`, see tests/integration/cli.py); `allervers init` is tested with the production
ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from allervers.crypto.kdf import KdfParams
from allervers.services.paths import AppPaths, app_paths
from allervers.services.workspace import CreatedWorkspace, WorkspaceService
from tests.integration.cli import Template, copy_workspace, template_workspace

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
PASSPHRASE = "six chats gris dansent sous la pluie"
OTHER_PASSPHRASE = "le facteur passe deux fois le jeudi"
TERRITORY = "Val-de-Brenne-Zéro-Non-Recours"
COORDINATOR = "Hortense Quillivic"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "home"
    monkeypatch.setenv("ALLERVERS_HOME", str(root))
    for name in (
        "ALLERVERS_PASSPHRASE",
        "ALLERVERS_NEW_PASSPHRASE",
        "ALLERVERS_USER",
        "ALLERVERS_WORKSPACE",
        "ALLERVERS_RECOVERY_KEY",
    ):
        monkeypatch.delenv(name, raising=False)
    return root


@pytest.fixture
def paths(home: Path) -> AppPaths:
    return app_paths()


@pytest.fixture
def clock() -> list[float]:
    """A settable clock: tests move time forward instead of sleeping."""
    return [1_000_000.0]


@pytest.fixture
def service(paths: AppPaths, clock: list[float]) -> WorkspaceService:
    return WorkspaceService(paths.state, kdf_params=FAST_KDF, clock=lambda: clock[0])


@pytest.fixture
def workspace_path(paths: AppPaths) -> Path:
    return paths.default_workspace


@pytest.fixture
def created(service: WorkspaceService, workspace_path: Path) -> Iterator[CreatedWorkspace]:
    result = service.create(workspace_path, TERRITORY, COORDINATOR, PASSPHRASE)
    yield result
    result.workspace.lock()


@pytest.fixture(scope="session")
def cli_template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """One workspace for the whole session's command-line tests (see tests/integration/cli.py);
    each test works on its own copy (`cli_workspace`)."""
    return template_workspace(tmp_path_factory.mktemp("cli-template"))


@pytest.fixture
def cli_workspace(cli_template: Template, tmp_path: Path) -> tuple[Path, Path, str]:
    """(ALLERVERS_HOME, a copy of the template workspace, its recovery key)."""
    return (
        tmp_path / "home",
        copy_workspace(cli_template, tmp_path / "ws"),
        cli_template.recovery_key,
    )


def file_hashes(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def keys_and_settings(folder: Path) -> dict[str, object]:
    """`workspace.json` without its audit anchor, which every audited write moves (an unlock's
    own entry included): what a refused action must leave unchanged."""
    import json

    metadata = json.loads((folder / "workspace.json").read_text())
    metadata.pop("audit_anchor", None)
    return dict(metadata)
