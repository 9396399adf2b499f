"""Map layers: what each draws, and how, from a small known situation."""
from __future__ import annotations

import dataclasses
import json
import math

import plotly.graph_objects as go
import pytest

from layers import LAYERS, UnknownLayer, basemap, get_layer, style
from layers.base import EARTH_RADIUS_KM, NEAR_RADIUS_KM, RING_RADIUS_KM
from layers.figure import build_figure
from reading.model import Place, PlaceMention, Situation
from reading.vocabulary import ACTOR_TYPES, CATEGORIES
from sharing.viewstate import ViewState

ALL = ViewState()


def traces_of(layer_id: str, situation: Situation, view: ViewState = ALL) -> list:
    return list(get_layer(layer_id).build(situation, view).traces)


def points_of(traces: list) -> set[tuple[float, float]]:
    """Every (lat, lon) drawn as a marker (not an outline, not a text label)."""
    return {
        (lat, lon)
        for t in traces
        if isinstance(t, go.Scattermap) and "markers" in (t.mode or "")
        for lat, lon in zip(t.lat, t.lon)
    }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def with_place(situation: Situation, place: Place) -> Situation:
    return dataclasses.replace(situation, places=(*situation.places, place))


def test_country_level_place_is_drawn_as_an_area_not_a_pin(mini_situation):
    iraq = mini_situation.place("geonames:99237")
    traces = traces_of("places", mini_situation)
    assert (iraq.lat, iraq.lon) not in points_of(traces)
    outlines = [t for t in traces if isinstance(t, go.Choroplethmap)]
    assert len(outlines) == 1 and "IQ" in outlines[0].locations
    assert iraq.id in outlines[0].customdata


def test_admin1_place_is_drawn_as_a_ring_of_its_uncertainty_radius(mini_situation):
    anbar = Place("test:anbar", "Anbar", "admin1", "IQ", 33.4, 42.0, "admin1", 0.8, "literal",
                  (PlaceMention("Anbar", 0, 5, 0, "literal"),))
    traces = traces_of("places", with_place(mini_situation, anbar))
    rings = [t for t in traces if isinstance(t, go.Scattermap) and t.fill == "toself"]
    assert len(rings) == 1
    distances = [haversine_km(anbar.lat, anbar.lon, lat, lon) for lat, lon in zip(rings[0].lat, rings[0].lon)]
    assert all(d == pytest.approx(RING_RADIUS_KM["admin1"], rel=0.01) for d in distances)
    assert (anbar.lat, anbar.lon) not in points_of(traces)


def test_site_places_are_markers_sized_by_mentions(mini_situation):
    traces = traces_of("places", mini_situation)
    markers = next(t for t in traces if t.name == "places")
    sizes = dict(zip(markers.text, markers.marker.size))
    assert set(sizes) == {"Baghdad", "Erbil"}
    assert sizes["Baghdad"] > sizes["Erbil"]  # 3 mentions against 1


def test_only_literal_places_are_drawn(mini_situation):
    germany = mini_situation.place("geonames:2921044")
    assert germany.role == "metonymic"
    drawn_ids = {i for t in traces_of("places", mini_situation) if t.customdata is not None for i in t.customdata}
    assert germany.id not in drawn_ids
    assert {"geonames:98182", "geonames:95446", "geonames:99237"} <= drawn_ids


def test_place_hover_names_the_place_and_quotes_its_first_sentence(mini_situation):
    markers = next(t for t in traces_of("places", mini_situation) if t.name == "places")
    hover = dict(zip(markers.text, markers.hovertext))["Erbil"]
    assert hover.startswith("Erbil<br>city, IQ")
    assert "1 mention" in hover and "(sentence 1)" in hover
    assert "A drone strike by Saraya al-Fajr hit a base" in hover


