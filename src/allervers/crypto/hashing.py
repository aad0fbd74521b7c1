"""Hashes used outside key handling (audit chain), kept here so `hashlib` choices live in one place."""

from __future__ import annotations

import hashlib
import hmac


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def slot_hint(workspace_salt: bytes, normalised_name: str) -> str:
    """A 16-bit hint that points the unlock to the right key slot without storing the user name.

    With 16 bits many names share a hint, so the metadata file does not tell who the users are,
    yet the unlock usually tries one Argon2id derivation, not one per user.
    """
    digest = hmac.new(workspace_salt, normalised_name.encode("utf-8"), hashlib.sha256).digest()
    return digest[:2].hex()
