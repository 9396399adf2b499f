"""The view in a real Chromium: filters and focus set in the sidebar, a pan and zoom with the mouse, and the
URL that then carries all of it into a new browser session; clicking a marker opens its evidence.

Nothing is mocked: the camera is read from MapLibre itself (`gd._fullLayout.map._subplot.map`) and
from plotly's layout (`gd._fullLayout.map.center/zoom`), the filters from the sidebar widgets.
"""
from __future__ import annotations

from urllib.parse import urlencode

import pytest

from layers import LAYERS
from layers.figure import focus_camera
from panels.evidence import evidence_view
from tests.browser.helpers import wait_for_map
from tests.browser.page import (
    MAP,
    assert_no_exception,
    choose_focus,
    drag_map,
    focused_name,
    layer_label,
    literal_place,
    new_session,
    open_view,
    query_of,
    share_box_text,
    sidebar,
    wait_for_query,
    wait_until_idle,
)


_LIVE_CAMERA_JS = """
(sel) => {
  const gd = document.querySelector(sel);
  const map = gd._fullLayout.map._subplot.map;
  const c = map.getCenter();
  return {lat: c.lat, lon: c.lng, zoom: map.getZoom(),
          layout: {lat: gd._fullLayout.map.center.lat, lon: gd._fullLayout.map.center.lon, zoom: gd._fullLayout.map.zoom}};
}
"""

# Where a (lon, lat) is on the screen, from MapLibre's own projection.
_SCREEN_POINT_JS = """
([sel, lon, lat]) => {
  const map = document.querySelector(sel)._fullLayout.map._subplot.map;
  const p = map.project([lon, lat]);
  const box = map.getCanvas().getBoundingClientRect();
  return [box.left + p.x, box.top + p.y];
}
"""


def live_camera(page) -> dict:
    return page.evaluate(_LIVE_CAMERA_JS, MAP)


def settled_camera_query(page) -> dict[str, list[str]]:
    """The link once it carries the camera the map shows: a wheel zoom still animates for a moment after the
    last input, and the page reports the camera where the map comes to rest."""
    def agrees(query: dict[str, list[str]]) -> bool:
        if not {"lat", "lon", "zoom"} <= set(query):
            return False
        live = live_camera(page)
        return (float(query["lat"][0]), float(query["lon"][0]), float(query["zoom"][0])) == pytest.approx(
            (live["lat"], live["lon"], live["zoom"]), abs=1e-3)

    return wait_for_query(page, agrees)


def actor_box(page):
    return sidebar(page).get_by_test_id("stMultiSelect").filter(has_text="Actors, as doer or target")


def chosen_actors(page) -> list[str]:
    # Streamlit renders the tags twice (one copy measures overflow), hence the set.
    return sorted({tag.get_attribute("aria-label") for tag in actor_box(page).locator("[data-tag]").all()})


def pan_and_zoom(page) -> None:
    """What a user does: drag the map, then turn the wheel over it."""
    drag_map(page, 140, 70)
    page.mouse.wheel(0, -240)


def evidence_text(page) -> str:
    section = page.locator("xpath=//h3[normalize-space()='Evidence']/following::*[@data-testid='stMarkdownContainer'][1]")
    return section.inner_text().strip()


