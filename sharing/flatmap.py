"""The dashboard's map redrawn on flat lon/lat axes, for places MapLibre cannot go: a page opened
from `file://` (MapLibre stays blank there) and a PNG.

The layers' own traces are converted, not rebuilt, so the flat map shows exactly what the live map
shows: markers and lines become `go.Scatter` on equal-aspect axes, country shapes become filled paths.
"""
from __future__ import annotations

import html
import math
from collections.abc import Iterator, Sequence

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from layers.basemap import shapes_of
from layers.figure import LEGEND_WIDTH_PX, MAP_HEIGHT_PX, MAP_WIDTH_PX, WORLD_PX_AT_ZOOM_0

# Attributes a MapLibre scatter shares with a cartesian one; the rest (lat, lon, below, subplot,
# cluster, maki symbols) mean nothing on flat axes.
_SHARED_SCATTER_KEYS = frozenset({
    "name", "mode", "marker", "line", "fill", "fillcolor", "opacity", "text", "textposition",
    "textfont", "hovertext", "hoverinfo", "hovertemplate", "customdata", "showlegend", "visible",
})
# Countries this far outside the frame are left out: the world's shapes would be most of the page.
_FRAME_MARGIN = 1.0
WATER_COLOUR = "#FFFFFF"
# A sans-serif letter is on average about this share of the font size wide.
_CHAR_WIDTH_EM = 0.55
# Room above the map for the PNG's heading line.
PNG_HEADING_PX = 40


def flat_figure(figure: go.Figure) -> go.Figure:
    """A cartesian copy of a MapLibre map figure, framed on the same centre and zoom."""
    west, east, south, north = frame(figure)
    margin_lon, margin_lat = (east - west) * _FRAME_MARGIN, (north - south) * _FRAME_MARGIN
    box = (west - margin_lon, east + margin_lon, south - margin_lat, north + margin_lat)
    traces: list[BaseTraceType] = []
    for trace in figure.data:
        if isinstance(trace, go.Choroplethmap):
            traces += country_paths(trace, box)
        elif isinstance(trace, go.Scattermap):
            traces.append(flat_scatter(trace))
    middle_lat = (south + north) / 2
    drop_colliding_labels(traces, (west, east, south, north))
    flat = go.Figure(data=traces)
    layout = figure.layout
    flat.update_layout(
        height=layout.height,
        margin=layout.margin,
        annotations=layout.annotations,
        hoverlabel=layout.hoverlabel,
        showlegend=False,
        plot_bgcolor=WATER_COLOUR,
        dragmode="pan",
        xaxis={"range": [west, east], "visible": False},
        # One degree of latitude is 1/cos(lat) degrees of longitude long: keep shapes locally square.
        yaxis={"range": [south, north], "visible": False, "scaleanchor": "x",
               "scaleratio": 1 / max(math.cos(math.radians(middle_lat)), 0.1)},
    )
    return flat


def drop_colliding_labels(traces: Sequence[go.Scatter], frame_box: tuple[float, float, float, float]) -> None:
    """Blank every name label that would overlap one already kept, as MapLibre does live; a flat picture would
    otherwise print "Baghdad", its airport and its embassy on top of one another. Point labels go first, the
    most mentioned (largest marker) first; area names after. The names stay in the hover text."""
    west, east, south, north = frame_box
    scale = (MAP_WIDTH_PX / max(east - west, 1e-9), MAP_HEIGHT_PX / max(north - south, 1e-9))
    labels = sorted(
        ((trace, i) for trace in traces for i in range(len(trace.text or ())) if _is_name_label(trace)),
        key=lambda item: (item[0].mode == "text", -_marker_px(item[0], item[1])),
    )
    kept: list[tuple[float, float, float, float]] = []
    blanked: dict[int, set[int]] = {}
    for trace, i in labels:
        box = _label_box(trace, i, west, north, scale)
        if any(_overlap(box, other) for other in kept):
            blanked.setdefault(id(trace), set()).add(i)
        else:
            kept.append(box)
    for trace in traces:
        if id(trace) in blanked:
            trace.text = ["" if i in blanked[id(trace)] else t for i, t in enumerate(trace.text)]


def _is_name_label(trace: go.Scatter) -> bool:
    # A glyph written inside a marker ("middle center" over markers) is a mark's symbol, not a name.
    return trace.mode == "text" or (trace.mode == "markers+text" and trace.textposition not in (None, "middle center"))


def _marker_px(trace: go.Scatter, i: int) -> float:
    size = trace.marker.size if trace.marker else None
    if isinstance(size, (int, float)):
        return float(size)
    return float(size[i]) if size is not None and i < len(size) else 0.0


