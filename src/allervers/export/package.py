"""The export file: a zip written byte for byte the same way every time, and never over a file.

Members are stored, not compressed, with fixed dates and attributes, in a fixed order. Then every
byte of the file is checked on arrival: the contents by the SHA-256 in the signed manifest, the zip
structure by writing the same members again and comparing the two files. With compression, some
bytes (padding bits of the deflate stream, header fields no reader checks) could change unnoticed,
and a different zlib on the evaluator's machine would compress differently. Evaluators can compress
the file for transport; they verify the file as it was sent.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from allervers.domain.export import ExportExists
from allervers.domain.release import ExportSymlink
from allervers.files.atomic import write_atomically

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "public-key.pem"
INDICATORS = "indicators.csv"
MICRODATA = "microdata.csv"
RISK_REPORT = "risk-report.pdf"
ORDER = (MANIFEST, SIGNATURE, PUBLIC_KEY, INDICATORS, MICRODATA, RISK_REPORT)
NAMES = frozenset(ORDER)

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the zip format's first day
_DOS_TIME = 0
_VERSION = 20  # 2.0: stored files, no zip64 (members stay well under 4 GiB)
_MADE_BY = (3 << 8) | _VERSION  # Unix
_ATTRIBUTES = 0o100600 << 16  # a regular file, readable by its owner only
_LIMIT = 0xFFFFFFFF
MAX_MEMBERS = 16
MAX_MEMBER_BYTES = 64 * 1024 * 1024
"""An export holds six members of a few MB at most (50,000 households); anything beyond these is
not an export, and is refused before it is decompressed or read."""
FILE_MODE = 0o600
FOLDER_MODE = 0o700


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
    if len(infos) > MAX_MEMBERS:
        raise zipfile.BadZipFile("too many members")
    members = []
    for info in infos:
        # Aller-Vers writes stored members with plain names: a compressed member (a zip bomb),
        # a huge one, or a name with a path in it is refused before anything is read.
        if (
            not _safe_name(info.filename)
            or info.compress_type != zipfile.ZIP_STORED
            or info.file_size > MAX_MEMBER_BYTES
            or info.compress_size > MAX_MEMBER_BYTES
        ):
            raise Unreadable(printable(info.filename))
        try:
            members.append((info.filename, archive.read(info)))
        except Exception as error:
            raise Unreadable(printable(info.filename)) from error
    return members


def _safe_name(name: str) -> bool:
    return (
        0 < len(name) <= 64
        and name.isascii()
        and name.isprintable()
        and "/" not in name
        and "\\" not in name
        and name not in (".", "..")
        and not name.startswith(".")
    )


def printable(name: str) -> str:
    """A member's name as it may be shown in a message: no control character, no path."""
    cleaned = "".join(ch if ch.isprintable() and ch not in "/\\" else "?" for ch in name)
    return cleaned[:64] or "?"


def canonical(members: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(members, key=lambda member: rank.get(member[0], len(ORDER)))


def make_folder(folder: Path) -> None:
    """Create the output folder (and its parents) readable by its owner only."""
    if folder.is_symlink():
        raise ExportSymlink(folder)
    if not folder.exists():
        folder.mkdir(parents=True, mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # the process umask must not widen it


def write(path: Path, data: bytes, force: bool = False) -> None:
    """Write `path` (mode 0600) whole or not at all (files/atomic.py): never over an existing
    file unless `force`, never through a symbolic link."""
    if path.is_symlink():
        raise ExportSymlink(path)
    if path.exists() and not force:
        raise ExportExists(path)
    try:
        write_atomically(path, data, replace=force, mode=FILE_MODE)
    except FileExistsError:
        raise ExportExists(path) from None


def write_new(path: Path, data: bytes) -> None:
    """Write `path` only if it does not exist: written beside, synced, then linked to its name
    (the link fails if the name is taken), so the file appears whole or not at all."""
    write(path, data, force=False)
