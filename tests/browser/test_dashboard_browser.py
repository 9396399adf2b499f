"""The dashboard in a real Chromium against a real Streamlit server: the map of the reference brief,
layer checkboxes, and the URL as a share link that reopens the same view (in a new browser session,
and after a server restart).

Nothing is mocked. What the map should show is computed in-process by running the reader on the
same default article the server opens on; the browser side is read from plotly's own figure state
on the plot element (`gd._fullData`). Every page, including the extra browser sessions opened
here, sits behind the request guard: no request may leave loopback (not even for label glyphs).
"""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from layers import LAYERS
from sharing.viewstate import DEFAULT, ViewState, to_query
from tests.browser.page import (
    assert_no_exception,
    choose_focus,
    expected_names,
    figure,
    layer_checkbox,
    layer_label,
    layer_names,
    literal_place,
    new_session,
    open_view,
    query_of,
    sidebar,
    trace_names,
    view_on_page,
    wait_for_names,
    wait_for_query,
    wait_until_idle,
)


def test_map_has_a_marker_for_every_literal_place_of_the_reference_brief(streamlit_server, page, reference):
    literal = {p.id: p for p in reference.places if p.role == "literal"}
    assert literal, "the reader found no literal place in the reference brief"

    ms = open_view(page, streamlit_server)
    print(f"first map paint: {ms:.0f} ms")

    drawn = figure(page)
    # The places layer's traces are the ones its builder names (the figure also has base map,
    # countries, risk, posture and militia traces, some of which carry place-like ids too).
    places_layer = layer_names(reference, "places")
    place_traces = [t for t in drawn if t["name"] in places_layer]
    assert {t["name"] for t in place_traces} == places_layer, (
        f"places layer traces missing from the map: {places_layer - {t['name'] for t in place_traces}}")
    for trace in place_traces:
        assert trace["length"] > 0, f"places trace {trace['name']!r} draws nothing"

    # A point: a marker trace carrying the place's id.
    markers = {pid for t in place_traces if t["type"] == "scattermap" and "markers" in (t["mode"] or "")
               for pid in t["ids"]}
    # An area outline: a country's own shape (choropleth carrying the id) or an uncertainty ring,
    # which carries no id and is named after its place ("area: <name>").
    outlines = {pid for t in place_traces if t["type"] == "choroplethmap" for pid in t["ids"]}
    rings = {t["name"] for t in place_traces if t["type"] == "scattermap" and t["mode"] == "lines"}

    missing = []
    for pid, place in literal.items():
        if place.is_area:
            if pid not in outlines and f"area: {place.name}" not in rings:
                missing.append(f"{pid} ({place.name}, area)")
        elif pid not in markers:
            missing.append(f"{pid} ({place.name}, point)")
    assert not missing, f"literal places with no marker or outline on the map: {missing}"

    # Nothing else is drawn as a place: every id in the places layer is a literal place.
    all_ids = {pid for t in place_traces for pid in t["ids"]}
    assert all_ids == set(literal), f"places layer ids differ from the literal places: {all_ids ^ set(literal)}"
    point_count = sum(t["length"] for t in place_traces if t["type"] == "scattermap" and "markers" in (t["mode"] or ""))
    assert point_count == sum(not p.is_area for p in literal.values())


def test_toggling_a_layer_updates_the_map_and_the_url(streamlit_server, page, reference):
    posture = LAYERS["posture"]
    posture_traces = layer_names(reference, "posture")
    assert posture_traces, "the reference brief draws no posture trace, so toggling it shows nothing"

    open_view(page, streamlit_server)
    assert layer_checkbox(page, posture.title).is_checked()
    assert posture_traces <= set(trace_names(page))
    assert "layers" not in query_of(page.url)  # all layers on is the default, left out of the link

    layer_label(page, posture.title).click()

    without = replace(DEFAULT, layers=tuple(i for i in LAYERS if i != "posture"))
    wait_for_names(page, expected_names(reference, without))
    query = wait_for_query(page, lambda q: "layers" in q)
    wait_until_idle(page)
    assert not layer_checkbox(page, posture.title).is_checked()
    assert not posture_traces & set(trace_names(page)), "posture traces are still on the map"
    assert query["layers"][0].split(",") == list(without.layers)
    assert "posture" not in query["layers"][0].split(",")
    assert_no_exception(page)


def test_copied_url_reopens_the_same_view_in_a_new_browser_session(streamlit_server, page, browser, reference):
    erbil = literal_place(reference, "Erbil")
    risk = LAYERS["risk"]

    open_view(page, streamlit_server)
    layer_label(page, risk.title).click()
    wait_for_names(page, expected_names(reference, replace(DEFAULT, layers=tuple(i for i in LAYERS if i != "risk"))))
    wait_until_idle(page)
    choose_focus(page, erbil.name)

    view = ViewState(layers=tuple(i for i in LAYERS if i != "risk"), focus=erbil.id)
    wait_for_names(page, expected_names(reference, view))
    wait_for_query(page, lambda q: q.get("focus") == [erbil.id])
    wait_until_idle(page)
    link = page.url
    assert query_of(link) == {k: [v] for k, v in to_query(view).items()}
    before = view_on_page(page)
    assert before["focus"] == erbil.name
    assert before["layers"] == {i: i != "risk" for i in LAYERS}

    with new_session(browser) as other:
        open_view(other, link)
        after = view_on_page(other)
        assert after["layers"] == before["layers"]
        assert after["focus"] == before["focus"]
        assert set(after["traces"]) == set(before["traces"])
        assert after["traces"] == before["traces"]
        assert query_of(other.url) == query_of(link)  # the reopened page keeps the link as it was


def test_bad_layer_id_in_the_link_shows_a_notice_listing_valid_ids(streamlit_server, page, reference):
    open_view(page, f"{streamlit_server}/?layers=places,bogus")

    notice = page.get_by_test_id("stAlert").filter(has_text="bogus")
    notice.first.wait_for(state="visible")
    assert notice.count() == 1
    text = notice.inner_text()
    for layer_id in LAYERS:
        assert layer_id in text, f"the notice does not name the valid layer id {layer_id!r}: {text!r}"
    assert_no_exception(page)

    # The rest of the link is kept: the places layer alone is drawn and the link drops the bad id.
    wait_for_names(page, expected_names(reference, replace(DEFAULT, layers=("places",))))
    assert wait_for_query(page, lambda q: "layers" in q)["layers"] == ["places"]


def test_link_survives_a_server_restart(streamlit_factory, page, browser, reference):
    mosul = literal_place(reference, "Mosul")
    view = ViewState(layers=("places", "posture"), focus=mosul.id, show_historical=True)
    server = streamlit_factory()
    link = f"{server.url}/?{urlencode(to_query(view))}"
    expected = {
        "layers": {i: i in view.layers for i in LAYERS},
        "focus": mosul.name,
        "traces": expected_names(reference, view),
    }

    open_view(page, link)
    wait_for_names(page, expected["traces"])
    assert view_on_page(page) == expected
    assert sidebar(page).get_by_role("checkbox", name="Show historical", exact=False).is_checked()

    server.restart()

    with new_session(browser) as other:
        open_view(other, link)
        wait_for_names(other, expected["traces"])
        assert view_on_page(other) == expected
        assert sidebar(other).get_by_role("checkbox", name="Show historical", exact=False).is_checked()
        assert query_of(other.url) == query_of(link)
