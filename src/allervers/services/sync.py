"""Team sync between the coordinator's workspace (the hub) and volunteers' laptops, by files.

Enrolment: the coordinator writes an invitation (sealed with the invited account's passphrase,
signed by the hub); the volunteer's laptop creates its own workspace for that account and answers
with an enrolment file (sealed to the hub, signed). Bundles: the records this laptop changed that
the other side has not acknowledged, compressed, sealed to the recipient's X25519 key and signed
with the sender's Ed25519 key. Formats: docs/sync-format.md.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import struct
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from allervers.crypto import box, kdf, keywrap, signing
from allervers.domain.errors import InvalidInput, UserAlreadyExists, WorkspaceAlreadyExists
from allervers.domain.sync import (
    BundleNotForUs,
    BundleReplayed,
    BundleTampered,
    BundleTruncated,
    Conflict,
    InvitationInvalid,
    MergeReport,
    NoPeer,
    Peer,
    UnknownDevice,
)
from allervers.domain.users import Role, User
from allervers.services import keyslots
from allervers.services.workspace import (
    CreatedWorkspace,
    OpenWorkspace,
    clean_name,
    is_workspace,
    require_strong,
)
from allervers.storage import (
    caseload_repo,
    keys_repo,
    migrate,
    repositories,
    sync_base,
    sync_doors,
    sync_repo,
    visits_repo,
)
from allervers.storage.atomic import write_atomically
from allervers.storage.database import Database, checkpoint
from allervers.storage.metadata_file import WorkspaceMetadata, database_path
from allervers.storage.models import new_id

SIGN_PURPOSE = "sync_signing"
BOX_PURPOSE = "sync_box"
MAGIC = b"AVSYNC1\x00"
PREFIX = struct.Struct(">8sQI")  # magic, total length, header length
INVITATION_FORMAT = "allervers-invitation"
INVITATION_AAD = b"allervers invitation v1"
KIND_BUNDLE = "bundle"
KIND_ENROL = "enrol"
DIGEST_BYTES = 32  # SHA-256 of all that precedes: tells damage from a wrong addressee


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """One short fingerprint for both public keys of a laptop, compared in person."""
    return signing.fingerprint(sign_public + box_public)


@dataclass(frozen=True, slots=True)
class Identity:
    device_id: str
    workspace_id: str
    sign_private: bytes
    sign_public: bytes
    box_private: bytes
    box_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)


@dataclass(frozen=True, slots=True)
class Envelope:
    header: dict[str, Any]
    signed: bytes  # everything the signature covers
    sealed: bytes
    signature: bytes
    aad: bytes


@dataclass(frozen=True, slots=True)
class OutReport:
    path: Path
    records: int
    peer: Peer


def _new_sign() -> tuple[bytes, bytes]:
    private = signing.new_private_key()
    return private, signing.public_key(private)


def _new_box() -> tuple[bytes, bytes]:
    private = box.new_private_key()
    return private, box.public_key(private)


def identity(workspace: OpenWorkspace) -> Identity:
    """This workspace's device id and sync keys, made on first use."""
    with workspace.db.session() as session:
        device = sync_repo.device_id(session)
        sign_private, sign_public = keys_repo.key_pair(session, SIGN_PURPOSE, _new_sign)
        box_private, box_public = keys_repo.key_pair(session, BOX_PURPOSE, _new_box)
    return Identity(
        device, workspace.metadata.workspace_id, sign_private, sign_public, box_private, box_public
    )


def _envelope(
    sender: Identity, header: dict[str, Any], recipient_box: bytes, payload: bytes
) -> bytes:
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    body = zlib.compress(payload, 6)
    sealed_len = len(body) + box.BOX_OVERHEAD
    total = PREFIX.size + len(header_bytes) + sealed_len + signing.SIGNATURE_BYTES + DIGEST_BYTES
    aad = PREFIX.pack(MAGIC, total, len(header_bytes)) + header_bytes
    sealed = box.seal(recipient_box, body, aad)
    signed = aad + sealed
    whole = signed + signing.sign(sender.sign_private, signed)
    return whole + hashlib.sha256(whole).digest()


