"""WGS84 longitudes and latitudes ⇄ Lambert-93 metres (EPSG:2154), the official projection of
metropolitan France (décret n° 2000-1276 du 26 décembre 2000, modified by décret n° 2006-272),
in which the Base Adresse Nationale gives its `x` and `y`.

Lambert conformal conic with two standard parallels on the GRS80 ellipsoid (RGF93): parallels
44° and 49° N, origin 46°30' N 3° E, false easting 700,000 m, false northing 6,600,000 m.
Formulas: IGN, "Projection cartographique conique conforme de Lambert", notice NT/G 71
(algorithms ALG0001-ALG0004), and J. P. Snyder, "Map Projections: A Working Manual" (USGS, 1987),
pp. 107-109. WGS84 and RGF93 agree to within a few centimetres (PROJ itself treats the change as
the identity), so no datum shift is applied.

Written out rather than taken from pyproj: pyproj crashed the process when a Qt pool thread used
it for a second task (a segmentation fault, reproduced with a bare QThreadPool), since it keeps its
PROJ context with a Python thread state that such threads remake for each task. These few lines
of arithmetic have no such reach. tests/unit/test_projection.py checks them
against values computed with PROJ 9.5.1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

A = 6378137.0  # GRS80 semi-major axis, metres
FLATTENING = 1 / 298.257222101
E2 = FLATTENING * (2 - FLATTENING)
E = math.sqrt(E2)
LON0 = math.radians(3.0)
LAT0 = math.radians(46.5)
LAT1 = math.radians(44.0)
LAT2 = math.radians(49.0)
X0, Y0 = 700_000.0, 6_600_000.0
# Lambert-93's area of use (metropolitan France and Corsica, with its margins), in metres.
L93_BOUNDS = (-357823.24, 6037008.67, 1313632.36, 7230727.37)


def _m(phi: float) -> float:
    return math.cos(phi) / math.sqrt(1 - E2 * math.sin(phi) ** 2)


def _t(phi: float) -> float:
    """exp(-isometric latitude) (IGN ALG0001)."""
    s = E * math.sin(phi)
    return float(math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (E / 2))


N = (math.log(_m(LAT1)) - math.log(_m(LAT2))) / (math.log(_t(LAT1)) - math.log(_t(LAT2)))
C = _m(LAT1) / (N * _t(LAT1) ** N)
RHO0 = A * C * _t(LAT0) ** N


def _forward(lon: float, lat: float) -> tuple[float, float]:
    rho = A * C * _t(math.radians(lat)) ** N
    theta = N * (math.radians(lon) - LON0)
    return X0 + rho * math.sin(theta), Y0 + RHO0 - rho * math.cos(theta)


def _inverse(x: float, y: float) -> tuple[float, float]:
    dx, dy = x - X0, RHO0 - (y - Y0)
    rho = math.copysign(math.hypot(dx, dy), N)
    t = (rho / (A * C)) ** (1 / N)
    theta = math.atan2(dx, dy)
    phi = math.pi / 2 - 2 * math.atan(t)
    for _ in range(30):  # IGN ALG0002: converges in a handful of steps
        s = E * math.sin(phi)
        following = math.pi / 2 - 2 * math.atan(t * ((1 - s) / (1 + s)) ** (E / 2))
        if abs(following - phi) < 1e-13:
            phi = following
            break
        phi = following
    return math.degrees(theta / N + LON0), math.degrees(phi)


def to_lambert93(lons: Sequence[float], lats: Sequence[float]) -> tuple[list[float], list[float]]:
    xs, ys = [], []
    for lon, lat in zip(lons, lats, strict=True):
        x, y = _forward(lon, lat)
        xs.append(x)
        ys.append(y)
    return xs, ys


def to_wgs84(xs: Sequence[float], ys: Sequence[float]) -> tuple[list[float], list[float]]:
    lons, lats = [], []
    for x, y in zip(xs, ys, strict=True):
        lon, lat = _inverse(x, y)
        lons.append(lon)
        lats.append(lat)
    return lons, lats


def in_metropolitan_france(x: float, y: float) -> bool:
    low_x, low_y, high_x, high_y = L93_BOUNDS
    return low_x <= x <= high_x and low_y <= y <= high_y
