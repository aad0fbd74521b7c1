"""Team sync between the coordinator's workspace (the hub) and volunteers' laptops, by files.

Enrolment: the coordinator writes an invitation (sealed with the invited account's passphrase,
signed by the hub); the volunteer's laptop creates its own workspace for that account and answers
with an enrolment file (sealed to the hub, signed). Bundles: the records this laptop changed that
the other side has not acknowledged, compressed, sealed to the recipient's X25519 key and signed
with the sender's Ed25519 key. Formats: docs/sync-format.md.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from allervers.crypto import kdf
from allervers.domain.sync import (
    BundleReplayed,
    BundleTampered,
    Conflict,
    MergeReport,
    NoPeer,
    Peer,
    UnknownDevice,
)
from allervers.domain.users import Role, User
from allervers.files.atomic import write_atomically
from allervers.services import sync_team
from allervers.services.sync_team import Joined, join
from allervers.services.sync_wire import (
    KIND_BUNDLE,
    Identity,
    b64,
    fingerprint,
    identity,
    open_payload,
    parse,
    read_file,
    require_addressed,
    seal,
    sender_fingerprint,
)
from allervers.services.workspace import (
    OpenWorkspace,
)
from allervers.storage import (
    caseload_repo,
    repositories,
    sync_base,
    sync_conflicts,
    sync_doors,
    sync_feed,
    sync_merge,
    sync_peers,
    sync_prune,
    sync_tables,
    visits_repo,
)
from allervers.storage.database import checkpoint
from allervers.storage.models import new_id

__all__ = ["Joined", "OutReport", "SyncService", "join"]


@dataclass(frozen=True, slots=True)
class OutReport:
    path: Path
    records: int
    peer: Peer


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
        """See `sync_team.invite`."""
        return sync_team.invite(self._workspace, volunteer, passphrase, out, params)

    def enrol(self, reply: Path) -> tuple[Peer, str]:
        """See `sync_team.enrol`."""
        return sync_team.enrol(self._workspace, reply)

    def peers(self) -> list[Peer]:
        with self._workspace.db.read() as session:
            return [
                sync_peers.to_peer(session, r, fingerprint(r.sign_public, r.box_public))
                for r in sync_peers.peer_rows(session)
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
            row = sync_peers.peer_row(session, peer.device_id)
            assert row is not None
            for_user = row.user_id if row.role == Role.VOLUNTEER.value else None
            records = sync_feed.changes_since(session, me.device_id, row.acked_out, for_user)
            upto = sync_tables.counter(session)
            # The hub's list of the volunteer's households: a laptop learns that one was taken
            # from its volunteer even when the household's row is no longer sent to it.
            assigned = (
                None if for_user is None else sync_prune.assigned_households(session, for_user)
            )
            rounds = None if for_user is None else sync_doors.assigned_rounds(session, for_user)
            # A volunteer's values that gave way to the hub's (see sync_merge.merge) go to the
            # coordinator, who chooses.
            to_hub = row.role == Role.COORDINATOR.value
            gave_way = sync_conflicts.conflicts_to_send(session, me.device_id, 0) if to_hub else []
            sync_feed.remember_sent(session, peer.device_id, records)
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
            "sender_key": b64(me.sign_public),
            "sender_box": b64(me.box_public),
        }
        data = seal(me, header, recipient_box, json.dumps(payload).encode("utf-8"))
        write_atomically(out, data)
        ws.audit("sync_bundle_written", "device", peer.device_id)
        return OutReport(out, sum(len(v) for v in records.values()), peer)

    def read_bundle(self, path: Path) -> MergeReport:
        """Verifies, decrypts and merges a bundle; refuses it, changing nothing, if it is
        truncated, altered, replayed, from an unknown laptop or for another workspace."""
        ws = self._workspace
        me = self.identity()
        envelope = parse(path, read_file(path))
        require_addressed(path, envelope, me)
        header = envelope.header
        if header.get("kind") != KIND_BUNDLE:
            raise BundleTampered(path)
        sender = str(header.get("from_device", ""))
        bundle_id = str(header.get("bundle_id", ""))
        with ws.db.read() as session:
            row = sync_peers.peer_row(session, sender)
            if row is None:
                raise UnknownDevice(path, sender_fingerprint(header))
            sender_sign = row.sign_public
            replayed = sync_peers.was_imported(session, bundle_id)
        payload = open_payload(path, envelope, me, sender_sign)
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
            row = sync_peers.peer_row(session, sender)
            assert row is not None
            acked_out = max(row.acked_out, ack)
            keep_user = None if ws.user.is_coordinator else ws.user.id
            from_hub = row.role == Role.COORDINATOR.value and not ws.user.is_coordinator
            sync_base.promote_acknowledged(session, sender, acked_out)
            touched: dict[str, list[str]] = {}
            report = sync_merge.merge(
                session, me.device_id, sender, acked_out, records, keep_user, from_hub, touched
            )
            # A household's contact and caseload columns are worked out here from what is here
            # now (a household row changed on both sides keeps this laptop's, which the new
            # records may move).
            households = sync_merge.households_touched(session, touched)
            visits_repo.contacts_from_visits(session, households)
            caseload_repo.refresh_households(session, households)
            if ws.user.is_coordinator and row.role == Role.VOLUNTEER.value:
                sync_merge.relay(session, me.device_id, row.user_id, touched)
                sync_doors.relay(session, touched)
            if from_hub:
                sync_conflicts.forget_sent_conflicts(session, me.device_id, acked_out)
            elif gave_way:
                received = sync_conflicts.receive_conflicts(session, sender, gave_way)
                report = replace(report, conflicts=report.conflicts + received)
            row.acked_out = acked_out
            if since <= row.acked_in:
                row.acked_in = max(row.acked_in, upto)
            sync_peers.mark_imported(session, bundle_id, sender)
            repositories.append_audit(session, ws.user.id, "sync_bundle_imported", "device", sender)
            if row.role == Role.COORDINATOR.value and not ws.user.is_coordinator:
                # Data minimisation: a lost laptop should expose as little as possible.
                today = self._today or dt.date.today()
                before = (today - dt.timedelta(days=self._grace_days(payload))).isoformat()
                listed = payload.get("assigned")
                assigned = {str(i) for i in listed} if isinstance(listed, list) else None
                pruned = sync_prune.prune(
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
            conflict = sync_conflicts.resolve(session, conflict_id, take_remote)
            repositories.append_audit(
                session, ws.user.id, "sync_conflict_resolved", conflict.entity, conflict.record_id
            )
        return conflict

    def conflicts(self) -> list[Conflict]:
        self._workspace.require_coordinator("conflicts")
        with self._workspace.db.read() as session:
            return sync_conflicts.conflicts(session)
