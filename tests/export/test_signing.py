from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allervers.crypto import signing


def test_signature_holds_only_for_the_same_bytes_and_key() -> None:
    key = signing.new_private_key()
    public = signing.public_key(key)
    signature = signing.sign(key, b"manifest")
    assert signing.verify(public, b"manifest", signature)
    assert not signing.verify(public, b"manifesT", signature)
    other = signing.public_key(signing.new_private_key())
    assert not signing.verify(other, b"manifest", signature)
    assert not signing.verify(public, b"manifest", signature[:-1])


def test_public_key_reads_back_from_pem_and_base64() -> None:
    public = signing.public_key(signing.new_private_key())
    assert signing.load_public_key(signing.public_key_pem(public)) == public
    assert signing.load_public_key(signing.public_key_base64(public).encode()) == public
    assert signing.load_public_key(b"\n  " + signing.public_key_pem(public) + b"\n") == public


@given(st.binary(max_size=120))
def test_anything_else_is_refused_not_crashed(data: bytes) -> None:
    try:
        key = signing.load_public_key(data)
    except signing.InvalidPublicKey:
        return
    assert len(key) == 32


def test_fingerprint_is_five_groups_of_four_readable_characters() -> None:
    public = signing.public_key(signing.new_private_key())
    fingerprint = signing.fingerprint(public)
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}", fingerprint)
    assert signing.fingerprint(public) == fingerprint
    assert signing.fingerprint(signing.public_key(signing.new_private_key())) != fingerprint


def test_known_fingerprint() -> None:
    # Independently: RFC 4648 base32 of SHA-256(32 zero bytes) starts MZUHVLPYMK6XO3EPYGFY;
    # mapped letter by letter onto Crockford's alphabet, CSM7NBFRCAYQEV4FR65R.
    assert signing.fingerprint(bytes(32)) == "CSM7-NBFR-CAYQ-EV4F-R65R"


def test_private_key_of_wrong_length_is_refused() -> None:
    with pytest.raises(signing.InvalidPrivateKey):
        signing.sign(b"short", b"data")
