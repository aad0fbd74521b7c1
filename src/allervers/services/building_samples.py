"""Synthetic building outlines in the cadastre's `batiments` GeoJSON format (Cadastre Etalab:
FeatureCollection of Polygons in WGS84, properties `type`, `nom`, `commune`, `created`,
`updated`), drawn behind the synthetic addresses (services/address_samples.py): a house set back
from the street, facing it, and now and then a barn behind it. For the demo, tests and benchmarks."""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from allervers.geo.projection import to_wgs84
from allervers.services.address_samples import SampleAddress


def _rectangle(
    cx: float, cy: float, width: float, depth: float, angle: float
) -> list[tuple[float, float]]:
    ux, uy = math.cos(angle), math.sin(angle)
    vx, vy = -uy, ux
    corners = []
    for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        corners.append(
            (
                cx + a * width / 2 * ux + b * depth / 2 * vx,
                cy + a * width / 2 * uy + b * depth / 2 * vy,
            )
        )
    return [*corners, corners[0]]


def building_outlines(
    addresses: Iterable[SampleAddress], seed: int = 2026
) -> list[list[tuple[float, float]]]:
    """Outlines in Lambert-93 metres: one house per address, a barn for one in five."""
    rng = random.Random(seed)  # noqa: S311  (synthetic data)
    out = []
    for sample in addresses:
        a = sample.address
        # Behind the door, away from the street's axis (odd numbers on one side, even the other).
        side = 1 if a.number % 2 else -1
        nx, ny = -math.sin(sample.angle) * side, math.cos(sample.angle) * side
        cx, cy = a.x + nx * 6, a.y + ny * 6
        out.append(_rectangle(cx, cy, rng.uniform(8, 13), rng.uniform(7, 10), sample.angle))
        if rng.random() < 0.2:
            out.append(
                _rectangle(
                    cx + nx * 16,
                    cy + ny * 16,
                    rng.uniform(10, 20),
                    rng.uniform(6, 10),
                    sample.angle,
                )
            )
    return out


def batiments_geojson(
    addresses: Iterable[SampleAddress], insee: str, seed: int = 2026
) -> dict[str, Any]:
    outlines = building_outlines(addresses, seed)
    xs = [x for outline in outlines for x, _ in outline]
    ys = [y for outline in outlines for _, y in outline]
    lons, lats = to_wgs84(xs, ys)
    features = []
    start = 0
    for index, outline in enumerate(outlines):
        ring = [[round(lons[start + i], 7), round(lats[start + i], 7)] for i in range(len(outline))]
        start += len(outline)
        features.append(
            {
                "type": "Feature",
                "id": f"{insee}000AB{index:05d}",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {
                    "type": "01" if index % 5 else "02",
                    "nom": None,
                    "commune": insee,
                    "created": "2019-04-03",
                    "updated": "2025-03-12",
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_batiments(
    path: Path, addresses: Iterable[SampleAddress], insee: str, seed: int = 2026
) -> Path:
    path.write_text(json.dumps(batiments_geojson(addresses, insee, seed)), encoding="utf-8")
    return path
