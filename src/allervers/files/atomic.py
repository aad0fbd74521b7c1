"""The one way Aller-Vers writes a file whole or not at all (issue 12: there were four).

Write beside the target (a hidden temporary in the same folder, owner-only from its first
byte), fsync it, put it in place by a rename (or a hard link where the target must not be
replaced), then fsync the folder so that the rename itself survives a power cut. A crash leaves
the old file or the new one, never a mix, and no temporary behind once the writer returns.

Every layer writes through here: workspace.json and the attempts file (storage), the files a
person asks for (services/output_files.py, the export package, the recovery sheet, the PDFs
saved from the window) and the engine's cache (rights). A full disk becomes StorageFull, named
after the target, never after the temporary.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from allervers.domain.errors import StorageFull

OWNER_ONLY = 0o600
# Filesystems without hard links (FAT and exFAT USB keys, some network shares) say so with one
# of these: a file that must not replace another is then placed by a rename, after checking
# again that nothing is there.
NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


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


def sync_file(path: Path) -> None:
    """On disk before the rename: a USB key pulled out just after holds whole files."""
    with open(path, "r+b") as handle:
        os.fsync(handle.fileno())


def temporary_beside(path: Path) -> Path:
    """A hidden name in the target's folder (same filesystem: the rename is atomic)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")


def remove_stale_temporaries(path: Path) -> None:
    """Temporaries left beside `path` by a writer that was killed."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def create_exclusive(path: Path, data: bytes, mode: int = OWNER_ONLY, sync: bool = True) -> None:
    """Creates `path` (never an existing file, never through a link) with `data`, synced unless
    the caller syncs it (`written_beside` does)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), mode)
    if os.name != "nt":
        os.fchmod(fd, mode)  # the process umask must not widen it
    with open(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        if sync:
            os.fsync(handle.fileno())


def place(temporary: Path, path: Path, replace: bool) -> None:
    """Puts the written temporary at `path`. With `replace` a rename (it replaces the name, never
    what a link there points to); without, a hard link that fails with FileExistsError if a file
    appeared meanwhile (nothing is overwritten)."""
    if replace:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in NO_HARD_LINKS:
            raise
        if path.exists() or path.is_symlink():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(temporary, path)


@contextlib.contextmanager
def written_beside(
    path: Path,
    replace: bool = True,
    mode: int = OWNER_ONLY,
    sync_folder: bool = True,
    before_placing: Callable[[], None] | None = None,
) -> Iterator[Path]:
    """A temporary path beside `path` for the caller to write; when the block ends without an
    error the file is synced, made `mode`, checked by `before_placing` (a link planted while
    writing), placed (see `place`) and the folder synced. The temporary never stays behind."""
    temporary = temporary_beside(path)
    try:
        yield temporary
        sync_file(temporary)
        os.chmod(temporary, mode)
        if before_placing is not None:
            before_placing()
        place(temporary, path, replace)
        if sync_folder:
            fsync_directory(path.parent)
    except OSError as error:
        if is_disk_full(error):
            raise StorageFull(path) from error
        raise
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def write_atomically(
    path: Path,
    data: bytes,
    sync_folder: bool = True,
    replace: bool = True,
    mode: int = OWNER_ONLY,
) -> None:
    """`data` at `path`, whole or not at all (see the module's docstring). `sync_folder=False`
    skips the folder's fsync where losing the rename in a power cut is harmless (the previous
    file is then still there, whole): it saves one disk flush."""
    with written_beside(path, replace, mode, sync_folder) as temporary:
        create_exclusive(temporary, data, mode, sync=False)
