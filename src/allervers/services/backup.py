"""Encrypted backups: a zip holding an encrypted copy of the database and the metadata file.

The copy is made with SQLCipher's own export (same key), so a backup is as safe as the workspace
and opens with the same passphrases and recovery key as at the time it was taken. A backup is
checked before it is written over nothing: it never replaces an existing file, and a restore goes
to a new folder only after the copy was opened and its pages verified.

The metadata in the backup carries an audit anchor made for the copy (its own log's head), not
the workspace's current one: writes between the copy and the metadata's would otherwise make the
restored workspace look as if it had lost commits. Backups and restored workspaces are readable
by their owner only (files 0600, folders 0700).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

from allervers.crypto.anchor import anchor_key, wipe
from allervers.domain.errors import (
    BackupInvalid,
    StorageFull,
    WorkspaceAlreadyExists,
    WorkspaceCorrupt,
)
from allervers.files.atomic import fsync_directory, is_disk_full, place, sync_file
from allervers.services.workspace import OpenWorkspace, WorkspaceService
from allervers.storage.audit_anchor import make_anchor
from allervers.storage.database import cipher_integrity_problems, export_copy
from allervers.storage.inspection import head_of_copy
from allervers.storage.metadata_file import (
    DATABASE_NAME,
    METADATA_NAME,
    read_metadata,
    write_metadata,
)

BACKUP_FORMAT = "allervers-backup"
MANIFEST = "backup.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(workspace: OpenWorkspace, destination: Path) -> Path:
    """Writes the backup to `destination` (never over an existing file) and returns it."""
    if destination.exists():
        raise WorkspaceAlreadyExists(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    # The temporary copy is encrypted and sits next to the destination, not in a shared /tmp.
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".allervers-") as tmp:
        work = Path(tmp)
        try:
            export_copy(workspace.db.engine, work / DATABASE_NAME, workspace.data_key)
            _write_anchored_metadata(workspace, work)
            manifest = {
                "format": BACKUP_FORMAT,
                "version": 1,
                "files": {name: _sha256(work / name) for name in (DATABASE_NAME, METADATA_NAME)},
            }
            partial = work / "backup.zip"
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
                for name in (DATABASE_NAME, METADATA_NAME):
                    archive.write(work / name, name)
            partial.chmod(0o600)
            sync_file(partial)
            # A hard link fails if the destination appeared meanwhile: never overwrite a backup
            # (files/atomic.py; a USB key without hard links gets a checked rename).
            place(partial, destination, replace=False)
            fsync_directory(destination.parent)
        except OSError as error:
            if is_disk_full(error):
                raise StorageFull(destination) from error
            raise
    workspace.audit("backup_written")
    return destination


def _write_anchored_metadata(workspace: OpenWorkspace, folder: Path) -> None:
    """The workspace's metadata, anchored to the head of the copy's audit log."""
    metadata = read_metadata(workspace.path)
    data_key = bytearray(workspace.data_key)
    key = anchor_key(data_key, metadata.workspace_id)
    try:
        head = head_of_copy(folder / DATABASE_NAME, data_key)
        anchor = make_anchor(key, metadata.workspace_id, head, head)
    finally:
        wipe(key)
        wipe(data_key)
    write_metadata(folder, replace(metadata, audit_anchor=anchor))


def _extract(archive_path: Path, target: Path) -> None:
    try:
        with zipfile.ZipFile(archive_path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            if manifest.get("format") != BACKUP_FORMAT:
                raise BackupInvalid(archive_path, "format")
            files = manifest["files"]
            if set(files) != {DATABASE_NAME, METADATA_NAME}:
                raise BackupInvalid(archive_path, "content")
            for name, expected in files.items():
                archive.extract(name, target)
                (target / name).chmod(0o600)
                if _sha256(target / name) != expected:
                    raise BackupInvalid(archive_path, "checksum")
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise BackupInvalid(archive_path, type(error).__name__) from error


def restore(
    service: WorkspaceService, archive_path: Path, target: Path, user_name: str, passphrase: str
) -> OpenWorkspace:
    """Restores a backup into a new folder and opens it; refuses a folder that is not empty."""
    if not archive_path.is_file():
        raise BackupInvalid(archive_path, "missing")
    if target.exists() and any(target.iterdir()):
        raise WorkspaceAlreadyExists(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".allervers-restore-"))
    try:
        _extract(archive_path, staging)
        read_metadata(staging)
        workspace = service.unlock(staging, user_name, passphrase)
        try:
            problems = cipher_integrity_problems(workspace.db.engine)
        finally:
            workspace.lock()
        if problems:
            raise WorkspaceCorrupt(archive_path, "pages")
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
        fsync_directory(target.parent)
    except OSError as error:
        if is_disk_full(error):
            raise StorageFull(target) from error
        raise
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    opened = service.unlock(target, user_name, passphrase)
    opened.audit("backup_restored")
    return opened
