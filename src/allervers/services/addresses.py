"""Importing the territory's addresses (BAN csv-legacy or BAL 1.4) and adding doors by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from allervers.domain.addresses import AddressFileInvalid, ImportCounts
from allervers.domain.doors import Door, parse_number
from allervers.domain.errors import InvalidInput
from allervers.questionnaire import communes as commune_list
from allervers.services import door_links
from allervers.services.address_files import ParsedFile, read_address_file
from allervers.services.workspace import OpenWorkspace
from allervers.storage import addresses_repo, doors_repo, repositories

MAX_LABEL = 40
MAX_WAY = 120


@dataclass(frozen=True, slots=True)
class AddressRead:
    """An address file once read and checked, and the communes it was asked for."""

    parsed: ParsedFile
    communes: tuple[str, ...]


def read_addresses(
    path: Path, communes: list[str] | None = None, skip_invalid: bool = False
) -> AddressRead:
    """Reads and checks the whole file; needs no workspace (the command line reads before it
    unlocks: a refused file leaves the workspace as it was, audit anchor included)."""
    wanted = tuple(c.strip().upper() for c in communes or [])
    for code in wanted:
        if commune_list.find(code) is None:
            raise InvalidInput("commune", "unknown")
    if not path.is_file():
        raise AddressFileInvalid(str(path), 0, "missing")
    return AddressRead(read_address_file(path, wanted, skip_invalid), wanted)


class AddressService:
    def __init__(self, workspace: OpenWorkspace, today: dt.date | None = None) -> None:
        self._workspace = workspace
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def import_file(
        self, path: Path, communes: list[str] | None = None, skip_invalid: bool = False
    ) -> ImportCounts:
        """Reads and checks the whole file, then stores it (`store`)."""
        self._workspace.require_coordinator("addresses")  # before reading a large file
        return self.store(read_addresses(path, communes, skip_invalid))

    def store(self, read: AddressRead) -> ImportCounts:
        """Stores a file `read_addresses` read, in one transaction: added, changed and removed
        addresses. Removal applies to the communes the file speaks for (those given with
        `communes`, when given), and only when no line was skipped: a skipped line is not an
        address that left the reference."""
        self._workspace.require_coordinator("addresses")
        parsed = read.parsed
        scope = set(read.communes) & parsed.communes if read.communes else parsed.communes
        with self._workspace.db.session() as session:
            stored = addresses_repo.store_addresses(
                session,
                parsed.addresses,
                scope,
                self.today.isoformat(),
                remove_missing=not parsed.skipped,
            )
            matched = door_links.match_visits(session)
            repositories.append_audit(
                session, self._workspace.user.id, "addresses_imported", "address", str(stored.added)
            )
        return ImportCounts(
            stored.added,
            stored.changed,
            stored.removed,
            stored.unchanged,
            tuple(parsed.skipped),
            matched,
        )

    def add_door(
        self,
        commune: str,
        way: str,
        number: str | None = None,
        label: str = "",
        beside: str | None = None,
    ) -> Door:
        """A door the file does not have. With `beside` (a door's id): another door of the same
        address ("porte 2"), at its place; otherwise a door by hand (a farm, a caravan), placed
        near the doors of the same street when there are some."""
        label = " ".join(label.split())
        if len(label) > MAX_LABEL:
            raise InvalidInput("label", "too_long")
        with self._workspace.db.session() as session:
            if beside is not None:
                near = doors_repo.get_door(session, beside)
                taken = (
                    set(doors_repo.labels_at(session, near.address_id))
                    if near.address_id
                    else set()
                )
                label = label or _next_label(taken | {near.label})
                door = doors_repo.add_door(
                    session,
                    near.commune_insee,
                    near.street,
                    near.number,
                    near.suffix,
                    near.lieu_dit,
                    label,
                    near.x,
                    near.y,
                    self._workspace.user.id,
                    address_id=near.address_id,
                    cle_interop=near.cle_interop,
                )
            else:
                way = " ".join(way.split())
                if commune_list.find(commune) is None:
                    raise InvalidInput("commune", "unknown")
                if not way:
                    raise InvalidInput("street", "empty")
                if len(way) > MAX_WAY:
                    raise InvalidInput("street", "too_long")
                value, suffix = parse_number(number)
                if number and number.strip() and value is None:
                    raise InvalidInput("number", "format")
                neighbours = [
                    d for d in doors_repo.doors(session, [commune], [way]) if d.x is not None
                ]
                x = sum(d.x or 0 for d in neighbours) / len(neighbours) if neighbours else None
                y = sum(d.y or 0 for d in neighbours) / len(neighbours) if neighbours else None
                door = doors_repo.add_door(
                    session, commune, way, value, suffix, "", label, x, y, self._workspace.user.id
                )
            repositories.append_audit(
                session, self._workspace.user.id, "door_added", "door", door.id
            )
        return door

    def count(self, commune: str | None = None) -> int:
        with self._workspace.db.session() as session:
            return addresses_repo.count_addresses(session, commune)


def _next_label(taken: set[str]) -> str:
    number = 2
    while f"porte {number}" in taken:
        number += 1
    return f"porte {number}"