def _label_box(trace: go.Scatter, i: int, west: float, north: float, scale: tuple[float, float]) -> tuple[float, float, float, float]:
    """The label's left, top, right, bottom in pixels from the frame's top-left corner (estimated from its length)."""
    x, y = (trace.x[i] - west) * scale[0], (north - trace.y[i]) * scale[1]
    size = (trace.textfont.size if trace.textfont and trace.textfont.size else 12)
    width, height = len(str(trace.text[i])) * size * _CHAR_WIDTH_EM, size * 1.2
    if trace.mode == "text":
        return x - width / 2, y - height / 2, x + width / 2, y + height / 2
    offset = _marker_px(trace, i) / 2  # "top right" of the marker
    return x + offset, y - offset - height, x + offset + width, y - offset


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def frame(figure: go.Figure) -> tuple[float, float, float, float]:
    """West, east, south, north of what the live map shows at its centre and zoom."""
    camera = figure.layout.map
    lat, lon, zoom = camera.center.lat, camera.center.lon, camera.zoom
    lon_span = min(360.0, 360.0 * MAP_WIDTH_PX / (WORLD_PX_AT_ZOOM_0 * 2**zoom))
    lat_span = min(170.0, lon_span * MAP_HEIGHT_PX / MAP_WIDTH_PX * math.cos(math.radians(lat)))
    return lon - lon_span / 2, lon + lon_span / 2, lat - lat_span / 2, lat + lat_span / 2


def flat_scatter(trace: go.Scattermap) -> go.Scatter:
    spec = {k: v for k, v in trace.to_plotly_json().items() if k in _SHARED_SCATTER_KEYS}
    textfont = spec.get("textfont") or {}
    if textfont.get("family"):
        # The live map names one glyph set; a page opened elsewhere may lack that font, so CSS gets a fallback.
        spec["textfont"] = {**textfont, "family": f"{textfont['family']}, sans-serif"}
    return go.Scatter(x=trace.lon, y=trace.lat, **spec)


def country_paths(trace: go.Choroplethmap, box: tuple[float, float, float, float]) -> list[go.Scatter]:
    """A choropleth's countries near the frame as filled paths; one path per country when each has its own hover."""
    fill = trace.colorscale[0][1]
    line = {"color": trace.marker.line.color, "width": trace.marker.line.width}
    key = trace.featureidkey.split(".")[-1]
    features = {f["properties"][key]: f for f in shapes_of(trace)["features"] if f["properties"].get(key)}
    shown = [(i, features[code]["geometry"]) for i, code in enumerate(trace.locations) if code in features]
    if not trace.hovertext:
        xs, ys = _rings([geometry for _, geometry in shown], box)
        return [_path(trace.name, xs, ys, fill, line, hover=None)]
    paths = []
    for i, geometry in shown:
        xs, ys = _rings([geometry], box)
        if xs:
            paths.append(_path(f"{trace.name}: {trace.locations[i]}", xs, ys, fill, line, hover=trace.hovertext[i]))
    return paths


def titled_flat_figure(figure: go.Figure, heading: str) -> go.Figure:
    """The flat map under a heading line, so a picture pasted into a report still says what it shows."""
    flat = flat_figure(figure)
    margin = flat.layout.margin
    flat.update_layout(
        # Plotly reads tags and entities in text: escaped, a title shows literally whatever it contains.
        title={"text": html.escape(heading), "x": 0.01, "xanchor": "left", "y": 0.98, "font": {"size": 15}},
        height=MAP_HEIGHT_PX + PNG_HEADING_PX,
        margin={"l": margin.l, "r": margin.r, "b": margin.b, "t": (margin.t or 0) + PNG_HEADING_PX},
    )
    return flat


def map_png(figure: go.Figure, heading: str) -> bytes:
    """The flat map under its heading as a PNG, drawn by kaleido in the local Chromium (a few seconds: make it
    on demand)."""
    import kaleido  # here, not at the top: only a PNG download needs it, not every page start

    return kaleido.calc_fig_sync(
        titled_flat_figure(figure, heading).to_dict(),
        opts={"format": "png", "width": MAP_WIDTH_PX + LEGEND_WIDTH_PX, "height": MAP_HEIGHT_PX + PNG_HEADING_PX,
              "scale": 1},
        # kaleido's default page asks a CDN for MathJax; the map has no formulas, so it gets none.
        kopts={"mathjax": False},
    )


def _path(name: str, xs: list, ys: list, fill: str, line: dict, hover: str | None) -> go.Scatter:
    return go.Scatter(
        name=name, x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill, line=line,
        hoveron="fills", hovertext=hover, hoverinfo="text" if hover else "skip", showlegend=False,
    )


def _polygons(geometry: dict) -> Iterator[Sequence[Sequence[Sequence[float]]]]:
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]


def _rings(geometries: list[dict], box: tuple[float, float, float, float]) -> tuple[list, list]:
    """The outer rings that reach into the box as x/y runs separated by None (plotly fills each run on its own).

    Holes are left out: plotly draws a trace's fills before its lines, and one trace has one fill, so an
    enclosed country (Lesotho inside South Africa) still shows its border.
    """
    xs: list = []
    ys: list = []
    for geometry in geometries:
        for polygon in _polygons(geometry):
            outer = polygon[0]
            if _overlaps(outer, box):
                xs += [x for x, _ in outer] + [None]
                ys += [y for _, y in outer] + [None]
    return xs, ys


def _overlaps(ring: Sequence[Sequence[float]], box: tuple[float, float, float, float]) -> bool:
    west, east, south, north = box
    lons, lats = [x for x, _ in ring], [y for _, y in ring]
    return bool(ring) and min(lons) <= east and max(lons) >= west and min(lats) <= north and max(lats) >= south
