"""Where things live. `ALLERVERS_HOME` puts everything under one folder (tests, portable use);
otherwise platformdirs gives each system's usual place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "allervers"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data: Path  # workspaces
    state: Path  # unlock attempt counters: never inside a workspace

    @property
    def default_workspace(self) -> Path:
        return self.data / "workspace"

    @property
    def demo_workspace(self) -> Path:
        return self.data / "demo"


def app_paths(environ: dict[str, str] | None = None) -> AppPaths:
    env = os.environ if environ is None else environ
    home = env.get("ALLERVERS_HOME")
    if home:
        root = Path(home).expanduser()
        return AppPaths(data=root, state=root / "state")
    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        state=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
    )
