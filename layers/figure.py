"""The map figure: base map, then the visible layers in registry order, the focused place, and a legend.

Offline by construction: MapLibre with our own style (a white background, no tiles, labels in a font the
page's server hands out); every shape comes from our own boundaries.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from layers import LAYERS, glyphs, style
from layers.aggregate import MAX_EVENT_MARKS
from layers.base import EARTH_RADIUS_KM, RING_RADIUS_KM, LegendEntry, hover_lines
from layers.basemap import basemap_trace
from layers.clusters import WORLD_PX_AT_ZOOM_0, ClusterFrame, frame
from reading.model import Place, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState

MAP_HEIGHT_PX = 620
# The legend sits in a strip right of the map rather than over it.
LEGEND_WIDTH_PX = 290
# The page gives the map about this much width on a laptop; only the fitted zoom depends on it.
MAP_WIDTH_PX = 800
WORLD_CAMERA = (25.0, 20.0, 1.0)
# With no tiles, country borders are the only ground a reader sees: a brief about one town still opens wide
# enough (about 500 km across) to show the borders around it. Focus zooms closer.
MAX_FITTED_ZOOM = 6.0
# Areas larger than this (radius) are left out of the opening frame when smaller places are in it.
MAX_FITTED_RADIUS_KM = 1000.0
# How much ground around a focused place to show when the gazetteer gives no extent: for a site or a
# town, the ring of about 50 km its events fan out on (base.FAN_OUT_DEGREES); for an area, what its
# precision stands for.
FOCUS_RADIUS_KM = {"site": 60.0, "near": 80.0, **RING_RADIUS_KM}
MAX_FOCUS_ZOOM = 11.0


def build_figure(situation: Situation, view: ViewState) -> go.Figure:
    traces: list = [basemap_trace()]
    legend: list[tuple[str, LegendEntry]] = []
    lat, lon, zoom = camera(situation, view)
    # Layers get the camera the map opens on: clustered marks (layers/clusters.py) depend on its zoom.
    framed = replace(view, lat=lat, lon=lon, zoom=zoom)
    for layer_id, spec in LAYERS.items():
        if layer_id in view.layers:
            output = spec.build(situation, framed)
            traces += output.traces
            legend += [(spec.title, entry) for entry in output.legend]
    focus = situation.place(view.focus)
    if focus is not None:
        traces.append(_focus_trace(focus))
        legend.append(("Focus", LegendEntry("◉", style.FOCUS_COLOUR, focus.name)))
    figure = go.Figure(data=traces)
    # Every label in the font whose glyphs the style serves; plotly would ask for "Open Sans Regular".
    figure.update_traces(textfont_family=glyphs.FONT_STACK, selector=_has_text)
    figure.update_layout(
        map={"style": map_style(), "center": {"lat": lat, "lon": lon}, "zoom": zoom},
        # Same revision -> plotly keeps the user's pan and zoom across reruns (layer toggles);
        # a new article, focus or camera in the link is a new revision and moves the camera.
        uirevision=f"{situation.article.id}|{view.focus}|{view.lat}|{view.lon}|{view.zoom}",
        margin={"l": 0, "r": LEGEND_WIDTH_PX if legend else 0, "t": 0, "b": 0},
        height=MAP_HEIGHT_PX,
        showlegend=False,
        annotations=[_legend_annotation(legend)] if legend else [],
        hoverlabel={"bgcolor": "#FFFFFF", "font": {"size": 12}, "align": "left"},
    )
    return figure


def map_style() -> dict:
    """A MapLibre style of a white background only, like plotly's "white-bg", but with glyphs from our own
    server: "white-bg" sends MapLibre to an outside font host, and offline it then draws every character itself."""
    style_spec: dict = {
        "version": 8,
        "id": "flashpoint",
        "sources": {},
        "layers": [{"id": "background", "type": "background", "paint": {"background-color": "#FFFFFF"}}],
    }
    url = glyphs.glyphs_url()
    return {**style_spec, "glyphs": url} if url else style_spec


def camera(situation: Situation, view: ViewState) -> tuple[float, float, float]:
    """Centre and zoom: the link's when it has them, else the focused place's, else fitted to the literal places."""
    focus = situation.place(view.focus)
    if focus is not None:
        lat, lon, zoom = focus_camera(focus)
    else:
        literal = [p for p in situation.places if p.role == "literal"]
        # Fit to where things happen: sites, and areas that an event happens in or moves to. A country named
        # once in passing ("a reference to the US") must not zoom the map out to half the world.
        in_events = {pid for e in situation.events for pid in (e.place, e.origin, e.destination) if pid}
        active = [p for p in literal if not p.is_area or p.id in in_events]
        # A sea or a region the size of half a continent ("the Mediterranean", "the Sahel") would open the map
        # on all of it; when the article names smaller places, the map opens on those and the area's ring
        # still shows where it is.
        bounded = [p for p in active if (p.radius_km or 0.0) <= MAX_FITTED_RADIUS_KM]
        lat, lon, zoom = fitted_camera(bounded or active or literal)
    if view.has_centre:
        lat, lon = view.lat, view.lon
    return lat, lon, view.zoom if view.zoom is not None else zoom


def cluster_frame(situation: Situation, view: ViewState) -> ClusterFrame | None:
    """What of the view's camera the map's marks depend on; None while no layer clusters (few events), when
    the marks never depend on it. The page redraws the map when this changes, not on every pan."""
    if len(situation.events) <= MAX_EVENT_MARKS:
        return None
    known = view.has_centre and view.zoom is not None
    lat, lon, zoom = (view.lat, view.lon, view.zoom) if known else camera(situation, view)
    return frame(lat, lon, zoom)


def fitted_camera(places: Sequence[Place]) -> tuple[float, float, float]:
    """The centre of the places' bounding box and the web-mercator zoom that shows all of it."""
    if not places:
        return WORLD_CAMERA
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    zoom = span_zoom(lat, max(max(lons) - min(lons), 1.0), max(max(lats) - min(lats), 1.0))
    return lat, lon, round(max(1.0, min(zoom, MAX_FITTED_ZOOM)), 2)


