from hypothesis import given
from hypothesis import strategies as st

from allervers.domain.attempts import MAX_DELAY_SECONDS, delay_after
from allervers.domain.passphrase import Strength, WeaknessReason, estimate, weakness


def test_short_passphrases_are_refused_with_their_reason() -> None:
    assert weakness("Tr0ub4dor&3") == WeaknessReason.TOO_SHORT
    assert estimate("").strength is Strength.TOO_SHORT


def test_long_but_repetitive_passphrases_are_too_simple() -> None:
    assert weakness("aaaaaaaaaaaaaaaa") == WeaknessReason.TOO_SIMPLE
    assert weakness("abcdefghijklmnop") == WeaknessReason.TOO_SIMPLE
    assert weakness("123456789012") == WeaknessReason.TOO_SIMPLE


def test_several_words_make_a_strong_passphrase() -> None:
    assert weakness("six chats gris dansent sous la pluie") is None
    assert estimate("six chats gris dansent sous la pluie").strength is Strength.STRONG


@given(st.text(min_size=0, max_size=60))
def test_strength_never_decreases_when_a_fresh_character_is_appended(text: str) -> None:
    longer = text + "\u00e9" if not text.endswith("\u00e9") else text + "Z"
    assert estimate(longer).bits >= estimate(text).bits or len(text) < 12 <= len(longer)


def test_delay_grows_after_two_free_mistakes_and_is_capped() -> None:
    assert [delay_after(n) for n in range(6)] == [0, 0, 0, 2, 4, 8]
    assert delay_after(50) == MAX_DELAY_SECONDS
