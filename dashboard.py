"""Flashpoint's page, layout only: read the view from the URL, get the situation (cached), lay out
the headline, map and panels, and write the view back so the address bar is always the share link.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import plotly.graph_objects as go
import streamlit as st

from layers import LAYERS
from layers.figure import build_figure
from layers.wording import format_published, place_name
from panels.militia import militia_panel
from panels.places import places_panel
from panels.posture import posture_panel
from panels.render import escape_markdown, render_panel
from panels.timeline import timeline_panel
from reading.model import Situation
from reading.vocabulary import ACTOR_TYPES, CATEGORIES
from sharing.viewstate import ViewState, from_query, to_query

# A saved situation document to show instead of reading the default article.
SITUATION_ENV = "FLASHPOINT_SITUATION_JSON"


@st.cache_data(show_spinner="Reading the article…")
def load_situation(saved_path: str | None) -> tuple[Situation, str]:
    """The situation to show and a phrase saying where it came from."""
    if saved_path:
        doc = json.loads(Path(saved_path).read_text(encoding="utf-8"))
        return Situation.from_dict(doc), f"saved situation {Path(saved_path).name}"
    # Imported here: showing a saved situation needs neither the reader nor the default article.
    from reading.default import default_article
    from reading.pipeline import read_article

    default = default_article()
    return read_article(default.article, published=default.published), default.origin


@st.cache_data(max_entries=64, show_spinner=False)
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
    return view, notices


def seed(key: str, value: object) -> None:
    """Give a widget its starting value from the URL once; after that the widget owns it (see STACK.md)."""
    if key not in st.session_state:
        st.session_state[key] = value


def sidebar(view: ViewState, situation: Situation) -> ViewState:
    """The controls; returns the view they describe."""
    with st.sidebar:
        st.header("Layers")
        for spec in LAYERS.values():
            seed(f"layer.{spec.id}", spec.id in view.layers)
            st.checkbox(spec.title, key=f"layer.{spec.id}")
        seed("historical", view.show_historical)
        st.checkbox("Show historical, threatened and planned events", key="historical")
        st.header("Focus and filters")
        seed("focus", view.focus)
        st.selectbox(
            "Focused place",
            [None, *(p.id for p in situation.places if p.role == "literal")],
            format_func=lambda place_id: place_name(situation, place_id) or "none",
            key="focus",
        )
        seed("categories", list(view.categories))
        st.multiselect("Event categories (none chosen: all)", CATEGORIES, key="categories")
        seed("actor_types", list(view.actor_types))
        st.multiselect("Actor types (none chosen: all)", ACTOR_TYPES, key="actor_types")
    state = st.session_state
    return replace(
        view,
        layers=tuple(layer_id for layer_id in LAYERS if state[f"layer.{layer_id}"]),
        show_historical=state["historical"],
        focus=state["focus"],
        categories=tuple(c for c in CATEGORIES if c in state["categories"]),
        actor_types=tuple(t for t in ACTOR_TYPES if t in state["actor_types"]),
    )


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


def main() -> None:
    st.set_page_config(layout="wide", page_title="Flashpoint")
    situation, origin = load_situation(os.environ.get(SITUATION_ENV) or None)
    view, notices = read_view(situation)
    view = sidebar(view, situation)
    query = to_query(view)
    st.query_params.from_dict(query)
    st.sidebar.header("Share this view")
    st.sidebar.code(share_link(query), language=None, wrap_lines=True)

    for notice in notices:
        st.warning(escape_markdown(notice))
    headline(situation, origin)
    figure = map_figure(situation, situation.article.id, tuple(sorted(query.items())), view)
    st.plotly_chart(figure, key="map", config={"scrollZoom": True, "displaylogo": False})
    for column, panel in zip(st.columns(2) + st.columns(2), (posture_panel, militia_panel, timeline_panel, places_panel)):
        with column:
            render_panel(panel(situation))


main()
