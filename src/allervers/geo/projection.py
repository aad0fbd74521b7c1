"""WGS84 (EPSG:4326) ⇄ Lambert-93 (EPSG:2154), the official projection of metropolitan France
(décret n° 2000-1276 du 26 décembre 2000, as amended by décret n° 2006-272), in which the Base
Adresse Nationale gives its `x` and `y`.

The transformers are made once (about 20 ms each) and reused; they take whole arrays, so that a
30,000-address file costs one call. PROJ's grids ship inside pyproj's wheel: no network.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from pyproj import Transformer

WGS84 = "EPSG:4326"
LAMBERT93 = "EPSG:2154"
# Lambert-93's area of use (metropolitan France and Corsica, with its margins), in metres.
L93_BOUNDS = (-357823.24, 6037008.67, 1313632.36, 7230727.37)


@functools.cache
def _to_l93() -> Transformer:
    return Transformer.from_crs(WGS84, LAMBERT93, always_xy=True)


@functools.cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs(LAMBERT93, WGS84, always_xy=True)


def to_lambert93(lons: Sequence[float], lats: Sequence[float]) -> tuple[list[float], list[float]]:
    xs, ys = _to_l93().transform(list(lons), list(lats))
    return list(xs), list(ys)


def to_wgs84(xs: Sequence[float], ys: Sequence[float]) -> tuple[list[float], list[float]]:
    lons, lats = _to_wgs84().transform(list(xs), list(ys))
    return list(lons), list(lats)


def in_metropolitan_france(x: float, y: float) -> bool:
    low_x, low_y, high_x, high_y = L93_BOUNDS
    return low_x <= x <= high_x and low_y <= y <= high_y
