"""The export file: a zip written byte for byte the same way every time, and never over a file.

Members are stored, not compressed, with fixed dates and attributes, in a fixed order. Then every
byte of the file is checked on arrival: the contents by the SHA-256 in the signed manifest, the zip
structure by writing the same members again and comparing the two files. With compression, some
bytes (padding bits of the deflate stream, header fields no reader checks) could change unnoticed,
and a different zlib on the evaluator's machine would compress differently. Evaluators can compress
the file for transport; they verify the file as it was sent.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import struct
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from allervers.domain.errors import StorageFull
from allervers.domain.export import ExportExists

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "public-key.pem"
INDICATORS = "indicators.csv"
MICRODATA = "microdata.csv"
RISK_REPORT = "risk-report.pdf"
ORDER = (MANIFEST, SIGNATURE, PUBLIC_KEY, INDICATORS, MICRODATA, RISK_REPORT)

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the zip format's first day
_DOS_TIME = 0
_VERSION = 20  # 2.0: stored files, no zip64 (members stay well under 4 GiB)
_MADE_BY = (3 << 8) | _VERSION  # Unix
_ATTRIBUTES = 0o100644 << 16  # a regular file, rw-r--r--
_LIMIT = 0xFFFFFFFF


def zip_bytes(members: Sequence[tuple[str, bytes]]) -> bytes:
    """A stored zip of `members`, in the order given; the same input gives the same bytes."""
    out = io.BytesIO()
    central = io.BytesIO()
    for name, data in members:
        encoded = name.encode("ascii")
        if len(data) >= _LIMIT:
            raise ValueError("member too large for a zip without zip64")
        crc = zlib.crc32(data)
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                _VERSION,
                0,
                0,
                _DOS_TIME,
                _DOS_DATE,
                crc,
                len(data),
                len(data),
                len(encoded),
                0,
            )
        )
        out.write(encoded)
        out.write(data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _MADE_BY,
                _VERSION,
                0,
                0,
                _DOS_TIME,
                _DOS_DATE,
                crc,
                len(data),
                len(data),
                len(encoded),
                0,
                0,
                0,
                0,
                _ATTRIBUTES,
                offset,
            )
        )
        central.write(encoded)
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0
        )
    )
    return out.getvalue()


class Unreadable(Exception):
    def __init__(self, member: str) -> None:
        super().__init__(member)
        self.member = member


def read_members(data: bytes) -> list[tuple[str, bytes]]:
    """Members in file order; `zipfile.BadZipFile` when the zip cannot be read at all,
    `Unreadable(name)` when one member is damaged (zip's CRC-32 fails).

    A damaged file makes `zipfile` fail in many ways (NotImplementedError for a version byte,
    UnicodeDecodeError for a name, struct.error...): all of them mean "not readable"."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception as error:
        raise zipfile.BadZipFile(str(error)) from error
    members = []
    for info in infos:
        try:
            members.append((info.filename, archive.read(info)))
        except Exception as error:
            raise Unreadable(info.filename) from error
    return members


def canonical(members: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(members, key=lambda member: rank.get(member[0], len(ORDER)))


def write_new(path: Path, data: bytes) -> None:
    """Write `path` only if it does not exist: a temporary sibling is written and synced, then
    linked to its name (the link fails if the name is taken), so the file appears whole or not at
    all. File systems without hard links (FAT32 on many USB keys) get an exclusive create."""
    if path.exists():
        raise ExportExists(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        _write_exclusive(tmp, data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise ExportExists(path) from None
        except OSError as error:
            if _is_disk_full(error):
                raise
            _write_exclusive(path, data, partial_cleanup=True)
    except FileExistsError:
        raise ExportExists(path) from None
    except OSError as error:
        if _is_disk_full(error):
            raise StorageFull(path) from error
        raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    _sync_directory(path.parent)


def _write_exclusive(path: Path, data: bytes, partial_cleanup: bool = False) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        if partial_cleanup:  # never leave half an export under the real name
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def _is_disk_full(error: OSError) -> bool:
    return error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _sync_directory(directory: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
