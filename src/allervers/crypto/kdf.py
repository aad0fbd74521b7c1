"""Argon2id key derivation from a user's passphrase (RFC 9106).

Parameters are stored per user so they can be raised later without locking anyone out.

Default cost, measured on this project's reference machine (2 cores, `python benchmarks/run.py`):
256 MiB, 3 passes, 4 lanes take about 0.49 s. RFC 9106 section 4 recommends 64 MiB and 3 passes
as the lower option when 2 GiB cannot be afforded; we spend more memory because a volunteer's
laptop has it and a wrong guess then costs an attacker both time and memory.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEY_BYTES = 32
SALT_BYTES = 16

# Bounds on a slot's stored cost, checked when `workspace.json` is read: a file that asks for more
# was not written by Aller-Vers, and obeying it would hang the unlock or exhaust the memory.
# Lower: 8 MiB and 1 pass (the tests' cheap cost; RFC 9106 section 3.1 only needs 8 KiB per lane).
# Upper: 1 GiB, 10 passes, 16 lanes, and at most four times the default work (memory x passes),
# about 2 s on the reference machine.
MIN_MEMORY_KIB = 8 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 16
MAX_WORK = 4 * 262_144 * 3


class KdfParamsOutOfBounds(ValueError):
    """A stored Argon2id cost outside the bounds above; `field` names it."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def _bounded(data: dict[str, Any], name: str, low: int, high: int) -> int:
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise KdfParamsOutOfBounds(f"kdf.{name}")
    return value


@dataclass(frozen=True, slots=True)
class KdfParams:
    memory_kib: int = 262_144
    iterations: int = 3
    lanes: int = 4

    def to_json(self) -> dict[str, Any]:
        return {"algorithm": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("algorithm") != "argon2id":
            raise ValueError("unknown key derivation algorithm")
        params = cls(
            memory_kib=_bounded(data, "memory_kib", MIN_MEMORY_KIB, MAX_MEMORY_KIB),
            iterations=_bounded(data, "iterations", 1, MAX_ITERATIONS),
            lanes=_bounded(data, "lanes", 1, MAX_LANES),
        )
        if params.memory_kib * params.iterations > MAX_WORK:
            raise KdfParamsOutOfBounds("kdf.iterations")
        return params


DEFAULT_PARAMS = KdfParams()


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The key-encryption key of one user: Argon2id(passphrase, salt)."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))
