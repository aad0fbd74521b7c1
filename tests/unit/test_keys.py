import pytest
from hypothesis import given
from hypothesis import strategies as st

from allervers.crypto import keywrap, recovery
from allervers.crypto.kdf import KdfParams, derive_key, new_salt

LIGHT = KdfParams(memory_kib=8192, iterations=1, lanes=1)


def test_wrapped_key_opens_only_with_the_same_passphrase_and_place() -> None:
    salt = new_salt()
    data_key = keywrap.new_data_key()
    wrapped = keywrap.wrap(derive_key("bonne phrase", salt, LIGHT), data_key, b"slot-a")
    assert keywrap.unwrap(derive_key("bonne phrase", salt, LIGHT), wrapped, b"slot-a") == data_key
    with pytest.raises(keywrap.UnwrapError):
        keywrap.unwrap(derive_key("mauvaise phrase", salt, LIGHT), wrapped, b"slot-a")
    with pytest.raises(keywrap.UnwrapError):  # a slot moved to another place does not open
        keywrap.unwrap(derive_key("bonne phrase", salt, LIGHT), wrapped, b"slot-b")


def test_kdf_parameters_round_trip_through_json() -> None:
    assert KdfParams.from_json(LIGHT.to_json()) == LIGHT
    with pytest.raises(ValueError):
        KdfParams.from_json({"algorithm": "pbkdf2", "memory_kib": 1, "iterations": 1, "lanes": 1})


def test_recovery_keys_are_grouped_and_read_back_leniently() -> None:
    key = recovery.new_recovery_key()
    assert len(key.split("-")) == 8 and all(len(g) == 4 for g in key.split("-"))
    sloppy = key.lower().replace("-", " ").replace("0", "o")
    salt = new_salt()
    assert recovery.recovery_kek(sloppy, salt) == recovery.recovery_kek(key, salt)


@given(st.text(max_size=50))
def test_malformed_recovery_keys_are_refused_not_crashed(text: str) -> None:
    try:
        recovery.normalise(text)
    except recovery.MalformedRecoveryKey:
        return
    assert len(recovery.normalise(text)) == 32


def test_commune_search_finds_names_without_accents_and_codes() -> None:
    from allervers.questionnaire import communes

    assert communes.search("chemille")[0].insee == "49092"
    assert communes.search("49092")[0].name == "Chemillé-en-Anjou"
    assert all("mauges" in communes.fold(c.name) for c in communes.search("mauges"))
    assert len(communes.search("a", limit=20)) == 20
