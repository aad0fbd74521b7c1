from __future__ import annotations

from datetime import datetime

import pytest

from allervers.crypto import signing

NOW = datetime(2026, 10, 2, 9, 30)


@pytest.fixture(scope="session")
def signing_key() -> bytes:
    return signing.new_private_key()


@pytest.fixture(scope="session")
def other_key() -> bytes:
    return signing.new_private_key()
