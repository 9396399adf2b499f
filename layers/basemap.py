"""The base map: every country as a light grey shape from our own boundaries, so the map is never blank offline.

The shapes are a file the page's own server hands out (Streamlit's static serving), not part of the figure: the
figure then stays small on every rerun, and the browser fetches and keeps the shapes once. The file is written
from `layers.shapes` on first use and rewritten whenever the shapes change.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

import plotly.graph_objects as go

from layers import style
from layers.base import country_shapes
from layers.shapes import world_geojson

# Streamlit serves <folder of dashboard.py>/static/NAME at app/static/NAME (server.enableStaticServing).
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
STATIC_URL = "app/static"  # relative to the page, so the app works under any base path
FILE_NAME = "basemap.geojson"


def basemap_trace() -> go.Choroplethmap:
    iso2s = [f["id"] for f in world_geojson()["features"]]
    return country_shapes("base map", basemap_url(), iso2s, fill=style.BASE_FILL, outline=(style.BASE_OUTLINE, 0.6))


def shapes_of(trace: go.Choroplethmap) -> dict:
    """The GeoJSON a country trace draws, whether it carries the shapes or names the base map's file."""
    if isinstance(trace.geojson, str):
        if trace.geojson != basemap_url():
            raise ValueError(f"a country trace names an unknown shapes file: {trace.geojson!r}")
        return world_geojson()
    return trace.geojson


@functools.lru_cache(maxsize=1)
def basemap_url() -> str:
    """The base map file's address relative to the page, with a version so a browser never keeps stale shapes."""
    text = json.dumps(world_geojson(), separators=(",", ":"))
    version = hashlib.sha256(text.encode()).hexdigest()[:12]
    _write_if_changed(STATIC_DIR / FILE_NAME, text)
    return f"{STATIC_URL}/{FILE_NAME}?v={version}"


def _write_if_changed(path: Path, text: str) -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed over: a page fetching the file mid-write gets the old shapes or the new, never half.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".basemap-", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(temporary, 0o644)  # mkstemp makes it private; a server run by another user must read it
    os.replace(temporary, path)
