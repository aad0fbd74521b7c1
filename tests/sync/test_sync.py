"""Team sync with real workspaces: one coordinator (the hub) and two volunteers' laptops."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from allervers.domain.referrals import ReferralStatus
from allervers.domain.rights import Organisation, RightId
from allervers.domain.sync import (
    BundleNotForUs,
    BundleReplayed,
    BundleTampered,
    BundleTruncated,
    InvitationInvalid,
    UnknownDevice,
)
from allervers.messages import describe
from allervers.services.caseload import CaseloadService, step
from allervers.services.sync import SyncService, join
from allervers.services.visits import VisitService
from allervers.services.workspace import CreatedWorkspace, OpenWorkspace
from allervers.storage.models import HouseholdRow
from tests.conftest import FAST_KDF, OTHER_PASSPHRASE, file_hashes
from tests.integration.test_caseload import interview

SECOND_PASSPHRASE = "trois merles chantent au bord du canal"


@dataclass
class Team:
    hub: OpenWorkspace
    alice: OpenWorkspace
    bruno: OpenWorkspace
    folder: Path


def enrol(hub: OpenWorkspace, folder: Path, name: str, passphrase: str) -> OpenWorkspace:
    invitation = folder / f"{name}.invite"
    reply = folder / f"{name}.reply"
    user, hub_fp = SyncService(hub).invite(name, passphrase, invitation, FAST_KDF)
    joined = join(invitation, folder / f"ws-{name}", passphrase, reply, FAST_KDF)
    assert joined.hub_fingerprint == hub_fp
    peer, fp = SyncService(hub).enrol(reply)
    assert fp == joined.own_fingerprint and peer.user_id == user.id
    assert joined.created.workspace.user.id == user.id
    return joined.created.workspace


@pytest.fixture
def team(created: CreatedWorkspace, tmp_path: Path) -> Iterator[Team]:
    folder = tmp_path / "team"
    folder.mkdir()
    hub = created.workspace
    alice = enrol(hub, folder, "Alice Marchand", OTHER_PASSPHRASE)
    bruno = enrol(hub, folder, "Bruno Kervella", SECOND_PASSPHRASE)
    yield Team(hub, alice, bruno, folder)
    alice.lock()
    bruno.lock()


def settled_hashes(workspace: OpenWorkspace) -> dict[str, str]:
    """The files' hashes once SQLite has noted a read of the last write: a read transaction
    records its WAL read mark in the -shm index (no data) the first time after a write."""
    SyncService(workspace).peers()
    return file_hashes(workspace.path)


def send(source: OpenWorkspace, target: OpenWorkspace, file: Path, volunteer: str | None = None):  # type: ignore[no-untyped-def]
    SyncService(source).write_bundle(file, volunteer)
    return SyncService(target).read_bundle(file)


def test_round_trip_two_volunteers_and_the_coordinator(team: Team, tmp_path: Path) -> None:
    visit_a = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    visit_b = interview(team.bruno, tmp_path, "Yannick Loussouarn", "2026-01-06")
    referral = CaseloadService(team.alice, today=dt.date(2026, 1, 7)).refer(
        visit_a, RightId.RSA, Organisation.CAF
    )
    report_a = send(team.alice, team.hub, tmp_path / "a.avsync")
    report_b = send(team.bruno, team.hub, tmp_path / "b.avsync")
    assert report_a.inserted >= 3 and report_b.inserted >= 2
    hub_visits = {v.id: v for v in VisitService(team.hub).list_visits()}
    assert visit_a in hub_visits and visit_b in hub_visits
    assert hub_visits[visit_a].answers["contact_name"] == "Gaëlle Tourmente"

    # The coordinator assigns Bruno's household to Bruno for a revisit and follows Alice's
    # referral up; each return bundle reaches only its volunteer.
    caseload = CaseloadService(team.hub, today=dt.date(2026, 1, 20))
    household_b = hub_visits[visit_b].household_id
    caseload.assign(household_b, team.bruno.user.id)
    caseload.advance(referral.id, step(ReferralStatus.REFERRED, dt.date(2026, 1, 20)))
    send(team.hub, team.alice, tmp_path / "to-a.avsync", "Alice Marchand")
    send(team.hub, team.bruno, tmp_path / "to-b.avsync", "Bruno Kervella")
    alice_referrals = CaseloadService(team.alice).referrals(referral.household_id)
    assert [r.status for r in alice_referrals] == [ReferralStatus.REFERRED]
    assert CaseloadService(team.bruno).referrals(referral.household_id) == []
    assigned = [r.household_id for r in VisitService(team.bruno).list_visits() if r.id == visit_b]
    assert assigned == [household_b]
    from allervers.storage.visits_repo import household_row

    with team.bruno.db.session() as session:
        assert household_row(session, household_b).assigned_to == team.bruno.user.id
    with team.alice.db.session() as session:
        from allervers.storage.repositories import list_users

        assert {u.name for u in list_users(session)} == {"Alice Marchand", "Hortense Quillivic"}
    # Acknowledged: Alice's next bundle carries nothing already on the hub.
    assert SyncService(team.alice).write_bundle(tmp_path / "a2.avsync").records == 0


def test_reimport_is_refused_and_merging_the_same_records_twice_changes_nothing(
    team: Team, tmp_path: Path
) -> None:
    interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    first, second = tmp_path / "1.avsync", tmp_path / "2.avsync"
    SyncService(team.alice).write_bundle(first)
    SyncService(team.alice).write_bundle(second)  # same records, not yet acknowledged
    hub = SyncService(team.hub)
    assert hub.read_bundle(first).inserted > 0
    report = hub.read_bundle(second)
    assert report.inserted == report.updated == report.conflicts == 0
    before = settled_hashes(team.hub)
    with pytest.raises(BundleReplayed):
        hub.read_bundle(first)
    assert file_hashes(team.hub.path) == before


def test_bad_bundles_are_refused_and_change_nothing(
    team: Team, created: CreatedWorkspace, tmp_path: Path
) -> None:
    interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    good = tmp_path / "good.avsync"
    SyncService(team.alice).write_bundle(good)
    data = good.read_bytes()
    flips = []
    for at in (30, len(data) // 2, len(data) - 70, len(data) - 1):  # header, data, signature
        flipped = tmp_path / f"flipped-{at}.avsync"
        flipped.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])
        flips.append((flipped, BundleTampered))
    # A forger who also fixes the damage check is stopped by the signature.
    import hashlib

    body = data[:-32]
    body = body[:-100] + bytes([body[-100] ^ 1]) + body[-99:]
    forged = tmp_path / "forged.avsync"
    forged.write_bytes(body + hashlib.sha256(body).digest())
    flips.append((forged, BundleTampered))
    truncated = tmp_path / "truncated.avsync"
    truncated.write_bytes(data[: len(data) // 2])
    to_bruno = tmp_path / "to-bruno.avsync"  # from the hub, addressed to another workspace
    SyncService(team.hub).write_bundle(to_bruno, "Bruno Kervella")
    before = settled_hashes(team.hub)
    hub = SyncService(team.hub)
    for bundle, error in (
        *flips,
        (truncated, BundleTruncated),
        (to_bruno, BundleNotForUs),
    ):
        with pytest.raises(error):
            hub.read_bundle(bundle)
        assert file_hashes(team.hub.path) == before
    # From a laptop that was never enrolled (it answered an invitation, the hub never enrolled it).
    stranger = join_unenrolled(team, tmp_path)
    unknown = tmp_path / "unknown.avsync"
    SyncService(stranger).write_bundle(unknown)
    before = settled_hashes(team.hub)
    with pytest.raises(UnknownDevice) as refused:
        hub.read_bundle(unknown)
    assert file_hashes(team.hub.path) == before
    # The refusal names the stranger's fingerprint, to compare with the laptops of the team.
    stranger_fp = SyncService(stranger).identity().fingerprint
    assert refused.value.fingerprint == stranger_fp
    assert stranger_fp in describe(refused.value)
    assert "pas inscrit" in describe(refused.value)
    stranger.lock()
    bruno_before = settled_hashes(team.bruno)
    with pytest.raises(BundleNotForUs):
        SyncService(team.bruno).read_bundle(good)
    assert file_hashes(team.bruno.path) == bruno_before


def join_unenrolled(team: Team, tmp_path: Path) -> OpenWorkspace:
    invitation, reply = tmp_path / "c.invite", tmp_path / "c.reply"
    SyncService(team.hub).invite("Chloé Le Bihan", SECOND_PASSPHRASE, invitation, FAST_KDF)
    with pytest.raises(InvitationInvalid):
        join(invitation, tmp_path / "ws-c", OTHER_PASSPHRASE, reply, FAST_KDF)
    return join(invitation, tmp_path / "ws-c", SECOND_PASSPHRASE, reply, FAST_KDF).created.workspace


def test_a_conflicting_edit_keeps_both_values_for_the_coordinator(
    team: Team, tmp_path: Path
) -> None:
    visit_id = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    send(team.alice, team.hub, tmp_path / "1.avsync")
    VisitService(team.hub).answer(visit_id, "contact_phone", "06 11 22 33 44")
    VisitService(team.alice).answer(visit_id, "contact_phone", "07 55 66 77 88")
    report = send(team.alice, team.hub, tmp_path / "2.avsync")
    assert report.conflicts >= 1
    assert VisitService(team.hub).get(visit_id).answers["contact_phone"] == "06 11 22 33 44"
    conflicts = [c for c in SyncService(team.hub).conflicts() if c.record_id == visit_id]
    # One answer of the visit, both values as the coordinator reads them.
    assert [c.field for c in conflicts] == ["answers.contact_phone"]
    assert conflicts[0].remote_value == "07 55 66 77 88"
    assert conflicts[0].local_value == "06 11 22 33 44"
    assert conflicts[0].household_id == VisitService(team.hub).get(visit_id).household_id
    # The coordinator takes the laptop's value; it goes back to the laptop as a normal change.
    hub_sync = SyncService(team.hub)
    for conflict in hub_sync.conflicts():
        hub_sync.resolve(conflict.id, take_remote=True)
    assert hub_sync.conflicts() == []
    assert VisitService(team.hub).get(visit_id).answers["contact_phone"] == "07 55 66 77 88"
    send(team.hub, team.alice, tmp_path / "3.avsync", "Alice Marchand")
    assert VisitService(team.alice).get(visit_id).answers["contact_phone"] == "07 55 66 77 88"
    assert send(team.alice, team.hub, tmp_path / "4.avsync").conflicts == 0


def test_no_name_nor_answer_in_clear_in_any_file(team: Team, tmp_path: Path) -> None:
    visit_id = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    answers = VisitService(team.alice).get(visit_id).answers
    bundle = tmp_path / "a.avsync"
    SyncService(team.alice).write_bundle(bundle)
    secrets = ["Gaëlle Tourmente", "Tourmente", answers["contact_phone"], "Alice Marchand"]
    secrets += [str(v) for v in answers.values() if isinstance(v, str) and len(v) >= 6]
    files = [bundle, *team.folder.glob("*.invite"), *team.folder.glob("*.reply")]
    for file in files:
        data = file.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, (file.name, secret)
        assert json.dumps(secrets[0]).encode("ascii") not in data


def test_a_household_reassigned_to_another_volunteer_arrives_whole_and_nothing_else(
    team: Team, tmp_path: Path
) -> None:
    visit_b = interview(team.bruno, tmp_path, "Yannick Loussouarn", "2026-01-06")
    interview(team.bruno, tmp_path, "Maëlys Penhoat", "2026-01-06")
    send(team.bruno, team.hub, tmp_path / "b.avsync")
    household = VisitService(team.hub).get(visit_b).household_id
    assert SyncService(team.hub).write_bundle(tmp_path / "empty", "Alice Marchand").records == 2
    CaseloadService(team.hub).assign(household, team.alice.user.id)
    send(team.hub, team.alice, tmp_path / "to-a.avsync", "Alice Marchand")
    visits = VisitService(team.alice).list_visits()
    assert [v.id for v in visits] == [visit_b]  # with its assessments, not the other household
    from allervers.services.rights import RightsService

    assert RightsService(team.alice).current(visit_b)
    with team.alice.db.session() as session:
        from allervers.storage.repositories import list_users

        names = {u.name for u in list_users(session)}
    assert names == {"Alice Marchand", "Bruno Kervella", "Hortense Quillivic"}


def test_once_acknowledged_a_laptop_keeps_only_its_assigned_households_after_the_grace(
    team: Team, tmp_path: Path
) -> None:
    kept = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    dropped = interview(team.alice, tmp_path, "Erwan Le Goff", "2026-01-05")
    send(team.alice, team.hub, tmp_path / "1.avsync")
    hub_visits = VisitService(team.hub)
    CaseloadService(team.hub).assign(hub_visits.get(kept).household_id, team.alice.user.id)
    SyncService(team.hub).write_bundle(tmp_path / "ack.avsync", "Alice Marchand")
    # Within the grace period nothing goes.
    assert SyncService(team.alice).read_bundle(tmp_path / "ack.avsync").pruned == 0
    SyncService(team.hub).write_bundle(tmp_path / "ack2.avsync", "Alice Marchand")
    later = dt.date.today() + dt.timedelta(days=31)
    report = SyncService(team.alice, today=later).read_bundle(tmp_path / "ack2.avsync")
    assert report.pruned == 1
    assert [v.id for v in VisitService(team.alice).list_visits()] == [kept]
    assert {v.id for v in hub_visits.list_visits()} == {kept, dropped}  # the hub keeps both
    # A later update of the dropped household's referral is not taken back on the laptop.
    referral = CaseloadService(team.hub).refer(dropped, RightId.RSA, Organisation.CAF)
    assert referral.household_id == hub_visits.get(dropped).household_id
    report = send(team.hub, team.alice, tmp_path / "3.avsync", "Alice Marchand")
    assert report.skipped >= 1
    assert [v.id for v in VisitService(team.alice).list_visits()] == [kept]


def test_a_household_taken_from_a_volunteer_leaves_their_laptop_after_the_grace(
    team: Team, tmp_path: Path
) -> None:
    visit_b = interview(team.bruno, tmp_path, "Yannick Loussouarn", "2026-01-06")
    send(team.bruno, team.hub, tmp_path / "b.avsync")
    household = VisitService(team.hub).get(visit_b).household_id
    caseload = CaseloadService(team.hub)
    caseload.assign(household, team.alice.user.id)
    send(team.hub, team.alice, tmp_path / "1.avsync", "Alice Marchand")
    assert [v.id for v in VisitService(team.alice).list_visits()] == [visit_b]
    caseload.assign(household, team.bruno.user.id)  # this row no longer goes to Alice
    SyncService(team.hub).write_bundle(tmp_path / "2.avsync", "Alice Marchand")
    later = dt.date.today() + dt.timedelta(days=31)
    assert SyncService(team.alice, today=later).read_bundle(tmp_path / "2.avsync").pruned == 1
    assert VisitService(team.alice).list_visits() == []


def test_an_altered_enrolment_reply_is_refused(team: Team, tmp_path: Path) -> None:
    reply = next(team.folder.glob("Alice*.reply")).read_bytes()
    altered = tmp_path / "altered.reply"
    altered.write_bytes(reply[:-100] + bytes([reply[-100] ^ 1]) + reply[-99:])
    with pytest.raises(BundleTampered):
        SyncService(team.hub).enrol(altered)
    with pytest.raises(BundleNotForUs):  # a reply is meant for the hub, not a volunteer
        SyncService(team.alice).read_bundle(next(team.folder.glob("Bruno*.reply")))


def test_different_answers_changed_on_each_side_merge_without_conflict(
    team: Team, tmp_path: Path
) -> None:
    visit_id = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    send(team.alice, team.hub, tmp_path / "1.avsync")
    VisitService(team.hub).answer(visit_id, "contact_phone", "06 11 22 33 44")
    VisitService(team.alice).answer(visit_id, "note", "Repasser après 18 h")
    assert send(team.alice, team.hub, tmp_path / "2.avsync").conflicts == 0
    assert send(team.hub, team.alice, tmp_path / "3.avsync", "Alice Marchand").conflicts == 0
    for workspace in (team.hub, team.alice):
        answers = VisitService(workspace).get(visit_id).answers
        assert answers["contact_phone"] == "06 11 22 33 44"
        assert answers["note"] == "Repasser après 18 h"
    assert SyncService(team.hub).conflicts() == []


def test_a_field_the_coordinator_changed_twice_is_no_conflict(team: Team, tmp_path: Path) -> None:
    """The common state follows what the other side acknowledged, not only what it sent."""
    visit_id = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    send(team.alice, team.hub, tmp_path / "1.avsync")
    hub_visits = VisitService(team.hub)
    hub_visits.answer(visit_id, "contact_phone", "06 11 22 33 44")
    send(team.hub, team.alice, tmp_path / "2.avsync", "Alice Marchand")
    hub_visits.answer(visit_id, "contact_phone", "06 99 88 77 66")
    VisitService(team.alice).answer(visit_id, "note", "Repasser après 18 h")
    assert send(team.alice, team.hub, tmp_path / "3.avsync").conflicts == 0
    answers = hub_visits.get(visit_id).answers
    assert answers["contact_phone"] == "06 99 88 77 66"
    assert answers["note"] == "Repasser après 18 h"


def test_a_clash_found_on_the_laptop_reaches_the_coordinator(team: Team, tmp_path: Path) -> None:
    """The hub's bundle arrives first: the laptop takes the hub's value (both laptops then hold
    the same record) and the volunteer's value travels to the coordinator, who chooses."""
    visit_id = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    send(team.alice, team.hub, tmp_path / "1.avsync")
    VisitService(team.hub).answer(visit_id, "contact_phone", "06 11 22 33 44")
    VisitService(team.alice).answer(visit_id, "contact_phone", "07 55 66 77 88")
    # One conflict: the household's contact phone is the answer's copy, not a second clash.
    assert send(team.hub, team.alice, tmp_path / "2.avsync", "Alice Marchand").conflicts == 1
    assert VisitService(team.alice).get(visit_id).answers["contact_phone"] == "06 11 22 33 44"
    report = send(team.alice, team.hub, tmp_path / "3.avsync")
    assert report.conflicts == 1
    hub_sync = SyncService(team.hub)
    found = {(c.entity, c.field, c.local_value, c.remote_value) for c in hub_sync.conflicts()}
    assert found == {("visits", "answers.contact_phone", "06 11 22 33 44", "07 55 66 77 88")}
    for conflict in hub_sync.conflicts():
        hub_sync.resolve(conflict.id, take_remote=True)
    send(team.hub, team.alice, tmp_path / "4.avsync", "Alice Marchand")
    household = VisitService(team.hub).get(visit_id).household_id
    for workspace in (team.hub, team.alice):
        assert VisitService(workspace).get(visit_id).answers["contact_phone"] == "07 55 66 77 88"
        # The household's copy (shown in the caseload) follows the chosen answer.
        with workspace.db.session() as session:
            household_row = session.get(HouseholdRow, household)
            assert household_row is not None
            assert household_row.contact_phone == "07 55 66 77 88"
    # Once the coordinator has it, the value leaves the laptop; nothing comes back twice.
    assert send(team.alice, team.hub, tmp_path / "5.avsync").conflicts == 0
    assert hub_sync.conflicts() == []


