"""Counts consecutive wrong passphrases per workspace, outside the workspace folder.

Kept outside so that a wrong passphrase leaves every file of the workspace byte-identical (issue 2).
The file holds only the workspace's random id, a count and a time: nothing personal. Someone who can
delete it can skip the delay; the delay is a brake on guessing at the keyboard, Argon2id is the lock.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from allervers.domain.errors import StorageFull
from allervers.files.atomic import remove_stale_temporaries, write_atomically


@dataclass(frozen=True, slots=True)
class FailedAttempts:
    count: int
    last_at: float  # seconds since the epoch


class AttemptsFile:
    def __init__(self, path: Path) -> None:
        self._path = path

    def _load(self) -> dict[str, dict[str, float]]:
        try:
            data = json.loads(self._path.read_bytes())
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def get(self, workspace_id: str) -> FailedAttempts:
        entry = self._load().get(workspace_id)
        if not entry:
            return FailedAttempts(0, 0.0)
        return FailedAttempts(int(entry.get("count", 0)), float(entry.get("last_at", 0.0)))

    def record_failure(self, workspace_id: str, now: float) -> FailedAttempts:
        data = self._load()
        previous = self.get(workspace_id)
        attempts = FailedAttempts(previous.count + 1, now)
        data[workspace_id] = {"count": attempts.count, "last_at": attempts.last_at}
        self._save(data)
        return attempts

    def reset(self, workspace_id: str) -> None:
        data = self._load()
        if data.pop(workspace_id, None) is not None:
            self._save(data)

    def _save(self, data: dict[str, dict[str, float]]) -> None:
        # Failing to record an attempt must not stop a user from working: the delay is a brake.
        with contextlib.suppress(OSError, StorageFull):
            self._path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temporaries(self._path)
            write_atomically(self._path, json.dumps(data).encode("utf-8"))
