"""The coalition posture layer: forces moving, pausing or staying, from "coalition-posture" events.

A move with an origin and a destination is an arrow from one to the other; anything else (a
suspension, training, a deployment with only one place) is a mark at its place.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from layers import style
from layers.base import LayerOutput, LegendEntry, arrowhead, event_hover, event_marks, events_in_view
from layers.wording import actor_type
from reading.model import Event, Place, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState

CATEGORY = "coalition-posture"


def build(situation: Situation, view: ViewState) -> LayerOutput:
    events = events_in_view(situation, view, CATEGORY)
    arrows = [(e, ends) for e in events if (ends := move_ends(situation, e)) is not None]
    moved = {e.id for e, _ in arrows}
    traces: list = []
    for event, (origin, destination) in arrows:
        traces += _arrow(situation, event, origin, destination)
    marks, legend = event_marks(situation, [e for e in events if e.id not in moved], "posture")
    traces += marks
    if arrows:
        legend = [LegendEntry("➤", "#1A1A1A", "move, origin to destination"), *legend]
        legend += [
            LegendEntry("●", style.actor_type_colour(t), t.replace("-", " "))
            for t in sorted({actor_type(situation, e.actor) for e, _ in arrows})
        ]
    return LayerOutput(tuple(traces), tuple(dict.fromkeys(legend)))


def move_ends(situation: Situation, event: Event) -> tuple[Place, Place] | None:
    """Origin and destination of a move, when both are places on the map; the event's place stands in for a missing origin."""
    if event.action not in style.MOVE_ACTIONS:
        return None
    origin = situation.place(event.origin or event.place)
    destination = situation.place(event.destination)
    if origin is None or destination is None or origin.id == destination.id:
        return None
    return origin, destination


def _arrow(situation: Situation, event: Event, origin: Place, destination: Place) -> list[go.Scattermap]:
    colour = style.actor_type_colour(actor_type(situation, event.actor))
    hover = event_hover(situation, event)
    head_lats, head_lons = arrowhead((origin.lat, origin.lon), (destination.lat, destination.lon))
    shaft = go.Scattermap(
        name=f"move {event.id}",
        lat=[origin.lat, destination.lat],
        lon=[origin.lon, destination.lon],
        mode="lines",
        line={"color": colour, "width": 4 if event.is_current else 2},
        opacity=1.0 if event.is_current else 0.45,
        hovertext=[hover, hover],
        hoverinfo="text",
        customdata=[event.id, event.id],
        showlegend=False,
    )
    # A background move keeps an outlined (hollow) head, as the glyphs of background events are hollow.
    head = go.Scattermap(
        name=f"move {event.id} head",
        lat=head_lats,
        lon=head_lons,
        mode="lines",
        fill="toself",
        fillcolor=colour if event.is_current else "rgba(255, 255, 255, 0.6)",
        line={"color": colour, "width": 2},
        hovertext=[hover] * len(head_lats),
        hoverinfo="text",
        customdata=[event.id] * len(head_lats),
        showlegend=False,
    )
    return [shaft, head]