def test_the_grace_period_is_the_coordinators_setting(team: Team, tmp_path: Path) -> None:
    from dataclasses import replace

    dropped = interview(team.alice, tmp_path, "Erwan Le Goff", "2026-01-05")
    send(team.alice, team.hub, tmp_path / "1.avsync")
    SyncService(team.hub).write_bundle(tmp_path / "ack.avsync", "Alice Marchand")
    SyncService(team.alice).read_bundle(tmp_path / "ack.avsync")
    team.hub.set_settings(replace(team.hub.settings, sync_grace_days=3))
    SyncService(team.hub).write_bundle(tmp_path / "ack2.avsync", "Alice Marchand")
    # The laptop's own file still says 30 days: the hub's bundle carries the team's setting.
    assert team.alice.settings.sync_grace_days == 30
    later = dt.date.today() + dt.timedelta(days=4)
    assert SyncService(team.alice, today=later).read_bundle(tmp_path / "ack2.avsync").pruned == 1
    assert dropped not in {v.id for v in VisitService(team.alice).list_visits()}


def test_a_visit_to_a_household_given_to_a_colleague_is_relayed_to_them(
    team: Team, tmp_path: Path
) -> None:
    first = interview(team.bruno, tmp_path, "Yannick Loussouarn", "2026-01-06")
    send(team.bruno, team.hub, tmp_path / "b1.avsync")
    household = VisitService(team.hub).get(first).household_id
    CaseloadService(team.hub).assign(household, team.alice.user.id)
    send(team.hub, team.alice, tmp_path / "a1.avsync", "Alice Marchand")
    send(team.alice, team.hub, tmp_path / "a-ack.avsync")  # the hub knows what Alice holds
    # Bruno, who still has the household on his laptop, completes his visit's note.
    VisitService(team.bruno).answer(first, "note", "Dossier CAF déjà commencé")
    send(team.bruno, team.hub, tmp_path / "b2.avsync")
    send(team.hub, team.alice, tmp_path / "a2.avsync", "Alice Marchand")
    # Alice, who has the household now, reads Bruno's visit as the lists show it.
    assert VisitService(team.alice).get(first).answers["note"] == "Dossier CAF déjà commencé"
    # Bruno gets his own visit back unchanged, not as a conflict.
    assert send(team.hub, team.bruno, tmp_path / "b3.avsync", "Bruno Kervella").conflicts == 0


