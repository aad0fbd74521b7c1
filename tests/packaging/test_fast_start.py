"""The unlock window shows before the database layer is loaded (packaging/README.md: it was 1.6 s of
the 2.1 s that importing the window's code took). The modules on that path must not import
SQLAlchemy, Alembic or SQLCipher at load: they import them when a workspace is opened."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "sqlcipher3", "openfisca_core", "openfisca_france")


def test_the_unlock_window_path_loads_no_database_layer() -> None:
    probe = (
        "import sys\n"
        "import allervers.app, allervers.ui.launch, allervers.ui.shell, allervers.ui.start.unlock\n"
        "import allervers.services.workspace\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""
