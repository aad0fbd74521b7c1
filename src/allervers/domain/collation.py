"""Sorting French names as a French reader expects: accents, case and punctuation do not decide
the order ("Écouflant" comes between "Cholet" and "Maulévrier", not after every unaccented name)."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose, spelled out. U+008C and U+009C are the Windows-1252
# bytes of "Œ" and "œ" read as Latin-1, as openfisca-france's commune list has them
# ("C\x9cuvres-et-Valsery"; questionnaire/communes.py repairs them on reading, this stays safe).
_SPELLED = str.maketrans({"œ": "oe", "Œ": "oe", "\x9c": "oe", "\x8c": "oe", "æ": "ae", "Æ": "ae"})
# Below every character of a folded name: "Saint" sorts before "Saint Aubin".
_SEPARATOR = "\x01"


def _primary(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in "-'’()":
        plain = plain.replace(mark, " ")
    return " ".join(plain.casefold().split())


def french_sort_key(text: str) -> str:
    """A key whose plain code-point order (SQLite's BINARY collation, Python's `<`) is the French
    dictionary order: letters without accents or case first ("beaupreau en mauges"), then, for
    names equal on that, the accents and case, then the text itself so that the order is total."""
    return f"{_primary(text)}{_SEPARATOR}{text.casefold()}{_SEPARATOR}{text}"
