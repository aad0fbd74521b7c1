"""Property tests of team sync: whatever both sides edit and whatever the order of the files,
nothing is lost, both laptops end with the same answers, and only true clashes reach the
coordinator. And whatever happens to a file on the way, it is refused and changes nothing."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allervers.domain.sync import (
    BundleNotForUs,
    BundleTampered,
    BundleTruncated,
    UnknownDevice,
)
from allervers.services.sync import SyncService, join
from allervers.services.visits import VisitService
from allervers.services.workspace import OpenWorkspace, WorkspaceService
from tests.conftest import COORDINATOR, FAST_KDF, OTHER_PASSPHRASE, PASSPHRASE, TERRITORY
from tests.integration.test_caseload import interview

VOLUNTEER = "Alice Marchand"
# Small pools, so that both sides sometimes type the same value.
VALUES = {
    "note": st.sampled_from(["Repasser après 18 h", "Dossier CAF commencé", "Voisin aidant"]),
    "contact_phone": st.sampled_from(["06 11 22 33 44", "07 55 66 77 88", "02 41 00 00 00"]),
    "contact_name": st.sampled_from(["Gaëlle Tourmente", "Erwan Le Goff", "Maëlys Penhoat"]),
}
edits = st.fixed_dictionaries({}, optional=VALUES)


@dataclass
class Pair:
    hub: OpenWorkspace
    laptop: OpenWorkspace
    folder: Path
    visit: str
    sent: int = 0

    def send(self, source: OpenWorkspace, target: OpenWorkspace) -> None:
        self.sent += 1
        file = self.folder / f"{self.sent}.avsync"
        SyncService(source).write_bundle(file, VOLUNTEER if source is self.hub else None)
        SyncService(target).read_bundle(file)

    def answers(self, workspace: OpenWorkspace) -> dict[str, object]:
        [visit] = [v for v in VisitService(workspace).list_visits() if v.id == self.visit]
        return {k: visit.answers.get(k) for k in VALUES}


@contextmanager
def synced_pair() -> Iterator[Pair]:
    """A hub and an enrolled laptop, one visit made on the laptop, held by both."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        service = WorkspaceService(root / "state", kdf_params=FAST_KDF)
        hub = service.create(root / "hub", TERRITORY, COORDINATOR, PASSPHRASE).workspace
        SyncService(hub).invite(VOLUNTEER, OTHER_PASSPHRASE, root / "i", FAST_KDF)
        laptop = join(root / "i", root / "laptop", OTHER_PASSPHRASE, root / "r", FAST_KDF)
        SyncService(hub).enrol(root / "r")
        pair = Pair(hub, laptop.created.workspace, root, "")
        try:
            pair.visit = interview(pair.laptop, root, "Yannick Loussouarn", "2026-01-06")
            pair.send(pair.laptop, pair.hub)
            pair.send(pair.hub, pair.laptop)
            yield pair
        finally:
            pair.laptop.lock()
            hub.lock()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(on_hub=edits, on_laptop=edits, hub_first=st.booleans())
def test_edits_on_both_sides_converge_and_only_true_clashes_reach_the_coordinator(
    on_hub: dict[str, str], on_laptop: dict[str, str], hub_first: bool
) -> None:
    with synced_pair() as pair:
        start = pair.answers(pair.hub)
        for key, value in on_hub.items():
            VisitService(pair.hub).answer(pair.visit, key, value)
        for key, value in on_laptop.items():
            VisitService(pair.laptop).answer(pair.visit, key, value)
        order = [pair.hub, pair.laptop] * 2 if hub_first else [pair.laptop, pair.hub] * 2
        for source, target in itertools.pairwise(order):
            pair.send(source, target)

        expected = dict(start)
        expected.update(on_laptop)
        expected.update(on_hub)  # on a true clash the hub's value stays until chosen
        assert pair.answers(pair.hub) == expected
        assert pair.answers(pair.laptop) == expected
        clashes = {
            k: (on_hub[k], on_laptop[k])
            for k in on_hub.keys() & on_laptop.keys()
            if on_hub[k] != on_laptop[k]
        }
        found = {
            c.field.removeprefix("answers."): (c.local_value, c.remote_value)
            for c in SyncService(pair.hub).conflicts()
            if c.entity == "visits"
        }
        assert found == clashes  # the laptop's value is kept for the coordinator, nothing lost


@contextmanager
def one_bundle() -> Iterator[tuple[Pair, bytes]]:
    with synced_pair() as pair:
        VisitService(pair.laptop).answer(pair.visit, "note", "Repasser après 18 h")
        file = pair.folder / "out.avsync"
        SyncService(pair.laptop).write_bundle(file)
        yield pair, file.read_bytes()


@st.composite
def damage(draw: st.DrawFn, size: int) -> tuple[str, int, int]:
    kind = draw(st.sampled_from(["flip", "cut", "append", "overwrite"]))
    where = draw(st.integers(0, size - 1))
    return kind, where, draw(st.integers(1, 255))


def damaged(data: bytes, how: tuple[str, int, int]) -> bytes:
    kind, where, value = how
    if kind == "flip":
        return data[:where] + bytes([data[where] ^ value]) + data[where + 1 :]
    if kind == "cut":
        return data[:where]
    if kind == "append":
        return data + bytes([value]) * (where % 7 + 1)
    return data[:where] + bytes([value]) + data[where + 1 :] if data[where] != value else data[:-1]


def test_any_damage_to_a_bundle_is_refused_and_changes_nothing() -> None:
    refusals = (BundleTampered, BundleTruncated, BundleNotForUs, UnknownDevice)
    with one_bundle() as (pair, data):
        SyncService(pair.hub).peers()  # the read mark settles in -shm (see test_sync.py)
        from tests.conftest import file_hashes

        before = file_hashes(pair.hub.path)
        target = pair.folder / "damaged.avsync"

        @settings(max_examples=150, deadline=None)
        @given(how=damage(len(data)))
        def check(how: tuple[str, int, int]) -> None:
            target.write_bytes(damaged(data, how))
            try:
                SyncService(pair.hub).read_bundle(target)
            except refusals:
                pass
            else:
                raise AssertionError(f"accepted a damaged file: {how}")
            assert file_hashes(pair.hub.path) == before

        check()
        # The intact file is still accepted afterwards.
        target.write_bytes(data)
        assert SyncService(pair.hub).read_bundle(target).updated >= 1
