"""Opening the SQLCipher database through SQLAlchemy, with every connection choice made on purpose.

The key is the raw 256-bit database key (`PRAGMA key = "x'...'"`), so SQLCipher skips its own
PBKDF2: the slow derivation is done once, with Argon2id, on the user's passphrase.

Connections (issue 11):
- an explicit pool (`QueuePool`, POOL_SIZE + MAX_OVERFLOW connections shared by the threads),
  not SQLAlchemy's default for a creator-made SQLite engine (one connection per thread, never
  closed until the engine is);
- writes begin `BEGIN IMMEDIATE` (`Database.session`): the write lock is taken first, so a write
  never fails half-way on another writer's snapshot; reads begin a deferred transaction
  (`Database.read`): in WAL mode a reader never waits for a writer, nor for another reader;
- a busy timeout (BUSY_TIMEOUT_SECONDS): a writer waits that long for another writer, then gets
  `WorkspaceBusy` ("occupé par une autre opération, réessayez"), never `WorkspaceCorrupt`;
- `hide_parameters=True`: a statement's parameters (names, phone numbers) never appear in an
  exception's text, hence never in a log or on a terminal.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, QueuePool, create_engine, event, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from allervers.crypto.anchor import wipe
from allervers.domain.collation import french_sort_key
from allervers.domain.errors import StorageFull, WorkspaceBusy, WorkspaceCorrupt, WorkspaceLocked
from allervers.questionnaire import communes
from allervers.storage.audit_anchor import AnchorKeeper
from allervers.storage.models import DeviceClock, Record, new_id, utc_now

LOW_DISK_BYTES = 256 * 1024
# Long enough for any single write of the application (the demo's batch of thousands of rows
# takes about a second), short enough that a person is told rather than left waiting.
BUSY_TIMEOUT_SECONDS = 5.0
# The UI thread, the background task runner's workers and a sync or export at once; more wait.
POOL_SIZE = 4
MAX_OVERFLOW = 4
PAGE_SIZE = 4096  # SQLCipher 4's default, which Aller-Vers never changes
_READ_ONLY = "allervers_read_only"


def is_busy(error: BaseException) -> bool:
    """SQLITE_BUSY ("database is locked") and SQLITE_LOCKED ("database table is locked"): the
    driver gives no error code, only SQLite's message, the same in every locale."""
    message = str(error).lower()
    return "locked" in message or "database is busy" in message


def storage_error(path: Path, error: BaseException, detail: str = "database") -> Exception:
    """The domain error for a driver error. A lock held by another operation is "busy", never
    damage. SQLite reports a full disk as "database or disk is full" when a page write fails,
    but as "disk I/O error" when the -wal or -shm file cannot grow: a nearly full disk explains
    both, and a person must hear "disk full", not "corrupt"."""
    if is_busy(error):
        return WorkspaceBusy(path)
    if "full" in str(error).lower():
        return StorageFull(path)
    try:
        if shutil.disk_usage(path.parent).free < LOW_DISK_BYTES:
            return StorageFull(path)
    except OSError:
        pass
    return WorkspaceCorrupt(path, detail)


def key_pragma(key: bytes | bytearray) -> str:
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