def test_relocation_draws_an_arrow_from_origin_to_destination(mini_situation):
    iraq, jordan = mini_situation.place("geonames:99237"), mini_situation.place("geonames:248816")
    traces = traces_of("posture", mini_situation)
    shaft = next(t for t in traces if t.mode == "lines" and t.fill != "toself")
    assert list(zip(shaft.lat, shaft.lon)) == [(iraq.lat, iraq.lon), (jordan.lat, jordan.lon)]
    head = next(t for t in traces if t.fill == "toself")
    assert (head.lat[0], head.lon[0]) == (jordan.lat, jordan.lon)  # the tip is at the destination
    # and the head's base lies back towards the origin
    base_lon = (head.lon[1] + head.lon[2]) / 2
    assert jordan.lon < base_lon < iraq.lon


def test_suspension_is_a_mark_at_its_place_not_a_move(mini_situation):
    traces = traces_of("posture", mini_situation)
    marks = [t for t in traces if t.mode == "markers+text"]
    assert len(marks) == 1
    assert list(marks[0].customdata) == ["e3"]
    assert list(marks[0].text) == [style.action_glyph("suspend-training")]
    baghdad = mini_situation.place("geonames:98182")
    assert haversine_km(baghdad.lat, baghdad.lon, marks[0].lat[0], marks[0].lon[0]) < 60  # at (or fanned round) Baghdad
    shafts = [t for t in traces if t.mode == "lines" and t.fill != "toself"]
    assert [t.customdata[0] for t in shafts] == ["e2"]


def test_historical_events_hidden_unless_asked(mini_situation):
    def drawn(view: ViewState) -> dict[str, go.Scattermap]:
        return {e: t for t in traces_of("militia", mini_situation, view) for e in t.customdata}

    assert set(drawn(ALL)) == {"e1"}
    with_background = drawn(ViewState(show_historical=True))
    assert set(with_background) == {"e1", "e4", "e5"}
    background = with_background["e5"]
    assert background is with_background["e4"] and background is not with_background["e1"]
    assert background.marker.opacity < with_background["e1"].marker.opacity
    assert set(background.text) <= {style.action_glyph(a, current=False) for a in ("strike", "attack")}


def test_militia_marks_are_coloured_by_actor_type_and_shaped_by_action(mini_situation):
    (current,) = traces_of("militia", mini_situation)
    assert list(current.marker.color) == [style.actor_type_colour("political-militia")]
    assert list(current.text) == [style.action_glyph("strike")]


def test_events_at_one_place_do_not_stack(mini_situation):
    view = ViewState(show_historical=True)
    positions = [
        (lat, lon)
        for layer_id in ("posture", "militia")
        for t in traces_of(layer_id, mini_situation, view)
        if t.mode == "markers+text"
        for lat, lon in zip(t.lat, t.lon)
    ]
    assert len(positions) == len(set(positions)) == 4  # e1, e3, e4, e5


def test_filters_hide_other_categories_and_actor_types(mini_situation):
    assert traces_of("militia", mini_situation, ViewState(categories=("coalition-posture",))) == []
    assert traces_of("posture", mini_situation, ViewState(actor_types=("political-militia",))) == []
    assert traces_of("militia", mini_situation, ViewState(actor_types=("political-militia",))) != []


def test_risk_circles_grow_with_score_and_legend_names_the_levels(mini_situation):
    output = get_layer("risk").build(mini_situation, ALL)
    (trace,) = output.traces
    sizes = dict(zip(trace.customdata, trace.marker.size))
    assert sizes["geonames:95446"] > sizes["geonames:98182"]  # 78 against 52
    labels = " ".join(entry.label for entry in output.legend)
    assert "severe" in labels and "high" in labels


def test_countries_layer_shades_every_country_the_article_names(mini_situation):
    (trace,) = traces_of("countries", mini_situation)
    assert set(trace.locations) == {"IQ", "JO", "KW", "DE"}  # Germany too: named, if only as a government


def test_unknown_layer_id_lists_valid_ids():
    with pytest.raises(UnknownLayer) as raised:
        get_layer("../../etc/passwd")
    message = str(raised.value)
    assert "../../etc/passwd" in message
    for layer_id in ("places", "countries", "posture", "militia", "risk", "precision", "state", "unrest"):
        assert layer_id in message
    assert set(LAYERS) == {"places", "countries", "posture", "militia", "risk", "precision", "state", "unrest"}


