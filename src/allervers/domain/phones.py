"""Telephone numbers as a household gives them at the door: French or international only.

A French number has ten digits and starts with 0 then 1 to 9 (plan de numérotation, décision
Arcep n° 2018-0881); an international one starts with "+" or "00" and has at most 15 digits
after it (ITU-T E.164). Spaces, dots, hyphens and brackets group the digits; a letter never
belongs to a number (a typing slip, or a name typed in the wrong field).
"""

from __future__ import annotations

import re

_ALLOWED = re.compile(r"[0-9 .\-()\u00a0\u202f]+")
_FRENCH = re.compile(r"0[1-9][0-9]{8}")
E164_MAX_DIGITS = 15
E164_MIN_DIGITS = 8  # country code and the shortest national numbers (Pacific islands)


def is_phone_number(text: str) -> bool:
    plain = text.strip()
    international = plain.startswith("+")
    body = plain[1:] if international else plain
    if not body or not _ALLOWED.fullmatch(body):
        return False
    digits = re.sub(r"[^0-9]", "", body)
    if not international and digits.startswith("00"):
        international, digits = True, digits[2:]
    if international:
        return E164_MIN_DIGITS <= len(digits) <= E164_MAX_DIGITS and not digits.startswith("0")
    return _FRENCH.fullmatch(digits) is not None
