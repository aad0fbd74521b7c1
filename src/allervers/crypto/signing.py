"""Ed25519 signatures for exports (RFC 8032), and a short fingerprint people can read aloud.

The private key is 32 raw bytes. It is not encrypted here: the caller keeps it inside the encrypted
workspace, like the rest of the workspace's secrets. The public key travels inside each export
(PEM), and its fingerprint travels by another channel (a phone call, a letter) so that an evaluator
can tell the key in the file is the territory's own: a file re-signed with another key carries
another fingerprint.

Fingerprint: the first 100 bits of SHA-256 of the raw public key, in Crockford base32 (the alphabet
of the recovery key: no I, L, O or U to misread), as 5 groups of 4 characters. Forging a key with
the same fingerprint is a second-preimage search on 100 bits (about 2^100 hashes).
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from allervers.crypto.recovery import ALPHABET

KEY_BYTES = 32
SIGNATURE_BYTES = 64
FINGERPRINT_BITS = 100
FINGERPRINT_GROUP = 4


class InvalidPublicKey(ValueError):
    """The bytes are neither an Ed25519 public key in PEM nor 32 bytes in base64."""


class InvalidPrivateKey(ValueError):
    pass


def new_private_key() -> bytes:
    """A fresh signing key, as the 32 raw bytes the workspace stores (encrypted)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _private(private_key: bytes) -> Ed25519PrivateKey:
    if len(private_key) != KEY_BYTES:
        raise InvalidPrivateKey
    return Ed25519PrivateKey.from_private_bytes(private_key)


def public_key(private_key: bytes) -> bytes:
    """The 32 raw bytes of the public key that goes with `private_key`."""
    return (
        _private(private_key)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def sign(private_key: bytes, data: bytes) -> bytes:
    return _private(private_key).sign(data)


def verify(public: bytes, data: bytes, signature: bytes) -> bool:
    """True only if `signature` is the signature of exactly `data` by `public`."""
    if len(public) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except InvalidSignature:
        return False
    return True


def public_key_pem(public: bytes) -> bytes:
    return Ed25519PublicKey.from_public_bytes(public).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def public_key_base64(public: bytes) -> str:
    return base64.b64encode(public).decode("ascii")


def load_public_key(data: bytes) -> bytes:
    """Raw public key from a PEM file or from the base64 of its 32 bytes (as the app shows it)."""
    text = data.strip()
    if text.startswith(b"-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text)
        except ValueError as error:
            raise InvalidPublicKey from error
        if not isinstance(key, Ed25519PublicKey):
            raise InvalidPublicKey
        return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidPublicKey from error
    if len(raw) != KEY_BYTES:
        raise InvalidPublicKey
    return raw


def fingerprint(public: bytes) -> str:
    """`7KQ2-M9XD-...`: what the coordinator reads to the evaluator, who compares."""
    digest = int.from_bytes(hashlib.sha256(public).digest(), "big")
    value = digest >> (256 - FINGERPRINT_BITS)
    chars = [ALPHABET[(value >> shift) & 31] for shift in range(FINGERPRINT_BITS - 5, -1, -5)]
    text = "".join(chars)
    return "-".join(text[i : i + FINGERPRINT_GROUP] for i in range(0, len(text), FINGERPRINT_GROUP))
