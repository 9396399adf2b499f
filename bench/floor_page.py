"""The floor for first paint: a Streamlit page with only a title and the dashboard's own map of a saved situation.

`bench/dashboard.py` times it like the dashboard, so the figures say how much of first paint is the page
around the map and how much is Streamlit, plotly.js and MapLibre on this machine.
Run by the benchmark from a copy beside the dashboard's static/ (bench.dashboard.floor_app), so its map fetches
the same base map and glyphs; with FLASHPOINT_SITUATION_JSON set.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import streamlit as st

from layers.figure import build_figure
from reading.model import Situation
from sharing.viewstate import ViewState


@st.cache_resource
def saved_situation(path: str) -> Situation:
    return Situation.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


st.set_page_config(layout="wide", page_title="Flashpoint floor")
situation = saved_situation(os.environ["FLASHPOINT_SITUATION_JSON"])
st.title(situation.article.title or "Untitled")
st.plotly_chart(build_figure(situation, ViewState()), config={"displaylogo": False})
