"""Change stamps for rows written with Core statements (bulk imports), which the ORM's
before_flush hook (storage/database.py) does not see: the same device counter, taken in blocks."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from allervers.storage.models import DeviceClock, new_id


def stamps(session: Session, count: int) -> Iterator[tuple[str, int]]:
    """`count` (device id, change number) pairs, the counter moved past them at once."""
    clock = session.execute(select(DeviceClock).limit(1)).scalar_one_or_none()
    if clock is None:
        clock = DeviceClock(device_id=new_id(), counter=0)
        session.add(clock)
    first = clock.counter + 1
    clock.counter += count
    session.flush()
    device = clock.device_id
    return ((device, first + i) for i in range(count))
