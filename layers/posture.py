"""The coalition posture layer: forces moving, pausing or staying, from "coalition-posture" events.

A move with an origin and a destination is an arrow from one to the other; anything else (a
suspension, training, a deployment with only one place) is a mark at its place.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import plotly.graph_objects as go

from layers import style
from layers.aggregate import place_index
from layers.base import LayerOutput, LegendEntry, actor_type_legend, arrowhead, event_hover, events_in_view, hover_lines
from layers.marks import event_marks
from layers.wording import actor_type
from reading.model import Event, Place, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState

CATEGORY = "coalition-posture"


# Past this many moves, one arrow per route (origin, destination) for the busiest routes, as flow maps do.
MAX_ARROWS = 20


@dataclass(frozen=True, slots=True)
class Arrow:
    """One arrow to draw: a single move, or every move along a route."""

    name: str
    ids: tuple[str, ...]  # event ids, clicked for evidence
    hover: str
    colour: str
    current: bool
    width: float


def build(situation: Situation, view: ViewState) -> LayerOutput:
    events = events_in_view(situation, view, CATEGORY)
    places = place_index(situation)
    moves = [(e, ends) for e in events if (ends := move_ends(situation, e, places)) is not None]
    moved = {e.id for e, _ in moves}
    arrows = single_arrows(situation, moves) if len(moves) <= MAX_ARROWS else route_arrows(situation, moves)
    traces: list = [trace for arrow, ends in arrows for trace in _arrow(arrow, *ends)]
    marks, legend = event_marks(situation, [e for e in events if e.id not in moved], "posture", view)
    traces += marks
    if moves:
        label = "move, origin to destination" if len(moves) <= MAX_ARROWS else f"moves: busiest {len(arrows)} routes (width: count)"
        legend = [LegendEntry("➤", "#1A1A1A", label), *legend]
        legend += actor_type_legend({actor_type(situation, e.actor) for e, _ in moves})
    return LayerOutput(tuple(traces), tuple(dict.fromkeys(legend)))


def move_ends(situation: Situation, event: Event, places: Mapping[str, Place] | None = None) -> tuple[Place, Place] | None:
    """Origin and destination of a move, when both are places on the map; the event's place stands in for a missing origin.

    `places` (from `place_index`) spares a scan of the situation's places when many events are asked about.
    """
    if event.action not in style.MOVE_ACTIONS:
        return None
    find = places.get if places is not None else situation.place
    origin = find(event.origin or event.place or "")
    destination = find(event.destination or "")
    if origin is None or destination is None or origin.id == destination.id:
        return None
    return origin, destination


def single_arrows(situation: Situation, moves: Sequence[tuple[Event, tuple[Place, Place]]]) -> list[tuple[Arrow, tuple[Place, Place]]]:
    return [
        (
            Arrow(
                name=f"move {e.id}",
                ids=(e.id,),
                hover=event_hover(situation, e),
                colour=style.actor_type_colour(actor_type(situation, e.actor)),
                current=e.is_current,
                width=4 if e.is_current else 2,
            ),
            ends,
        )
        for e, ends in moves
    ]


def route_arrows(situation: Situation, moves: Sequence[tuple[Event, tuple[Place, Place]]]) -> list[tuple[Arrow, tuple[Place, Place]]]:
    """The MAX_ARROWS busiest routes, one arrow each, as wide as their share of the busiest and coloured by
    the actor type behind most of their moves."""
    routes: dict[tuple[str, str], list[Event]] = {}
    ends_of: dict[tuple[str, str], tuple[Place, Place]] = {}
    for event, (origin, destination) in moves:
        routes.setdefault((origin.id, destination.id), []).append(event)
        ends_of[(origin.id, destination.id)] = (origin, destination)
    busiest = sorted(routes.items(), key=lambda item: (-len(item[1]), item[0]))[:MAX_ARROWS]
    most = len(busiest[0][1])
    types = {a.id: a.type for a in situation.actors}
    arrows = []
    for key, events in busiest:
        origin, destination = ends_of[key]
        main_type = Counter(types.get(e.actor, "unknown") for e in events).most_common(1)[0][0]
        current = sum(e.is_current for e in events)
        hover = hover_lines(
            f"{len(events):,} moves from {origin.name} to {destination.name} ({current:,} current)",
            "most by " + main_type.replace("-", " "),
        )
        arrow = Arrow(f"route {origin.id} to {destination.id}", (events[0].id,), hover,
                      style.actor_type_colour(main_type), current > 0, 1.5 + 6 * len(events) / most)
        arrows.append((arrow, (origin, destination)))
    return arrows


def _arrow(arrow: Arrow, origin: Place, destination: Place) -> list[go.Scattermap]:
    head_lats, head_lons = arrowhead((origin.lat, origin.lon), (destination.lat, destination.lon))
    event_id = arrow.ids[0]
    shaft = go.Scattermap(
        name=arrow.name,
        lat=[origin.lat, destination.lat],
        lon=[origin.lon, destination.lon],
        mode="lines",
        line={"color": arrow.colour, "width": arrow.width},
        opacity=1.0 if arrow.current else 0.45,
        hovertext=[arrow.hover, arrow.hover],
        hoverinfo="text",
        customdata=[event_id, event_id],
        showlegend=False,
    )
    # A background move keeps an outlined (hollow) head, as the glyphs of background events are hollow.
    head = go.Scattermap(
        name=f"{arrow.name} head",
        lat=head_lats,
        lon=head_lons,
        mode="lines",
        fill="toself",
        fillcolor=arrow.colour if arrow.current else "rgba(255, 255, 255, 0.6)",
        line={"color": arrow.colour, "width": 2},
        hovertext=[arrow.hover] * len(head_lats),
        hoverinfo="text",
        customdata=[event_id] * len(head_lats),
        showlegend=False,
    )
    return [shaft, head]