def test_an_invitation_or_a_reply_that_cannot_be_written_leaves_nothing_behind(
    created: CreatedWorkspace, tmp_path: Path
) -> None:
    hub = created.workspace
    nowhere = tmp_path / "clé-débranchée" / "camille.invite"
    with pytest.raises(OSError):
        SyncService(hub).invite("Camille Le Bihan", SECOND_PASSPHRASE, nowhere, FAST_KDF)
    assert "Camille Le Bihan" not in {u.name for u in hub.list_users()}
    invitation = tmp_path / "camille.invite"
    SyncService(hub).invite("Camille Le Bihan", SECOND_PASSPHRASE, invitation, FAST_KDF)
    laptop = tmp_path / "portable"
    with pytest.raises(OSError):
        join(invitation, laptop, SECOND_PASSPHRASE, tmp_path / "absent" / "r.reply", FAST_KDF)
    assert not laptop.exists()
    joined = join(invitation, laptop, SECOND_PASSPHRASE, tmp_path / "camille.reply", FAST_KDF)
    _peer, fingerprint = SyncService(hub).enrol(tmp_path / "camille.reply")
    assert fingerprint == joined.own_fingerprint
    joined.created.workspace.lock()


def test_the_caseload_follows_records_merged_from_another_laptop(
    team: Team, tmp_path: Path
) -> None:
    """The caseload columns (rights flagged, step, next action) are worked out on each laptop:
    after a merge they follow the visits and assessments received, even when the household
    row itself was changed on both sides (it then keeps this laptop's columns)."""
    from allervers.domain.referrals import CaseloadFilter
    from allervers.domain.rights import RightId
    from allervers.services.rights import RightsService
    from tests.integration.test_caseload import flagged

    visit_id = interview(team.alice, tmp_path, "Gaëlle Tourmente", "2026-01-05")
    send(team.alice, team.hub, tmp_path / "1.avsync")
    household = VisitService(team.hub).get(visit_id).household_id
    CaseloadService(team.hub).assign(household, team.alice.user.id)  # not yet sent
    RightsService(team.alice).store(visit_id, [flagged(RightId.RSA), flagged(RightId.PPA)])
    send(team.alice, team.hub, tmp_path / "2.avsync")
    ppa = CaseloadService(team.hub).page(CaseloadFilter(right=RightId.PPA), 0, 50)
    assert [row.household_id for row in ppa] == [household]
