"""Exports of the current view: GeoJSON and CSV follow the view's layers and filters, CSV is safe in a
spreadsheet, and the HTML snapshot fetches nothing and shows hostile article text as text."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from datetime import date
from html.parser import HTMLParser

import plotly.graph_objects as go
import pytest

from layers.figure import build_figure
from reading.model import Place, PlaceMention, Situation
from sharing.export import COLUMNS, csv_text, export_heading, geojson_document, spreadsheet_cell
from sharing.flatmap import PNG_HEADING_PX, drop_colliding_labels, flat_figure, map_png, titled_flat_figure
from sharing.snapshot import snapshot_html
from sharing.viewstate import ViewState

LINK = "http://127.0.0.1:8501/?layers=places%2Cmilitia"
HOSTILE_TITLE = "Strike report <script>window.__pwned = 'title'</script>"
HOSTILE_SENTENCE = (
    "A drone strike by Saraya al-Fajr hit US forces near Erbil <img src=x onerror=\"window.__pwned='img'\"> "
    "<script>window.__pwned='script'</script> [click](javascript:alert(1))."
)


def features(situation: Situation, view: ViewState) -> list[dict]:
    return geojson_document(situation, view, LINK)["features"]


def ids_of(situation: Situation, view: ViewState, record: str) -> list[str]:
    return [f["properties"]["id"] for f in features(situation, view) if f["properties"]["record"] == record]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def hostile(situation: Situation) -> Situation:
    """The fixture with markup in its title, its first event's evidence and that sentence."""
    events = tuple(dataclasses.replace(e, evidence=HOSTILE_SENTENCE) if e.id == "e1" else e for e in situation.events)
    sentences = tuple(dataclasses.replace(s, text=HOSTILE_SENTENCE) if s.index == 1 else s for s in situation.sentences)
    article = dataclasses.replace(situation.article, title=HOSTILE_TITLE)
    return dataclasses.replace(situation, article=article, events=events, sentences=sentences)


# GeoJSON -------------------------------------------------------------------------------------------

def test_geojson_is_a_feature_collection_of_lon_lat_geometries_with_unique_ids(mini_situation):
    doc = json.loads(json.dumps(geojson_document(mini_situation, ViewState(), LINK)))
    assert doc["type"] == "FeatureCollection"
    ids = [f["id"] for f in doc["features"]]
    assert len(ids) == len(set(ids)) > 0
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in ("Point", "LineString", "MultiPoint")
    erbil = next(f for f in doc["features"] if f["id"] == "place:geonames:95446")
    assert erbil["geometry"] == {"type": "Point", "coordinates": [44.01, 36.19]}  # GeoJSON is lon, lat
    assert doc["flashpoint"]["link"] == LINK
    assert doc["flashpoint"]["article"]["id"] == mini_situation.article.id


def test_geojson_has_only_the_events_of_visible_layers(mini_situation):
    assert ids_of(mini_situation, ViewState(layers=("militia",)), "event") == ["e1"]
    assert ids_of(mini_situation, ViewState(layers=("posture",)), "event") == ["e2", "e3"]
    assert ids_of(mini_situation, ViewState(layers=("places", "countries")), "event") == []


def test_geojson_follows_the_actor_type_category_and_historical_filters(mini_situation):
    assert ids_of(mini_situation, ViewState(actor_types=("political-militia",)), "event") == ["e1"]
    assert ids_of(mini_situation, ViewState(categories=("coalition-posture",)), "event") == ["e2", "e3"]
    with_background = ids_of(mini_situation, ViewState(show_historical=True), "event")
    assert with_background == ["e1", "e2", "e3", "e4", "e5"]


def test_geojson_follows_the_actor_and_date_range_filters(mini_situation):
    assert ids_of(mini_situation, ViewState(actors=("germany",)), "event") == ["e2"]
    assert ids_of(mini_situation, ViewState(date_from=date(2024, 3, 9), date_to=date(2024, 3, 31)), "event") == ["e2", "e3"]


def test_posture_lines_and_risk_rows_come_only_with_their_layers(mini_situation):
    assert ids_of(mini_situation, ViewState(layers=("posture",)), "posture") == ["germany", "us-forces"]
    assert ids_of(mini_situation, ViewState(layers=("militia",)), "posture") == []
    assert ids_of(mini_situation, ViewState(layers=("risk",)), "risk") == ["geonames:95446", "geonames:98182"]
    assert ids_of(mini_situation, ViewState(layers=("places",)), "risk") == []


def test_places_layer_exports_literal_places_and_countries_layer_adds_named_countries(mini_situation):
    literal = ids_of(mini_situation, ViewState(layers=("places",)), "place")
    assert "geonames:95446" in literal and "geonames:2921044" not in literal  # Germany is named, not a location
    assert "geonames:2921044" in ids_of(mini_situation, ViewState(layers=("countries",)), "place")


