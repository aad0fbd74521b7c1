"""Team sync's wire format: the sealed and signed envelope of bundles and enrolment replies,
and this laptop's sync identity (its signing and sealing keys). Formats: docs/sync-format.md."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from allervers.crypto import box, signing
from allervers.domain.sync import (
    BundleNotForUs,
    BundleTampered,
    BundleTruncated,
)
from allervers.services.workspace import (
    OpenWorkspace,
)
from allervers.storage import (
    keys_repo,
    sync_tables,
)

SIGN_PURPOSE = "sync_signing"


BOX_PURPOSE = "sync_box"


MAGIC = b"AVSYNC1\x00"


PREFIX = struct.Struct(">8sQI")  # magic, total length, header length


INVITATION_FORMAT = "allervers-invitation"


INVITATION_AAD = b"allervers invitation v1"


KIND_BUNDLE = "bundle"


KIND_ENROL = "enrol"


DIGEST_BYTES = 32  # SHA-256 of all that precedes: tells damage from a wrong addressee


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """One short fingerprint for both public keys of a laptop, compared in person."""
    return signing.fingerprint(sign_public + box_public)


@dataclass(frozen=True, slots=True)
class Identity:
    device_id: str
    workspace_id: str
    sign_private: bytes
    sign_public: bytes
    box_private: bytes
    box_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)


@dataclass(frozen=True, slots=True)
class Envelope:
    header: dict[str, Any]
    signed: bytes  # everything the signature covers
    sealed: bytes
    signature: bytes
    aad: bytes


def new_sign() -> tuple[bytes, bytes]:
    private = signing.new_private_key()
    return private, signing.public_key(private)


def new_box() -> tuple[bytes, bytes]:
    private = box.new_private_key()
    return private, box.public_key(private)


def identity(workspace: OpenWorkspace) -> Identity:
    """This workspace's device id and sync keys, made on first use."""
    with workspace.db.session() as session:
        device = sync_tables.device_id(session)
        sign_private, sign_public = keys_repo.key_pair(session, SIGN_PURPOSE, new_sign)
        box_private, box_public = keys_repo.key_pair(session, BOX_PURPOSE, new_box)
    return Identity(
        device, workspace.metadata.workspace_id, sign_private, sign_public, box_private, box_public
    )


def seal(sender: Identity, header: dict[str, Any], recipient_box: bytes, payload: bytes) -> bytes:
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    body = zlib.compress(payload, 6)
    sealed_len = len(body) + box.BOX_OVERHEAD
    total = PREFIX.size + len(header_bytes) + sealed_len + signing.SIGNATURE_BYTES + DIGEST_BYTES
    aad = PREFIX.pack(MAGIC, total, len(header_bytes)) + header_bytes
    sealed = box.seal(recipient_box, body, aad)
    signed = aad + sealed
    whole = signed + signing.sign(sender.sign_private, signed)
    return whole + hashlib.sha256(whole).digest()


def parse(path: Path, data: bytes) -> Envelope:
    if len(data) < PREFIX.size:
        raise BundleTruncated(path)
    magic, total, header_len = PREFIX.unpack_from(data)
    if magic != MAGIC:
        raise BundleTruncated(path)
    if len(data) < total:
        raise BundleTruncated(path)
    minimum = PREFIX.size + header_len + box.BOX_OVERHEAD + signing.SIGNATURE_BYTES + DIGEST_BYTES
    if len(data) > total or total < minimum:
        raise BundleTampered(path)
    data, digest = data[:-DIGEST_BYTES], data[-DIGEST_BYTES:]
    if hashlib.sha256(data).digest() != digest:
        raise BundleTampered(path)
    aad = data[: PREFIX.size + header_len]
    try:
        header = json.loads(data[PREFIX.size : PREFIX.size + header_len].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleTampered(path) from error
    if not isinstance(header, dict):
        raise BundleTampered(path)
    signed, signature = data[: -signing.SIGNATURE_BYTES], data[-signing.SIGNATURE_BYTES :]
    return Envelope(header, signed, data[len(aad) : -signing.SIGNATURE_BYTES], signature, aad)


def open_payload(
    path: Path, envelope: Envelope, me: Identity, sign_public: bytes
) -> dict[str, Any]:
    if not signing.verify(sign_public, envelope.signed, envelope.signature):
        raise BundleTampered(path)
    try:
        plain = zlib.decompress(box.open_sealed(me.box_private, envelope.sealed, envelope.aad))
        payload = json.loads(plain.decode("utf-8"))
    except (box.BoxOpenFailed, zlib.error, UnicodeDecodeError, ValueError) as error:
        raise BundleTampered(path) from error
    if not isinstance(payload, dict):
        raise BundleTampered(path)
    return payload


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise BundleTruncated(path) from None


def sender_fingerprint(header: dict[str, Any]) -> str:
    try:
        return fingerprint(unb64(header["sender_key"]), unb64(header["sender_box"]))
    except (KeyError, ValueError):
        return ""


def require_addressed(path: Path, envelope: Envelope, me: Identity) -> None:
    header = envelope.header
    if header.get("to_workspace") != me.workspace_id or header.get("to_device") != me.device_id:
        raise BundleNotForUs(path)
