"""Team enrolment: the coordinator's invitation (sealed with the invited account's passphrase,
signed by the hub), the volunteer's laptop joining with it, and the hub recording the
laptop's answer. Formats: docs/sync-format.md."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from allervers.crypto import box, kdf, keywrap, signing
from allervers.domain.errors import InvalidInput, UserAlreadyExists, WorkspaceAlreadyExists
from allervers.domain.sync import (
    BundleTampered,
    InvitationInvalid,
    Peer,
)
from allervers.domain.users import Role, User
from allervers.files.atomic import write_atomically
from allervers.services import keyslots
from allervers.services.sync_wire import (
    INVITATION_AAD,
    INVITATION_FORMAT,
    KIND_ENROL,
    b64,
    fingerprint,
    identity,
    open_payload,
    parse,
    read_file,
    require_addressed,
    seal,
    unb64,
)
from allervers.services.workspace import (
    CreatedWorkspace,
    OpenWorkspace,
    clean_name,
    is_workspace,
    require_strong,
)
from allervers.storage import (
    migrate,
    repositories,
    sync_peers,
    sync_tables,
)
from allervers.storage.database import Database
from allervers.storage.metadata_file import WorkspaceMetadata, database_path
from allervers.storage.models import new_id


def invite(
    workspace: OpenWorkspace,
    volunteer: str,
    passphrase: str,
    out: Path,
    params: kdf.KdfParams | None = None,
) -> tuple[User, str]:
    """Writes the invitation, sealed with the account's passphrase (the volunteer types it
    on their laptop) and signed by the hub, then creates the volunteer's account. In that
    order: a file that cannot be written leaves no account behind, and the same name can be
    invited again."""
    ws = workspace
    ws.require_coordinator("invite")
    name = clean_name("user", volunteer)
    require_strong(passphrase)
    with ws.db.read() as session:
        if repositories.find_user(session, name) is not None:
            raise UserAlreadyExists(name)
    me = identity(ws)
    user_id = new_id()
    body = {
        "workspace_id": me.workspace_id,
        "hub_device": me.device_id,
        "territory": ws.territory(),
        "volunteer_id": user_id,
        "volunteer_name": name,
        "coordinator_id": ws.user.id,
        "coordinator_name": ws.user.name,
        "sign_public": b64(me.sign_public),
        "box_public": b64(me.box_public),
    }
    params = params or ws._kdf_params  # same cost as the account slot
    salt, sealed = box.seal_with_passphrase(
        passphrase, json.dumps(body).encode("utf-8"), params, INVITATION_AAD
    )
    document = {
        "format": INVITATION_FORMAT,
        "version": 1,
        "kdf": params.to_json(),
        "salt": b64(salt),
        "sealed": b64(sealed),
        "signature": b64(signing.sign(me.sign_private, salt + sealed)),
    }
    write_atomically(out, json.dumps(document, indent=1).encode("utf-8"))
    try:
        user = ws.add_user(name, Role.VOLUNTEER, passphrase, user_id)
    except BaseException:
        out.unlink(missing_ok=True)  # it names an account that does not exist
        raise
    ws.audit("sync_invitation_written", "user", user.id)
    return user, me.fingerprint


def enrol(workspace: OpenWorkspace, reply: Path) -> tuple[Peer, str]:
    """Records the volunteer laptop that answered an invitation; returns its fingerprint."""
    ws = workspace
    ws.require_coordinator("enrol")
    me = identity(ws)
    envelope = parse(reply, read_file(reply))
    require_addressed(reply, envelope, me)
    if envelope.header.get("kind") != KIND_ENROL:
        raise BundleTampered(reply)
    try:
        sender_sign = unb64(envelope.header.get("sender_key"))
    except ValueError as error:
        raise BundleTampered(reply) from error
    payload = open_payload(reply, envelope, me, sender_sign)
    try:
        box_public = unb64(payload["box_public"])
        device = str(payload["device_id"])
        user_id = str(payload["user_id"])
        workspace_id = str(payload["workspace_id"])
        same_key = unb64(payload["sign_public"]) == sender_sign
    except (KeyError, ValueError) as error:
        raise BundleTampered(reply) from error
    if not same_key:
        raise BundleTampered(reply)
    with ws.db.session() as session:
        if user_id not in set(sync_tables.user_ids(session)):
            raise InvalidInput("user", "unknown")
        sync_peers.save_peer(
            session,
            device,
            workspace_id,
            user_id,
            Role.VOLUNTEER.value,
            sender_sign,
            box_public,
        )
        repositories.append_audit(session, ws.user.id, "sync_peer_enrolled", "user", user_id)
        row = sync_peers.peer_row(session, device)
        assert row is not None
        fp = fingerprint(sender_sign, box_public)
        return sync_peers.to_peer(session, row, fp), fp


@dataclass(frozen=True, slots=True)
class Joined:
    created: CreatedWorkspace
    hub_fingerprint: str
    own_fingerprint: str


def read_invitation(path: Path, passphrase: str) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != INVITATION_FORMAT:
            raise ValueError
        params = kdf.KdfParams.from_json(document["kdf"])
        salt, sealed = unb64(document["salt"]), unb64(document["sealed"])
        signature = unb64(document["signature"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise InvitationInvalid(path) from error
    try:
        body = json.loads(
            box.open_with_passphrase(passphrase, salt, sealed, params, INVITATION_AAD)
        )
        sign_public = unb64(body["sign_public"])
    except (box.BoxOpenFailed, ValueError, KeyError) as error:
        raise InvitationInvalid(path) from error
    if not signing.verify(sign_public, salt + sealed, signature):
        raise InvitationInvalid(path)
    return dict(body)


def join(
    invitation: Path,
    path: Path,
    passphrase: str,
    reply: Path,
    params: kdf.KdfParams = kdf.DEFAULT_PARAMS,
) -> Joined:
    """On the volunteer's laptop: a new workspace for the invited account (same id, same
    passphrase), the hub recorded as its peer, and the enrolment reply sealed to the hub."""
    body = read_invitation(invitation, passphrase)
    require_strong(passphrase)
    name = clean_name("user", str(body["volunteer_name"]))
    if is_workspace(path) or database_path(path).exists():
        raise WorkspaceAlreadyExists(path)
    made_folder = not path.exists()
    path.mkdir(parents=True, exist_ok=True)
    data_key = keywrap.new_data_key()
    workspace_id = new_id()
    recovery_slot, recovery_key = keyslots.make_recovery(workspace_id, data_key)
    metadata = WorkspaceMetadata(
        workspace_id=workspace_id, hint_salt=kdf.new_salt(), recovery=recovery_slot
    )
    slot = keyslots.make_slot(metadata, name, passphrase, data_key, params)
    metadata = metadata.with_slot(slot)
    database = Database.create(database_path(path), data_key)
    hub_sign, hub_box = unb64(body["sign_public"]), unb64(body["box_public"])
    try:
        migrate.upgrade(database.engine)
        with database.session() as session:
            repositories.set_territory(session, str(body["territory"]))
            volunteer_id = str(body["volunteer_id"])
            sync_peers.add_user_with_id(
                session, volunteer_id, name, Role.VOLUNTEER.value, slot.slot_id
            )
            sync_peers.add_user_with_id(
                session,
                str(body["coordinator_id"]),
                str(body["coordinator_name"]),
                Role.COORDINATOR.value,
                "",
            )
            sync_peers.save_peer(
                session,
                str(body["hub_device"]),
                str(body["workspace_id"]),
                str(body["coordinator_id"]),
                Role.COORDINATOR.value,
                hub_sign,
                hub_box,
            )
            repositories.append_audit(session, volunteer_id, "workspace_joined")
        user = User(volunteer_id, name, Role.VOLUNTEER)
        workspace = OpenWorkspace(path, metadata, database, user, data_key, params)
        me = identity(workspace)
        header = {
            "kind": KIND_ENROL,
            "bundle_id": new_id(),
            "from_device": me.device_id,
            "to_device": str(body["hub_device"]),
            "to_workspace": str(body["workspace_id"]),
            "sender_key": b64(me.sign_public),
        }
        payload = {
            "device_id": me.device_id,
            "workspace_id": me.workspace_id,
            "user_id": volunteer_id,
            "sign_public": b64(me.sign_public),
            "box_public": b64(me.box_public),
        }
        sealed = seal(me, header, hub_box, json.dumps(payload).encode("utf-8"))
        # The reply before the metadata file: if the reply cannot be written, no workspace is
        # left behind and joining can simply be tried again.
        write_atomically(reply, sealed)
        workspace.write_first_metadata()
    except BaseException:
        database.dispose()
        for leftover in path.glob(database_path(path).name + "*"):
            leftover.unlink(missing_ok=True)
        if made_folder and not any(path.iterdir()):
            path.rmdir()
        raise
    return Joined(
        CreatedWorkspace(workspace, recovery_key), fingerprint(hub_sign, hub_box), me.fingerprint
    )
