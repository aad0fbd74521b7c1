"""The workspace's key pairs and the export log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from allervers.storage.models import ExportLogRow, WorkspaceKeyRow, utc_now


def key_pair(
    session: Session, purpose: str, generate: Callable[[], tuple[bytes, bytes]]
) -> tuple[bytes, bytes]:
    """(private, public) for `purpose`, generated and stored the first time it is asked for."""
    row = session.execute(
        select(WorkspaceKeyRow).where(WorkspaceKeyRow.purpose == purpose)
    ).scalar_one_or_none()
    if row is None:
        private, public = generate()
        row = WorkspaceKeyRow(purpose=purpose, private_key=private, public_key=public)
        session.add(row)
    return row.private_key, row.public_key


@dataclass(frozen=True, slots=True)
class ExportLogEntry:
    at: str
    period: str
    file_name: str
    destination: str
    manifest_sha256: str
    microdata: bool


def log_export(session: Session, user_id: str, entry: ExportLogEntry) -> None:
    session.add(
        ExportLogRow(
            user_id=user_id,
            at=entry.at or utc_now(),
            period=entry.period,
            file_name=entry.file_name,
            destination=entry.destination,
            manifest_sha256=entry.manifest_sha256,
            microdata=entry.microdata,
        )
    )


def export_log(session: Session) -> list[ExportLogEntry]:
    rows = session.execute(select(ExportLogRow).order_by(ExportLogRow.at)).scalars()
    return [
        ExportLogEntry(r.at, r.period, r.file_name, r.destination, r.manifest_sha256, r.microdata)
        for r in rows
    ]
