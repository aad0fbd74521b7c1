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
        return cls(
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
        )


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