def test_event_feature_carries_actor_place_date_modality_and_its_evidence(mini_situation):
    (strike,) = [f for f in features(mini_situation, ViewState(layers=("militia",))) if f["id"] == "event:e1"]
    props = strike["properties"]
    assert props["actor_id"] == "saraya-al-fajr" and props["actor_name"] == "Saraya al-Fajr"
    assert props["actor_type"] == "political-militia" and props["target_name"] == "US forces"
    assert props["action"] == "strike" and props["acled_type"] == "Explosions/Remote violence"
    assert props["place_name"] == "Erbil" and props["precision"] == "near"
    assert (props["date"], props["date_precision"], props["modality"]) == ("2024-03-08", "day", "asserted")
    assert props["historical"] is False and props["fatalities_best"] == 0
    assert (props["sentence"], props["span_start"], props["span_end"]) == (1, 93, 176)
    assert props["evidence"].startswith("A drone strike by Saraya al-Fajr")


def test_a_move_is_exported_as_a_line_from_origin_to_destination(mini_situation):
    (move,) = [f for f in features(mini_situation, ViewState(layers=("posture",))) if f["id"] == "event:e2"]
    assert move["geometry"] == {"type": "LineString", "coordinates": [[44.0, 33.0], [36.0, 31.0]]}


def test_the_focused_place_and_the_events_there_are_flagged(mini_situation):
    view = ViewState(focus="geonames:98182", show_historical=True)
    flagged = {f["id"] for f in features(mini_situation, view) if f["properties"].get("focused")}
    assert flagged == {"place:geonames:98182", "event:e3", "event:e4", "event:e5"}


# CSV -----------------------------------------------------------------------------------------------

def test_csv_has_one_row_per_exported_record_under_the_documented_columns(mini_situation):
    view = ViewState(layers=("places", "militia", "risk"))
    text = csv_text(mini_situation, view)
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    rows = csv_rows(text)
    assert [(r["record"], r["id"]) for r in rows] == [
        (f["properties"]["record"], f["properties"]["id"]) for f in features(mini_situation, view)
    ]
    strike = next(r for r in rows if r["id"] == "e1")
    assert (strike["lat"], strike["lon"], strike["place_name"], strike["sentence"]) == ("36.19", "44.01", "Erbil", "1")


def test_csv_neutralises_text_that_a_spreadsheet_would_run_as_a_formula(mini_situation):
    lima = Place("test:lima", "=HYPERLINK(\"http://evil.example\",\"Lima\")", "city", "PE", -12.05, -77.04, "site",
                 0.9, "literal", (PlaceMention("Lima", 0, 4, 0, "literal"),))
    situation = dataclasses.replace(mini_situation, places=(*mini_situation.places, lima))
    events = tuple(dataclasses.replace(e, evidence="@SUM(1+1)*cmd|' /C calc'!A0") if e.id == "e1" else e
                   for e in situation.events)
    rows = csv_rows(csv_text(dataclasses.replace(situation, events=events), ViewState()))
    place = next(r for r in rows if r["id"] == "test:lima")
    assert place["name"] == "'=HYPERLINK(\"http://evil.example\",\"Lima\")"
    assert (place["lat"], place["lon"]) == ("-12.05", "-77.04")  # our own numbers stay numbers
    assert next(r for r in rows if r["id"] == "e1")["evidence"] == "'@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_every_formula_start_is_neutralised(text):
    assert spreadsheet_cell(text) == "'" + text


def test_ordinary_text_and_numbers_are_left_as_they_are():
    assert (spreadsheet_cell("Erbil"), spreadsheet_cell(-3.5), spreadsheet_cell(None)) == ("Erbil", -3.5, "")


# Flat map and snapshot ------------------------------------------------------------------------------

def test_flat_map_draws_every_point_and_line_of_the_live_map_at_its_lon_lat(mini_situation):
    live = build_figure(mini_situation, ViewState())
    flat = {t.name: t for t in flat_figure(live).data}
    drawn = [t for t in live.data if isinstance(t, go.Scattermap)]
    assert drawn
    for trace in drawn:
        assert list(flat[trace.name].x) == list(trace.lon) and list(flat[trace.name].y) == list(trace.lat)
    assert all(isinstance(t, go.Scatter) for t in flat.values())


def test_flat_map_labels_fall_back_to_a_sans_serif_where_the_map_font_is_missing(mini_situation):
    from layers.glyphs import FONT_STACK

    labelled = [t for t in flat_figure(build_figure(mini_situation, ViewState())).data if "text" in (t.mode or "")]
    assert labelled and {t.textfont.family for t in labelled} == {f"{FONT_STACK}, sans-serif"}


