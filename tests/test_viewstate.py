"""Share links: the view state round-trips through the URL exactly, and hostile links are refused politely."""
from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from reading.vocabulary import ACTOR_TYPES, CATEGORIES
from sharing.viewstate import (
    DEFAULT,
    LAYER_IDS,
    MAX_ACTORS,
    MAX_VALUE_CHARS,
    ViewState,
    from_query,
    to_query,
    with_camera,
    with_focus,
)

ACTOR_IDS = ("kataib-hezbollah", "us-forces", "germany", "saraya-al-fajr")


def random_views(count: int, seed: int = 7) -> list[ViewState]:
    rng = random.Random(seed)

    def subset(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v for v in values if rng.random() < 0.5)

    views = []
    for _ in range(count):
        centre = rng.random() < 0.5
        first = date(2019, 1, 1) + timedelta(days=rng.randrange(800))
        dated = rng.random() < 0.5
        views.append(ViewState(
            article=rng.choice([None, "sha256:" + "ab12" * 16]),
            layers=subset(LAYER_IDS),
            focus=rng.choice([None, "geonames:98182", "test:anbar"]),
            show_historical=rng.random() < 0.5,
            categories=subset(CATEGORIES),
            actor_types=subset(ACTOR_TYPES),
            actors=subset(ACTOR_IDS),
            date_from=first if dated else None,
            date_to=first + timedelta(days=rng.randrange(60)) if dated else None,
            lat=rng.uniform(-90, 90) if centre else None,
            lon=rng.uniform(-180, 180) if centre else None,
            zoom=rng.choice([None, rng.uniform(0, 22), 0.0, 22.0]),
        ))
    return views


@pytest.mark.parametrize("view", random_views(200))
def test_query_round_trip_is_exact(view):
    query = to_query(view)
    again, notices = from_query(query)
    assert notices == []
    assert to_query(again) == query
    assert to_query(from_query(to_query(again))[0]) == query


def test_a_view_read_from_a_link_is_the_view_it_writes():
    query = {"layers": "militia,places", "focus": "geonames:98182", "historical": "1", "lat": "33.3", "lon": "44.4",
             "zoom": "6.5", "categories": "militia-activity", "actors": "political-militia"}
    view, notices = from_query(query)
    assert notices == []
    assert view.layers == ("places", "militia")  # registry order, whatever the link's order
    assert (view.lat, view.lon, view.zoom) == (33.3, 44.4, 6.5)
    assert from_query(to_query(view))[0] == view


def test_default_view_has_an_empty_query():
    assert to_query(DEFAULT) == {}
    assert from_query({}) == (DEFAULT, [])


def test_empty_layers_means_no_layers_and_survives_the_round_trip():
    view, notices = from_query({"layers": ""})
    assert view.layers == () and notices == []
    assert to_query(view) == {"layers": ""}


def test_unknown_layer_ids_give_a_notice_listing_valid_ids():
    view, notices = from_query({"layers": "places,heatmap"})
    assert view.layers == ("places",)
    (notice,) = notices
    assert "'heatmap'" in notice
    assert all(layer_id in notice for layer_id in LAYER_IDS)


def test_a_link_with_only_unknown_layers_keeps_the_default_layers():
    view, notices = from_query({"layers": "heatmap"})
    assert view.layers == DEFAULT.layers and len(notices) == 1


@pytest.mark.parametrize("field", ["article", "focus"])
@pytest.mark.parametrize("hostile", ["../../etc/passwd", "/etc/passwd", "..\\..\\boot.ini", "' OR 1=1 --",
                                     "<script>alert(1)</script>", "geonames:1/../../x", "a b", "..", ""])
def test_hostile_ids_are_refused_with_a_notice(field, hostile):
    view, notices = from_query({field: hostile})
    assert getattr(view, field) is None
    assert len(notices) == 1 and "not a valid id" in notices[0]


def test_an_over_long_value_is_refused_without_echoing_it():
    huge = "x" * 10_000
    view, notices = from_query({"focus": huge, "layers": "places," * 2000})
    assert view == DEFAULT
    assert len(notices) == 2
    assert all(str(MAX_VALUE_CHARS) in n and len(n) < 200 for n in notices)


def test_an_over_long_parameter_name_is_refused():
    view, notices = from_query({"z" * 10_000: "1"})
    assert view == DEFAULT and len(notices) == 1 and len(notices[0]) < 200


def test_repeated_parameters_are_ignored_with_a_notice():
    view, notices = from_query({"zoom": ["3", "4"], "layers": ["places"], "focus": []})
    assert view.zoom is None and view.layers == ("places",) and view.focus is None
    assert len(notices) == 2 and all("times" in n for n in notices)


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e400", "23", "-1", "six", "0x10", ""])
def test_bad_zoom_is_ignored_with_a_notice(value):
    view, notices = from_query({"zoom": value})
    assert view.zoom is None and len(notices) == 1


@pytest.mark.parametrize(("lat", "lon"), [("91", "0"), ("0", "180.5"), ("nan", "0"), ("0", "-inf")])
def test_out_of_range_centre_is_ignored(lat, lon):
    view, notices = from_query({"lat": lat, "lon": lon})
    assert not view.has_centre and view.lat is None and view.lon is None and notices


def test_half_a_centre_is_ignored():
    view, notices = from_query({"lat": "33"})
    assert view.lat is None and "together" in notices[0]


