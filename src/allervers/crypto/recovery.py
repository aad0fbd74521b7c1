"""The recovery key: 160 random bits shown once as 8 groups of 4 characters (Crockford base32).

Because it is random and long, it needs no slow derivation: HKDF-SHA256 turns it into a
key-encryption key. Crockford's alphabet leaves out I, L, O and U, so a key copied by hand from
paper reads back the same ("O" typed for "0" is accepted).
"""

from __future__ import annotations

import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = {"O": "0", "I": "1", "L": "1"}
RECOVERY_BITS = 160
GROUP = 4


class MalformedRecoveryKey(ValueError):
    pass


def new_recovery_key() -> str:
    value = secrets.randbits(RECOVERY_BITS)
    chars = []
    for _ in range(RECOVERY_BITS // 5):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def normalise(recovery_key: str) -> str:
    """Upper case, separators and spaces removed, look-alike letters read as digits."""
    text = "".join(c for c in recovery_key.upper() if c.isalnum())
    text = "".join(_READ_AS.get(c, c) for c in text)
    if len(text) != RECOVERY_BITS // 5 or any(c not in ALPHABET for c in text):
        raise MalformedRecoveryKey
    return text


def recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    material = normalise(recovery_key).encode("ascii")
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"allervers recovery key v1"
    ).derive(material)
