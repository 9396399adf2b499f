"""Events drawn as marks: one circle per event (coloured by actor type, glyph by action, fanned out at its
place), or, past `MAX_EVENT_MARKS`, one circle per place, or per cluster of nearby places at the view's zoom,
sized by its count. The militia, state and posture layers all draw through here.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from layers import style
from layers.aggregate import MAX_EVENT_MARKS, PlaceTotal, place_index, place_totals
from layers.base import Builder, LayerOutput, LegendEntry, actor_type_legend, event_hover, events_in_view, hover_lines
from layers.clusters import Cluster, clusters_in_frame, frame
from layers.wording import actor_name, actor_type, format_date
from reading.model import Event, Place, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState

# About 50 km: marks of events at one place separate at a country-wide zoom, yet stay around it.
FAN_OUT_DEGREES = 0.45
# Pixel diameters of a place's total: area grows with the count, so 10,000 events are not 100 times wider than 100.
TOTAL_MIN_PX, TOTAL_MAX_PX = 14.0, 60.0


def category_layer(category: str, name: str) -> Builder:
    """The builder of a layer that draws the view's events of one category as marks."""

    def build(situation: Situation, view: ViewState) -> LayerOutput:
        traces, legend = event_marks(situation, events_in_view(situation, view, category), name, view)
        return LayerOutput(tuple(traces), tuple(legend))

    return build


def fan_slots(situation: Situation) -> dict[str, tuple[int, int]]:
    """Event id -> (k, n): its rank among the n events at its place, in id order, over the whole situation.

    The ring depends only on the situation, so posture, militia and state marks drawn by different
    layers never land on the same spot.
    """
    sharing: dict[str, list[str]] = {}
    for event in situation.events:
        if event.place is not None:
            sharing.setdefault(event.place, []).append(event.id)
    return {event_id: (k, len(ids)) for ids in sharing.values() for k, event_id in enumerate(sorted(ids))}


def mark_position(place: Place, slot: tuple[int, int]) -> tuple[float, float]:
    """Where an event's mark goes: at its place, or on a small ring around it when several events share it.

    Stacked marks hide each other (and MapLibre drops all but one of their glyphs), so the k-th of n
    events at a place sits at the k-th of n angles.
    """
    k, n = slot
    if n < 2:
        return place.lat, place.lon
    angle = 2 * math.pi * k / n
    return (
        place.lat + FAN_OUT_DEGREES * math.cos(angle),
        place.lon + FAN_OUT_DEGREES * math.sin(angle) / math.cos(math.radians(place.lat)),
    )


def event_marks(
    situation: Situation, events: Sequence[Event], name: str, view: ViewState
) -> tuple[list[BaseTraceType], list[LegendEntry]]:
    """Events as marks: each on its own while they are few enough to read, else totals clustered at the view's zoom."""
    if len(events) > MAX_EVENT_MARKS:
        return total_marks(situation, place_totals(situation, events), name, view)
    return single_marks(situation, events, name)


def single_marks(situation: Situation, events: Sequence[Event], name: str) -> tuple[list[BaseTraceType], list[LegendEntry]]:
    """Events as circles in their actor type's colour with the action's glyph inside.

    The circle always draws (MapLibre never hides circles); the glyph is text, which MapLibre may
    drop where labels collide, so hover repeats everything. Background events (historical or not
    carried out) are faded with a hollow glyph.
    """
    places, slots = place_index(situation), fan_slots(situation)
    traces: list[BaseTraceType] = []
    legend: list[LegendEntry] = []
    for current in (True, False):
        placed = [(e, p) for e in events if e.is_current == current and (p := places.get(e.place or "")) is not None]
        if not placed:
            continue
        positions = [mark_position(p, slots[e.id]) for e, p in placed]
        colours = [style.actor_type_colour(actor_type(situation, e.actor)) for e, _ in placed]
        traces.append(
            go.Scattermap(
                name=f"{name} ({'current' if current else 'background'})",
                lat=[lat for lat, _ in positions],
                lon=[lon for _, lon in positions],
                mode="markers+text",
                marker={"size": 24, "color": colours, "opacity": 0.95 if current else 0.35},
                text=[style.action_glyph(e.action, current=current) for e, _ in placed],
                textposition="middle center",
                textfont={"size": 13, "color": "#FFFFFF" if current else "#1A1A1A"},
                hovertext=[event_hover(situation, e) for e, _ in placed],
                hoverinfo="text",
                customdata=[e.id for e, _ in placed],
                showlegend=False,
            )
        )
        legend += actor_type_legend({actor_type(situation, e.actor) for e, _ in placed})
        legend += [
            LegendEntry(style.action_glyph(e.action), "#1A1A1A", style.action_glyph_label(e.action)) for e, _ in placed
        ]
        if not current:
            legend.append(LegendEntry("○", "#1A1A1A", "faded, hollow: background event"))
    return traces, list(dict.fromkeys(legend))


