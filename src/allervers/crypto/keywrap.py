"""Wrapping the database key with AES-256-GCM.

The associated data binds a wrapped key to its workspace and slot, so a slot copied from another
workspace, or moved to another user's place, fails to unwrap.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


class UnwrapError(Exception):
    """The key-encryption key is wrong or the wrapped key was altered."""


@dataclass(frozen=True, slots=True)
class WrappedKey:
    nonce: bytes
    ciphertext: bytes


def new_data_key() -> bytes:
    """A random 256-bit key for the SQLCipher database."""
    return secrets.token_bytes(32)


def wrap(kek: bytes, data_key: bytes, associated_data: bytes) -> WrappedKey:
    nonce = os.urandom(NONCE_BYTES)
    return WrappedKey(nonce, AESGCM(kek).encrypt(nonce, data_key, associated_data))


def unwrap(kek: bytes, wrapped: WrappedKey, associated_data: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, associated_data)
    except InvalidTag as error:
        raise UnwrapError from error
