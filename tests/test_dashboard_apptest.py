"""The page, run headless with AppTest on a saved situation: map traces, notices, and the URL as the share link."""
from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from layers import LAYERS
from panels import BRIEF_PANELS
from sharing.map_reports import PAINTED
from tests.apptest import dashboard_app
from tests.conftest import MINI_SITUATION_PATH


@pytest.fixture
def app(monkeypatch) -> AppTest:
    monkeypatch.setenv("FLASHPOINT_SITUATION_JSON", str(MINI_SITUATION_PATH))
    return dashboard_app()


def run(app: AppTest, **params: str) -> AppTest:
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def trace_names(app: AppTest) -> list[str]:
    (chart,) = app.get("plotly_chart")
    return [trace.get("name") for trace in json.loads(chart.proto.spec)["data"]]


def test_map_draws_base_map_and_the_layers_named_in_the_link(app):
    names = trace_names(run(app, layers="places,posture"))
    assert names[0] == "base map"
    assert "places" in names and "posture (current)" in names and any(n.startswith("moves: ") for n in names)
    assert not any(n.startswith(("militia", "risk", "countries")) for n in names)


def test_map_is_offline_white_background_with_glyphs_from_the_page_server(app):
    (chart,) = run(app).get("plotly_chart")
    style = json.loads(chart.proto.spec)["layout"]["map"]["style"]
    assert style["sources"] == {} and style["layers"][0]["paint"] == {"background-color": "#FFFFFF"}
    assert style["glyphs"].startswith("app/static/glyphs/")


def test_bad_layer_id_warns_with_valid_ids_and_still_draws_the_map(app):
    run(app, layers="places,heatmap")
    warnings = [w.value for w in app.warning]
    assert len(warnings) == 1
    for layer_id in ("countries", "risk", "places", "posture", "militia"):
        assert layer_id in warnings[0]
    assert "heatmap" in warnings[0]
    assert "places" in trace_names(app)
    assert app.query_params["layers"] == "places"  # the bad id is dropped from the share link


def test_hostile_parameters_give_notices_not_errors(app):
    run(app, article="../../etc/passwd", focus="' OR 1=1 --", zoom="nan", lat="1e999", lon="0")
    text = " ".join(w.value for w in app.warning)
    for part in ("article id", "focused place", "zoom", "lat", "together"):
        assert part in text
    assert "article" not in app.query_params and "focus" not in app.query_params
    assert trace_names(app)[0] == "base map"


def test_toggling_a_layer_checkbox_updates_the_query_params(app):
    run(app)
    assert "layers" not in app.query_params  # all layers: the default, left out of the link
    app.sidebar.checkbox(key="layer.militia").uncheck().run()
    assert app.query_params["layers"] == ",".join(layer for layer in LAYERS if layer != "militia")
    assert not any(n.startswith("militia") for n in trace_names(app))
    app.sidebar.checkbox(key="layer.militia").check().run()
    assert "layers" not in app.query_params


def test_layer_checkboxes_start_from_the_link(app):
    run(app, layers="risk", historical="1")
    assert app.sidebar.checkbox(key="layer.risk").value is True
    assert app.sidebar.checkbox(key="layer.places").value is False
    assert app.sidebar.checkbox(key="historical").value is True


def test_focused_place_from_the_link_is_selected_and_highlighted(app):
    run(app, focus="geonames:95446")
    assert app.sidebar.selectbox(key="focus").value == "geonames:95446"
    assert "focus" in trace_names(app)
    assert app.query_params["focus"] == "geonames:95446"


def test_a_focus_not_in_the_article_is_dropped_with_a_notice(app):
    run(app, focus="geonames:1")
    assert len(app.warning) == 1 and "focus" not in app.query_params


def test_share_link_shows_the_current_view(app):
    run(app, layers="places", historical="1")
    links = [m.value for m in app.sidebar.markdown]
    assert any("layers=places" in link and "historical=1" in link for link in links)


def test_headline_gives_title_date_and_numbers(app):
    run(app)
    assert "Coalition trainers move" in app.title[0].value
    assert any("As of 10 March 2024" in c.value for c in app.caption)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Places on the map"] == "5"
    assert metrics["Highest risk"] == "severe"
    assert any("at Erbil" in c.value for c in app.caption)


def test_panels_show_posture_and_militia_lines(app):
    run(app)
    labels = [e.label for e in app.expander]
    assert any("Germany — relocating" in label for label in labels)
    assert any("Saraya al\\-Fajr struck US forces in Erbil" in label for label in labels)


def test_article_text_is_not_rendered_as_markup(app, tmp_path, monkeypatch):
    doc = json.loads(MINI_SITUATION_PATH.read_text(encoding="utf-8"))
    doc["article"]["title"] = "**Alarm** <img src=x onerror=alert(1)> :red[x]"
    saved = tmp_path / "hostile.json"
    saved.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("FLASHPOINT_SITUATION_JSON", str(saved))
    run(app)
    title = app.title[0].value
    assert "\\*\\*Alarm\\*\\*" in title and "\\<img" in title and "\\:red\\[x\\]" in title


def test_the_first_run_sends_the_headline_and_map_and_holds_the_rest_until_the_map_is_drawn(monkeypatch):
    monkeypatch.setenv("FLASHPOINT_SITUATION_JSON", str(MINI_SITUATION_PATH))
    app = run(dashboard_app(painted=False), layers="places,posture,bogus")
    assert trace_names(app)[0] == "base map"
    assert app.title and app.query_params["layers"] == "places,posture"
    assert not app.sidebar.checkbox and not app.subheader, "controls and panels wait for the browser's paint report"

    app.session_state[PAINTED] = True  # as sharing/map_reports.py records the browser's report
    app.run()
    assert app.sidebar.checkbox(key="layer.places").value and not app.sidebar.checkbox(key="layer.militia").value
    assert len(app.subheader) >= len(BRIEF_PANELS)
    assert any("bogus" in w.value for w in app.warning), "the link's notice outlives the rewritten address"
