"""Flashpoint's page, layout only: read the view from the URL, get the situation (cached), lay out
the headline, map and panels, and write the view back so the address bar is always the share link.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

import plotly.graph_objects as go
import streamlit as st

from intake.sidebar import article_inputs
from layers import LAYERS
from layers.figure import build_figure, cluster_frame
from layers.wording import actor_name, format_published, place_name
from panels import BRIEF_PANELS
from panels.evidence import EvidenceView, evidence_view
from panels.render import escape_markdown, render_evidence, render_panel
from reading.model import Situation
from reading.vocabulary import ACTOR_TYPES, CATEGORIES
from sharing.export import csv_text, export_file_stem, export_heading, geojson_text
from sharing.flatmap import map_png
from sharing.snapshot import snapshot_html
from sharing.map_reports import listen_to_map, map_painted
from sharing.viewstate import EARLIEST_DAY, LATEST_DAY, ViewState, from_query, to_query, with_camera, with_focus
from store.database import InvalidArticleId, NotStored, Store, configured_path
from store.situations import kept, read_and_keep

# A saved situation document to show instead of reading the default article.
SITUATION_ENV = "FLASHPOINT_SITUATION_JSON"
LINK_NOTICES = "link.notices"


@st.cache_resource
def open_store(db_path: str) -> Store:
    return Store(Path(db_path))


# A resource, not data: a Situation is frozen, so every session can share one copy. cache_data would pickle it
# and hand each rerun a fresh copy: 1.3 s and about 90 MB per rerun for a situation of 100,000 events.
@st.cache_resource(show_spinner="Reading the article…")
def load_situation(saved_path: str | None, article_id: str | None, db_path: str) -> tuple[Situation, str]:
    """The situation to show and a phrase saying where it came from; raises NotStored (never cached) for an
    article the store lacks. The default article goes through the store too, so its link works."""
    if saved_path:
        doc = json.loads(Path(saved_path).read_text(encoding="utf-8"))
        return Situation.from_dict(doc), f"saved situation {Path(saved_path).name}"
    store = open_store(db_path)
    if article_id is not None:
        stored = kept(store, article_id)
        return stored.situation, stored.source
    # Imported here: an article from the store needs no default article.
    from reading.default import default_article

    default = default_article()
    return read_and_keep(store, default.article, default.published, default.origin), default.origin


def linked_situation() -> tuple[Situation, str]:
    """The situation of the article the link names, or the default one (read_view then says why)."""
    saved, db_path = os.environ.get(SITUATION_ENV) or None, str(configured_path())
    linked = st.query_params.get_all("article")
    if len(linked) == 1:
        try:
            return load_situation(saved, linked[0], db_path)
        except (InvalidArticleId, NotStored):
            pass
    return load_situation(saved, None, db_path)


def open_article(article_id: str) -> None:
    """Show the article just read: it goes in the link, and what named the previous one's places and actors
    (focus, chosen actors, camera) goes; layers and the other filters stay."""
    st.query_params["article"] = article_id
    for name in ("focus", "actor", "lat", "lon", "zoom"):
        st.query_params.pop(name, None)
    for key in ("focus", "actors", LINK_NOTICES):
        st.session_state.pop(key, None)


@st.cache_resource(max_entries=16, show_spinner=False)
def map_figure(_situation: Situation, article_id: str, view_key: tuple[tuple[str, str], ...], _view: ViewState) -> go.Figure:
    """The map for a view, built once per (article, view): the base map alone is a megabyte of shapes."""
    return build_figure(_situation, _view)


def read_view(situation: Situation) -> tuple[ViewState, list[str]]:
    """The view in the URL, checked against this situation."""
    view, notices = from_query({name: st.query_params.get_all(name) for name in st.query_params})
    if view.article is not None and view.article != situation.article.id:
        notices.append("The linked article is not in this installation's store; showing the default article instead.")
        view = replace(view, article=None)
    if view.focus is not None and situation.place(view.focus) is None:
        notices.append("The linked focused place is not in this article; no place is focused.")
        view = replace(view, focus=None)
    unknown_actors = [a for a in view.actors if situation.actor(a) is None]
    if unknown_actors:
        notices.append(f"Ignored {len(unknown_actors)} linked actor(s) not in this article.")
        view = replace(view, actors=tuple(a for a in view.actors if a not in unknown_actors))
    return view, notices


def link_notices(notices: list[str]) -> list[str]:
    """What was refused in the link the page was opened with. Kept for the session: the page rewrites the
    address without the refused parameters, so a later run would find nothing to warn about."""
    return st.session_state.setdefault(LINK_NOTICES, notices)


def seed_controls(view: ViewState) -> None:
    """Give each control its starting value from the URL once; after that the widget owns it (see STACK.md)."""
    starting = {
        **{f"layer.{layer_id}": layer_id in view.layers for layer_id in LAYERS},
        "historical": view.show_historical,
        "focus": view.focus,
        "categories": list(view.categories),
        "actor_types": list(view.actor_types),
        "actors": list(view.actors),
        "dates": tuple(d for d in (view.date_from, view.date_to) if d is not None),
    }
    for key, value in starting.items():
        st.session_state.setdefault(key, value)


def controlled_view(view: ViewState) -> ViewState:
    """The view the controls describe. Widget values are in the session state before the widgets are drawn,
    so the map can be drawn first and the controls after it (the map is what the analyst waits for)."""
    state = st.session_state
    # A range picker holds one date while the second is being picked; only a whole range filters.
    dates = tuple(state["dates"]) if len(state["dates"]) == 2 else (None, None)
    return replace(
        with_focus(view, state["focus"]),
        layers=tuple(layer_id for layer_id in LAYERS if state[f"layer.{layer_id}"]),
        show_historical=state["historical"],
        categories=tuple(c for c in CATEGORIES if c in state["categories"]),
        actor_types=tuple(t for t in ACTOR_TYPES if t in state["actor_types"]),
        actors=tuple(state["actors"]),
        date_from=dates[0],
        date_to=dates[1],
    )


def controls(situation: Situation) -> None:
    """The layer, focus and filter widgets, each bound to the session-state key seed_controls filled."""
    st.header("Layers")
    for spec in LAYERS.values():
        st.checkbox(spec.title, key=f"layer.{spec.id}")
    st.checkbox("Show historical, threatened and planned events", key="historical")
    st.header("Focus and filters")
    st.selectbox(
        "Focused place",
        [None, *(p.id for p in situation.places if p.role == "literal")],
        format_func=lambda place_id: place_name(situation, place_id) or "none",
        key="focus",
    )
    st.multiselect("Event categories (none chosen: all)", CATEGORIES, key="categories")
    st.multiselect("Actor types (none chosen: all)", ACTOR_TYPES, key="actor_types")
    st.multiselect(
        "Actors, as doer or target (none chosen: all)",
        sorted((a.id for a in situation.actors), key=lambda actor_id: actor_name(situation, actor_id) or ""),
        format_func=lambda actor_id: actor_name(situation, actor_id) or actor_id,
        key="actors",
    )
    st.date_input(
        "Event dates (empty: all)",
        min_value=EARLIEST_DAY,
        max_value=LATEST_DAY,
        key="dates",
        help="An event counts when any day its date can mean falls in the range (\"December 2019\" is 31 days). "
        "Events with no known date are hidden while a range is set.",
    )


def figure_view(situation: Situation, view: ViewState) -> ViewState:
    """The view the map is drawn with. While only the camera changes, the map keeps the camera it was drawn
    with, so a pan the browser reports rewrites the link without redrawing the map (a redraw is a new chart
    element in Streamlit, and would jump back). Any other change redraws it at the latest camera, and so does
    a move to another zoom level or far enough to need other clusters (many events: layers/clusters.py)."""
    opened = st.session_state.get("map_opened")
    if (
        opened is None
        or without_camera(opened) != without_camera(view)
        # Only a camera that moved can need other clusters (and a frame of a view with no camera costs a fit).
        or (opened != view and cluster_frame(situation, opened) != cluster_frame(situation, view))
    ):
        opened = st.session_state["map_opened"] = view
    return replace(view, lat=opened.lat, lon=opened.lon, zoom=opened.zoom)


def without_camera(view: ViewState) -> ViewState:
    return replace(view, lat=None, lon=None, zoom=None)


def clicked_evidence(situation: Situation, points: list) -> EvidenceView | None:
    """The evidence of the first clicked marker that stands for an event or a place."""
    ids = (point.get("customdata") for point in points)
    return next((found for item in ids if isinstance(item, str) and (found := evidence_view(situation, item))), None)


def evidence_section(situation: Situation, view: ViewState, points: list) -> None:
    st.subheader("Evidence")
    found = clicked_evidence(situation, points) or evidence_view(situation, view.focus)
    if found is None:
        st.caption("Click a marker on the map, or focus a place, to read the sentences behind it.")
        return
    render_evidence(found)


def share_link(query: dict[str, str]) -> str:
    base = (st.context.url or "").split("?")[0]
    return f"{base}?{urlencode(query)}" if query else base or "?"


def headline(situation: Situation, origin: str) -> None:
    article = situation.article
    st.title(escape_markdown(article.title or "Untitled report"))
    st.caption(escape_markdown(f"As of {format_published(article.published)} · {origin}"))
    for notice in article.notices:
        st.info(escape_markdown(notice))
    current = [e for e in situation.events if e.is_current]
    top = max(situation.risk, key=lambda r: r.score, default=None)
    places, events, actors, risk = st.columns(4)
    places.metric("Places on the map", sum(p.role == "literal" for p in situation.places))
    events.metric("Current events", len(current), help=f"{len(situation.events) - len(current)} more in the background")
    actors.metric("Actors", len(situation.actors))
    risk.metric("Highest risk", top.level if top else "none assessed")
    if top:
        risk.caption(escape_markdown(f"at {place_name(situation, top.place) or top.place} · {top.score}/100"))


def export_buttons(situation: Situation, view: ViewState, figure: go.Figure, link: str) -> None:
    """Downloads of the current view; each file is made when its button is clicked, not on every rerun."""
    stem = export_file_stem(situation)
    downloads = (
        ("GeoJSON of the view", partial(geojson_text, situation, view, link), "geojson", "application/geo+json"),
        ("CSV of the view", partial(csv_text, situation, view), "csv", "text/csv"),
        ("HTML snapshot (opens offline)", partial(snapshot_html, situation, view, figure, link), "html", "text/html"),
        ("PNG of the map", partial(map_png, figure, export_heading(situation)), "png", "image/png"),
    )
    with st.sidebar:
        st.header("Export this view")
        for label, make, extension, mime in downloads:
            st.download_button(label, make, f"{stem}.{extension}", mime, key=f"export.{extension}", on_click="ignore")


def share_box(link: str) -> None:
    """The link to copy, as plain text: st.code would load a 1.5 MB highlighter before the map's chunk."""
    st.header("Share this view")
    st.markdown(f"`{link.replace('`', '%60')}`")
    st.caption("Anyone who can reach this server opens exactly this view from it, after a restart too.")


