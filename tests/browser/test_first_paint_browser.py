"""First paint in a real Chromium: the page counts its map as drawn only once the map shows the figure's traces.

The base map's shapes come in a file of their own (static/basemap.geojson), and plotly adds the traces to MapLibre
only once that file is in; until then MapLibre is loaded() on a blank background. Holding that file back makes the
blank stretch as long as a test needs, and neither the page's paint report (sharing/map_reports.py, which lets the
controls and panels follow) nor the tests' wait_for_map may take it for the drawn map.
"""
from __future__ import annotations

import re

import pytest

from layers.basemap import FILE_NAME
from tests.browser.helpers import trace_lengths, wait_for_map
from tests.browser.page import MAP, assert_no_exception, sidebar, wait_for_controls

# How long the base map is held back once MapLibre is loaded without it: enough for a rerun sent on a premature
# paint report to reach the page, and well inside the reporter's 8 s fallback, which counts from before the map.
HOLD_MS = 2_500

_BARE_MAP_LOADED_JS = """
(sel) => {
  const gd = document.querySelector(sel);
  const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
  return !!(sub && sub.map && sub.map.loaded());
}
"""


def test_controls_and_wait_for_map_wait_until_the_map_shows_its_traces(streamlit_server, page):
    held = []
    page.route(re.compile(rf"/app/static/{re.escape(FILE_NAME)}(\?|$)"), lambda route: held.append(route))
    page.goto(streamlit_server)
    page.wait_for_function(_BARE_MAP_LOADED_JS, arg=MAP, polling=50, timeout=60_000)
    assert held, "the map loaded before it asked for the base map, so this test holds nothing back"

    with pytest.raises(AssertionError, match="traces without map layers"):
        wait_for_map(page, timeout=HOLD_MS)
    assert sidebar(page).get_by_test_id("stCheckbox").count() == 0, (
        "the controls came while the map showed none of its traces: the page was told the map was drawn")

    for route in held:
        route.continue_()
    wait_for_map(page)
    wait_for_controls(page)
    assert_no_exception(page)
    assert trace_lengths(page)[0] > 0, "the base map trace draws no country"
