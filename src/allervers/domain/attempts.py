"""Growing delay after repeated wrong passphrases.

Argon2id already makes every guess cost half a second; the delay makes a person at a stolen laptop
wait longer and longer: none for the first two mistakes (typos happen on a doorstep), then 2, 4, 8...
seconds, capped at 5 minutes.
"""

from __future__ import annotations

FREE_FAILURES = 2
MAX_DELAY_SECONDS = 300.0


def delay_after(failures: int) -> float:
    """Seconds to wait before the next attempt, after `failures` consecutive failures."""
    if failures <= FREE_FAILURES:
        return 0.0
    return min(2.0 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS)