# Streamlit keeps room at the top for a toolbar this page does not show; the title starts near the top instead.
PAGE_STYLE = "<style>[data-testid='stMainBlockContainer'], .block-container { padding-top: 2rem; }</style>"


def main() -> None:
    st.set_page_config(layout="wide", page_title="Flashpoint")
    st.html(PAGE_STYLE)
    store = open_store(str(configured_path()))
    situation, origin = linked_situation()
    linked, notices = read_view(situation)
    notices = link_notices(notices)
    seed_controls(linked)
    with st.sidebar:
        # Before the map, so the listener is in the page by the time the map is: a pan made right after the
        # map appears is not lost.
        view = with_camera(controlled_view(linked), listen_to_map())

    # The map goes out first: the browser starts loading plotly.js as soon as the chart arrives.
    for notice in notices:
        st.warning(escape_markdown(notice))
    headline(situation, origin)
    drawn = figure_view(situation, view)
    figure = map_figure(situation, situation.article.id, tuple(sorted(to_query(drawn).items())), drawn)
    clicked = st.plotly_chart(
        figure, key="map", on_select="rerun", selection_mode="points", config={"scrollZoom": True, "displaylogo": False}
    )
    query = to_query(view)
    st.query_params.from_dict(query)
    if not map_painted():
        # The rest follows on the rerun the browser asks for once the map is drawn (sharing/map_reports.py).
        return

    with st.sidebar:
        read_now = article_inputs(store)
        if read_now:
            open_article(read_now)
            st.rerun()
        controls(situation)
        link = share_link(query)
        share_box(link)
    export_buttons(situation, view, figure, link)
    evidence_section(situation, view, clicked.selection.points)
    for column, panel in zip(st.columns(2) + st.columns(2) + st.columns(2), BRIEF_PANELS):
        with column:
            render_panel(panel(situation, view))


main()
