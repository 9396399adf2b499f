"""The places layer: where the article says things are, drawn no more exactly than they are known.

Only literal places are drawn ("the US suspended" names a government, not a location). Site- and
near-precision places are markers sized by mentions; coarser ones are areas: the country's own
outline for a country-level place, an uncertainty ring otherwise. Never a pin.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from layers import style
from layers.base import LayerOutput, LegendEntry, country_shapes, hover_lines, shorten, uncertainty_ring
from layers.shapes import country_geojson
from layers.wording import sentence_text
from reading.model import Place, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState


def build(situation: Situation, view: ViewState) -> LayerOutput:
    literal = [p for p in situation.places if p.role == "literal"]
    points = [p for p in literal if not p.is_area]
    areas = [p for p in literal if p.is_area]
    outline, outlined = _country_outlines(situation, [p for p in areas if p.precision == "country"])
    traces: list = [outline] if outline is not None else []
    traces += [_ring_trace(place) for place in areas if place.id not in outlined]
    if areas:
        traces.append(_area_labels(situation, areas))
    if points:
        traces.append(_point_trace(situation, points))
    legend = []
    if points:
        legend.append(LegendEntry("●", style.PLACE_COLOUR, "place (size: mentions)"))
    if areas:
        legend.append(LegendEntry("◯", style.AREA_COLOUR, "area: place known only roughly"))
    return LayerOutput(tuple(traces), tuple(legend))


def marker_size(mentions: int) -> float:
    """Marker diameter in pixels; area grows with mentions so a place named 9 times is not 9 times wider."""
    return 9 + 5 * math.sqrt(max(mentions, 1) - 1)


def place_hover(situation: Situation, place: Place) -> str:
    first = place.mentions[0] if place.mentions else None
    evidence = sentence_text(situation, first.sentence) if first else None
    quote = f"“{shorten(evidence)}” (sentence {first.sentence})" if first and evidence else None
    return hover_lines(
        place.name,
        f"{place.kind}, {place.country} — located to {place.precision}",
        f"{len(place.mentions)} mention{'s' if len(place.mentions) != 1 else ''}",
        quote,
    )


def _place_trace(situation: Situation, places: list[Place], name: str, **drawing: object) -> go.Scattermap:
    """Places at their coordinates, named, with hover; `drawing` says how (markers or text only)."""
    return go.Scattermap(
        name=name,
        lat=[p.lat for p in places],
        lon=[p.lon for p in places],
        text=[p.name for p in places],
        hovertext=[place_hover(situation, p) for p in places],
        hoverinfo="text",
        customdata=[p.id for p in places],
        showlegend=False,
        **drawing,
    )


def _point_trace(situation: Situation, points: list[Place]) -> go.Scattermap:
    return _place_trace(
        situation,
        points,
        "places",
        mode="markers+text",
        textposition="top right",
        textfont={"size": 12, "color": style.PLACE_COLOUR},
        marker={"size": [marker_size(len(p.mentions)) for p in points], "color": style.PLACE_COLOUR, "opacity": 0.85},
    )


def _country_outlines(situation: Situation, places: list[Place]) -> tuple[go.Choroplethmap | None, set[str]]:
    """The countries' own shapes for country-level places, and the ids of the places so drawn."""
    if not places:
        return None, set()
    geojson = country_geojson(sorted({p.country for p in places}))
    shaped = {feature["properties"]["iso2"] for feature in geojson["features"]}
    places = [p for p in places if p.country in shaped]
    if not places:
        return None, set()
    trace = country_shapes(
        "places (countries)",
        geojson,
        [p.country for p in places],
        fill=style.AREA_FILL,
        outline=(style.AREA_COLOUR, 2),
        hovertext=[place_hover(situation, p) for p in places],
        customdata=[p.id for p in places],
    )
    return trace, {p.id for p in places}


def _ring_trace(place: Place) -> go.Scattermap:
    lats, lons = uncertainty_ring(place)
    return go.Scattermap(
        name=f"area: {place.name}",
        lat=lats,
        lon=lons,
        mode="lines",
        fill="toself",
        fillcolor=style.AREA_FILL,
        line={"color": style.AREA_COLOUR, "width": 2},
        hoverinfo="skip",
        showlegend=False,
    )


def _area_labels(situation: Situation, areas: list[Place]) -> go.Scattermap:
    """Names at the centres of areas: text, not a marker, so the centre does not read as a pin."""
    return _place_trace(situation, areas, "areas", mode="text", textfont={"size": 12, "color": style.AREA_COLOUR})
