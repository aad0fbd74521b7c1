"""WGS84 (EPSG:4326) ⇄ Lambert-93 (EPSG:2154), the official projection of metropolitan France
(décret n° 2000-1276 du 26 décembre 2000, as amended by décret n° 2006-272), in which the Base
Adresse Nationale gives its `x` and `y`.

The transformers are made once (about 20 ms each) and reused; they take whole arrays, so that a
30,000-address file costs one call. PROJ's grids ship inside pyproj's wheel: no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from pyproj import Transformer

WGS84 = "EPSG:4326"
LAMBERT93 = "EPSG:2154"
# Lambert-93's area of use (metropolitan France and Corsica, with its margins), in metres.
L93_BOUNDS = (-357823.24, 6037008.67, 1313632.36, 7230727.37)


# pyproj keeps its PROJ context with the Python thread state. A Qt pool thread gets a new thread
# state for each task it runs, and a transformer used on the next task crashed the process
# (segmentation fault, reproduced with a bare QThreadPool and one thread). So every projection
# runs on one long-lived Python thread of its own, whatever thread asks.
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="allervers-proj")
_cache: dict[tuple[str, str], Transformer] = {}


def _work(
    source: str, target: str, first: list[float], second: list[float]
) -> tuple[list[float], list[float]]:
    transformer = _cache.get((source, target))
    if transformer is None:
        transformer = Transformer.from_crs(source, target, always_xy=True)
        _cache[(source, target)] = transformer
    a, b = transformer.transform(first, second)
    return list(a), list(b)


def _transform(
    source: str, target: str, first: Sequence[float], second: Sequence[float]
) -> tuple[list[float], list[float]]:
    return _worker.submit(_work, source, target, list(first), list(second)).result()


def to_lambert93(lons: Sequence[float], lats: Sequence[float]) -> tuple[list[float], list[float]]:
    return _transform(WGS84, LAMBERT93, lons, lats)


def to_wgs84(xs: Sequence[float], ys: Sequence[float]) -> tuple[list[float], list[float]]:
    return _transform(LAMBERT93, WGS84, xs, ys)


def in_metropolitan_france(x: float, y: float) -> bool:
    low_x, low_y, high_x, high_y = L93_BOUNDS
    return low_x <= x <= high_x and low_y <= y <= high_y
