"""The engine cache: what OpenFisca-France parses, kept on disk so that a new process is ready at once.

What is kept: the parameter tree after openfisca-france's preprocessing and Aller-Vers' CSS ceilings
(parsing 4,000 YAML files is most of the seconds `FranceTaxBenefitSystem()` takes), the index of
which model file defines which variable (for `lazy_variables`), and the APL zone of each commune
(a 36,000-line CSV read by both `communes` and openfisca-france's `zone_apl`). Nothing personal: the file is
the same for every user of one installation.

Key: a digest of the cache format, the Python version, openfisca-core's version,
openfisca-france's version and its installed files (the `RECORD` pip writes, with a hash of every
file), Aller-Vers' own tables (`dated_tables.digest`) and the neutralised variables. Any change
gives another key: the file of the old key is not read (and is deleted at the next write). Missing,
damaged, foreign or stale: the engine loads normally and writes a new one.

Where: the user's cache folder (platformdirs), `allervers/engine`, or `ALLERVERS_ENGINE_CACHE`
("off" disables it). The folder is created private (0700); a folder another user owns or can
write to is not used at all.

Format and safety. The parameter tree is made of openfisca-core objects; rebuilding them from
plain data (JSON) costs nearly what parsing the YAML does, while `pickle` restores 10 MB of them in
about 0.2 s. `pickle` can run code while loading, so a crafted file must never reach it:
1. the file carries an HMAC-SHA256 of its content and key, made with a random secret kept in the
   same private folder (0600); a file whose HMAC does not verify is not unpickled at all;
2. even then, unpickling may only create the six openfisca-core parameter classes the tree is
   made of (`find_class` refuses any other name, so no function can be called by the file).
A file that fails either check is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import importlib.metadata
import io
import logging
import os
import pickle
import secrets
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from allervers.domain.errors import StorageFull
from allervers.files.atomic import write_atomically
from allervers.rights import communes, dated_tables
from allervers.rights.system import NOT_ASKED, AllerVersSystem

log = logging.getLogger(__name__)

FORMAT = 1
MAGIC = b"ALLERVERS-ENGINE-CACHE/1\n"
DIGEST_SIZE = 32
SECRET_FILE = "secret"  # noqa: S105 (a file name; the secret is random, in the file)
PREFIX, SUFFIX = "engine-", ".cache"
ENVIRONMENT = "ALLERVERS_ENGINE_CACHE"

ALLOWED_CLASSES = frozenset(
    {
        ("openfisca_core.parameters.parameter_node", "ParameterNode"),
        ("openfisca_core.parameters.parameter", "Parameter"),
        ("openfisca_core.parameters.parameter_at_instant", "ParameterAtInstant"),
        ("openfisca_core.parameters.parameter_scale", "ParameterScale"),
        ("openfisca_core.parameters.parameter_scale_bracket", "ParameterScaleBracket"),
        ("openfisca_core.types", "InstantStr"),
    }
)


@dataclass(frozen=True, slots=True)
class CachedParts:
    parameters: Any
    variable_files: dict[str, str]
    apl_zones: dict[str, int]


class _ParametersOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in ALLOWED_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the engine cache")
        return super().find_class(module, name)


def installed_digest() -> str | None:
    """What identifies the installed rules; None when it cannot be known (no cache then)."""
    try:
        record = importlib.metadata.distribution("openfisca-france").read_text("RECORD")
        core = importlib.metadata.version("openfisca-core")
        france = importlib.metadata.version("openfisca-france")
    except importlib.metadata.PackageNotFoundError:
        return None
    if not record:
        return None
    hasher = hashlib.sha256()
    for part in (
        str(FORMAT),
        sys.version,
        core,
        france,
        record,
        dated_tables.digest(),
        ",".join(NOT_ASKED),
    ):
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


class EngineCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def default(cls) -> EngineCache | None:
        chosen = os.environ.get(ENVIRONMENT, "")
        if chosen.lower() == "off":
            return None
        if chosen:
            return cls(Path(chosen))
        return cls(Path(platformdirs.user_cache_dir("allervers", appauthor=False)) / "engine")

    def file_for(self, key: str) -> Path:
        return self.directory / f"{PREFIX}{key[:32]}{SUFFIX}"

    # Reading -----------------------------------------------------------------------------------

    def load(self) -> CachedParts | None:
        """The cached parts for the installed rules, or None (missing, damaged, foreign, stale)."""
        key = installed_digest()
        if key is None or not self._private(create=False):
            return None
        try:
            secret = self._secret(create=False)
            data = self.file_for(key).read_bytes() if secret else b""
        except OSError:
            return None
        if not secret or not data.startswith(MAGIC):
            return None
        signature = data[len(MAGIC) : len(MAGIC) + DIGEST_SIZE]
        payload = data[len(MAGIC) + DIGEST_SIZE :]
        expected = hmac.new(secret, key.encode() + payload, hashlib.sha256).digest()
        if not hmac.compare_digest(signature, expected):
            log.warning("engine cache: signature does not match, ignored")
            return None
        enabled = gc.isenabled()
        gc.disable()  # 300,000 objects: the collector would otherwise run hundreds of times
        try:
            content = _ParametersOnly(io.BytesIO(payload)).load()
        except Exception:  # a damaged file must never stop the engine: load normally instead
            log.warning("engine cache: unreadable, ignored", exc_info=True)
            return None
        finally:
            if enabled:
                gc.enable()
        if not isinstance(content, dict) or content.get("key") != key:
            return None
        return CachedParts(
            content["parameters"], dict(content["variable_files"]), dict(content["apl_zones"])
        )

    # Writing -----------------------------------------------------------------------------------

    def store(self, system: AllerVersSystem) -> bool:
        """Writes the parts of a completely loaded `system`; False when the folder is not usable."""
        key = installed_digest()
        if key is None or not self._private(create=True):
            return False
        try:
            secret = self._secret(create=True)
            if secret is None:
                return False
            content = {
                "key": key,
                "parameters": system.parameters,
                "variable_files": system.variable_files,
                "apl_zones": communes.apl_zones(),
            }
            payload = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
            signature = hmac.new(secret, key.encode() + payload, hashlib.sha256).digest()
            target = self.file_for(key)
            # Readers see the old file or the new one, never half (files/atomic.py).
            write_atomically(target, MAGIC + signature + payload)
        except (OSError, StorageFull):
            log.warning("engine cache: could not be written", exc_info=True)
            return False
        for old in self.directory.glob(f"{PREFIX}*{SUFFIX}"):
            if old != target:
                with contextlib.suppress(OSError):
                    old.unlink()
        return True

    # Safety --------------------------------------------------------------------------------------

    def _private(self, create: bool) -> bool:
        """The folder exists (or is created) private to this user: 0700, ours."""
        try:
            if create:
                self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = self.directory.stat()
        except OSError:
            return False
        if not stat.S_ISDIR(info.st_mode):
            return False
        if hasattr(os, "getuid"):
            if info.st_uid != os.getuid():
                return False
            if info.st_mode & 0o077:
                if not create:
                    return False
                with contextlib.suppress(OSError):
                    os.chmod(self.directory, 0o700)  # our own folder, made private again
                return not (self.directory.stat().st_mode & 0o077)
        return True

    def _secret(self, create: bool) -> bytes | None:
        path = self.directory / SECRET_FILE
        if create and not path.exists():
            with contextlib.suppress(FileExistsError):
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(secrets.token_bytes(32))
        try:
            info = path.stat()
            if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
                return None
            secret = path.read_bytes()
        except OSError:
            return None
        return secret if len(secret) == 32 else None


def load_system(cache: EngineCache | None) -> AllerVersSystem:
    """From the cache when it holds the installed rules; else loaded normally, then cached."""
    if cache is not None:
        parts = cache.load()
        if parts is not None:
            return AllerVersSystem.from_parts(
                parts.parameters, parts.variable_files, parts.apl_zones
            )
    system = AllerVersSystem()
    if cache is not None:
        cache.store(system)
    return system
