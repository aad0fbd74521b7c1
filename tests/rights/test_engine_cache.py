"""The engine cache: the same assessments as a complete load, and never a wrong result from a
missing, damaged, tampered, crafted, stale or foreign cache (`allervers.rights.system_cache`)."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import random
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from openfisca_core.parameters import ParameterNodeAtInstant

from allervers.rights import system_cache
from allervers.rights.engine import RightsEngine
from allervers.rights.lazy_variables import LazyVariables
from allervers.rights.system_cache import EngineCache, load_system
from tests.rights.test_reason_texts import generated

HOUSEHOLDS = 200


@pytest.fixture(scope="module")
def complete() -> RightsEngine:
    """Everything loaded from openfisca-france's files, no cache."""
    return RightsEngine(cache=False)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache") / "engine"


@pytest.fixture(scope="module")
def cached(cache_dir: Path) -> Iterator[RightsEngine]:
    """A first engine writes the cache, a second one starts from it."""
    RightsEngine(cache=EngineCache(cache_dir))
    engine = RightsEngine(cache=EngineCache(cache_dir))
    assert isinstance(engine.system.variables, LazyVariables)
    yield engine


def test_the_cache_gives_the_same_assessments_as_a_complete_load(
    complete: RightsEngine, cached: RightsEngine
) -> None:
    rng = random.Random(14)
    visits = [generated(rng) for _ in range(HOUSEHOLDS)]
    assert cached.assess_batch(visits) == complete.assess_batch(visits)
    # Only the variables the formulas asked for were made; walking them makes them all.
    variables = cached.system.variables
    assert dict.__len__(variables) < len(complete.system.variables) / 2
    assert sorted(variables.keys()) == sorted(complete.system.variables.keys())


def test_the_cache_folder_is_private(cached: RightsEngine, cache_dir: Path) -> None:
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache_dir / "secret").stat().st_mode) == 0o600
    files = [p.name for p in cache_dir.iterdir()]
    assert sorted(f[:7] for f in files) == ["engine-", "secret"]  # no half-written file left


def test_the_legislation_at_an_instant_is_the_same_built_lazily(complete: RightsEngine) -> None:
    """Every value of the whole tree, for three instants, against openfisca-core's own
    `ParameterNodeAtInstant` built at once."""
    system = complete.system

    def walk(eager: ParameterNodeAtInstant, lazy: ParameterNodeAtInstant) -> int:
        assert sorted(eager._children) == sorted(lazy._children)
        count = 0
        for key, value in eager._children.items():
            mine = getattr(lazy, key)
            if isinstance(value, ParameterNodeAtInstant):
                count += walk(value, mine)
            else:
                assert repr(mine) == repr(value), key
                count += 1
        return count

    for instant in ("2019-06-01", "2025-04-01", "2026-10-01"):
        eager = system.parameters.get_at_instant(instant)
        assert walk(eager, system.get_parameters_at_instant(instant)) > 2_000  # leaves


def _key_and_file(directory: Path) -> tuple[str, Path]:
    key = system_cache.installed_digest()
    assert key is not None
    return key, EngineCache(directory).file_for(key)


def test_a_damaged_file_is_ignored_and_replaced(cached: RightsEngine, cache_dir: Path) -> None:
    _key, path = _key_and_file(cache_dir)
    good = path.read_bytes()
    for damaged in (
        good[: len(good) // 2],  # cut short
        good[:-1] + bytes([good[-1] ^ 1]),  # one bit flipped in the payload
        b"garbage",
        b"",
    ):
        path.write_bytes(damaged)
        assert EngineCache(cache_dir).load() is None
    system = load_system(EngineCache(cache_dir))
    assert not isinstance(system.variables, LazyVariables)  # a complete load...
    assert path.read_bytes() != b""  # ... which wrote the cache again
    assert EngineCache(cache_dir).load() is not None


def test_a_crafted_file_cannot_run_code(cached: RightsEngine, cache_dir: Path) -> None:
    """Even with the right secret (which only this user can read), unpickling may only make the
    openfisca-core parameter classes: `os.system` is refused before anything runs."""
    key, path = _key_and_file(cache_dir)
    secret = (cache_dir / "secret").read_bytes()
    witness = cache_dir.parent / "ran"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {witness}",))

    payload = pickle.dumps({"key": key, "parameters": Exploit(), "variable_files": {}})
    signature = hmac.new(secret, key.encode() + payload, hashlib.sha256).digest()
    path.write_bytes(system_cache.MAGIC + signature + payload)
    assert EngineCache(cache_dir).load() is None
    assert not witness.exists()
    # The same bytes signed with another secret are not even unpickled.
    path.write_bytes(system_cache.MAGIC + bytes(32) + payload)
    assert EngineCache(cache_dir).load() is None
    assert not witness.exists()


def test_another_installed_version_does_not_read_the_old_file(
    complete: RightsEngine,
    cached: RightsEngine,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert EngineCache(cache_dir).store(complete.system)
    assert EngineCache(cache_dir).load() is not None
    old = list(cache_dir.glob("engine-*.cache"))
    monkeypatch.setattr(system_cache, "installed_digest", lambda: "1" * 64)
    assert EngineCache(cache_dir).load() is None  # another key: another file name
    assert EngineCache(cache_dir).store(complete.system)
    assert [p.name for p in cache_dir.glob("engine-*.cache")] == ["engine-" + "1" * 32 + ".cache"]
    assert not any(p.exists() for p in old)  # the stale one is deleted


def test_a_folder_others_can_write_to_is_not_used(complete: RightsEngine, tmp_path: Path) -> None:
    directory = tmp_path / "engine"
    assert EngineCache(directory).store(complete.system)
    assert EngineCache(directory).load() is not None
    os.chmod(directory, 0o777)  # noqa: S103 (the unsafe folder under test)
    assert EngineCache(directory).load() is None  # reading: refused as it is
    os.chmod(directory, 0o700)
    os.chmod(directory / "secret", 0o644)
    assert EngineCache(directory).load() is None  # a secret others can read is no secret


def test_a_folder_owned_by_someone_else_is_not_used(
    complete: RightsEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "engine"
    assert EngineCache(directory).store(complete.system)
    owner = os.stat(directory).st_uid
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    assert EngineCache(directory).load() is None
    assert not EngineCache(directory).store(complete.system)


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(system_cache.ENVIRONMENT, "off")
    assert EngineCache.default() is None
    monkeypatch.setenv(system_cache.ENVIRONMENT, str(tmp_path))
    chosen = EngineCache.default()
    assert chosen is not None and chosen.directory == tmp_path
    monkeypatch.delenv(system_cache.ENVIRONMENT)
    default = EngineCache.default()
    assert default is not None and default.directory.parts[-2:] == ("allervers", "engine")