def test_figure_is_offline_base_map_first_and_fitted_to_the_places(mini_situation):
    figure = build_figure(mini_situation, ALL)
    base = figure.data[0]
    assert isinstance(base, go.Choroplethmap) and len(base.locations) > 200
    map_style = figure.layout.map.style
    assert map_style["sources"] == {} and [layer["type"] for layer in map_style["layers"]] == ["background"]
    assert not figure.layout.map.layers  # no tile or raster sources
    # Label glyphs come from the page's own server (a relative address), never from an outside font host.
    assert map_style["glyphs"].startswith("app/static/glyphs/{fontstack}/{range}.pbf")
    literal = [p for p in mini_situation.places if p.role == "literal"]
    centre = figure.layout.map.center
    assert min(p.lat for p in literal) < centre.lat < max(p.lat for p in literal)
    assert min(p.lon for p in literal) < centre.lon < max(p.lon for p in literal)


def test_a_hidden_layer_draws_nothing(mini_situation):
    names = {t.name for t in build_figure(mini_situation, ViewState(layers=("places",))).data}
    assert "places" in names
    assert not any(n.startswith(("militia", "posture", "move", "risk", "countries")) for n in names)


def test_toggling_a_layer_keeps_the_camera_but_a_new_focus_moves_it(mini_situation):
    def revision(view: ViewState) -> str:
        return build_figure(mini_situation, view).layout.uirevision

    assert revision(ALL) == revision(ViewState(layers=("places", "risk")))
    assert revision(ALL) != revision(ViewState(focus="geonames:98182"))


def test_focused_place_is_highlighted_and_centred(mini_situation):
    figure = build_figure(mini_situation, ViewState(focus="geonames:95446"))
    focus = next(t for t in figure.data if t.name == "focus")
    assert (focus.lat[0], focus.lon[0]) == (36.19, 44.01)
    assert (figure.layout.map.center.lat, figure.layout.map.center.lon) == (36.19, 44.01)


def test_legend_names_every_colour_in_use(mini_situation):
    legend = build_figure(mini_situation, ViewState(show_historical=True)).layout.annotations[0].text
    for actor_type in ("political-militia", "external-forces"):
        assert style.actor_type_colour(actor_type) in legend
        assert actor_type.replace("-", " ") in legend
    assert style.risk_colour("severe") in legend and "severe risk" in legend


def test_legend_lists_each_visible_layer_under_its_title_and_the_actor_colours_once(mini_situation):
    view = ViewState(show_historical=True, layers=("risk", "posture", "militia"))
    lines = build_figure(mini_situation, view).layout.annotations[0].text.split("<br>")
    headings = [line for line in lines if line.startswith("<b>")]
    assert headings == [f"<b>{LAYERS[i].title}</b>" for i in ("risk", "posture", "militia")] + ["<b>Colour: actor type</b>"]
    colour_lines = [line for line in lines if style.actor_type_colour("political-militia") in line]
    assert len(colour_lines) == 1
    # The shared colour key comes after every layer's own lines.
    assert lines.index(colour_lines[0]) > lines.index(headings[-1])


def test_base_map_shapes_are_a_served_file_not_part_of_the_figure(mini_situation):
    base = build_figure(mini_situation, ALL).data[0]
    assert isinstance(base.geojson, str) and base.geojson.startswith("app/static/basemap.geojson?v=")
    served = json.loads((basemap.STATIC_DIR / basemap.FILE_NAME).read_text(encoding="utf-8"))
    assert {f["id"] for f in served["features"]} >= {"IQ", "SY", "JO", "KW", "IR"}
    assert json.loads(json.dumps(basemap.shapes_of(base))) == served


