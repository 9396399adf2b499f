"""Clusters in a real Chromium: a situation of many events is drawn as clusters of nearby places, zooming in
across a zoom level redraws them split, at the camera the user is at, and a small pan within the same zoom
level leaves the map as it is (layers/clusters.py, dashboard.figure_view)."""
from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from bench.synthetic import synthetic_situation
from tests.browser.page import MAP, drag_map, figure, open_view, query_of, wait_for_query, wait_until_idle
from tests.browser.test_view_browser import live_camera, settled_camera_query

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


def wheel_over_map(page, delta: float) -> None:
    box = page.locator(MAP).bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.4, box["y"] + box["height"] * 0.5)
    page.mouse.wheel(0, delta)


def test_zooming_in_splits_clusters_where_the_user_is_and_a_small_pan_keeps_the_map(crowded_server, page):
    open_view(page, f"{crowded_server}/?{urlencode({'layers': 'militia', 'lat': 33.5, 'lon': 44.0, 'zoom': 4.2})}")
    wide = militia_marks(page)
    mark_plot(page)

    for _ in range(3):
        wheel_over_map(page, -300)
        page.wait_for_timeout(150)
    query = settled_camera_query(page)
    assert float(query["zoom"][0]) >= 5.0, "the wheel should have crossed a zoom level"
    page.wait_for_function("(sel) => !document.querySelector(sel).__flashpointTag", arg=MAP, timeout=30_000)
    wait_until_idle(page)
    page.wait_for_timeout(1000)  # the redrawn map settles; a late report would move it again
    close = militia_marks(page)
    assert close > wide  # the clusters split
    camera = live_camera(page)
    settled = query_of(page.url)
    # Redrawn at the camera the user zoomed to (the link's), not back at the one the page opened on.
    assert (camera["lat"], camera["lon"], camera["zoom"]) == pytest.approx(
        tuple(float(settled[k][0]) for k in ("lat", "lon", "zoom")), abs=1e-3)
    assert camera["zoom"] >= 5.0

    mark_plot(page)
    drag_map(page, 30, 10)
    wait_for_query(page, lambda q: q.get("lon") != settled["lon"])
    wait_until_idle(page)
    assert plot_is_tagged(page)  # same zoom level and tile: the link follows, the map is not redrawn
