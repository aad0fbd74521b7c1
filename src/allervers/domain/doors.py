"""Doors of the territory and what happened at each, pass after pass.

A door is where a volunteer knocks: an address of the Base Adresse Nationale (BAN) or of the
commune's Base Adresse Locale (BAL), or a door added by hand (a farm, a caravan, "porte 2" of a
house split into flats). Each knock is a pass with a status; the door's state is worked out from
its passes (`door_state`), never stored, so that passes recorded on two laptops merge by simply
adding up.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from allervers.domain.visits import DoorOutcome


class DoorStatus(enum.StrEnum):
    NOT_VISITED = "not_visited"
    ABSENT = "absent"
    INTERVIEW = "interview"  # someone answered and an interview was made: a household met
    REFUSED = "refused"
    COME_BACK = "come_back"  # with a date agreed at the door
    DO_NOT_DISTURB = "do_not_disturb"  # an explicit request: kept and respected
    VACANT = "vacant"
    NOT_DWELLING = "not_dwelling"
    # A refusal or a "do not disturb" older than the retention period (CNIL référentiel
    # 2023-095, social sector: two years after the last contact): the door was knocked and
    # someone opened, what they said is forgotten, and the door may be knocked again.
    ERASED = "erased"


# The statuses a volunteer records at a door (not "not visited", not "erased").
RECORDABLE = (
    DoorStatus.ABSENT,
    DoorStatus.INTERVIEW,
    DoorStatus.REFUSED,
    DoorStatus.COME_BACK,
    DoorStatus.DO_NOT_DISTURB,
    DoorStatus.VACANT,
    DoorStatus.NOT_DWELLING,
)
# Someone came to the door (the open-door rate counts these).
OPENED = frozenset(
    {
        DoorStatus.INTERVIEW,
        DoorStatus.REFUSED,
        DoorStatus.COME_BACK,
        DoorStatus.DO_NOT_DISTURB,
        DoorStatus.ERASED,
    }
)
# Nobody can open there: left out of the open-door rate's denominator.
NOBODY_LIVES = frozenset({DoorStatus.VACANT, DoorStatus.NOT_DWELLING})
# What a household said that the retention period removes (services/retention.py).
EXPIRING = frozenset({DoorStatus.REFUSED, DoorStatus.DO_NOT_DISTURB})


def status_of_outcome(outcome: DoorOutcome) -> DoorStatus:
    """The door status of a visit's door outcome (same values)."""
    return DoorStatus(outcome.value)


@dataclass(frozen=True, slots=True)
class Door:
    """One door. `address_id` is None for a door added by hand; `label` tells doors of one
    address apart ("" for the address itself, "porte 2"...). Coordinates are Lambert-93 metres
    (EPSG:2154), as the BAN gives them in metropolitan France; None when unknown."""

    id: str
    commune_insee: str
    street: str = ""
    number: int | None = None
    suffix: str = ""
    lieu_dit: str = ""
    label: str = ""
    x: float | None = None
    y: float | None = None
    address_id: str | None = None
    cle_interop: str | None = None

    @property
    def added_by_hand(self) -> bool:
        return self.address_id is None

    @property
    def way(self) -> str:
        """The street, or the lieu-dit for an address without a street."""
        return self.street or self.lieu_dit

    @property
    def number_text(self) -> str:
        if self.number is None:
            return ""
        return f"{self.number} {self.suffix}".strip()

    @property
    def address_text(self) -> str:
        """ "12 bis Rue des Lilas, porte 2" ; "La Grande Noue" for a lieu-dit."""
        text = " ".join(p for p in (self.number_text, self.way) if p)
        if self.street and self.lieu_dit:
            text += f" ({self.lieu_dit})"
        return f"{text}, {self.label}" if self.label else text


@dataclass(frozen=True, slots=True)
class DoorPass:
    """One knock at a door. `recorded_at` (UTC ISO timestamp) orders passes of the same day."""

    id: str
    door_id: str
    on: str  # ISO date
    status: DoorStatus
    volunteer_id: str = ""
    recorded_at: str = ""
    round_id: str | None = None
    household_id: str | None = None  # the household met (interview)
    visit_id: str | None = None
    come_back_on: str | None = None  # ISO date, for COME_BACK


@dataclass(frozen=True, slots=True)
class DoorState:
    door_id: str
    status: DoorStatus
    passes: int = 0
    absent_passes: int = 0  # absent passes since someone last opened (or since the first)
    last_on: str | None = None
    come_back_on: str | None = None
    household_id: str | None = None  # the household met at this door, latest first
    opened: bool = False  # someone came to the door at least once
    met: bool = False  # an interview was made at this door at least once

    @property
    def knocked(self) -> bool:
        return self.passes > 0


def ordered(passes: Iterable[DoorPass]) -> list[DoorPass]:
    return sorted(passes, key=lambda p: (p.on, p.recorded_at, p.id))