def _parse(path: Path, data: bytes) -> Envelope:
    if len(data) < PREFIX.size:
        raise BundleTruncated(path)
    magic, total, header_len = PREFIX.unpack_from(data)
    if magic != MAGIC:
        raise BundleTruncated(path)
    if len(data) < total:
        raise BundleTruncated(path)
    minimum = PREFIX.size + header_len + box.BOX_OVERHEAD + signing.SIGNATURE_BYTES + DIGEST_BYTES
    if len(data) > total or total < minimum:
        raise BundleTampered(path)
    data, digest = data[:-DIGEST_BYTES], data[-DIGEST_BYTES:]
    if hashlib.sha256(data).digest() != digest:
        raise BundleTampered(path)
    aad = data[: PREFIX.size + header_len]
    try:
        header = json.loads(data[PREFIX.size : PREFIX.size + header_len].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleTampered(path) from error
    if not isinstance(header, dict):
        raise BundleTampered(path)
    signed, signature = data[: -signing.SIGNATURE_BYTES], data[-signing.SIGNATURE_BYTES :]
    return Envelope(header, signed, data[len(aad) : -signing.SIGNATURE_BYTES], signature, aad)


def _open(path: Path, envelope: Envelope, me: Identity, sign_public: bytes) -> dict[str, Any]:
    if not signing.verify(sign_public, envelope.signed, envelope.signature):
        raise BundleTampered(path)
    try:
        plain = zlib.decompress(box.open_sealed(me.box_private, envelope.sealed, envelope.aad))
        payload = json.loads(plain.decode("utf-8"))
    except (box.BoxOpenFailed, zlib.error, UnicodeDecodeError, ValueError) as error:
        raise BundleTampered(path) from error
    if not isinstance(payload, dict):
        raise BundleTampered(path)
    return payload


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BundleTruncated(path) from None


def _sender_fingerprint(header: dict[str, Any]) -> str:
    try:
        return fingerprint(_unb64(header["sender_key"]), _unb64(header["sender_box"]))
    except (KeyError, ValueError):
        return ""


def _require_addressed(path: Path, envelope: Envelope, me: Identity) -> None:
    header = envelope.header
    if header.get("to_workspace") != me.workspace_id or header.get("to_device") != me.device_id:
        raise BundleNotForUs(path)


class SyncService:
    def __init__(
        self,
        workspace: OpenWorkspace,
        keep_days: int | None = None,
        today: dt.date | None = None,
    ) -> None:
        """`keep_days` overrides the grace period (`sync_grace_days`) for this import. Otherwise
        the coordinator's setting, carried by the hub's bundles, applies on the volunteers'
        laptops (the laptop's own setting for bundles written before it was carried)."""
        self._workspace = workspace
        self._keep_days = keep_days
        self._today = today

    def identity(self) -> Identity:
        return identity(self._workspace)

    # Enrolment ----------------------------------------------------------------------------

    def invite(
        self, volunteer: str, passphrase: str, out: Path, params: kdf.KdfParams | None = None
    ) -> tuple[User, str]:
        """Writes the invitation, sealed with the account's passphrase (the volunteer types it
        on their laptop) and signed by the hub, then creates the volunteer's account. In that
        order: a file that cannot be written leaves no account behind, and the same name can be
        invited again."""
        ws = self._workspace
        ws.require_coordinator("invite")
        name = clean_name("user", volunteer)
        require_strong(passphrase)
        with ws.db.read() as session:
            if repositories.find_user(session, name) is not None:
                raise UserAlreadyExists(name)
        me = self.identity()
        user_id = new_id()
        body = {
            "workspace_id": me.workspace_id,
            "hub_device": me.device_id,
            "territory": ws.territory(),
            "volunteer_id": user_id,
            "volunteer_name": name,
            "coordinator_id": ws.user.id,
            "coordinator_name": ws.user.name,
            "sign_public": _b64(me.sign_public),
            "box_public": _b64(me.box_public),
        }
        params = params or ws._kdf_params  # same cost as the account slot
        salt, sealed = box.seal_with_passphrase(
            passphrase, json.dumps(body).encode("utf-8"), params, INVITATION_AAD
        )
        document = {
            "format": INVITATION_FORMAT,
            "version": 1,
            "kdf": params.to_json(),
            "salt": _b64(salt),
            "sealed": _b64(sealed),
            "signature": _b64(signing.sign(me.sign_private, salt + sealed)),
        }
        write_atomically(out, json.dumps(document, indent=1).encode("utf-8"))
        try:
            user = ws.add_user(name, Role.VOLUNTEER, passphrase, user_id)
        except BaseException:
            out.unlink(missing_ok=True)  # it names an account that does not exist
            raise
        ws.audit("sync_invitation_written", "user", user.id)
        return user, me.fingerprint

    def enrol(self, reply: Path) -> tuple[Peer, str]:
        """Records the volunteer laptop that answered an invitation; returns its fingerprint."""
        ws = self._workspace
        ws.require_coordinator("enrol")
        me = self.identity()
        envelope = _parse(reply, _read(reply))
        _require_addressed(reply, envelope, me)
        if envelope.header.get("kind") != KIND_ENROL:
            raise BundleTampered(reply)
        try:
            sender_sign = _unb64(envelope.header.get("sender_key"))
        except ValueError as error:
            raise BundleTampered(reply) from error
        payload = _open(reply, envelope, me, sender_sign)
        try:
            box_public = _unb64(payload["box_public"])
            device = str(payload["device_id"])
            user_id = str(payload["user_id"])
            workspace_id = str(payload["workspace_id"])
            same_key = _unb64(payload["sign_public"]) == sender_sign
        except (KeyError, ValueError) as error:
            raise BundleTampered(reply) from error
        if not same_key:
            raise BundleTampered(reply)
        with ws.db.session() as session:
            if user_id not in set(sync_repo.user_ids(session)):
                raise InvalidInput("user", "unknown")
            sync_repo.save_peer(
                session,
                device,
                workspace_id,
                user_id,
                Role.VOLUNTEER.value,
                sender_sign,
                box_public,
            )
            repositories.append_audit(session, ws.user.id, "sync_peer_enrolled", "user", user_id)
            row = sync_repo.peer_row(session, device)
            assert row is not None
            fp = fingerprint(sender_sign, box_public)
            return sync_repo.to_peer(session, row, fp), fp

    def peers(self) -> list[Peer]:
        with self._workspace.db.read() as session:
            return [
                sync_repo.to_peer(session, r, fingerprint(r.sign_public, r.box_public))
                for r in sync_repo.peer_rows(session)
            ]

    # Bundles ------------------------------------------------------------------------------

    def _choose_peer(self, volunteer: str | None) -> Peer:
        peers = self.peers()
        if volunteer is not None:
            with self._workspace.db.read() as session:
                found = repositories.find_user(session, volunteer)
            peers = [p for p in peers if found is not None and p.user_id == found[0].id]
        if len(peers) != 1:
            raise NoPeer("none" if not peers else "several")
        return peers[0]

    def write_bundle(self, out: Path, volunteer: str | None = None) -> OutReport:
        """Every record this laptop changed that `peer` has not acknowledged, sealed to it."""
        ws = self._workspace
        me = self.identity()
        peer = self._choose_peer(volunteer)
        with ws.db.session() as session:
            row = sync_repo.peer_row(session, peer.device_id)
            assert row is not None
            for_user = row.user_id if row.role == Role.VOLUNTEER.value else None
            records = sync_repo.changes_since(session, me.device_id, row.acked_out, for_user)
            upto = sync_repo.counter(session)
            # The hub's list of the volunteer's households: a laptop learns that one was taken
            # from its volunteer even when the household's row is no longer sent to it.
            assigned = (
                None if for_user is None else sync_repo.assigned_households(session, for_user)
            )
            rounds = None if for_user is None else sync_doors.assigned_rounds(session, for_user)
            # A volunteer's values that gave way to the hub's (see sync_repo.merge) go to the
            # coordinator, who chooses.
            to_hub = row.role == Role.COORDINATOR.value
            gave_way = sync_repo.conflicts_to_send(session, me.device_id, 0) if to_hub else []
            sync_repo.remember_sent(session, peer.device_id, records)
            recipient_box, workspace_id = row.box_public, row.workspace_id
        payload = {
            "since": peer.acked_out,
            "upto": upto,
            "ack": peer.acked_in,
            "records": records,
            "assigned": assigned,
            "rounds": rounds,
            "conflicts": gave_way,
            # The team's grace period is the coordinator's choice.
            "grace_days": ws.settings.sync_grace_days if for_user is not None else None,
        }
        header = {
            "kind": KIND_BUNDLE,
            "bundle_id": new_id(),
            "from_device": me.device_id,
            "to_device": peer.device_id,
            "to_workspace": workspace_id,
            # Public keys, so that a laptop that does not know the sender can show its
            # fingerprint in the refusal.
            "sender_key": _b64(me.sign_public),
            "sender_box": _b64(me.box_public),
        }
        data = _envelope(me, header, recipient_box, json.dumps(payload).encode("utf-8"))
        write_atomically(out, data)
        ws.audit("sync_bundle_written", "device", peer.device_id)
        return OutReport(out, sum(len(v) for v in records.values()), peer)

    def read_bundle(self, path: Path) -> MergeReport:
        """Verifies, decrypts and merges a bundle; refuses it, changing nothing, if it is
        truncated, altered, replayed, from an unknown laptop or for another workspace."""
        ws = self._workspace
        me = self.identity()
        envelope = _parse(path, _read(path))
        _require_addressed(path, envelope, me)
        header = envelope.header
        if header.get("kind") != KIND_BUNDLE:
            raise BundleTampered(path)
        sender = str(header.get("from_device", ""))
        bundle_id = str(header.get("bundle_id", ""))
        with ws.db.read() as session:
            row = sync_repo.peer_row(session, sender)
            if row is None:
                raise UnknownDevice(path, _sender_fingerprint(header))
            sender_sign = row.sign_public
            replayed = sync_repo.was_imported(session, bundle_id)
        payload = _open(path, envelope, me, sender_sign)
        if replayed:
            raise BundleReplayed(path)
        try:
            since, upto, ack = int(payload["since"]), int(payload["upto"]), int(payload["ack"])
            records = payload["records"]
            gave_way = payload.get("conflicts") or []
            if not isinstance(records, dict) or not isinstance(gave_way, list):
                raise TypeError
        except (KeyError, TypeError, ValueError) as error:
            raise BundleTampered(path) from error
        with ws.db.session() as session:
            row = sync_repo.peer_row(session, sender)
            assert row is not None
            acked_out = max(row.acked_out, ack)
            keep_user = None if ws.user.is_coordinator else ws.user.id
            from_hub = row.role == Role.COORDINATOR.value and not ws.user.is_coordinator
            sync_base.promote_acknowledged(session, sender, acked_out)
            touched: dict[str, list[str]] = {}
            report = sync_repo.merge(
                session, me.device_id, sender, acked_out, records, keep_user, from_hub, touched
            )
            # A household's contact and caseload columns are worked out here from what is here
            # now (a household row changed on both sides keeps this laptop's, which the new
            # records may move).
            households = sync_repo.households_touched(session, touched)
            visits_repo.contacts_from_visits(session, households)
            caseload_repo.refresh_households(session, households)
            if ws.user.is_coordinator and row.role == Role.VOLUNTEER.value:
                sync_repo.relay(session, me.device_id, row.user_id, touched)
                sync_doors.relay(session, touched)
            if from_hub:
                sync_repo.forget_sent_conflicts(session, me.device_id, acked_out)
            elif gave_way:
                received = sync_repo.receive_conflicts(session, sender, gave_way)
                report = replace(report, conflicts=report.conflicts + received)
            row.acked_out = acked_out
            if since <= row.acked_in:
                row.acked_in = max(row.acked_in, upto)
            sync_repo.mark_imported(session, bundle_id, sender)
            repositories.append_audit(session, ws.user.id, "sync_bundle_imported", "device", sender)
            if row.role == Role.COORDINATOR.value and not ws.user.is_coordinator:
                # Data minimisation: a lost laptop should expose as little as possible.
                today = self._today or dt.date.today()
                before = (today - dt.timedelta(days=self._grace_days(payload))).isoformat()
                listed = payload.get("assigned")
                assigned = {str(i) for i in listed} if isinstance(listed, list) else None
                pruned = sync_repo.prune(
                    session, me.device_id, row.acked_out, before, ws.user.id, assigned
                )
                listed_rounds = payload.get("rounds")
                rounds = (
                    {str(i) for i in listed_rounds} if isinstance(listed_rounds, list) else None
                )
                pruned += sync_doors.prune(session, me.device_id, row.acked_out, before, rounds)
                report = replace(report, pruned=pruned)
        if report.pruned:
            checkpoint(ws.db.engine)  # the removed rows must not linger in the WAL
        return report

    def _grace_days(self, payload: dict[str, Any]) -> int:
        if self._keep_days is not None:
            return self._keep_days
        carried = payload.get("grace_days")
        if isinstance(carried, int) and not isinstance(carried, bool) and carried >= 0:
            return carried
        return self._workspace.settings.sync_grace_days

    def resolve(self, conflict_id: str, take_remote: bool) -> Conflict:
        """The coordinator settles a conflict: keep this workspace's value or take the other."""
        ws = self._workspace
        ws.require_coordinator("conflicts")
        with ws.db.session() as session:
            conflict = sync_repo.resolve(session, conflict_id, take_remote)
            repositories.append_audit(
                session, ws.user.id, "sync_conflict_resolved", conflict.entity, conflict.record_id
            )
        return conflict

    def conflicts(self) -> list[Conflict]:
        self._workspace.require_coordinator("conflicts")
        with self._workspace.db.read() as session:
            return sync_repo.conflicts(session)


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
        salt, sealed = _unb64(document["salt"]), _unb64(document["sealed"])
        signature = _unb64(document["signature"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise InvitationInvalid(path) from error
    try:
        body = json.loads(
            box.open_with_passphrase(passphrase, salt, sealed, params, INVITATION_AAD)
        )
        sign_public = _unb64(body["sign_public"])
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
    hub_sign, hub_box = _unb64(body["sign_public"]), _unb64(body["box_public"])
    try:
        migrate.upgrade(database.engine)
        with database.session() as session:
            repositories.set_territory(session, str(body["territory"]))
            volunteer_id = str(body["volunteer_id"])
            sync_repo.add_user_with_id(
                session, volunteer_id, name, Role.VOLUNTEER.value, slot.slot_id
            )
            sync_repo.add_user_with_id(
                session,
                str(body["coordinator_id"]),
                str(body["coordinator_name"]),
                Role.COORDINATOR.value,
                "",
            )
            sync_repo.save_peer(
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
            "sender_key": _b64(me.sign_public),
        }
        payload = {
            "device_id": me.device_id,
            "workspace_id": me.workspace_id,
            "user_id": volunteer_id,
            "sign_public": _b64(me.sign_public),
            "box_public": _b64(me.box_public),
        }
        sealed = _envelope(me, header, hub_box, json.dumps(payload).encode("utf-8"))
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
