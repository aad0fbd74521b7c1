"""Time from starting a new Python process to the unlock window on screen (offscreen Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from allervers.services.workspace import WorkspaceService
    from allervers.ui.shell import Shell

    app = QApplication(sys.argv[:1])
    shell = Shell(WorkspaceService(Path(sys.argv[2])), Path(sys.argv[1]))
    shell.start()

    def shown():
        assert shell.unlock_dialog is not None and shell.unlock_dialog.isVisible()
        print("shown", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)  # after the first pass of the event loop: the window is painted
    app.exec()
    """
)


def launch_to_unlock_window(tmp: Path, repeat: int) -> list[float]:
    from allervers.services.workspace import WorkspaceService

    workspace = tmp / "ws-gui"
    created = WorkspaceService(tmp / "state").create(
        workspace, "Banc", "Banc", "six chats gris dansent sous la pluie"
    )
    created.workspace.lock()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(workspace), str(tmp / "state")],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        times.append(time.perf_counter() - start)
        child.wait(timeout=30)
        if line != "shown":
            raise RuntimeError("the unlock window did not show")
    return times
