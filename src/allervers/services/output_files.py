"""Files a person asks Aller-Vers to write (a backup, a sheet, a report, a key, an invitation, a
sync file): the one way every command writes them.

- Never over an existing file unless asked (`--force` on the command line): a backup or an
  invitation silently replaced is lost work.
- Never through a symbolic link, even with `--force`: writing through a link lands wherever it
  points (a link planted in a shared folder could make a coordinator overwrite another file).
- Whole or not at all: written beside the target, then placed; a failure leaves nothing behind.
- Readable by its owner only: these files hold personal data or keys.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from allervers.domain.errors import OutputRefused
from allervers.files.atomic import written_beside


def check_output(path: Path, force: bool = False) -> None:
    """Refuses, before anything is written or changed, an output that is a symbolic link, a
    folder, or (without `force`) an existing file."""
    if path.is_symlink():
        raise OutputRefused(path, "symlink")
    if path.is_dir():
        raise OutputRefused(path, "folder")
    if path.exists() and not force:
        raise OutputRefused(path, "exists")


def check_output_folder(folder: Path) -> None:
    """A folder to write files into: it may exist, but not as a symbolic link or a file."""
    if folder.is_symlink():
        raise OutputRefused(folder, "symlink")
    if folder.exists() and not folder.is_dir():
        raise OutputRefused(folder, "not_a_folder")


@contextlib.contextmanager
def writing(path: Path, force: bool = False) -> Iterator[Path]:
    """A temporary path beside `path` for the writer to create; once the block ends without an
    error the file is placed at `path` (checked first, before the block runs) by the one atomic
    writer (files/atomic.py)."""
    check_output(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)

    def no_link_planted() -> None:
        if path.is_symlink():  # planted while we were writing: never followed, never replaced
            raise OutputRefused(path, "symlink")

    try:
        with written_beside(path, replace=force, before_placing=no_link_planted) as temporary:
            yield temporary
    except FileExistsError:
        raise OutputRefused(path, "exists") from None
