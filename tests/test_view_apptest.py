"""The page's view controls, run headless with AppTest: actor and date filters, focus and camera, evidence, risk table."""
from __future__ import annotations

import json
from datetime import date

from tests.test_dashboard_apptest import app, run, trace_names  # noqa: F401  (app is a fixture)

ERBIL = "geonames:95446"


def layout(app) -> dict:
    (chart,) = app.get("plotly_chart")
    return json.loads(chart.proto.spec)["layout"]


def markdown(app) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_actor_and_date_filters_start_from_the_link_and_narrow_the_map(app):
    run(app, actor="germany", **{"from": "2024-03-01", "to": "2024-03-31"})
    assert app.sidebar.multiselect(key="actors").value == ["germany"]
    assert app.sidebar.date_input(key="dates").value == (date(2024, 3, 1), date(2024, 3, 31))
    names = trace_names(app)
    assert any(n.startswith("moves: ") for n in names) and not any(n.startswith("militia") for n in names)  # e2, the one move
    assert (app.query_params["actor"], app.query_params["from"], app.query_params["to"]) == ("germany", "2024-03-01", "2024-03-31")


def test_choosing_an_actor_narrows_the_panels_and_the_link(app):
    run(app)
    app.sidebar.multiselect(key="actors").select("saraya-al-fajr").run()
    assert app.query_params["actor"] == "saraya-al-fajr"
    labels = " ".join(e.label for e in app.expander)
    assert "Saraya al\\-Fajr struck US forces in Erbil" in labels
    assert "Germany — relocating" not in labels


def test_an_actor_not_in_the_article_is_dropped_with_a_notice(app):
    run(app, actor="germany,kataib-hezbollah")
    assert any("not in this article" in w.value for w in app.warning)
    assert app.query_params["actor"] == "germany"


def test_a_malformed_date_range_gives_a_notice_and_no_filter(app):
    run(app, **{"from": "2024-13-01", "to": "2024-03-31"})
    assert any("expected a date" in w.value for w in app.warning)
    assert "from" not in app.query_params and app.sidebar.date_input(key="dates").value == ()


def test_the_camera_in_the_link_frames_the_map(app):
    run(app, lat="30.5", lon="40.25", zoom="6.5")
    camera = layout(app)["map"]
    assert camera["center"] == {"lat": 30.5, "lon": 40.25} and camera["zoom"] == 6.5
    assert (app.query_params["lat"], app.query_params["zoom"]) == ("30.5", "6.5")


def test_focusing_a_place_drops_the_old_camera_and_zooms_to_the_place(app):
    run(app, lat="30.5", lon="40.25", zoom="2")
    app.sidebar.selectbox(key="focus").select(ERBIL).run()
    assert app.query_params["focus"] == ERBIL
    assert not {"lat", "lon", "zoom"} & set(app.query_params)
    camera = layout(app)["map"]
    assert camera["center"] == {"lat": 36.19, "lon": 44.01} and camera["zoom"] > 6


def test_the_focused_place_opens_its_evidence_under_the_map(app):
    run(app, focus=ERBIL)
    text = markdown(app)
    assert ":orange-background[**Erbil**]" in text
    assert "Saraya al\\-Fajr" in text  # the sentence itself, escaped


def test_without_a_click_or_focus_the_evidence_section_says_what_to_do(app):
    run(app)
    assert any("Click a marker" in c.value for c in app.caption)


def test_risk_table_lists_each_place_with_level_score_and_drivers(app):
    run(app)
    labels = [e.label for e in app.expander]
    assert any("Erbil — severe, 78/100" in label for label in labels)
    assert any("Driven by" in m.value and "Saraya al\\-Fajr" in m.value for m in app.markdown)
