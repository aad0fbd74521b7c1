"""The laptop's display choice: larger text, for small screens in poor light (issue 13).

Stored per machine (per system account), beside the unlock counters in the state folder, not in
a workspace: it must apply to the unlock screen too, before any workspace is open, and it says
nothing about anyone. Volunteers who share a laptop share its screen and its light. A missing or
damaged file means the ordinary size: a display preference never stops the application.
"""

from __future__ import annotations

import json
from pathlib import Path

from allervers.domain.errors import StorageFull
from allervers.files.atomic import write_atomically

FILE_NAME = "display.json"


def display_file(state_dir: Path) -> Path:
    return state_dir / FILE_NAME


def larger_text(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("larger_text") is True


def set_larger_text(path: Path, larger: bool) -> bool:
    """Whether the choice was stored (a full disk or a read-only folder only loses it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A lost rename in a power cut leaves the previous choice: no folder flush needed.
        write_atomically(path, json.dumps({"larger_text": larger}).encode(), sync_folder=False)
    except (OSError, StorageFull):
        return False
    return True
