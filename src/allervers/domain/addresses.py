"""Addresses of the territory, as the Base Adresse Nationale (BAN) and the communes' Bases
Adresses Locales (BAL) publish them: public data (licence ouverte Etalab 2.0).

Formats (docs/addresses-format.md):
- BAN "csv-legacy", per commune or per département, 23 `;`-separated columns (`BAN_COLUMNS`),
  `x`/`y` in Lambert-93 in metropolitan France, `lon`/`lat` in WGS84, `nom_ld` the lieu-dit;
  its `id` is the address's interoperability key.
- BAL 1.4 (Spécification Base Adresse Locale 1.4, AITF / Etalab), one file per commune
  (`BAL_COLUMNS`; further columns such as `voie_nom_bre` may follow, and are ignored).
Both name an address by its `cle_interop`: `{INSEE}_{voie}_{numéro sur 5 chiffres}[_{suffixe}]`,
lower case; so a BAN file and a BAL file of the same commune give the same doors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from allervers.domain.errors import AllerVersError

BAN_COLUMNS = (
    "id",
    "id_fantoir",
    "numero",
    "rep",
    "nom_voie",
    "code_postal",
    "code_insee",
    "nom_commune",
    "code_insee_ancienne_commune",
    "nom_ancienne_commune",
    "x",
    "y",
    "lon",
    "lat",
    "type_position",
    "alias",
    "nom_ld",
    "libelle_acheminement",
    "nom_afnor",
    "source_position",
    "source_nom_voie",
    "certification_commune",
    "cad_parcelles",
)
BAL_COLUMNS = (
    "uid_adresse",
    "cle_interop",
    "commune_insee",
    "commune_nom",
    "commune_deleguee_insee",
    "commune_deleguee_nom",
    "voie_nom",
    "lieudit_complement_nom",
    "numero",
    "suffixe",
    "position",
    "x",
    "y",
    "long",
    "lat",
    "cad_parcelles",
    "source",
    "date_der_maj",
    "certification_commune",
)
# BAL 1.4: "99999" numbers a toponym (a lieu-dit named without any address): not a door.
TOPONYM_NUMBER = 99999
CLE_INTEROP = re.compile(r"^[0-9][0-9ab][0-9]{3}_[0-9a-z]{4,}_[0-9]{5}(_[0-9a-z]+)?$")
INSEE = re.compile(r"^[0-9][0-9AB][0-9]{3}$")
# When a file gives several positions for one address (BAL: one line per position), the door is
# drawn at its entrance first (BAN `type_position`, BAL `position`).
POSITION_PREFERENCE = ("entrée", "bâtiment", "cage d'escalier", "logement", "délivrance postale")


class AddressFormat:
    BAN = "ban"
    BAL = "bal"


@dataclass(frozen=True, slots=True)
class Address:
    cle_interop: str
    ban_id: str  # BAN `id` (the key itself); "" from a BAL
    bal_uid: str
    commune_insee: str
    commune_name: str
    street: str
    number: int
    suffix: str
    lieu_dit: str
    postcode: str
    x: float  # Lambert-93 metres
    y: float
    lon: float  # WGS84 degrees
    lat: float
    position: str = ""

    def same_place(self, other: Address) -> bool:
        """The same door for a volunteer: same street, number, suffix, lieu-dit and commune,
        and a position moved by less than half a metre (the BAN and a BAL round coordinates
        differently). Identifiers and postcode do not count: a BAL has no BAN id."""
        return (
            (self.street, self.number, self.suffix, self.lieu_dit, self.commune_insee)
            == (other.street, other.number, other.suffix, other.lieu_dit, other.commune_insee)
            and abs(self.x - other.x) < 0.5
            and abs(self.y - other.y) < 0.5
        )


def position_rank(position: str) -> int:
    text = position.strip().casefold()
    return (
        POSITION_PREFERENCE.index(text) if text in POSITION_PREFERENCE else len(POSITION_PREFERENCE)
    )


@dataclass
class AddressFileInvalid(AllerVersError):
    """The first bad line of an address file (1-based, the header being line 1): `reason` is
    one of "header", "columns", "encoding", "insee", "number", "suffix", "street", "position",
    "key", "empty"; `column` names the column when there is one."""

    path: str
    line: int
    reason: str
    column: str = ""


@dataclass(frozen=True, slots=True)
class ImportCounts:
    added: int
    changed: int
    removed: int
    unchanged: int
    skipped: tuple[tuple[int, str, str], ...] = ()  # (line, reason, column) with --skip-invalid
    visits_matched: int = 0