def test_palette_has_one_distinct_colour_per_actor_type_and_per_category():
    assert tuple(style.ACTOR_TYPE_COLOURS) == ACTOR_TYPES
    assert len(set(style.ACTOR_TYPE_COLOURS.values())) == len(ACTOR_TYPES)
    assert tuple(style.CATEGORY_COLOURS) == CATEGORIES
    assert len(set(style.CATEGORY_COLOURS.values())) == len(CATEGORIES)


def test_camera_fits_the_sites_not_a_far_country_named_in_passing(mini_situation):
    from dataclasses import replace

    from layers.figure import camera
    from sharing.viewstate import DEFAULT

    far = replace(mini_situation.places[0], id="far", kind="country", country="US", lat=39.5, lon=-99.0,
                  precision="country", role="literal")
    with_far = replace(mini_situation, places=(*mini_situation.places, far))
    assert any(not p.is_area for p in mini_situation.places if p.role == "literal")  # the fixture has sites
    assert camera(with_far, DEFAULT) == camera(mini_situation, DEFAULT)



def test_a_brief_about_one_town_opens_wide_enough_to_show_the_borders_around_it(mini_situation):
    from dataclasses import replace

    from layers.figure import MAP_WIDTH_PX, WORLD_PX_AT_ZOOM_0, camera
    from sharing.viewstate import DEFAULT

    town = next(p for p in mini_situation.places if p.role == "literal" and not p.is_area)
    alone = replace(mini_situation, places=(town,), events=(), risk=(), posture=())
    lat, lon, zoom = camera(alone, DEFAULT)
    shown_km = MAP_WIDTH_PX / (WORLD_PX_AT_ZOOM_0 * 2**zoom) * 40_075 * math.cos(math.radians(lat))
    assert (lat, lon) == (town.lat, town.lon)
    assert shown_km >= 400, f"the map opens {shown_km:.0f} km across: too close to show any border"

def test_a_sea_named_as_an_event_place_does_not_pull_the_opening_map_out_to_all_of_it(mini_situation):
    from layers.figure import camera
    from sharing.viewstate import DEFAULT

    event = next(e for e in mini_situation.events if e.is_current)
    sea = Place("water:test-sea", "Test Sea", "water", "", 35.0, 18.0, "region", 0.6, "literal",
                (PlaceMention("Test Sea", 0, 8, 0, "literal"),), radius_km=1500.0)
    at_sea = dataclasses.replace(event, id="e-sea", place=sea.id)
    with_sea = dataclasses.replace(with_place(mini_situation, sea), events=(*mini_situation.events, at_sea))
    assert camera(with_sea, DEFAULT) == camera(mini_situation, DEFAULT)
    alone = dataclasses.replace(with_sea, places=(sea,), events=(at_sea,))
    assert camera(alone, DEFAULT)[:2] == (35.0, 18.0)  # with nothing smaller, the sea is the frame


# --------------------------------------------------------------------------
# Precision, state forces, and many events
# --------------------------------------------------------------------------

def rings_by_place(trace) -> dict[str, list[tuple[float, float]]]:
    """The precision trace's vertices grouped by the place id each ring carries."""
    rings: dict[str, list[tuple[float, float]]] = {}
    for place_id, lat, lon in zip(trace.customdata, trace.lat, trace.lon):
        if place_id is not None:
            rings.setdefault(place_id, []).append((lat, lon))
    return rings


def with_events(situation: Situation, events: list) -> Situation:
    return dataclasses.replace(situation, events=tuple(events))


def copies(event, count: int, **changes) -> list:
    return [dataclasses.replace(event, id=f"{event.id}-{i}", **changes) for i in range(count)]


def test_precision_rings_a_country_level_place_at_its_own_extent(mini_situation):
    iraq = dataclasses.replace(mini_situation.place("geonames:99237"), radius_km=373.0)
    situation = dataclasses.replace(mini_situation, places=tuple(iraq if p.id == iraq.id else p for p in mini_situation.places))
    (trace,) = traces_of("precision", situation)
    ring = rings_by_place(trace)[iraq.id]
    assert all(haversine_km(iraq.lat, iraq.lon, lat, lon) == pytest.approx(373.0, rel=0.01) for lat, lon in ring)
    assert (iraq.lat, iraq.lon) not in ring and "markers" not in trace.mode


