"""Synthetic address files for tests, the demo and the benchmarks: the exact formats of the Base
Adresse Nationale's csv-legacy and of a Base Adresse Locale 1.4 (docs/addresses-format.md), with
the real INSEE codes of the example territory (Maine-et-Loire) and invented streets, numbers and
lieux-dits. These machines cannot download the real files; a coordinator does (see the doc).

Streets are laid out as a volunteer walks them: odd numbers on one side, even on the other, about
14 m apart; hamlets ("lieux-dits") a few hundred metres out of the bourg. Coordinates are drawn
in Lambert-93 and converted to WGS84 (geo/projection.py), so that the two agree as in the real files.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from allervers.domain.addresses import BAL_COLUMNS, BAN_COLUMNS, Address
from allervers.geo.projection import to_lambert93, to_wgs84
from allervers.questionnaire import communes

# Real centres (WGS84) and postcodes of the demo territory's communes (services/demo_data.py).
CENTRES: dict[str, tuple[float, float, str]] = {
    "49092": (-0.7285, 47.2117, "49120"),  # Chemillé-en-Anjou
    "49023": (-0.9886, 47.2036, "49600"),  # Beaupréau-en-Mauges
    "49125": (-0.2750, 47.1931, "49700"),  # Doué-en-Anjou
    "49163": (-0.2344, 47.5561, "49140"),  # Jarzé Villages
    "49244": (-1.0158, 47.3617, "49410"),  # Mauges-sur-Loire
    "49301": (-1.0000, 47.1233, "49230"),  # Sèvremoine
    "49223": (-0.5506, 47.4003, "49610"),  # Mûrs-Erigné
    "49373": (-0.5322, 47.1461, "49310"),  # Lys-Haut-Layon
}
# Maine-et-Loire's extent (WGS84), for the other communes of a département file.
DEPARTEMENT_49 = (-1.25, 46.98, 0.22, 47.81)
STREET_TYPES = ("Rue", "Rue", "Rue", "Chemin", "Impasse", "Allée", "Route", "Place", "Avenue")
STREET_NAMES = (
    "de l'Église",
    "du Moulin",
    "des Lilas",
    "des Tilleuls",
    "de la Mairie",
    "du Stade",
    "des Écoles",
    "Pasteur",
    "Victor Hugo",
    "Jean Jaurès",
    "du Lavoir",
    "des Vignes",
    "de la Gare",
    "des Chênes",
    "du Château",
    "de la Croix Verte",
    "des Acacias",
    "du Prieuré",
    "Saint-Martin",
    "de la Fontaine",
    "des Genêts",
    "du Coteau",
    "de la Forge",
    "des Peupliers",
    "du Calvaire",
    "des Rosiers",
    "de la Poste",
    "du Pressoir",
    "des Mauges",
    "de l'Évre",
    "du Layon",
    "des Hirondelles",
    "du Bocage",
    "de la Tuilerie",
    "des Primevères",
    "du Four à Pain",
)
LIEUX_DITS = (
    "La Grande Noue",
    "Le Bois Joli",
    "Les Landes",
    "La Touche",
    "Le Pâtis",
    "La Petite Rivière",
    "La Métairie",
    "Les Hauts Champs",
    "La Brosse",
    "Le Plessis",
    "La Gagnerie",
    "Les Rivières",
    "La Boissière",
    "Le Pont Neuf",
    "La Héronnière",
    "Les Mortiers",
)
SUFFIXES = ("bis", "bis", "bis", "ter", "a", "b")
SPACING = 14.0  # metres between two doors of one side
SIDE = 9.0  # metres from the street's axis to a door


@dataclass(frozen=True, slots=True)
class SampleAddress:
    address: Address
    fantoir: str  # the street's code, second part of the key
    angle: float  # the street's direction (radians), for building outlines


def _key(insee: str, fantoir: str, number: int, suffix: str) -> str:
    key = f"{insee}_{fantoir}_{number:05d}"
    return f"{key}_{suffix}" if suffix else key


def _centre(insee: str, rng: random.Random) -> tuple[float, float, str]:
    if insee in CENTRES:
        return CENTRES[insee]
    low_lon, low_lat, high_lon, high_lat = DEPARTEMENT_49
    postcode = f"49{rng.randint(0, 79) * 10 + 10:03d}"
    return rng.uniform(low_lon, high_lon), rng.uniform(low_lat, high_lat), postcode


def commune_addresses(insee: str, count: int, seed: int = 2026) -> list[SampleAddress]:
    """About `count` addresses of one commune (exactly `count`), streets and hamlets."""
    rng = random.Random(f"{seed}-{insee}")  # noqa: S311  (synthetic data)
    commune = communes.find(insee)
    name = commune.name if commune else insee
    lon, lat, postcode = _centre(insee, rng)
    (cx,), (cy,) = to_lambert93([lon], [lat])
    names = [f"{t} {n}" for t in STREET_TYPES for n in STREET_NAMES]
    rng.shuffle(names)
    hamlets = list(LIEUX_DITS)
    rng.shuffle(hamlets)
    raw: list[tuple[float, float, str, int, str, str, str, float]] = []
    street_index = 0
    spread = 350.0 + 9.0 * math.sqrt(count)
    while len(raw) < count:
        street_index += 1
        fantoir = f"{street_index * 10:04d}" if street_index < 1000 else f"b{street_index:03d}"
        hamlet = street_index % 7 == 3 and hamlets
        angle = rng.uniform(0, math.pi)
        if hamlet:
            # A hamlet out of the bourg: its name is the address's street (BAN practice).
            way, lieu_dit = hamlets.pop(), ""
            distance = rng.uniform(spread, spread * 2.2)
            bearing = rng.uniform(0, 2 * math.pi)
            sx, sy = cx + distance * math.cos(bearing), cy + distance * math.sin(bearing)
            doors = rng.randint(3, 9)
        else:
            way = names[(street_index - 1) % len(names)]
            if street_index > len(names):
                way = f"{way} {street_index // len(names) + 1}"
            lieu_dit = hamlets[-1] if way.startswith("Route") and hamlets else ""
            sx = cx + rng.uniform(-spread, spread)
            sy = cy + rng.uniform(-spread, spread)
            doors = rng.randint(8, 60)
        for number in range(1, doors + 1):
            if len(raw) >= count:
                break
            along = ((number + 1) // 2 - 1) * SPACING
            side = SIDE if number % 2 else -SIDE
            jitter = rng.uniform(-2, 2)
            x = sx + along * math.cos(angle) - side * math.sin(angle) + jitter
            y = sy + along * math.sin(angle) + side * math.cos(angle) + jitter
            raw.append((x, y, way, number, "", lieu_dit, fantoir, angle))
            if rng.random() < 0.05 and len(raw) < count:
                suffix = rng.choice(SUFFIXES)
                x2 = x + 5 * math.cos(angle)
                y2 = y + 5 * math.sin(angle)
                raw.append((x2, y2, way, number, suffix, lieu_dit, fantoir, angle))
    lons, lats = to_wgs84([r[0] for r in raw], [r[1] for r in raw])
    out = []
    for (x, y, way, number, suffix, lieu_dit, fantoir, angle), lo, la in zip(
        raw, lons, lats, strict=True
    ):
        key = _key(insee, fantoir, number, suffix)
        address = Address(
            cle_interop=key,
            ban_id=key,
            bal_uid="",
            commune_insee=insee,
            commune_name=name,
            street=way,
            number=number,
            suffix=suffix,
            lieu_dit=lieu_dit,
            postcode=postcode,
            x=round(x, 2),
            y=round(y, 2),
            lon=round(lo, 6),
            lat=round(la, 6),
            position="entrée",
        )
        out.append(SampleAddress(address, fantoir, angle))
    return out


def territory_addresses(per_commune: dict[str, int], seed: int = 2026) -> list[SampleAddress]:
    return [a for insee, n in per_commune.items() for a in commune_addresses(insee, n, seed)]


def departement_addresses(total: int = 30_000, seed: int = 2026) -> list[SampleAddress]:
    """A département file's worth of addresses: the demo territory's eight communes and other
    communes of Maine-et-Loire, about 30,000 addresses in all (the size of a rural
    département's BAN file is ten times that; 30,000 keeps tests and benchmarks short)."""
    others = sorted(
        c.insee
        for c in communes.all_communes().values()
        if c.department == "49" and c.insee not in CENTRES
    )
    rng = random.Random(seed)  # noqa: S311
    chosen = list(CENTRES) + rng.sample(others, min(len(others), 32))
    base, extra = divmod(total, len(chosen))
    sizes = {insee: base + (1 if i < extra else 0) for i, insee in enumerate(chosen)}
    return territory_addresses(sizes, seed)


def _afnor(text: str) -> str:
    """The AFNOR form of a street (NF Z 10-011): upper case without accents, 32 characters."""
    folded = communes.fold(text).upper()
    return folded[:32]


def ban_rows(addresses: Iterable[SampleAddress]) -> list[list[str]]:
    rows = []
    for sample in addresses:
        a = sample.address
        rows.append(
            [
                a.ban_id,
                f"{a.commune_insee}_{sample.fantoir}",
                str(a.number),
                a.suffix,
                a.street,
                a.postcode,
                a.commune_insee,
                a.commune_name,
                "",
                "",
                f"{a.x:.2f}",
                f"{a.y:.2f}",
                f"{a.lon:.6f}",
                f"{a.lat:.6f}",
                a.position,
                "",
                a.lieu_dit,
                _afnor(a.commune_name),
                _afnor(a.street),
                "commune",
                "commune",
                "1",
                f"{a.commune_insee}000AB{(a.number % 900) + 1:04d}",
            ]
        )
    return rows


def bal_rows(addresses: Iterable[SampleAddress], seed: int = 2026) -> list[list[str]]:
    rng = random.Random(seed)  # noqa: S311
    day = dt.date(2026, 3, 1)
    rows = []
    for sample in addresses:
        a = sample.address
        rows.append(
            [
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                a.cle_interop,
                a.commune_insee,
                a.commune_name,
                "",
                "",
                a.street,
                a.lieu_dit,
                str(a.number),
                a.suffix,
                a.position,
                f"{a.x:.2f}",
                f"{a.y:.2f}",
                f"{a.lon:.6f}",
                f"{a.lat:.6f}",
                f"{a.commune_insee}000AB{(a.number % 900) + 1:04d}",
                f"Commune de {a.commune_name}",
                (day - dt.timedelta(days=rng.randint(0, 700))).isoformat(),
                "1",
            ]
        )
    return rows


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """`;`-separated UTF-8, as both files are published (no quoting: no value holds a `;`)."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_ban(path: Path, addresses: Iterable[SampleAddress]) -> Path:
    return write_csv(path, BAN_COLUMNS, ban_rows(addresses))


def write_bal(path: Path, addresses: Iterable[SampleAddress], seed: int = 2026) -> Path:
    """A BAL 1.4 file; a lieu-dit named without addresses is a `99999` line, as in the real
    files, and one address in twenty has a second position line (its building)."""
    samples = list(addresses)
    rows = bal_rows(samples, seed)
    rng = random.Random(seed + 1)  # noqa: S311
    extra = []
    for row in rows:
        if rng.random() < 0.05:
            second = list(row)
            second[0] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            second[10] = "bâtiment"
            second[11] = f"{float(row[11]) + 6:.2f}"
            extra.append(second)
    communes_seen = sorted({s.address.commune_insee for s in samples})
    for insee in communes_seen:
        name = next(s.address.commune_name for s in samples if s.address.commune_insee == insee)
        extra.append(
            [
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                f"{insee}_9999_99999",
                insee,
                name,
                "",
                "",
                "Les Trois Chênes",
                "",
                "99999",
                "",
                "segment",
                "",
                "",
                "",
                "",
                "",
                f"Commune de {name}",
                "2026-01-15",
                "1",
            ]
        )
    return write_csv(path, BAL_COLUMNS, rows + extra)


def moved(sample: SampleAddress, dx: float) -> SampleAddress:
    """The same address a few metres away (a newer file that corrects a position)."""
    a = sample.address
    (lo,), (la,) = to_wgs84([a.x + dx], [a.y])
    return replace(
        sample, address=replace(a, x=round(a.x + dx, 2), lon=round(lo, 6), lat=round(la, 6))
    )
