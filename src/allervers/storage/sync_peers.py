"""Team sync in the database: the enrolled peers and the bundles already imported."""

from __future__ import annotations

from sqlalchemy import (
    select,
)
from sqlalchemy.orm import Session

from allervers.domain.sync import Peer
from allervers.domain.users import normalise_user_name
from allervers.storage.models import (
    UserRow,
    utc_now,
)
from allervers.storage.sync_tables import (
    SyncImportedRow,
    SyncPeerRow,
)


def to_peer(session: Session, row: SyncPeerRow, fingerprint: str) -> Peer:
    user = session.get(UserRow, row.user_id)
    name = "" if user is None else user.name
    return Peer(
        row.device_id, row.user_id, row.role, fingerprint, row.acked_out, row.acked_in, name
    )


def peer_row(session: Session, device: str) -> SyncPeerRow | None:
    return session.execute(
        select(SyncPeerRow).where(SyncPeerRow.device_id == device)
    ).scalar_one_or_none()


def peer_rows(session: Session) -> list[SyncPeerRow]:
    return list(session.execute(select(SyncPeerRow).order_by(SyncPeerRow.created_at)).scalars())


def save_peer(
    session: Session,
    device: str,
    workspace_id: str,
    user_id: str,
    role: str,
    sign_public: bytes,
    box_public: bytes,
) -> SyncPeerRow:
    row = peer_row(session, device)
    if row is None:
        row = SyncPeerRow(device_id=device, acked_out=0, acked_in=0)
        session.add(row)
    row.workspace_id = workspace_id
    row.user_id = user_id
    row.role = role
    row.sign_public = sign_public
    row.box_public = box_public
    session.flush()
    return row


def add_user_with_id(session: Session, user_id: str, name: str, role: str, slot_id: str) -> None:
    session.add(
        UserRow(
            id=user_id,
            name=" ".join(name.split()),
            name_key=normalise_user_name(name),
            role=role,
            slot_id=slot_id,
            active=True,
        )
    )
    session.flush()


def was_imported(session: Session, bundle_id: str) -> bool:
    found = session.execute(
        select(SyncImportedRow.id).where(SyncImportedRow.bundle_id == bundle_id)
    ).first()
    return found is not None


def mark_imported(session: Session, bundle_id: str, device: str) -> None:
    session.add(SyncImportedRow(bundle_id=bundle_id, device_id=device, at=utc_now()))
