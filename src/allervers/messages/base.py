"""What every wording module shares: the translate function's type, and the identity the
command line passes (it prints French)."""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]


def identity(_context: str, text: str) -> str:
    return text