def test_flat_map_frames_the_live_maps_centre_and_draws_countries_as_filled_paths(mini_situation):
    live = build_figure(mini_situation, ViewState(focus="geonames:98182"))
    flat = flat_figure(live)
    (west, east), (south, north) = flat.layout.xaxis.range, flat.layout.yaxis.range
    assert (west + east) / 2 == pytest.approx(live.layout.map.center.lon)
    assert (south + north) / 2 == pytest.approx(live.layout.map.center.lat)
    iraq = next(t for t in flat.data if t.name == "countries: IQ")
    assert iraq.fill == "toself" and len(iraq.x) > 20


class _Resources(HTMLParser):
    """Everything in a page that a browser would fetch by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        for name, value in attrs:
            if name in ("src", "srcset", "data", "poster", "background") or (name == "href" and tag != "a"):
                self.fetched.append(f"<{tag} {name}={value}>")
            if name == "style" and value and "url(" in value:
                self.fetched.append(f"<{tag} style={value}>")


def test_snapshot_loads_nothing_from_outside_and_forbids_it(mini_situation):
    page = snapshot_html(mini_situation, ViewState(), build_figure(mini_situation, ViewState()), LINK)
    resources = _Resources()
    resources.feed(page)
    assert resources.fetched == []
    assert resources.scripts == 2  # plotly.js and the figure, both inline
    assert "default-src 'none'" in page and "unsafe-inline" not in page.split("script-src", 1)[1].split(";")[0]
    assert f'<a href="{LINK.replace("&", "&amp;")}">' in page


def test_snapshot_shows_hostile_article_text_escaped(mini_situation):
    situation = hostile(mini_situation)
    page = snapshot_html(situation, ViewState(), build_figure(situation, ViewState()), LINK)
    for raw in ("<script>window.__pwned", "<img src=x", "onerror=\"window"):
        assert raw not in page
    assert "&lt;script&gt;window.__pwned = &#x27;title&#x27;&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=&#x27;img&#x27;&quot;&gt;" in page


def test_snapshot_panels_follow_the_views_filters_and_mark_the_focus(mini_situation):
    everything = snapshot_html(mini_situation, ViewState(), build_figure(mini_situation, ViewState()), LINK)
    assert "Saraya al-Fajr struck US forces in Erbil" in everything and "◉ focus" not in everything
    view = ViewState(actors=("germany",), focus="geonames:99237")
    narrowed = snapshot_html(mini_situation, view, build_figure(mini_situation, view), LINK)
    assert "Saraya al-Fajr struck US forces in Erbil" not in narrowed
    assert "Germany relocated" in narrowed and "◉ focus" in narrowed

def test_snapshot_makes_only_a_web_address_a_clickable_link(mini_situation):
    page = snapshot_html(mini_situation, ViewState(), build_figure(mini_situation, ViewState()), "javascript:alert(1)")
    assert "href=\"javascript:" not in page and "<code>javascript:alert(1)</code>" in page


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="kaleido draws with Debian's chromium")
def test_map_png_is_a_png_of_the_map_size_with_room_for_its_heading(mini_situation):
    image = map_png(build_figure(mini_situation, ViewState()), "Erbil · as of 10 March 2024")
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")
    assert (width, height) == (1090, 620 + PNG_HEADING_PX)


def test_png_heading_is_shown_literally_above_the_map(mini_situation):
    titled = titled_flat_figure(build_figure(mini_situation, ViewState()), "<b>Raid</b> & <br>counter-raid")
    assert titled.layout.title.text == "&lt;b&gt;Raid&lt;/b&gt; &amp; &lt;br&gt;counter-raid"
    assert titled.layout.margin.t >= PNG_HEADING_PX and titled.layout.height == 620 + PNG_HEADING_PX


def test_an_exported_picture_is_headed_with_its_article_and_as_of_date(mini_situation):
    heading = export_heading(mini_situation)
    assert heading.startswith(mini_situation.article.title) and "as of 10 March 2024" in heading


def test_flat_map_keeps_the_most_mentioned_of_crowded_labels_and_every_label_with_room():
    # Two towns a few kilometres apart at a country's zoom, a third far off; sizes stand for mentions.
    towns = go.Scatter(
        x=[44.36, 44.40, 47.0], y=[33.31, 33.27, 30.5], mode="markers+text", textposition="top right",
        text=["Baghdad International Airport", "Baghdad", "Basra"], marker={"size": [9, 20, 9]},
    )
    glyphs = go.Scatter(x=[44.38], y=[33.29], mode="markers+text", textposition="middle center", text=["★"])
    drop_colliding_labels([towns, glyphs], (38.0, 50.0, 28.0, 38.0))
    assert list(towns.text) == ["", "Baghdad", "Basra"]
    assert list(glyphs.text) == ["★"]  # a mark's symbol is not a name label
