"""The territory's address list: imported from a BAN or BAL file, each address with its own
door. Bulk work with Core statements (30,000 addresses in one import), stamped for sync."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from allervers.domain.addresses import Address
from allervers.storage.door_models import AddressRow, DoorRow
from allervers.storage.models import new_id, utc_now
from allervers.storage.stamps import stamps

CHUNK = 500
_FIELDS = ("street", "number", "suffix", "lieu_dit", "commune_insee", "x", "y")


@dataclass(frozen=True, slots=True)
class StoredCounts:
    added: int
    changed: int
    removed: int
    unchanged: int


def _address(row: Any) -> Address:
    return Address(
        cle_interop=row.cle_interop,
        ban_id=row.ban_id,
        bal_uid=row.bal_uid,
        commune_insee=row.commune_insee,
        commune_name=row.commune_name,
        street=row.street,
        number=row.number,
        suffix=row.suffix,
        lieu_dit=row.lieu_dit,
        postcode=row.postcode,
        x=row.x,
        y=row.y,
        lon=row.lon,
        lat=row.lat,
    )


def _existing(session: Session, communes: Iterable[str], keys: Iterable[str]) -> dict[str, Any]:
    """Stored addresses of these communes, and those with these keys wherever they are (a key
    names one address even if a file moved it to another commune)."""
    a = AddressRow.__table__.c
    found: dict[str, Any] = {}
    for column, values in ((a.commune_insee, communes), (a.cle_interop, keys)):
        wanted = sorted(set(values))
        for start in range(0, len(wanted), CHUNK):
            query = select(AddressRow.__table__).where(column.in_(wanted[start : start + CHUNK]))
            for row in session.execute(query):
                found[row.cle_interop] = row
    return found


def _stamp(device: str, seq: int, now: str) -> dict[str, Any]:
    return {"origin_device": device, "change_seq": seq, "updated_at": now}


def _address_values(address: Address) -> dict[str, Any]:
    return {
        "cle_interop": address.cle_interop,
        "ban_id": address.ban_id,
        "bal_uid": address.bal_uid,
        "commune_insee": address.commune_insee,
        "commune_name": address.commune_name,
        "street": address.street,
        "number": address.number,
        "suffix": address.suffix,
        "lieu_dit": address.lieu_dit,
        "postcode": address.postcode,
        "x": address.x,
        "y": address.y,
        "lon": address.lon,
        "lat": address.lat,
    }


def _door_values(address: Address) -> dict[str, Any]:
    return {
        "cle_interop": address.cle_interop,
        "commune_insee": address.commune_insee,
        "street": address.street,
        "number": address.number,
        "suffix": address.suffix,
        "lieu_dit": address.lieu_dit,
        "x": address.x,
        "y": address.y,
    }


def _hand_doors_by_key(session: Session, keys: Sequence[str]) -> dict[str, str]:
    """Doors added before their address was known (a visit that named its BAN id): they become
    the address's own door instead of a second one."""
    d = DoorRow.__table__.c
    found: dict[str, str] = {}
    for start in range(0, len(keys), CHUNK):
        query = select(d.id, d.cle_interop).where(
            d.address_id.is_(None), d.cle_interop.in_(keys[start : start + CHUNK])
        )
        found.update({r.cle_interop: r.id for r in session.execute(query)})
    return found