def test_filters_focus_and_camera_travel_in_the_link_to_a_new_session(streamlit_server, page, browser, reference):
    baghdad = literal_place(reference, "Baghdad")
    open_view(page, streamlit_server)

    actors = actor_box(page).get_by_role("combobox")
    actors.click()
    actors.press_sequentially("Germany")
    actors.press("Enter")
    wait_for_query(page, lambda q: q.get("actor") == ["germany"])
    wait_until_idle(page)
    page.keyboard.press("Escape")
    choose_focus(page, baghdad.name)
    wait_for_query(page, lambda q: q.get("focus") == [baghdad.id])
    wait_until_idle(page)
    focused = live_camera(page)
    assert abs(focused["lat"] - baghdad.lat) < 0.01 and abs(focused["lon"] - baghdad.lon) < 0.01
    assert focused["zoom"] == pytest.approx(focus_camera(baghdad)[2], abs=1e-3)  # framed for a site, not the country

    pan_and_zoom(page)
    query = settled_camera_query(page)
    wait_until_idle(page)
    moved = live_camera(page)
    assert (float(query["lat"][0]), float(query["lon"][0]), float(query["zoom"][0])) == pytest.approx(
        (moved["lat"], moved["lon"], moved["zoom"]), abs=1e-3)
    assert abs(moved["lat"] - baghdad.lat) > 0.01 and moved["zoom"] != pytest.approx(focused["zoom"], abs=1e-3)
    # The rerun that wrote the link left the user's camera where it was.
    assert live_camera(page)["lat"] == pytest.approx(moved["lat"], abs=1e-6)
    link = page.url
    assert f"lat={query['lat'][0]}" in share_box_text(page)
    assert query_of(link)["actor"] == ["germany"] and query_of(link)["focus"] == [baghdad.id]

    with new_session(browser) as other:
        open_view(other, link)
        again = live_camera(other)
        for camera in (again, again["layout"]):
            assert (camera["lat"], camera["lon"], camera["zoom"]) == pytest.approx(
                (moved["lat"], moved["lon"], moved["zoom"]), abs=1e-3)
        assert chosen_actors(other) == ["Germany"]
        assert focused_name(other) == baghdad.name
        assert query_of(other.url) == query_of(link)
        assert_no_exception(other)


def test_a_layer_toggle_after_a_pan_keeps_the_users_camera(streamlit_server, page):
    open_view(page, streamlit_server)
    pan_and_zoom(page)
    query = settled_camera_query(page)
    wait_until_idle(page)
    page.wait_for_timeout(1000)  # the wheel's report, if it came after the drag's
    moved = live_camera(page)

    layer_label(page, LAYERS["risk"].title).click()
    wait_for_query(page, lambda q: "layers" in q)
    wait_until_idle(page)
    wait_for_map(page)
    after = live_camera(page)
    # Redrawn at the camera the link carries (rounded to 4 decimals), not back at the fitted one.
    assert (after["lat"], after["lon"], after["zoom"]) == pytest.approx((moved["lat"], moved["lon"], moved["zoom"]), abs=1e-3)
    assert query_of(page.url)["zoom"] != query["zoom"] or query_of(page.url)["lat"] == query["lat"]


def militia_event_at(situation, place) -> str:
    """The id of the militia event the reader placed at `place` (ids shift whenever reading changes)."""
    found = [e.id for e in situation.events if e.place == place.id and e.category == "militia-activity"]
    assert len(found) == 1, f"expected one militia event at {place.name}, the reader gives {found}"
    return found[0]


@pytest.mark.parametrize(
    ("marker", "layers"),
    [("place", {"layers": "places"}), ("event", {"layers": "militia", "historical": "1"})],
)
def test_clicking_a_marker_shows_its_evidence(streamlit_server, page, reference, marker, layers):
    # Mosul, and the 2014 seizure of Mosul; close up, so no other marker shares the spot.
    mosul = literal_place(reference, "Mosul")
    item = mosul.id if marker == "place" else militia_event_at(reference, mosul)
    expected = evidence_view(reference, item)
    assert expected is not None and expected.passages
    query = {**layers, "lat": mosul.lat, "lon": mosul.lon, "zoom": 9}
    open_view(page, f"{streamlit_server}/?{urlencode(query)}")
    assert "Click a marker" in page.get_by_test_id("stMain").inner_text()

    x, y = page.evaluate(_SCREEN_POINT_JS, [MAP, mosul.lon, mosul.lat])
    page.mouse.click(x, y)
    page.get_by_test_id("stMain").get_by_text(expected.detail, exact=True).wait_for(state="visible")
    wait_until_idle(page)
    assert evidence_text(page) == expected.title
    passage = expected.passages[0]
    sentence = "".join(text for text, _ in passage.pieces)
    shown = page.get_by_test_id("stMarkdownContainer").filter(has_text=sentence).first
    marked = [text for text, is_marked in passage.pieces if is_marked]
    assert [s.inner_text() for s in shown.locator("strong").all()] == marked
    assert_no_exception(page)
