"""Authenticating the audit chain's head kept outside the database (in `workspace.json`).

The anchor key is derived from the database key with HKDF-SHA256 (RFC 5869) and a label of its
own, so it opens nothing: knowing it does not give the database key, and it is never stored. Only
someone who holds the database key can write an anchor that verifies; a copied, rolled back or
hand-edited anchor fails.

Python cannot wipe memory it does not own: HKDF returns immutable `bytes`, copied here into a
`bytearray` the caller zeroes when the workspace closes; the `bytes` copy lives until the garbage
collector frees it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

INFO = b"allervers audit anchor v1"


def anchor_key(data_key: bytes | bytearray, workspace_id: str) -> bytearray:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=workspace_id.encode("ascii"), info=INFO
    ).derive(bytes(data_key))
    return bytearray(derived)


def _message(workspace_id: str, fields: Sequence[int | str]) -> bytes:
    return json.dumps([workspace_id, *fields], separators=(",", ":")).encode("utf-8")


def anchor_mac(key: bytes | bytearray, workspace_id: str, fields: Sequence[int | str]) -> str:
    return hmac.new(bytes(key), _message(workspace_id, fields), hashlib.sha256).hexdigest()


def mac_matches(
    key: bytes | bytearray, workspace_id: str, fields: Sequence[int | str], mac: str
) -> bool:
    return hmac.compare_digest(anchor_mac(key, workspace_id, fields), mac)


def wipe(secret: bytearray) -> None:
    """Zeroes a key held in a bytearray (the only kind of buffer Python lets us overwrite)."""
    for index in range(len(secret)):
        secret[index] = 0
