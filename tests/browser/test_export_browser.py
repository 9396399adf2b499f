"""Exports in a real browser: the HTML snapshot opened from file:// with every request outside the file
refused, and the dashboard's download buttons giving files that parse."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest

from layers.figure import build_figure
from sharing.snapshot import MAP_ELEMENT_ID, snapshot_html
from sharing.viewstate import ViewState
from tests.browser.helpers import wait_for_map
from tests.browser.page import MAP_TIMEOUT_MS
from tests.conftest import MINI_SITUATION_PATH

# Our own words; the markup in it must show as text and never run.
HOSTILE_ARTICLE = """Rockets hit Baghdad as Germany moves trainers

Kataib Hezbollah fighters fired rockets at US forces at a base in Baghdad on Monday, Iraqi officials said. <script>window.__pwned = "script"</script>
Germany said on Tuesday that its trainers would move from Erbil to Jordan. <img src=x onerror="window.__pwned = 'img'">
"""
LINK = "http://127.0.0.1:8501/?historical=1"
EXPORT_LABELS = ("GeoJSON of the view", "CSV of the view", "HTML snapshot (opens offline)", "PNG of the map")


@pytest.fixture
def file_page(browser):
    """A page that may read file:// URLs and nothing else; `refused` lists every other request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    refused: list[str] = []

    def guard(route, request) -> None:
        if request.url.startswith("file://"):
            route.continue_()
        else:
            refused.append(request.url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    page = context.new_page()
    page.refused = refused
    yield page
    context.close()


def test_snapshot_from_file_draws_every_marker_and_panel_and_runs_no_article_script(file_page, read, tmp_path):
    situation = read(HOSTILE_ARTICLE, date(2020, 1, 7))
    assert any("<script>" in e.evidence for e in situation.events), "the reader should keep the markup as text"
    view = ViewState(show_historical=True)
    live = build_figure(situation, view)
    path = tmp_path / "snapshot.html"
    path.write_text(snapshot_html(situation, view, live, LINK), encoding="utf-8")
    errors: list[str] = []
    file_page.on("pageerror", lambda exc: errors.append(str(exc)))

    file_page.goto(path.as_uri())
    file_page.wait_for_selector(f"#{MAP_ELEMENT_ID}.js-plotly-plot .scatterlayer", timeout=30_000)

    drawn = dict(file_page.evaluate(
        "(id) => Array.from(document.getElementById(id)._fullData, t => [t.name, t._length])", MAP_ELEMENT_ID))
    expected = {t.name: len(t.lat) for t in live.data if isinstance(t, go.Scattermap)}
    assert expected and {name: drawn.get(name) for name in expected} == expected
    places = file_page.evaluate(
        "(id) => { const t = document.getElementById(id).data.find(t => t.name === 'places');"
        " return Array.from(t.x, (x, i) => [x, t.y[i]]); }", MAP_ELEMENT_ID)
    baghdad = situation.place("geonames:98182")
    assert [baghdad.lon, baghdad.lat] in places
    # The SVG really has a point per marker of the places trace, not just data.
    assert file_page.locator(f"#{MAP_ELEMENT_ID} .scatterlayer .trace .points path").count() >= len(places)

    file_page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    text = file_page.inner_text("body")
    for heading in ("Coalition posture", "Militia activity", "Timeline", "Places", "Kataib Hezbollah"):
        assert heading in text
    assert '<script>window.__pwned = "script"</script>' in text
    assert "<img src=x onerror=" in text
    assert file_page.evaluate("() => window.__pwned") is None
    assert file_page.locator(f'a[href="{LINK}"]').count() == 1
    assert errors == [] and file_page.refused == []


def test_dashboard_download_buttons_give_the_views_files(page, streamlit_factory, tmp_path):
    server = streamlit_factory(env={"FLASHPOINT_SITUATION_JSON": str(MINI_SITUATION_PATH)})
    page.goto(f"{server.url}/?layers=places,militia")
    wait_for_map(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    # The sidebar follows the map, on the rerun the browser asks for once the map is drawn.
    sidebar.get_by_role("button", name=EXPORT_LABELS[0]).wait_for(timeout=MAP_TIMEOUT_MS)
    for label in EXPORT_LABELS:
        assert sidebar.get_by_role("button", name=label).count() == 1, label

    files: dict[str, Path] = {}
    for label in EXPORT_LABELS:
        with page.expect_download(timeout=60_000) as download:
            sidebar.get_by_role("button", name=label).click()
        files[label] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[label])

    doc = json.loads(files["GeoJSON of the view"].read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    events = [f["properties"]["id"] for f in doc["features"] if f["properties"]["record"] == "event"]
    assert events == ["e1"]  # the militia layer's one current event; posture is hidden
    assert doc["flashpoint"]["view"] == {"layers": "places,militia"}
    rows = list(csv.DictReader(io.StringIO(files["CSV of the view"].read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows if r["record"] == "event"] == ["e1"]
    assert "Coalition trainers move as militia strikes rise" in files["HTML snapshot (opens offline)"].read_text(
        encoding="utf-8")
    assert files["PNG of the map"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert all(path.name.startswith("flashpoint-") for path in files.values())
