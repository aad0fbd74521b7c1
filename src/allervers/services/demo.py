"""The demo workspace: synthetic, so its passphrase can be printed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from allervers.services.workspace import OpenWorkspace, WorkspaceService, is_workspace

DEMO_USER = "demo"
DEMO_TERRITORY = "Démo – communauté de communes fictive"
# Synthetic data only: a fixed, printed passphrase is fine here and nowhere else.
DEMO_PASSPHRASE = "aller-vers-demo-2026"  # noqa: S105  (synthetic demo)


@dataclass(frozen=True, slots=True)
class DemoWorkspace:
    path: Path
    user: str
    passphrase: str
    created: bool


def demo_passphrase() -> str:
    return os.environ.get("ALLERVERS_PASSPHRASE") or DEMO_PASSPHRASE


def ensure_demo(service: WorkspaceService, path: Path) -> tuple[DemoWorkspace, OpenWorkspace]:
    """Creates the demo workspace if needed and returns it unlocked."""
    passphrase = demo_passphrase()
    if is_workspace(path):
        workspace = service.unlock(path, DEMO_USER, passphrase)
        created = False
    else:
        workspace = service.create(path, DEMO_TERRITORY, DEMO_USER, passphrase).workspace
        created = True
    return DemoWorkspace(path, DEMO_USER, passphrase, created), workspace


def fill_demo(workspace: OpenWorkspace, households: int, seed: int | None = None) -> int:
    """Adds `households` synthetic finished visits (validated like an import)."""
    import json

    from allervers.services.demo_data import synthetic_visits
    from allervers.services.visits import VisitService, parse_visit

    service = VisitService(workspace)
    rows = []
    for visit in synthetic_visits(households, seed=seed if seed is not None else households):
        parsed, problems = parse_visit(json.dumps(visit))
        assert parsed is not None, problems  # the generator only writes valid visits
        rows.append(parsed)
    return service.store_finished(rows)