def store_addresses(
    session: Session,
    addresses: Sequence[Address],
    scope: Iterable[str],
    today: str,
    remove_missing: bool = True,
) -> StoredCounts:
    """Adds the new addresses (each with its door), updates those that moved or were renamed
    (and their doors), and marks removed the addresses of the `scope` communes that the file no
    longer has (their doors leave future rounds; their passes stay). The same file twice writes
    nothing the second time."""
    existing = _existing(
        session,
        {a.commune_insee for a in addresses} | set(scope),
        [a.cle_interop for a in addresses],
    )
    now = utc_now()
    new = [a for a in addresses if a.cle_interop not in existing]
    hand = _hand_doors_by_key(session, [a.cle_interop for a in new])
    moved: list[tuple[Any, Address]] = []
    silent: list[tuple[Any, Address]] = []
    back: list[tuple[Any, Address]] = []
    for address in addresses:
        row = existing.get(address.cle_interop)
        if row is None:
            continue
        if row.removed_on is not None:
            back.append((row, address))
        elif not _address(row).same_place(address):
            moved.append((row, address))
        elif (address.ban_id and address.ban_id != row.ban_id) or (
            address.bal_uid and address.bal_uid != row.bal_uid
        ):
            silent.append((row, address))  # a BAL after the BAN: its uid is noted, no change
    seen = {a.cle_interop for a in addresses}
    gone = (
        [
            row
            for key, row in existing.items()
            if key not in seen and row.removed_on is None and row.commune_insee in set(scope)
        ]
        if remove_missing
        else []
    )
    count = 2 * len(new) + 2 * (len(moved) + len(back)) + len(silent) + 2 * len(gone)
    stamp = stamps(session, count) if count else iter(())
    address_rows, door_rows, door_updates = [], [], []
    for address in new:
        address_id = new_id()
        device, seq = next(stamp)
        values = _address_values(address)
        address_rows.append(
            {"id": address_id, "created_at": now, **values, **_stamp(device, seq, now)}
        )
        device, seq = next(stamp)
        if address.cle_interop in hand:
            door_updates.append(
                (
                    hand[address.cle_interop],
                    {"address_id": address_id, **_door_values(address)},
                    device,
                    seq,
                )
            )
            continue
        door_rows.append(
            {
                "id": new_id(),
                "created_at": now,
                "address_id": address_id,
                "label": "",
                **_door_values(address),
                **_stamp(device, seq, now),
            }
        )
    if address_rows:
        session.execute(insert(AddressRow), address_rows)
    if door_rows:
        session.execute(insert(DoorRow), door_rows)
    a, d = cast(Table, AddressRow.__table__), cast(Table, DoorRow.__table__)
    for door_id, values, device, seq in door_updates:
        session.execute(
            update(d).where(d.c.id == door_id).values(**values, **_stamp(device, seq, now))
        )
    for row, address in [*moved, *back]:
        device, seq = next(stamp)
        values = _address_values(address)
        values["ban_id"] = address.ban_id or row.ban_id
        values["bal_uid"] = address.bal_uid or row.bal_uid
        values["postcode"] = address.postcode or row.postcode
        session.execute(
            update(a)
            .where(a.c.id == row.id)
            .values(**values, removed_on=None, **_stamp(device, seq, now))
        )
        device, seq = next(stamp)
        session.execute(
            update(d)
            .where(d.c.address_id == row.id)
            .values(**_door_values(address), removed_on=None, **_stamp(device, seq, now))
        )
    for row, address in silent:
        device, seq = next(stamp)
        session.execute(
            update(a)
            .where(a.c.id == row.id)
            .values(
                ban_id=address.ban_id or row.ban_id,
                bal_uid=address.bal_uid or row.bal_uid,
                postcode=address.postcode or row.postcode,
                **_stamp(device, seq, now),
            )
        )
    for row in gone:
        device, seq = next(stamp)
        session.execute(
            update(a).where(a.c.id == row.id).values(removed_on=today, **_stamp(device, seq, now))
        )
        device, seq = next(stamp)
        session.execute(
            update(d)
            .where(d.c.address_id == row.id)
            .values(removed_on=today, **_stamp(device, seq, now))
        )
    unchanged = len(addresses) - len(new) - len(moved) - len(back)
    return StoredCounts(len(new) + len(back), len(moved), len(gone), unchanged)


def count_addresses(session: Session, commune: str | None = None) -> int:
    from sqlalchemy import func

    query = select(func.count()).select_from(AddressRow).where(AddressRow.removed_on.is_(None))
    if commune:
        query = query.where(AddressRow.commune_insee == commune)
    return int(session.execute(query).scalar_one())


def address_by_key(session: Session, key: str) -> tuple[str, Address] | None:
    """An address by its cle_interop or BAN id (the household format's `address_ban_id`)."""
    a = AddressRow.__table__.c
    folded = key.strip().casefold()
    row = session.execute(
        select(AddressRow.__table__).where((a.cle_interop == folded) | (a.ban_id == key.strip()))
    ).first()
    return None if row is None else (row.id, _address(row))
