"""Plane geometry on Lambert-93 metres (EPSG:2154, a conformal projection: distances and shapes
of a commune are true to within a few centimetres per 100 m), for rounds drawn on the map."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Point = tuple[float, float]


def point_in_polygon(point: Point, polygon: Sequence[Point]) -> bool:
    """Even-odd rule (ray casting). A polygon of fewer than three points holds nothing."""
    if len(polygon) < 3:
        return False
    x, y = point
    inside = False
    j = len(polygon) - 1
    for i in range(len(polygon)):
        xi, yi = polygon[i]
        xj, yj = polygon[j]
        if (yi > y) != (yj > y):
            cross = (xj - xi) * (y - yi) / (yj - yi) + xi
            if x < cross:
                inside = not inside
        j = i
    return inside


# Twice the area (m²) below which three points count as on one line. Door positions come to the
# centimetre (BAN, Lambert-93 in metres): a "triangle" of less than half a square millimetre is a
# line seen through rounding, and a hull made of it would hold nothing one could point at (a
# property test found one with a side of 1e-42 m whose own centroid fell outside it).
COLLINEAR = 1e-6


def _turn(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points: Iterable[Point]) -> list[Point]:
    """Andrew's monotone chain: the hull counter-clockwise, without repeated or collinear
    points (one or two points come back as they are)."""
    unique = sorted(set(points))
    if len(unique) <= 2:
        return unique
    lower: list[Point] = []
    for p in unique:
        while len(lower) >= 2 and _turn(lower[-2], lower[-1], p) <= COLLINEAR:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(unique):
        while len(upper) >= 2 and _turn(upper[-2], upper[-1], p) <= COLLINEAR:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def bounding_box(points: Iterable[Point]) -> tuple[float, float, float, float] | None:
    """(min x, min y, max x, max y), None for no point."""
    xs, ys = [], []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)