def test_precision_rings_every_rough_place_and_no_site(mini_situation):
    (trace,) = traces_of("precision", mini_situation)
    rings = rings_by_place(trace)
    # Erbil is "near", Iraq, Jordan and Kuwait country-level; Baghdad is a site, Germany not drawn (metonymic).
    assert set(rings) == {"geonames:95446", "geonames:99237", "geonames:248816", "geonames:285570"}
    erbil = mini_situation.place("geonames:95446")
    lat, lon = rings[erbil.id][0]
    assert haversine_km(erbil.lat, erbil.lon, lat, lon) == pytest.approx(NEAR_RADIUS_KM, rel=0.01)
    jordan = mini_situation.place("geonames:248816")
    lat, lon = rings[jordan.id][0]
    assert haversine_km(jordan.lat, jordan.lon, lat, lon) == pytest.approx(RING_RADIUS_KM["country"], rel=0.01)
    assert any("uncertainty radius" in entry.label for entry in get_layer("precision").build(mini_situation, ALL).legend)


def test_precision_rings_a_non_literal_place_an_event_happens_at(mini_situation):
    germany = mini_situation.place("geonames:2921044")
    strike = dataclasses.replace(mini_situation.event("e1"), id="e9", place=germany.id)
    (trace,) = traces_of("precision", with_events(mini_situation, [*mini_situation.events, strike]))
    assert germany.id in rings_by_place(trace)


def test_places_and_precision_share_one_ring_geometry(mini_situation):
    anbar = Place("test:anbar", "Anbar", "admin1", "IQ", 33.4, 42.0, "admin1", 0.8, "literal",
                  (PlaceMention("Anbar", 0, 5, 0, "literal"),))
    situation = with_place(mini_situation, anbar)
    (area,) = [t for t in traces_of("places", situation) if isinstance(t, go.Scattermap) and t.fill == "toself"]
    (precision,) = traces_of("precision", situation)
    assert list(zip(area.lat, area.lon)) == rings_by_place(precision)[anbar.id]


def test_state_actions_are_drawn_like_militia_activity(mini_situation):
    strike = dataclasses.replace(mini_situation.event("e1"), id="e9", category="state-action", actor="us-forces")
    situation = with_events(mini_situation, [*mini_situation.events, strike])
    (marks,) = traces_of("state", situation)
    assert list(marks.customdata) == ["e9"]
    assert list(marks.marker.color) == [style.actor_type_colour("external-forces")]
    assert list(marks.text) == [style.action_glyph("strike")]
    assert "US" in marks.hovertext[0] or "us-forces" in marks.hovertext[0]
    assert traces_of("state", mini_situation) == []  # the fixture has no state actions
    assert traces_of("state", situation, ViewState(categories=("militia-activity",))) == []


def test_many_events_become_one_mark_per_place_with_its_count(mini_situation):
    from layers.aggregate import MAX_EVENT_MARKS

    erbil, baghdad = mini_situation.event("e1"), mini_situation.event("e5")
    many = copies(erbil, MAX_EVENT_MARKS) + copies(baghdad, 7, historical=False)
    (trace,) = traces_of("militia", with_events(mini_situation, many))
    assert trace.mode == "markers+text" and list(trace.customdata) == ["geonames:95446", "geonames:98182"]
    assert list(trace.text) == [str(MAX_EVENT_MARKS), "7"]
    assert trace.marker.size[0] > trace.marker.size[1]
    assert f"{MAX_EVENT_MARKS:,} events" in trace.hovertext[0]


def test_few_events_are_still_drawn_one_by_one(mini_situation):
    from layers.aggregate import MAX_EVENT_MARKS

    events = copies(mini_situation.event("e1"), MAX_EVENT_MARKS)
    (trace,) = traces_of("militia", with_events(mini_situation, events))
    assert len(trace.lat) == MAX_EVENT_MARKS and len(set(zip(trace.lat, trace.lon))) == MAX_EVENT_MARKS


