"""Reading a workspace's database for `allervers check` without writing a byte of it.

How the file is opened, and why:
- with no `-wal` file (or an empty one: the state after every clean close), SQLite's
  `immutable=1` read-only URI: no lock, no `-shm`, no `-wal`, no journal, nothing created or
  changed. Safe because there is no write-ahead log whose commits it would miss;
- with a non-empty `-wal` (the workspace is open elsewhere, or a crash left it), reading it in
  place would write: a reader keeps its marks in the `-shm` index, and rebuilds that index after
  a crash. So the database and its `-wal` are copied into a private temporary folder (0700, the
  system's temporary directory: encrypted pages only, removed at once) and the copy is read, its
  log folded into it first so that the page check covers the pages still in the log.
The caller compares the files' sizes and times before and after (`FilesState`): a workspace
written meanwhile is said to be busy, not damaged.

Every step catches the driver's errors and turns them into findings: damage is the thing looked
for, never a reason to stop with a traceback.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from allervers.domain.workspace import CheckCode, CheckFinding
from allervers.storage.database import PAGE_SIZE, key_pragma
from allervers.storage.repositories import GAP_ACTION, GENESIS_HASH, AuditEntry

_HMAC_FAILED = re.compile(r"HMAC verification failed for page (\d+)")
_PAGE = re.compile(r"page (\d+)")


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


@dataclass(frozen=True, slots=True)
class FilesState:
    """Size and modification time of the database and its `-wal`: unchanged over a check means
    nobody wrote meanwhile."""

    stamps: tuple[tuple[int, int] | None, ...]

    @classmethod
    def of(cls, database: Path) -> FilesState:
        stamps: list[tuple[int, int] | None] = []
        for path in (database, wal_path(database)):
            try:
                stat = path.stat()
            except FileNotFoundError:
                stamps.append(None)
            else:
                stamps.append((stat.st_size, stat.st_mtime_ns))
        return cls(tuple(stamps))


def _keyed(target: str, key: bytes | bytearray, uri: bool) -> Any:
    conn = sqlcipher3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(key_pragma(key))
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


@contextlib.contextmanager
def read_only(database: Path, key: bytes | bytearray) -> Iterator[Any]:
    """A keyed DB-API connection that cannot change the workspace's files (see the module)."""
    wal = wal_path(database)
    if not wal.exists() or wal.stat().st_size == 0:
        conn = _keyed(f"{database.resolve().as_uri()}?mode=ro&immutable=1", key, uri=True)
        try:
            yield conn
        finally:
            conn.close()
        return
    with tempfile.TemporaryDirectory(prefix="allervers-check-") as folder:
        copy = Path(folder) / database.name
        shutil.copyfile(database, copy)
        shutil.copyfile(wal, wal_path(copy))
        conn = _keyed(str(copy), key, uri=False)
        try:
            with contextlib.suppress(sqlcipher3.DatabaseError):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            yield conn
        finally:
            conn.close()


@dataclass
class Inspection:
    """What was read, and what was found, in the database file."""

    problems: list[CheckFinding] = field(default_factory=list)
    pages: int = 0
    readable: bool = False
    revision: str | None = None
    users: int = 0
    user_slot: tuple[str, bool] | None = None  # the named user's slot id and active flag
    audit_tables: bool | None = None  # both audit tables there; None: could not be read
    audit_rows: list[AuditEntry] = field(default_factory=list)
    audit_head: tuple[int, str] | None = None
    gaps: list[tuple[str, str]] = field(default_factory=list)  # (at, entity_id)


def file_problem(database: Path) -> CheckFinding | None:
    """A missing, empty or cut file, found before any key is tried on it."""
    try:
        size = database.stat().st_size
    except FileNotFoundError:
        return CheckFinding(CheckCode.DATABASE_MISSING)
    if size == 0:
        return CheckFinding(CheckCode.DATABASE_EMPTY)
    if size % PAGE_SIZE:
        return CheckFinding(
            CheckCode.DATABASE_TRUNCATED, {"size": size, "pages": size // PAGE_SIZE}
        )
    return None


def _damaged_pages(conn: Any, found: Inspection) -> None:
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher3.DatabaseError:
        rows = [("page 1",)]
    pages: set[int] = set()
    for (message,) in rows:
        match = _HMAC_FAILED.search(str(message)) or _PAGE.search(str(message))
        pages.add(int(match.group(1)) if match else 1)
    if pages:
        found.problems.append(CheckFinding(CheckCode.PAGES_DAMAGED, {"pages": sorted(pages)}))


def _one(conn: Any, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
    row = conn.execute(sql, parameters).fetchone()
    return None if row is None else row[0]


def inspect(conn: Any, file_pages: int, user_key: str | None) -> Inspection:
    """Every check on a keyed connection. `user_key` is the normalised name of the user whose
    slot opened the key (None: not asked)."""
    found = Inspection(pages=file_pages)
    _damaged_pages(conn, found)
    try:
        conn.execute("BEGIN")  # one snapshot for every read below
        _one(conn, "SELECT count(*) FROM sqlite_master")
    except sqlcipher3.DatabaseError:
        # Every page intact yet unreadable: SQLite refuses a file shorter than its header says,
        # which is a file cut at a page border.
        cut = not found.problems
        found.problems.append(CheckFinding(CheckCode.DATABASE_UNREADABLE, {"cut": cut}))
        return found
    found.readable = True
    try:
        _structure(conn, found)
        _contents(conn, found, user_key)
    finally:
        with contextlib.suppress(sqlcipher3.DatabaseError):
            conn.execute("ROLLBACK")
    return found


def _structure(conn: Any, found: Inspection) -> None:
    try:
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlcipher3.DatabaseError:
        rows = ["unreadable"]
    if rows != ["ok"]:
        found.problems.append(CheckFinding(CheckCode.STRUCTURE_DAMAGED, {"count": len(rows)}))


def _contents(conn: Any, found: Inspection, user_key: str | None) -> None:
    with contextlib.suppress(sqlcipher3.DatabaseError):
        found.revision = _one(conn, "SELECT version_num FROM alembic_version")
    with contextlib.suppress(sqlcipher3.DatabaseError):
        found.users = int(_one(conn, "SELECT count(*) FROM users"))
        if user_key is not None:
            row = conn.execute(
                "SELECT slot_id, active FROM users WHERE name_key = ?", (user_key,)
            ).fetchone()
            found.user_slot = None if row is None else (str(row[0]), bool(row[1]))
    try:
        tables = {
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name IN ('audit_log', 'audit_head')"
            ).fetchall()
        }
        found.audit_tables = tables == {"audit_log", "audit_head"}
        if not found.audit_tables:
            return
        found.audit_rows = [
            AuditEntry(*row)
            for row in conn.execute(
                "SELECT seq, at, actor_id, action, entity, entity_id, prev_hash, hash "
                "FROM audit_log ORDER BY seq"
            ).fetchall()
        ]
        head = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        found.audit_head = None if head is None else (int(head[0]), str(head[1]))
        found.gaps = [
            (str(at), str(entity_id))
            for at, entity_id in conn.execute(
                "SELECT at, entity_id FROM audit_log WHERE action = ? ORDER BY seq", (GAP_ACTION,)
            ).fetchall()
        ]
    except sqlcipher3.DatabaseError:
        found.audit_tables = None  # damage, already reported by the page or structure check


def head_of_copy(database: Path, key: bytes | bytearray) -> tuple[int, str]:
    """The audit log's head in a copy being written (a backup's), read without changing it."""
    with read_only(database, key) as conn:
        row = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))
