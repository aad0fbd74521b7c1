"""Passphrase strength, for the indication shown while a passphrase is typed and the minimum enforced.

A rough entropy estimate (length x log2 of the character pool, discounting repeats and runs) is enough
to steer people towards long passphrases; it is not a password-cracking model. The real protection is
Argon2id with costly parameters (see `allervers.crypto.kdf`).
"""

from __future__ import annotations

import enum
import math
import string
from dataclasses import dataclass

MIN_LENGTH = 12  # ANSSI recommends at least 12 characters for a password protecting sensitive data.


class Strength(enum.IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


class WeaknessReason(enum.StrEnum):
    TOO_SHORT = "too_short"
    TOO_SIMPLE = "too_simple"


@dataclass(frozen=True, slots=True)
class StrengthEstimate:
    strength: Strength
    bits: float

    @property
    def acceptable(self) -> bool:
        return self.strength >= Strength.FAIR


def _pool_size(text: str) -> int:
    pool = 0
    if any(c in string.ascii_lowercase for c in text):
        pool += 26
    if any(c in string.ascii_uppercase for c in text):
        pool += 26
    if any(c in string.digits for c in text):
        pool += 10
    if any(c in string.punctuation or c == " " for c in text):
        pool += 33
    if any(ord(c) > 127 for c in text):
        pool += 40  # accented letters and other non-ASCII characters
    return max(pool, 1)


def _effective_length(text: str) -> float:
    """Counts a character fully only when it is neither a repeat nor the next in a run (abc, 123)."""
    length = 0.0
    for i, char in enumerate(text):
        if i and (char == text[i - 1] or ord(char) - ord(text[i - 1]) in (1, -1)):
            length += 0.25
        else:
            length += 1.0
    return length


def estimate(passphrase: str) -> StrengthEstimate:
    if len(passphrase) < MIN_LENGTH:
        bits = len(passphrase) * math.log2(_pool_size(passphrase)) if passphrase else 0.0
        return StrengthEstimate(Strength.TOO_SHORT, bits)
    distinct = len(set(passphrase))
    bits = _effective_length(passphrase) * math.log2(_pool_size(passphrase))
    if distinct < 5:
        bits = min(bits, 20.0)
    if bits < 50:
        return StrengthEstimate(Strength.WEAK, bits)
    if bits < 75:
        return StrengthEstimate(Strength.FAIR, bits)
    return StrengthEstimate(Strength.STRONG, bits)


def weakness(passphrase: str) -> WeaknessReason | None:
    """Why a passphrase is refused, or None when it is acceptable."""
    result = estimate(passphrase)
    if result.strength is Strength.TOO_SHORT:
        return WeaknessReason.TOO_SHORT
    if not result.acceptable:
        return WeaknessReason.TOO_SIMPLE
    return None
