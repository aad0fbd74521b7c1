"""Lambert-93 (EPSG:2154) ⇄ WGS84, checked against PROJ and both ways round."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allervers.geo.projection import in_metropolitan_france, to_lambert93, to_wgs84

# Computed with PROJ 9.5.1 (pyproj 3.7.2, EPSG:4326 → EPSG:2154), to the millimetre.
REFERENCE = [
    (-0.7285, 47.2117, 417899.516, 6685706.514),  # Chemillé-en-Anjou
    (3.0, 46.5, 700000.000, 6600000.000),  # the projection's origin
    (2.3522, 48.8566, 652469.023, 6862035.259),  # Paris
    (7.2619, 43.7102, 1043402.110, 6299399.608),  # Nice
    (-4.4861, 48.3904, 146632.979, 6836262.327),  # Brest
    (9.45, 42.7, 1228546.045, 6199420.644),  # Corsica
]


@pytest.mark.parametrize(("lon", "lat", "x", "y"), REFERENCE)
def test_lambert93_agrees_with_proj(lon: float, lat: float, x: float, y: float) -> None:
    (px,), (py,) = to_lambert93([lon], [lat])
    assert (px, py) == (pytest.approx(x, abs=0.002), pytest.approx(y, abs=0.002))
    (back_lon,), (back_lat,) = to_wgs84([x], [y])
    assert (back_lon, back_lat) == (pytest.approx(lon, abs=1e-7), pytest.approx(lat, abs=1e-7))
    assert in_metropolitan_france(px, py)


@given(st.floats(-5.5, 10.0), st.floats(41.0, 51.5))
def test_there_and_back_lands_on_the_same_point(lon: float, lat: float) -> None:
    xs, ys = to_lambert93([lon], [lat])
    (back_lon,), (back_lat,) = to_wgs84(xs, ys)
    assert back_lon == pytest.approx(lon, abs=1e-9)
    assert back_lat == pytest.approx(lat, abs=1e-9)
