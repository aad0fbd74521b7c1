"""Replacing a small file so that a crash leaves either the old or the new content, never a mix."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from allervers.domain.errors import StorageFull


def is_disk_full(error: OSError) -> bool:
    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def fsync_directory(directory: Path) -> None:
    """Makes a rename durable. Windows cannot open a directory for fsync; NTFS journals renames."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, sync_folder: bool = True) -> None:
    """Write to a temporary sibling, fsync it, rename it over `path`, fsync the directory.
    `sync_folder=False` skips the last step when losing the rename in a power cut is harmless
    (the previous file is then still there, whole): it saves one disk flush."""
    # A temporary file left by a killed writer holds a key slot that never took effect: remove it.
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        # Owner-only: the file holds wrapped keys, useless without a passphrase, but no one else's.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        if sync_folder:
            fsync_directory(path.parent)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if is_disk_full(error):
            raise StorageFull(path) from error
        raise
