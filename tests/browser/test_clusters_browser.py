"""Clusters in a real Chromium: a situation of many events is drawn as clusters of nearby places, zooming in
across a zoom level redraws them split, at the camera the user is at, and a small pan within the same zoom
level leaves the map as it is (layers/clusters.py, dashboard.figure_view)."""
from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from bench.synthetic import synthetic_situation
from tests.browser.page import MAP, drag_map, figure, open_view, query_of, wait_for_query, wait_until_idle
from tests.browser.test_view_browser import live_camera

EVENTS = 3000


@pytest.fixture
def crowded_server(streamlit_factory, reference, tmp_path) -> str:
    """The dashboard showing a synthetic situation of EVENTS events over about a thousand towns."""
    path = tmp_path / "crowded.json"
    path.write_text(json.dumps(synthetic_situation(reference, EVENTS).to_dict()), encoding="utf-8")
    return streamlit_factory(env={"FLASHPOINT_SITUATION_JSON": str(path)}).url


def militia_marks(page) -> int:
    (trace,) = [t for t in figure(page) if t["name"] == "militia (events per place)"]
    return trace["length"]


def mark_plot(page) -> None:
    """Tag the plot element: a redraw replaces it (a new chart element in Streamlit), a kept map keeps the tag."""
    page.evaluate("(sel) => { document.querySelector(sel).__flashpointTag = true; }", MAP)


def plot_is_tagged(page) -> bool:
    return page.evaluate("(sel) => Boolean(document.querySelector(sel).__flashpointTag)", MAP)


def wheel_over_map(page, turns: int, delta: float) -> None:
    """Turn the wheel over the map a few times; the map may be redrawn between turns, so the mouse stays put."""
    box = page.locator(MAP).bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.5)
    for _ in range(turns):
        page.mouse.wheel(0, delta)
        page.wait_for_timeout(150)


def test_zooming_in_splits_clusters_where_the_user_is_and_a_small_pan_keeps_the_map(crowded_server, page):
    open_view(page, f"{crowded_server}/?{urlencode({'layers': 'militia', 'lat': 33.5, 'lon': 44.0, 'zoom': 4.2})}")
    wide = militia_marks(page)
    mark_plot(page)

    wheel_over_map(page, 3, -300)
    wait_for_query(page, lambda q: float(q.get("zoom", ["0"])[0]) >= 5.0)  # past a zoom level
    page.wait_for_function("(sel) => !document.querySelector(sel).__flashpointTag", arg=MAP, timeout=30_000)
    wait_until_idle(page)
    page.wait_for_timeout(1000)  # the redrawn map settles; a late report would move it again
    close = militia_marks(page)
    assert close > wide  # the clusters split
    # Redrawn where the user zoomed to, not back at the camera the page opened on. (On a busy machine a wheel
    # zoom can still be easing when its first report goes, so the link may lag the map by part of a level.)
    assert live_camera(page)["zoom"] >= 5.0
    settled = query_of(page.url)

    mark_plot(page)
    drag_map(page, 30, 10)
    wait_for_query(page, lambda q: q.get("lon") != settled["lon"])
    wait_until_idle(page)
    assert plot_is_tagged(page)  # same zoom level and tile: the link follows, the map is not redrawn