def test_place_totals_count_current_and_rank_actions(mini_situation):
    from layers.aggregate import place_totals

    events = copies(mini_situation.event("e1"), 3) + copies(mini_situation.event("e4"), 2, place="geonames:95446")
    (total,) = place_totals(mini_situation, events)
    assert (total.place.id, total.events, total.current) == ("geonames:95446", 5, 3)
    assert total.actions == (("strike", 3), ("attack", 2)) and total.main_actor_type == "political-militia"


def test_many_moves_draw_only_the_busiest_routes(mini_situation):
    from layers.posture import MAX_ARROWS

    move = mini_situation.event("e2")  # Iraq to Jordan
    to_kuwait = copies(move, MAX_ARROWS, destination="geonames:285570")
    situation = with_events(mini_situation, copies(move, MAX_ARROWS + 5) + to_kuwait)
    shafts = [t for t in traces_of("posture", situation) if t.mode == "lines" and t.fill != "toself"]
    jordan, kuwait = (situation.place(pid) for pid in ("geonames:248816", "geonames:285570"))
    (to_jordan,) = [t for t in shafts if (jordan.lat, jordan.lon) in zip(t.lat, t.lon)]
    (to_kuwait_shaft,) = [t for t in shafts if (kuwait.lat, kuwait.lon) in zip(t.lat, t.lon)]
    assert len([lat for t in shafts for lat in t.lat if lat is not None]) == 4  # two routes, not 45 moves
    assert to_jordan.line.width > to_kuwait_shaft.line.width


def test_moves_of_one_look_share_one_shaft_trace_and_one_head_trace(mini_situation):
    move = mini_situation.event("e2")  # Iraq to Jordan
    situation = with_events(mini_situation, [move, dataclasses.replace(move, id="e2-kuwait", destination="geonames:285570")])
    traces = traces_of("posture", situation)
    (shafts,) = [t for t in traces if t.mode == "lines" and t.fill != "toself"]
    (heads,) = [t for t in traces if t.fill == "toself"]
    # None between arrows breaks the line, so each move is its own stroke; hover and click stay per move.
    assert list(shafts.lat).count(None) == 1 and list(heads.lat).count(None) == 1
    assert [i for i in shafts.customdata if i] == ["e2", "e2", "e2-kuwait", "e2-kuwait"]
    assert all("Jordan" in hover for hover in shafts.hovertext[:2])
    assert set(heads.customdata) - {None} == {"e2", "e2-kuwait"}


def test_every_label_on_the_map_asks_for_the_font_the_page_serves(mini_situation):
    from layers.glyphs import FONT_STACK

    labelled = [t for t in build_figure(mini_situation, ALL).data if isinstance(t, go.Scattermap) and "text" in t.mode]
    assert {t.name for t in labelled} >= {"places", "militia (current)"}
    assert {t.textfont.family for t in labelled} == {FONT_STACK}


def test_panels_list_at_most_max_lines_and_say_how_many_more(mini_situation):
    from panels.content import MAX_LINES
    from panels.timeline import timeline_panel

    panel = timeline_panel(with_events(mini_situation, copies(mini_situation.event("e1"), MAX_LINES + 12)))
    assert len(panel.lines) == MAX_LINES and panel.more == 12


def test_protests_are_drawn_by_the_unrest_layer_and_no_other(mini_situation):
    protest = dataclasses.replace(mini_situation.event("e1"), id="e9", category="civil-unrest", action="protest",
                                  acled_type="Protests", actor="protesters")
    situation = with_events(mini_situation, [protest])
    (marks,) = traces_of("unrest", situation)
    assert list(marks.customdata) == ["e9"] and list(marks.text) == [style.action_glyph("protest")]
    assert all(traces_of(layer, situation) == [] for layer in ("militia", "state"))


