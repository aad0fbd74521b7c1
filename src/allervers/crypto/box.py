"""Sealed boxes for sync bundles: data encrypted to one recipient's X25519 key, and a box sealed
with a passphrase for the invitation file. Byte layouts are in docs/sync-format.md.

Recipient box: a fresh ephemeral X25519 key pair per box; the shared secret of ECDH(ephemeral,
recipient) goes through HKDF-SHA256 (salt = ephemeral public || recipient public, info =
"allervers sync box v1") to a 256-bit AES-GCM key used once, with a random 96-bit nonce.
Layout: ephemeral public (32) || nonce (12) || ciphertext and tag.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from allervers.crypto import kdf

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
BOX_OVERHEAD = KEY_BYTES + NONCE_BYTES + TAG_BYTES
INFO = b"allervers sync box v1"


class BoxOpenFailed(ValueError):
    """Wrong key, or the box was altered."""


def new_private_key() -> bytes:
    return X25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def public_key(private_key: bytes) -> bytes:
    return (
        X25519PrivateKey.from_private_bytes(private_key)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def _box_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + recipient, info=INFO
    ).derive(shared)


def seal(recipient_public: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """`plaintext` readable only with the private key of `recipient_public`."""
    if len(recipient_public) != KEY_BYTES:
        raise ValueError("recipient key")
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _box_key(shared, ephemeral_public, recipient_public)
    nonce = os.urandom(NONCE_BYTES)
    return ephemeral_public + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(recipient_private: bytes, box: bytes, aad: bytes = b"") -> bytes:
    if len(box) < BOX_OVERHEAD:
        raise BoxOpenFailed
    ephemeral_public, nonce, ciphertext = (
        box[:KEY_BYTES],
        box[KEY_BYTES : KEY_BYTES + NONCE_BYTES],
        box[KEY_BYTES + NONCE_BYTES :],
    )
    private = X25519PrivateKey.from_private_bytes(recipient_private)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as error:  # an all-zero shared secret (low-order point)
        raise BoxOpenFailed from error
    key = _box_key(shared, ephemeral_public, public_key(recipient_private))
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag as error:
        raise BoxOpenFailed from error


def seal_with_passphrase(
    passphrase: str, plaintext: bytes, params: kdf.KdfParams, aad: bytes = b""
) -> tuple[bytes, bytes]:
    """(salt, nonce || ciphertext): AES-256-GCM under Argon2id(passphrase, salt)."""
    salt = kdf.new_salt()
    key = kdf.derive_key(passphrase, salt, params)
    nonce = os.urandom(NONCE_BYTES)
    return salt, nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_with_passphrase(
    passphrase: str, salt: bytes, box: bytes, params: kdf.KdfParams, aad: bytes = b""
) -> bytes:
    if len(box) < NONCE_BYTES + TAG_BYTES:
        raise BoxOpenFailed
    key = kdf.derive_key(passphrase, salt, params)
    try:
        return AESGCM(key).decrypt(box[:NONCE_BYTES], box[NONCE_BYTES:], aad)
    except InvalidTag as error:
        raise BoxOpenFailed from error
