"""`allervers check`: are the file, its cipher pages, its structure, its schema, its audit chain
and the chain's anchor intact? Read-only: nothing is written into the workspace, not even an
audit entry (see `allervers.storage.inspection` for how the file is opened).

`check_workspace` is the command's: it opens the key with the user's passphrase and reads the
database on its own read-only connection, so it works on a damaged file (a traceback or a write
there would be the worst answer). `check` runs the same checks on a workspace this process has
open.
"""

from __future__ import annotations

from pathlib import Path

from allervers.crypto.anchor import anchor_key, wipe
from allervers.domain.errors import WorkspaceBusy, WorkspaceCorrupt
from allervers.domain.users import normalise_user_name
from allervers.domain.workspace import CheckCode, CheckFinding, CheckReport
from allervers.services.open_workspace import OpenWorkspace
from allervers.services.workspace import WorkspaceService
from allervers.storage import inspection, migrate, repositories
from allervers.storage.audit_anchor import Agreement, anchor_verifies, compare
from allervers.storage.database import PAGE_SIZE, translate_storage_errors
from allervers.storage.metadata_file import WorkspaceMetadata, database_path, read_metadata

# A workspace written while it is checked (open in the window) is read again, then said busy.
ATTEMPTS = 3


def check(workspace: OpenWorkspace) -> CheckReport:
    """The checks on a workspace open in this process, on one of its pooled connections."""
    metadata = read_metadata(workspace.path)
    db = workspace.db
    with translate_storage_errors(db.path), db.engine.connect() as conn:
        found = inspection.inspect(conn.connection.dbapi_connection, _pages(db.path), None)
    key = anchor_key(workspace.data_key, metadata.workspace_id)
    try:
        return _report(workspace.path, metadata, key, None, found)
    finally:
        wipe(key)


def check_workspace(
    service: WorkspaceService, path: Path, user_name: str, passphrase: str
) -> CheckReport:
    """Opens the key with the passphrase (a wrong one is refused and counted, as at unlock) and
    checks the database read-only."""
    try:
        metadata, slot_id, data_key = service.open_key(path, user_name, passphrase)
    except WorkspaceCorrupt as error:  # only workspace.json is read so far
        field = getattr(error, "field", "")
        finding = CheckFinding(CheckCode.METADATA_UNREADABLE, {"field": field})
        return CheckReport(path, problems=(finding,))
    key = anchor_key(data_key, metadata.workspace_id)
    try:
        db_path = database_path(path)
        problem = inspection.file_problem(db_path)
        if problem is not None and problem.code is not CheckCode.DATABASE_TRUNCATED:
            service.accept(metadata)
            return _report(path, metadata, key, problem, None)
        found = _inspect_steady(db_path, data_key, normalise_user_name(user_name))
    finally:
        wipe(data_key)
    try:
        # The slot that opened the key must be this user's own, as at unlock. A database too
        # damaged to say is checked anyway: the passphrase opened a slot of this name's hint.
        if found.user_slot is not None and (
            found.user_slot[0] != slot_id or not found.user_slot[1]
        ):
            service.refuse(metadata)
        if found.readable and found.users and found.user_slot is None:
            service.refuse(metadata)
        service.accept(metadata)
        return _report(path, metadata, key, problem, found)
    finally:
        wipe(key)


def _pages(db_path: Path) -> int:
    try:
        return db_path.stat().st_size // PAGE_SIZE
    except OSError:
        return 0


def _inspect_steady(db_path: Path, data_key: bytearray, user_key: str) -> inspection.Inspection:
    for _ in range(ATTEMPTS):
        before = inspection.FilesState.of(db_path)
        with inspection.read_only(db_path, data_key) as conn:
            found = inspection.inspect(conn, _pages(db_path), user_key)
        if inspection.FilesState.of(db_path) == before:
            return found
    raise WorkspaceBusy(db_path)


def _report(
    path: Path,
    metadata: WorkspaceMetadata,
    key: bytearray,
    file_problem: CheckFinding | None,
    found: inspection.Inspection | None,
) -> CheckReport:
    problems = [file_problem] if file_problem else []
    notes: list[CheckFinding] = []
    if found is None or not found.readable:
        problems += found.problems if found else []
        return CheckReport(path, tuple(problems), pages=found.pages if found else 0)
    problems += found.problems
    revision = found.revision or ""
    if revision not in migrate.known_revisions():
        problems.append(CheckFinding(CheckCode.SCHEMA_UNKNOWN, {"revision": revision}))
    elif revision != migrate.head_revision():
        notes.append(CheckFinding(CheckCode.SCHEMA_OLDER, {"revision": revision}))
    entries = 0
    anchor = metadata.audit_anchor
    if found.audit_tables is False:
        problems.append(CheckFinding(CheckCode.AUDIT_MISSING))
    elif found.audit_tables:
        chain = repositories.verify_chain(found.audit_rows, found.audit_head)
        entries = chain.entries
        if chain.problem is not None:
            problems.append(chain.problem)
        if anchor is not None and anchor_verifies(key, metadata.workspace_id, anchor):
            agreement = compare(anchor, chain.last, chain.hashes)
            if agreement is Agreement.LOST:
                problems.append(
                    CheckFinding(
                        CheckCode.COMMITS_LOST, {"found": chain.last[0], "expected": anchor.seq}
                    )
                )
            elif agreement is Agreement.REWRITTEN:
                problems.append(CheckFinding(CheckCode.AUDIT_REWRITTEN, {"seq": anchor.seq}))
        problems += [_gap(at, entity_id) for at, entity_id in found.gaps]
    if anchor is None and metadata.format_version < 2:
        notes.append(CheckFinding(CheckCode.NOT_ANCHORED))
    elif anchor is None or not anchor_verifies(key, metadata.workspace_id, anchor):
        problems.append(CheckFinding(CheckCode.ANCHOR_ALTERED))
    return CheckReport(
        path,
        tuple(problems),
        tuple(notes),
        pages=found.pages,
        schema_revision=revision,
        audit_entries=entries,
        users=found.users,
    )


def _gap(at: str, entity_id: str) -> CheckFinding:
    found, _, expected = entity_id.partition(":")
    return CheckFinding(CheckCode.GAP_RECORDED, {"at": at, "found": found, "expected": expected})
