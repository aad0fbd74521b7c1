"""Building outlines for the map, from the cadastre's `batiments` file of a commune (Cadastre
Etalab: GeoJSON, WGS84, one Polygon or MultiPolygon per building), projected to Lambert-93.
Public data, read from files placed next to the workspace (docs/addresses-format.md): nothing is
stored in the workspace. A file that cannot be read is refused whole, in French."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from allervers.domain.errors import AllerVersError
from allervers.domain.geometry import Point
from allervers.geo.projection import to_lambert93

PATTERN = "cadastre-*-batiments.json"
MAX_BYTES = 500_000_000


@dataclass
class BuildingsInvalid(AllerVersError):
    path: Path


def _rings(geometry: Any) -> list[list[list[float]]]:
    """The outer rings of a Polygon or MultiPolygon (holes are not drawn)."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind == "Polygon" and isinstance(coordinates, list) and coordinates:
        return [coordinates[0]]
    if kind == "MultiPolygon" and isinstance(coordinates, list):
        return [p[0] for p in coordinates if isinstance(p, list) and p]
    return []


def read_buildings(path: Path) -> list[list[Point]]:
    """The outlines of a `batiments` GeoJSON, in Lambert-93 metres."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BuildingsInvalid(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data["features"] if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise BuildingsInvalid(path)
        lons: list[float] = []
        lats: list[float] = []
        sizes: list[int] = []
        for feature in features:
            for ring in _rings(feature.get("geometry") if isinstance(feature, dict) else None):
                points = [(float(p[0]), float(p[1])) for p in ring]
                if len(points) < 3 or not all(
                    -180 <= lo <= 180 and -90 <= la <= 90 for lo, la in points
                ):
                    raise BuildingsInvalid(path)
                lons.extend(lo for lo, _ in points)
                lats.extend(la for _, la in points)
                sizes.append(len(points))
    except (OSError, ValueError, TypeError, KeyError, IndexError) as error:
        raise BuildingsInvalid(path) from error
    xs, ys = to_lambert93(lons, lats)
    out: list[list[Point]] = []
    start = 0
    for size in sizes:
        out.append(list(zip(xs[start : start + size], ys[start : start + size], strict=True)))
        start += size
    return out


def buildings_near(folder: Path) -> list[list[Point]]:
    """Every `cadastre-*-batiments.json` placed in the workspace's folder (unreadable ones are
    left out: the map is drawn without them)."""
    out: list[list[Point]] = []
    for path in sorted(folder.glob(PATTERN)):
        try:
            out.extend(read_buildings(path))
        except BuildingsInvalid:
            continue
    return out