def focus_camera(place: Place) -> tuple[float, float, float]:
    """Centred on a place, close enough to show as much ground as its precision (or extent) stands for."""
    radius_km = place.radius_km or FOCUS_RADIUS_KM.get(place.precision, FOCUS_RADIUS_KM["near"])
    lat_span = 2 * math.degrees(radius_km / EARTH_RADIUS_KM)
    lon_span = lat_span / max(math.cos(math.radians(place.lat)), 0.01)
    zoom = span_zoom(place.lat, lon_span, lat_span)
    return place.lat, place.lon, round(max(1.0, min(zoom, MAX_FOCUS_ZOOM)), 2)


def span_zoom(lat: float, lon_span: float, lat_span: float) -> float:
    """The web-mercator zoom at which a box of these spans (degrees) around `lat` fills the map."""
    # 40% margin so markers, labels and area rings at the edges stay inside the frame.
    lon_span, lat_span = lon_span * 1.4, lat_span * 1.4 / math.cos(math.radians(lat))
    return min(
        math.log2(MAP_WIDTH_PX * 360 / (WORLD_PX_AT_ZOOM_0 * lon_span)),
        math.log2(MAP_HEIGHT_PX * 180 / (WORLD_PX_AT_ZOOM_0 * lat_span)),
    )


def _has_text(trace: object) -> bool:
    return isinstance(trace, go.Scattermap) and "text" in (trace.mode or "")


def _focus_trace(place: Place) -> go.Scattermap:
    return go.Scattermap(
        name="focus",
        lat=[place.lat],
        lon=[place.lon],
        mode="markers",
        marker={"size": 46, "color": style.FOCUS_COLOUR, "opacity": 0.3},
        hovertext=[hover_lines(f"focused: {place.name}")],
        hoverinfo="text",
        showlegend=False,
    )


def legend_sections(entries: Sequence[tuple[str, LegendEntry]]) -> dict[str, list[LegendEntry]]:
    """Each layer's lines under its title, in layer order; the shared sections (one colour key for every
    event layer) after them, each line once."""
    own: dict[str, list[LegendEntry]] = {}
    shared: dict[str, list[LegendEntry]] = {}
    for title, entry in entries:
        lines = shared.setdefault(entry.section, []) if entry.section else own.setdefault(title, [])
        if entry not in lines:
            lines.append(entry)
    return {**own, **shared}


def _legend_annotation(entries: Sequence[tuple[str, LegendEntry]]) -> dict:
    """The legend drawn on the map itself, so it names every colour and shape that is in use."""
    lines = [
        line
        for title, section in legend_sections(entries).items()
        for line in (
            f"<b>{hover_lines(title)}</b>",
            *(f"<span style='color:{e.colour}'>{e.glyph}</span> {hover_lines(e.label)}" for e in section),
        )
    ]
    return {
        "text": "<br>".join(lines),
        "xref": "paper",
        "yref": "paper",
        "x": 1.0,
        "y": 1.0,
        "xshift": 8,
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
        "borderpad": 2,
        "font": {"size": 12, "color": "#1A1A1A"},
    }
