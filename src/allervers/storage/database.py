"""Opening the SQLCipher database through SQLAlchemy.

The key is the raw 256-bit database key (`PRAGMA key = "x'...'"`), so SQLCipher skips its own
PBKDF2: the slow derivation is done once, with Argon2id, on the user's passphrase.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from allervers.domain.collation import french_sort_key
from allervers.domain.errors import StorageFull, WorkspaceCorrupt
from allervers.questionnaire import communes
from allervers.storage.models import DeviceClock, Record, new_id, utc_now

LOW_DISK_BYTES = 256 * 1024


def storage_error(path: Path, error: BaseException, detail: str = "database") -> Exception:
    """The domain error for a driver error. SQLite reports a full disk as "database or disk is
    full" when a page write fails, but as "disk I/O error" when the -wal or -shm file cannot
    grow: a nearly full disk explains both, and a person must hear "disk full", not "corrupt"."""
    if "full" in str(error).lower():
        return StorageFull(path)
    try:
        if shutil.disk_usage(path.parent).free < LOW_DISK_BYTES:
            return StorageFull(path)
    except OSError:
        pass
    return WorkspaceCorrupt(path, detail)


def _key_pragma(key: bytes) -> str:
    # The key is hex digits only: no quoting issue. It never reaches a log (SQLAlchemy echo is off).
    return f"PRAGMA key = \"x'{key.hex()}'\""


@functools.cache
def commune_sort_key(insee: str | None) -> str | None:
    """The SQL function `commune_sort_key(insee)`: sorts communes by their French name as the
    caseload shows it (accents and case ignored), an unknown code by the code itself, as shown."""
    if insee is None:
        return None
    commune = communes.find(insee)
    return french_sort_key(commune.name if commune else insee)


@functools.lru_cache(maxsize=65536)
def name_sort_key(name: str | None) -> str | None:
    """The SQL function `name_sort_key(text)`: people's names in French dictionary order."""
    return None if name is None else french_sort_key(name)


def raw_connect(path: Path, key: bytes) -> Any:
    """A DB-API connection with the key and the pragmas every connection needs."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        # SQLCipher writes its own errors to stderr by default: the CLI prints ours instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_pragma(key))
        # Temporary tables and sort spills stay in memory: SQLCipher does not encrypt temp files.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        # Erased personal data is overwritten in the file, not only unlinked from the b-tree.
        conn.execute("PRAGMA secure_delete = ON")
        # Reading the schema is the first access that needs the key: it fails on a wrong key or a
        # file that is not a SQLCipher database.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # WAL keeps readers and the writer apart (a background worker may read while the UI
        # writes); synchronous=FULL makes each committed answer survive a power cut.
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        # For queries only, never in the schema: an index or a view using it would make the file
        # unreadable to a SQLCipher client without it (the `check` of a copy, the sqlcipher shell).
        conn.create_function("commune_sort_key", 1, commune_sort_key, deterministic=True)
        conn.create_function("name_sort_key", 1, name_sort_key, deterministic=True)
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise storage_error(path, error) from error
    return conn


def open_engine(path: Path, key: bytes) -> Engine:
    if not path.exists():
        # sqlite would silently create an empty database; a missing file is a broken workspace.
        raise WorkspaceCorrupt(path, "missing database")
    raw_connect(path, key).close()  # fail early, with a typed error, on a wrong key
    engine = create_engine(
        "sqlite://",
        creator=lambda: raw_connect(path, key),
        module=sqlcipher3.dbapi2,
    )

    # The driver's own transaction handling is off (isolation_level=None): SQLAlchemy emits BEGIN.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_database(path: Path, key: bytes) -> Engine:
    """A new, empty SQLCipher file (the schema comes from the migrations)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    # SQLite gives the -wal and -shm files the permissions of the database file.
    path.touch(mode=0o600, exist_ok=False)
    return open_engine(path, key)


@contextlib.contextmanager
def translate_storage_errors(path: Path) -> Iterator[None]:
    """Turns the driver's errors into the domain's, for messages a person can act on."""
    try:
        yield
    except SADatabaseError as error:
        raise storage_error(path, error.orig or error) from error


class Database:
    """An open SQLCipher database: one session per operation, committed or rolled back whole."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._batch: Session | None = None

    @classmethod
    def open(cls, path: Path, key: bytes) -> Database:
        return cls(path, open_engine(path, key))

    @classmethod
    def create(cls, path: Path, key: bytes) -> Database:
        return cls(path, create_database(path, key))

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        if self._batch is not None:  # inside batch(): one transaction for everything
            yield self._batch
            return
        with translate_storage_errors(self.path), self._sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Runs every operation inside it in one transaction, committed at the end (or rolled
        back whole): for bulk work such as the demo's thousands of referrals, where one commit
        per operation (each an fsync with synchronous=FULL) would cost minutes."""
        if self._batch is not None:
            yield
            return
        with translate_storage_errors(self.path), self._sessions.begin() as session:
            self._batch = session
            try:
                yield
            finally:
                self._batch = None

    def dispose(self) -> None:
        self.engine.dispose()


def _stamp_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Gives every new or changed record the next number of this workspace's change counter."""
    # session.new builds a new set at each access: read it once (a batch import adds thousands).
    modified = [o for o in session.dirty if session.is_modified(o)]
    changed = [o for o in (*session.new, *modified) if isinstance(o, Record)]
    if not changed:
        return
    clock = session.execute(select(DeviceClock).limit(1)).scalar_one_or_none()
    if clock is None:  # first flush of a new workspace
        clock = DeviceClock(device_id=new_id(), counter=0)
        session.add(clock)
    now = utc_now()
    for record in changed:
        clock.counter += 1
        record.change_seq = clock.counter
        record.origin_device = clock.device_id
        record.updated_at = now


event.listen(Session, "before_flush", _stamp_changes)


def cipher_integrity_problems(engine: Engine) -> list[str]:
    """SQLCipher's check of every page's HMAC: empty when every page is intact."""
    with engine.connect() as conn:
        rows = conn.execute(text("PRAGMA cipher_integrity_check")).fetchall()
    return [str(row[0]) for row in rows]


def integrity_problems(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(text("PRAGMA integrity_check")).fetchall()
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def export_copy(engine: Engine, destination: Path, key: bytes) -> None:
    """A consistent encrypted copy of the whole database, with the same key (SQLCipher's
    `sqlcipher_export`, which reads inside one transaction)."""
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        try:
            dbapi.execute(
                f"ATTACH DATABASE ? AS backup KEY \"x'{key.hex()}'\"", (str(destination),)
            )
            try:
                dbapi.execute("SELECT sqlcipher_export('backup')").fetchall()
            finally:
                dbapi.execute("DETACH DATABASE backup")
        except sqlcipher3.DatabaseError as error:
            raise storage_error(destination, error, "export") from error


def checkpoint(engine: Engine) -> None:
    """Moves the WAL into the database file (where secure_delete has overwritten removed values)
    and empties it, so that erased data does not linger in the -wal file. Run outside any
    transaction, on the driver connection."""
    with engine.connect() as conn:
        dbapi = conn.connection.dbapi_connection
        assert dbapi is not None
        dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