def test_unknown_parameters_and_values_are_named_in_notices():
    view, notices = from_query({"theme": "dark", "categories": "war,militia-activity", "actors": "aliens",
                                "historical": "maybe"})
    assert view.categories == ("militia-activity",) and view.actor_types == () and not view.show_historical
    text = " ".join(notices)
    for expected in ("'theme'", "'war'", "'aliens'", "'maybe'"):
        assert expected in text
    assert all(c in text for c in CATEGORIES)


def test_streamlit_embedding_parameters_pass_without_notice():
    assert from_query({"embed": "true", "embed_options": "light_theme"}) == (DEFAULT, [])


def test_from_query_never_raises_on_any_mix_of_odd_values():
    odd = ["", " ", "..", "%00", "\x00", "😀", "1e309", "-0", ",,,", "a" * 201, "places,places"]
    names = ["article", "layers", "focus", "historical", "categories", "actors", "actor", "from", "to", "lat", "lon",
             "zoom", "??"]
    for name, value in itertools.product(names, odd):
        view, notices = from_query({name: value})
        assert isinstance(view, ViewState) and isinstance(notices, list)
        assert to_query(from_query(to_query(view))[0]) == to_query(view)


def test_actor_and_date_filters_read_from_a_link():
    view, notices = from_query({"actor": "kataib-hezbollah,us-forces", "from": "2019-12-01", "to": "2020-01-07"})
    assert notices == []
    assert view.actors == ("kataib-hezbollah", "us-forces")
    assert (view.date_from, view.date_to) == (date(2019, 12, 1), date(2020, 1, 7))
    assert to_query(view) == {"actor": "kataib-hezbollah,us-forces", "from": "2019-12-01", "to": "2020-01-07"}


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "' OR 1=1 --", "a b", "<script>", "x/y"])
def test_hostile_actor_ids_are_refused_and_the_good_ones_kept(hostile):
    view, notices = from_query({"actor": f"us-forces,{hostile}"})
    assert view.actors == ("us-forces",)
    assert len(notices) == 1 and "not a valid id" in notices[0]


def test_too_many_actors_are_refused_as_a_whole():
    many = ",".join(f"a{i}" for i in range(MAX_ACTORS + 1))
    view, notices = from_query({"actor": many})
    assert view.actors == () and len(notices) == 1 and str(MAX_ACTORS) in notices[0]


def test_repeated_actors_count_once():
    assert from_query({"actor": "germany,germany"})[0].actors == ("germany",)


@pytest.mark.parametrize("bad", ["2020-02-30", "2020-1-5", "20200105", "yesterday", "1e9", "1812-06-24", "2999-01-01",
                                 "2020-01-05T00:00", "2020-01-05;DROP TABLE articles"])
def test_malformed_dates_are_refused_with_a_notice_and_the_range_dropped(bad):
    view, notices = from_query({"from": bad, "to": "2020-01-07"})
    assert view.date_from is None and view.date_to is None
    assert any("YYYY-MM-DD" in n for n in notices)


def test_half_a_date_range_is_ignored():
    view, notices = from_query({"from": "2020-01-01"})
    assert view.date_from is None and "together" in notices[0]


def test_a_range_ending_before_it_starts_is_ignored():
    view, notices = from_query({"from": "2020-01-07", "to": "2020-01-01"})
    assert (view.date_from, view.date_to) == (None, None) and "before" in notices[0]


def test_a_new_focus_drops_the_camera_and_the_same_focus_keeps_it():
    view = ViewState(focus="geonames:98182", lat=33.0, lon=44.0, zoom=6.0)
    assert with_focus(view, "geonames:98182") == view
    moved = with_focus(view, "geonames:95446")
    assert moved.focus == "geonames:95446" and (moved.lat, moved.lon, moved.zoom) == (None, None, None)


def test_a_reported_camera_is_rounded_like_a_link():
    view = with_camera(DEFAULT, {"lat": 33.123456789, "lon": 44.987654321, "zoom": 6.55555})
    assert (view.lat, view.lon, view.zoom) == (33.1235, 44.9877, 6.5556)
    assert from_query(to_query(view))[0] == view


def test_a_redrawn_map_reporting_back_the_linked_camera_leaves_the_link_alone():
    linked = ViewState(lat=34.5731, lon=43.1042, zoom=4.554)
    assert with_camera(linked, {"lat": 34.57304, "lon": 43.10418, "zoom": 4.5541}) == linked
    moved = with_camera(linked, {"lat": 34.58, "lon": 43.1042, "zoom": 4.554})
    assert moved.lat == 34.58


def test_a_camera_east_of_the_date_line_wraps_into_range():
    assert with_camera(DEFAULT, {"lat": 10, "lon": 190, "zoom": 3}).lon == -170.0


@pytest.mark.parametrize("report", [None, "33,44,6", [33, 44, 6], {"lat": 33, "lon": 44}, {"lat": "x", "lon": 1, "zoom": 1},
                                    {"lat": float("nan"), "lon": 1, "zoom": 1}, {"lat": 95, "lon": 1, "zoom": 1},
                                    {"lat": 1, "lon": 1, "zoom": 40}, {"lat": None, "lon": 1, "zoom": 1},
                                    {"lat": 1, "lon": float("inf"), "zoom": 1}])
def test_a_malformed_camera_report_changes_nothing(report):
    view = ViewState(lat=1.0, lon=2.0, zoom=3.0)
    assert with_camera(view, report) == view