def keyed_connection(conn: Any, key: bytes | bytearray) -> None:
    """Gives a fresh DB-API connection its key and reads the schema, the first access that needs
    the key: it fails on a wrong key or a file that is not a SQLCipher database. Nothing here
    writes to the file (the read-only `check` uses it too)."""
    # SQLCipher writes its own errors to stderr by default: the CLI prints ours instead.
    conn.execute("PRAGMA cipher_log_level = NONE")
    # The key is hex digits only: no quoting issue. The pragma's text is an immutable str that
    # Python cannot wipe; it is dropped at once and never logged (SQLAlchemy's echo is off).
    conn.execute(key_pragma(key))
    # Temporary tables and sort spills stay in memory: SQLCipher does not encrypt temp files.
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def raw_connect(
    path: Path, key: bytes | bytearray, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> Any:
    """A DB-API connection with the key and the pragmas every connection needs."""
    conn = sqlcipher3.connect(
        str(path), check_same_thread=False, isolation_level=None, timeout=busy_timeout
    )
    try:
        keyed_connection(conn, key)
        conn.execute("PRAGMA foreign_keys = ON")
        # Erased personal data is overwritten in the file, not only unlinked from the b-tree.
        conn.execute("PRAGMA secure_delete = ON")
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


def require_database_file(path: Path) -> None:
    """A missing, empty or cut database file is damage, told as such: sqlite would silently take
    a missing or empty file for a new database (and a migration would then fill it), so a key
    that is right would look wrong."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise WorkspaceCorrupt(path, "missing database") from None
    if size == 0:
        raise WorkspaceCorrupt(path, "empty")
    if size % PAGE_SIZE:
        raise WorkspaceCorrupt(path, "truncated")


@contextlib.contextmanager
def translate_storage_errors(path: Path) -> Iterator[None]:
    """Turns the driver's errors into the domain's, for messages a person can act on."""
    try:
        yield
    except SADatabaseError as error:
        raise storage_error(path, error.orig or error) from error
    except PoolTimeout as error:  # every pooled connection in use for BUSY_TIMEOUT_SECONDS
        raise WorkspaceBusy(path) from error


class Database:
    """An open SQLCipher database: one session per operation, committed or rolled back whole.

    The key is kept in a bytearray, zeroed by `close()`: Python cannot wipe the immutable copies
    that the driver's `PRAGMA key` text, `sqlcipher3` and SQLCipher itself make (SQLCipher keeps
    its own copy in locked memory and wipes it when the last connection closes)."""

    def __init__(
        self, path: Path, key: bytes | bytearray, busy_timeout: float | None = None
    ) -> None:
        self.path = path
        self._key = bytearray(key)
        # Read at each opening (not bound as a default), so a test can shorten the wait.
        busy_timeout = BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout
        self._busy_timeout = busy_timeout
        self._closed = False
        # Held while a connection is keyed and while the key is zeroed: a task opening a
        # connection as the workspace closes gets WorkspaceLocked, never a half-zeroed key
        # (which SQLCipher would take for a damaged file).
        self._key_lock = threading.Lock()
        self.anchor: AnchorKeeper | None = None
        self.engine = create_engine(
            "sqlite://",
            creator=self._connect,
            module=sqlcipher3.dbapi2,
            poolclass=QueuePool,
            pool_size=POOL_SIZE,
            max_overflow=MAX_OVERFLOW,
            pool_timeout=busy_timeout,
            hide_parameters=True,
        )
        event.listen(self.engine, "begin", _begin)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._readers = sessionmaker(
            bind=self.engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )
        self._batch: Session | None = None

    def _connect(self) -> Any:
        with self._key_lock:
            if self._closed:
                # A task still running when the workspace closed: told as locked, not damage.
                raise WorkspaceLocked
            return raw_connect(self.path, self._key, self._busy_timeout)

    @classmethod
    def open(
        cls, path: Path, key: bytes | bytearray, busy_timeout: float | None = None
    ) -> Database:
        require_database_file(path)
        database = cls(path, key, busy_timeout)
        try:
            database.engine.connect().close()  # fail early, with a typed error, on a wrong key
        except BaseException:
            database.close()
            raise
        return database

    @classmethod
    def create(cls, path: Path, key: bytes | bytearray) -> Database:
        """A new, empty SQLCipher file (the schema comes from the migrations)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.parent.chmod(0o700)
        # SQLite gives the -wal and -shm files the permissions of the database file.
        path.touch(mode=0o600, exist_ok=False)
        database = cls(path, key)
        database.engine.connect().close()
        return database

    def anchor_audit(self, workspace_id: str) -> None:
        """From now on every transaction that appends to the audit log also anchors its head in
        `workspace.json` (see `allervers.storage.audit_anchor`)."""
        self.anchor = AnchorKeeper(self.path.parent, workspace_id, self._key)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction (`BEGIN IMMEDIATE`), committed at the end or rolled back whole."""
        if self._batch is not None:  # inside batch(): one transaction for everything
            yield self._batch
            return
        with translate_storage_errors(self.path), self._sessions.begin() as session:
            yield session
            self._seal(session)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction (deferred `BEGIN`): a consistent snapshot that waits for no writer.
        Writing in it is a programming error (refused at flush)."""
        if self._batch is not None:
            yield self._batch
            return
        with translate_storage_errors(self.path), self._readers.begin() as session:
            session.info[_READ_ONLY] = True
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
                self._seal(session)
            finally:
                self._batch = None

    def _seal(self, session: Session) -> None:
        if self.anchor is not None:
            self.anchor.seal(session)

    @property
    def is_closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Closes every pooled connection and zeroes the key. Call it once no task uses the
        database: a connection still checked out is closed when its task gives it back, and a
        task that asks for a new one gets `WorkspaceLocked`."""
        with self._key_lock:
            self._closed = True
            wipe(self._key)
        if self.anchor is not None:
            self.anchor.forget()
        self.engine.dispose()

    def dispose(self) -> None:
        self.close()


def _begin(conn: Any) -> None:
    # The driver's own transaction handling is off (isolation_level=None): SQLAlchemy emits BEGIN.
    read_only = conn.get_execution_options().get(_READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def _refuse_writes(session: Session, _flush_context: Any, _instances: Any) -> None:
    if session.info.get(_READ_ONLY) and (session.new or session.dirty or session.deleted):
        raise RuntimeError("a write inside Database.read(): use Database.session()")


event.listen(Session, "before_flush", _refuse_writes)


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
