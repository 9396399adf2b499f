"""The precision layer in a real Chromium: a country-level place of the reference brief is drawn with a
ring of its uncertainty radius around it, not as a pin, and the state forces' strikes are on the map.

What the ring should be is computed in-process from the same default article the server reads; the
browser side is plotly's own figure state on the plot element (`gd._fullData`).
"""
from __future__ import annotations

import math

import pytest

from layers.base import EARTH_RADIUS_KM, uncertainty_radius_km
from tests.browser.helpers import wait_for_map

MAP = ".js-plotly-plot"

# The precision trace as drawn: each vertex with the place id it belongs to.
_PRECISION_JS = """
(sel) => {
  const gd = document.querySelector(sel);
  const t = Array.from(gd._fullData).find(t => t.name === 'precision');
  if (!t) return null;
  return {mode: t.mode, lat: Array.from(t.lat), lon: Array.from(t.lon), ids: Array.from(t.customdata)};
}
"""
_NAMES_JS = "(sel) => Array.from(document.querySelector(sel)._fullData, t => t.name)"


@pytest.fixture(scope="module")
def reference():
    from reading.default import default_article
    from reading.pipeline import read_article

    default = default_article()
    return read_article(default.article, published=default.published)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def test_a_country_level_place_is_drawn_with_its_uncertainty_ring(streamlit_server, page, reference):
    country = next((p for p in reference.places if p.role == "literal" and p.precision == "country"), None)
    assert country is not None, "the reference brief no longer has a literal country-level place"
    page.goto(f"{streamlit_server}/?layers=precision,places")
    wait_for_map(page, timeout=60_000)
    drawn = page.evaluate(_PRECISION_JS, MAP)
    assert drawn is not None, f"no precision trace on the map: {page.evaluate(_NAMES_JS, MAP)}"
    assert drawn["mode"] == "lines"  # a ring, never a marker
    ring = [(lat, lon) for lat, lon, pid in zip(drawn["lat"], drawn["lon"], drawn["ids"]) if pid == country.id]
    assert len(ring) >= 24, f"no ring around {country.name}"
    radius = uncertainty_radius_km(country)
    assert all(km_between(country.lat, country.lon, lat, lon) == pytest.approx(radius, rel=0.01) for lat, lon in ring)


def test_state_forces_strikes_are_on_the_map(streamlit_server, page, reference):
    placed = [e for e in reference.events if e.category == "state-action" and e.is_current and e.place]
    if not placed:
        pytest.skip("the reference brief has no placed state action")
    page.goto(f"{streamlit_server}/?layers=state")
    wait_for_map(page, timeout=60_000)
    assert "state (current)" in page.evaluate(_NAMES_JS, MAP)