def door_state(door_id: str, passes: Iterable[DoorPass]) -> DoorState:
    """The door's state from its passes.

    - No pass: not visited.
    - A "do not disturb" stays the door's status whatever comes after (a pass recorded later on
      another laptop that had not heard of it does not lift the person's request); only the
      retention period erases it.
    - Otherwise the latest pass decides; "absent" carries the number of absent passes in a row.
    - The household met is the latest interview's, whatever came after (a relance round that
      finds the door shut does not forget the household)."""
    history = ordered(p for p in passes if p.door_id == door_id)
    if not history:
        return DoorState(door_id, DoorStatus.NOT_VISITED)
    last = history[-1]
    status = last.status
    if any(p.status is DoorStatus.DO_NOT_DISTURB for p in history):
        status = DoorStatus.DO_NOT_DISTURB
    absent = 0
    for p in reversed(history):
        if p.status is not DoorStatus.ABSENT:
            break
        absent += 1
    household = next(
        (p.household_id for p in reversed(history) if p.status is DoorStatus.INTERVIEW), None
    )
    return DoorState(
        door_id=door_id,
        status=status,
        passes=len(history),
        absent_passes=absent,
        last_on=last.on,
        come_back_on=last.come_back_on if status is DoorStatus.COME_BACK else None,
        household_id=household,
        opened=any(p.status in OPENED for p in history),
        met=any(p.status is DoorStatus.INTERVIEW for p in history),
    )


def door_states(door_ids: Iterable[str], passes: Iterable[DoorPass]) -> dict[str, DoorState]:
    by_door: dict[str, list[DoorPass]] = {}
    for p in passes:
        by_door.setdefault(p.door_id, []).append(p)
    return {d: door_state(d, by_door.get(d, ())) for d in door_ids}


# --- Matching a visit's address to a door -------------------------------------------------------

# Suffixes of the BAN and of the BAL 1.4 specification (champ `suffixe`): indices of repetition
# (bis, ter...) and letters. Written out in full and lower case in both files.
REPETITION = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies")
_NUMBER = re.compile(r"^\s*(\d{1,5})\s*([a-zA-Z]*)\s*$")
# "12 B" may be the letter B of the BAN or a hasty "bis": tried second, when no door has the letter.
_ABBREVIATIONS = {"b": "bis", "t": "ter", "q": "quater"}
# Words a volunteer abbreviates when typing a street: "r. des Lilas", "av Foch", "chem du Moulin".
_STREET_WORDS = {
    "r": "rue",
    "av": "avenue",
    "ave": "avenue",
    "bd": "boulevard",
    "bld": "boulevard",
    "ch": "chemin",
    "chem": "chemin",
    "pl": "place",
    "rte": "route",
    "imp": "impasse",
    "all": "allee",
    "st": "saint",
    "ste": "sainte",
    "lot": "lotissement",
}


def parse_number(text: str | None) -> tuple[int | None, str]:
    """ "12 bis" → (12, "bis"), "4B" → (4, "b"), "" → (None, ""); unreadable → (None, text)."""
    if not text or not text.strip():
        return None, ""
    match = _NUMBER.match(text)
    if match is None:
        return None, text.strip().casefold()
    return int(match[1]), match[2].casefold()


def street_key(text: str | None) -> str:
    """A street name folded for matching: case, accents, punctuation and the usual abbreviations
    do not count ("R. de l'Église" matches "Rue de l'Eglise")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = plain.replace("œ", "oe").replace("æ", "ae")
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    return " ".join(_STREET_WORDS.get(w, w) for w in words)


def address_key(
    commune: str, street: str | None, number: int | None, suffix: str
) -> tuple[str, ...]:
    return (commune, street_key(street), "" if number is None else str(number), suffix.casefold())


class DoorIndex:
    """Doors by commune, street (or lieu-dit), number and suffix, for matching many visits."""

    def __init__(self, doors: Iterable[Door]) -> None:
        self._by_key: dict[tuple[str, ...], list[Door]] = {}
        for d in doors:
            keys = {address_key(d.commune_insee, d.street, d.number, d.suffix)}
            if d.lieu_dit:
                keys.add(address_key(d.commune_insee, d.lieu_dit, d.number, d.suffix))
            for key in keys:
                self._by_key.setdefault(key, []).append(d)

    def find(self, commune: str, street: str | None, number_text: str | None) -> Door | None:
        """The door a visit typed by hand stands for: same commune, street (or lieu-dit) and
        number with its suffix; the address's own door (no label) before its other doors. None
        when no door, or the address is incomplete (without a number: too many doors)."""
        number, suffix = parse_number(number_text)
        if not street or number is None:
            return None
        found = self._by_key.get(address_key(commune, street, number, suffix), [])
        if not found and suffix in _ABBREVIATIONS:
            expanded = _ABBREVIATIONS[suffix]
            found = self._by_key.get(address_key(commune, street, number, expanded), [])
        if not found:
            return None
        return min(found, key=lambda d: (d.label != "", d.label, d.id))


def match_door(
    doors: Iterable[Door], commune: str, street: str | None, number_text: str | None
) -> Door | None:
    return DoorIndex(doors).find(commune, street, number_text)


def links_household(status: DoorStatus, consent_contact: object) -> bool:
    """Whether a pass names the household met and its visit. An interview without consent to
    be contacted again keeps no street address in the visit (docs/household-format.md): its
    pass says "interview" at the door but does not name the household, or the door would give
    the address back."""
    return status is not DoorStatus.INTERVIEW or consent_contact == "yes"
