"""The audit chain's head anchored outside the database, in `workspace.json`.

Inside the database the chain detects an entry edited or removed by someone who did not recompute
the hashes. It cannot detect the database as a whole going back in time: a `-wal` file lost after
a crash (the last commits vanish), an older copy put in its place, the audit tables dropped, or
the chain recomputed after an edit (SHA-256 needs no key). The anchor can: it holds the head's
sequence number and hash, authenticated with a key derived from the database key.

Ordering, and why. Every transaction that appends to the log writes the new anchor *before* it
commits, while it still holds the database's write lock (`BEGIN IMMEDIATE`), so two writers (two
threads, two processes) never write `workspace.json` out of order. A crash between the anchor's
write and the commit leaves the database one transaction behind its anchor: the anchor keeps that
previous head too (`prev_seq`, `prev_hash`) and a database at either head is fine. The reverse
order (commit, then anchor) would need a second lock and leave the anchor behind after a crash,
which hides nothing but protects less. Lost commits leave the database before `prev`: detected.

When a transaction finds the anchor ahead of the database (commits lost since the last opening)
it does not erase the evidence: it appends an `audit_gap_found` entry saying what was expected and
what was found, then anchors the new head. `allervers check` reports such entries.
"""

from __future__ import annotations

import enum
import threading
from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from allervers.crypto.anchor import anchor_key, anchor_mac, mac_matches, wipe
from allervers.domain.errors import WorkspaceLocked
from allervers.storage import repositories
from allervers.storage.metadata_file import AuditAnchor, read_metadata, write_metadata


class Agreement(enum.Enum):
    AGREES = "agrees"
    LOST = "lost"  # the database's chain stops before the anchor
    REWRITTEN = "rewritten"  # the entry at the anchor's place has another hash


def compare(
    anchor: AuditAnchor, last: tuple[int, str], hash_at: dict[int, str] | None = None
) -> Agreement:
    """How the database's last entry `last` (seq, hash) stands against the anchor. `hash_at`
    gives the stored hashes, to accept a database ahead of its anchor (an older `workspace.json`
    put back) only when the anchored entry is still there, unchanged."""
    if last in ((anchor.seq, anchor.hash), (anchor.prev_seq, anchor.prev_hash)):
        return Agreement.AGREES
    if last[0] > anchor.seq:
        if hash_at is not None and hash_at.get(anchor.seq) == anchor.hash:
            return Agreement.AGREES
        return Agreement.REWRITTEN
    if last[0] < anchor.seq and last[0] != anchor.prev_seq:
        return Agreement.LOST
    return Agreement.REWRITTEN


def anchor_verifies(key: bytes | bytearray, workspace_id: str, anchor: AuditAnchor) -> bool:
    return mac_matches(key, workspace_id, anchor.fields(), anchor.mac)


def make_anchor(
    key: bytes | bytearray, workspace_id: str, new: tuple[int, str], prev: tuple[int, str]
) -> AuditAnchor:
    fields: list[int | str] = [new[0], new[1], prev[0], prev[1]]
    return AuditAnchor(new[0], new[1], prev[0], prev[1], anchor_mac(key, workspace_id, fields))


def gap_entity_id(found: int, expected: int | None) -> str:
    """What an `audit_gap_found` entry records: "41:57" (the chain stopped at 41, the anchor said
    57), or "41:?" when the anchor itself was altered or removed."""
    return f"{found}:{'?' if expected is None else expected}"


class AnchorKeeper:
    """Writes the anchor for one open database. Holds the anchor key (a bytearray, wiped by
    `forget`)."""

    def __init__(self, folder: Path, workspace_id: str, data_key: bytearray) -> None:
        self._folder = folder
        self._workspace_id = workspace_id
        self._key = anchor_key(data_key, workspace_id)
        self._forgotten = False
        self._lock = threading.Lock()  # the key is never zeroed while an anchor is signed
        # (found, expected) when a transaction of this opening found commits missing.
        self.gap_found: tuple[int, int | None] | None = None

    def forget(self) -> None:
        with self._lock:
            self._forgotten = True
            wipe(self._key)

    def _sign(self, new: tuple[int, str], prev: tuple[int, str]) -> AuditAnchor:
        with self._lock:
            if self._forgotten:
                raise WorkspaceLocked  # closed during the transaction: it is rolled back
            return make_anchor(self._key, self._workspace_id, new, prev)

    def _expected_if_gap(
        self, stored: AuditAnchor | None, version: int, prev: tuple[int, str], session: Session
    ) -> tuple[bool, int | None]:
        """(gap found, anchored seq or None when the anchor is unusable)."""
        if stored is None:
            # A version-1 file was never anchored; a version-2 file lost its anchor.
            return version >= 2, None
        with self._lock:
            if self._forgotten:
                raise WorkspaceLocked
            verified = anchor_verifies(self._key, self._workspace_id, stored)
        if not verified:
            return True, None
        hashes = None
        if prev[0] > stored.seq:
            found = repositories.audit_hash_at(session, stored.seq)
            hashes = {} if found is None else {stored.seq: found}
        if compare(stored, prev, hashes) is Agreement.AGREES:
            return False, None
        return True, stored.seq

    def current(self, session: Session) -> AuditAnchor:
        """An anchor on the log's head as the database has it now (a workspace being created)."""
        head = repositories.audit_head(session) or (0, repositories.GENESIS_HASH)
        return self._sign(head, head)

    def seal(self, session: Session) -> None:
        """Called inside a write transaction, just before it commits."""
        pending = repositories.pending_audit(session)
        if pending is None:
            return
        try:
            metadata = read_metadata(self._folder)
        except FileNotFoundError:
            # A workspace being created: its metadata is written last, anchored then.
            return
        prev = pending[0]
        gap, expected = self._expected_if_gap(
            metadata.audit_anchor, metadata.format_version, prev, session
        )
        if gap:
            repositories.append_audit(
                session, None, repositories.GAP_ACTION, "audit", gap_entity_id(prev[0], expected)
            )
            self.gap_found = (prev[0], expected)
        _, new = repositories.pending_audit(session) or pending
        anchor = self._sign(new, prev)
        # No fsync of the folder: a rename lost in a power cut leaves the previous anchor, with
        # the database ahead of it, which `compare` accepts when the anchored entry is intact
        # (the file itself is flushed before the rename, so it is never half-written).
        write_metadata(self._folder, replace(metadata, audit_anchor=anchor), sync_folder=False)
        repositories.forget_pending_audit(session)