def spread_situation(situation: Situation, per_place: int = 10) -> Situation:
    """A synthetic situation of 400 militia events: `per_place` at each of 40 towns on a grid over Iraq,
    with Baghdad's own events kept (they are few)."""
    towns = [
        Place(f"test:town{row}-{col}", f"Town {row}-{col}", "city", "IQ", 31.0 + row * 0.9, 40.0 + col * 0.9, "site", 0.9,
              "literal", (PlaceMention("Town", 0, 4, 0, "literal"),))
        for row in range(5)
        for col in range(8)
    ]
    strike = situation.event("e1")
    events = [e for town in towns for e in copies(strike, per_place, place=town.id)]
    events = [dataclasses.replace(e, id=f"{e.place}-{e.id}") for e in events]
    return dataclasses.replace(situation, places=(*situation.places, *towns), events=tuple(events))


def militia_marks(situation: Situation, view: ViewState) -> go.Scattermap:
    (trace,) = [t for t in build_figure(situation, view).data if t.name == "militia (events per place)"]
    return trace


def test_many_events_cluster_by_the_zoom_of_the_view_and_split_when_zoomed_in(mini_situation):
    many = spread_situation(mini_situation)
    counts = {}
    for zoom in (1.0, 4.0, 8.0):
        trace = militia_marks(many, ViewState(lat=33.0, lon=43.0, zoom=zoom))
        assert sum(int(text) for text in trace.text) == 400  # every event counted once
        counts[zoom] = len(trace.lat)
    assert counts[1.0] == 1 and counts[1.0] < counts[4.0] < counts[8.0] == 40
    # Close up each town is its own circle, clicked for its evidence, as without clustering.
    close = militia_marks(many, ViewState(lat=33.0, lon=43.0, zoom=8.0))
    assert set(close.customdata) == {p.id for p in many.places if p.id.startswith("test:town")}


def test_a_cluster_says_what_it_holds(mini_situation):
    many = spread_situation(mini_situation)
    trace = militia_marks(many, ViewState(lat=33.0, lon=43.0, zoom=1.0))
    (hover,) = trace.hovertext
    assert "40 places near each other: 400 events" in hover
    assert "most at: Town " in hover and "and 37 more places" in hover
    assert "actor types: political militia 400" in hover and "zoom in to split" in hover
    assert list(trace.customdata) == [None]  # no one place's evidence stands for a cluster
    legend = build_figure(many, ViewState(lat=33.0, lon=43.0, zoom=1.0)).layout.annotations[0].text
    assert "nearby places as one (zoom in to split)" in legend


def test_without_a_camera_in_the_link_marks_cluster_at_the_zoom_the_map_opens_on(mini_situation):
    from layers.figure import camera

    many = spread_situation(mini_situation)
    lat, lon, zoom = camera(many, ALL)
    assert militia_marks(many, ALL).to_plotly_json() == militia_marks(many, ViewState(lat=lat, lon=lon, zoom=zoom)).to_plotly_json()


def test_few_events_draw_the_same_at_every_zoom_and_never_ask_for_a_redraw(mini_situation):
    from layers.figure import cluster_frame

    marks = [
        [t.to_plotly_json() for t in traces_of("militia", mini_situation, ViewState(lat=33.0, lon=43.0, zoom=zoom))]
        for zoom in (1.0, 8.0)
    ]
    assert marks[0] == marks[1] == [t.to_plotly_json() for t in traces_of("militia", mini_situation)]
    assert cluster_frame(mini_situation, ViewState(zoom=1.0, lat=0.0, lon=0.0)) is None
    many = spread_situation(mini_situation)
    assert cluster_frame(many, ViewState(lat=33.0, lon=43.0, zoom=4.2)) == cluster_frame(many, ViewState(lat=33.1, lon=43.1, zoom=4.8))
    assert cluster_frame(many, ViewState(lat=33.0, lon=43.0, zoom=4.2)) != cluster_frame(many, ViewState(lat=33.0, lon=43.0, zoom=5.2))