def total_marks(
    situation: Situation, totals: Sequence[PlaceTotal], name: str, view: ViewState
) -> tuple[list[BaseTraceType], list[LegendEntry]]:
    """One circle per cluster of places at the view's camera (layers/clusters.py), its area by the number of
    events, coloured by the actor type behind most of them, with the count written inside; a place alone is
    its own circle. Largest first, so smaller circles stay on top and can be hovered; hover gives the breakdown.

    A view with no camera (a layer built outside the figure, which fills it in) draws every place on its own.
    """
    shown = frame(view.lat, view.lon, view.zoom) if view.has_centre and view.zoom is not None else None
    clusters = clusters_in_frame(totals, shown)
    if not clusters:
        return [], []
    largest = clusters[0].events
    trace = go.Scattermap(
        name=f"{name} (events per place)",
        lat=[c.lat for c in clusters],
        lon=[c.lon for c in clusters],
        mode="markers+text",
        marker={
            "size": [total_size(c.events, largest) for c in clusters],
            "color": [style.actor_type_colour(c.main_actor_type) for c in clusters],
            "opacity": 0.8,
        },
        text=[short_count(c.events) for c in clusters],
        textposition="middle center",
        textfont={"size": 11, "color": "#FFFFFF"},
        hovertext=[total_hover(situation, c.members[0]) if c.is_single else cluster_hover(c) for c in clusters],
        hoverinfo="text",
        # A place's evidence opens on a click; a cluster has no one place to show, and its hover says what it holds.
        customdata=[c.members[0].place.id if c.is_single else None for c in clusters],
        showlegend=False,
    )
    grouped = ", nearby places as one (zoom in to split)" if any(not c.is_single for c in clusters) else ""
    legend = [
        LegendEntry("⬤", "#1A1A1A", f"{name}: events per place{grouped} (number: count)"),
        *actor_type_legend({c.main_actor_type for c in clusters}),
    ]
    return [trace], legend


def total_size(count: int, largest: int) -> float:
    """Diameter in pixels: the square root of the count's share of the largest, between the two bounds."""
    share = math.sqrt(count / max(largest, 1))
    return round(TOTAL_MIN_PX + (TOTAL_MAX_PX - TOTAL_MIN_PX) * share, 1)


def short_count(count: int) -> str:
    """"842", "3.4k", "12k": short enough to sit inside a circle."""
    if count < 1000:
        return str(count)
    return f"{count / 1000:.1f}k" if count < 10_000 else f"{count // 1000}k"


def total_hover(situation: Situation, total: PlaceTotal) -> str:
    actions = ", ".join(f"{action.replace('-', ' ')} {n:,}" for action, n in total.actions[:4])
    actors = ", ".join(f"{actor_name(situation, actor)} {n:,}" for actor, n in total.actors[:3])
    background = total.events - total.current
    return hover_lines(
        f"{total.place.name}: {total.events:,} event{'s' if total.events != 1 else ''}"
        + (f" ({background:,} background)" if background else ""),
        f"actions: {actions}",
        f"most by: {actors}",
        f"latest: {format_date(total.last_date, 'day')}" if total.last_date else None,
    )


def cluster_hover(cluster: Cluster) -> str:
    """What a cluster holds: its count, its busiest places and its actor types."""
    places = ", ".join(f"{t.place.name} {t.events:,}" for t in cluster.members[:3])
    more = len(cluster.members) - 3
    types = ", ".join(f"{kind.replace('-', ' ')} {n:,}" for kind, n in cluster.actor_types[:3])
    background = cluster.events - cluster.current
    return hover_lines(
        f"{len(cluster.members):,} places near each other: {cluster.events:,} events"
        + (f" ({background:,} background)" if background else ""),
        f"most at: {places}" + (f" and {more:,} more places" if more > 0 else ""),
        f"actor types: {types}",
        "zoom in to split",
    )
