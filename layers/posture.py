"""The coalition posture layer: forces moving, pausing or staying, from "coalition-posture" events.

A move with an origin and a destination is an arrow from one to the other; anything else (a
suspension, training, a deployment with only one place) is a mark at its place.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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

    ids: tuple[str, ...]  # event ids, clicked for evidence
    hover: str
    actor_type: str  # its colour
    current: bool
    width: float


def build(situation: Situation, view: ViewState) -> LayerOutput:
    events = events_in_view(situation, view, CATEGORY)
    places = place_index(situation)
    moves = [(e, ends) for e in events if (ends := move_ends(situation, e, places)) is not None]
    moved = {e.id for e, _ in moves}
    arrows = single_arrows(situation, moves) if len(moves) <= MAX_ARROWS else route_arrows(situation, moves)
    traces: list = arrow_traces(arrows)
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
                ids=(e.id,),
                hover=event_hover(situation, e),
                actor_type=actor_type(situation, e.actor),
                current=e.is_current,
                width=4 if e.is_current else 2,
            ),
            ends,
        )
        for e, ends in moves
    ]


def route_arrows(situation: Situation, moves: Sequence[tuple[Event, tuple[Place, Place]]]) -> list[tuple[Arrow, tuple[Place, Place]]]:
    """The MAX_ARROWS busiest routes, one arrow each, as wide as their share of the busiest (in four steps, so
    routes of about the same traffic share a trace) and coloured by the actor type behind most of their moves."""
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
        arrow = Arrow((events[0].id,), hover, main_type, current > 0, 1.5 + 2 * round(3 * len(events) / most))
        arrows.append((arrow, (origin, destination)))
    return arrows


def arrow_traces(arrows: Sequence[tuple[Arrow, tuple[Place, Place]]]) -> list[go.Scattermap]:
    """Two traces per look of arrow (actor type, current or not, width): every shaft of that look in one, every
    head in another, each arrow its own stroke between None gaps. MapLibre redraws the map for each trace it
    adds, so a pair of traces per move slowed the first paint."""
    looks: dict[tuple[str, bool, float], list[tuple[Arrow, tuple[Place, Place]]]] = {}
    for arrow, ends in arrows:
        looks.setdefault((arrow.actor_type, arrow.current, arrow.width), []).append((arrow, ends))
    traces = []
    for (kind, current, width), drawn in looks.items():
        shafts, heads = Strokes(), Strokes()
        for arrow, (origin, destination) in drawn:
            shafts.add([origin.lat, destination.lat], [origin.lon, destination.lon], arrow)
            heads.add(*arrowhead((origin.lat, origin.lon), (destination.lat, destination.lon)), arrow)
        colour = style.actor_type_colour(kind)
        name = f"moves: {kind.replace('-', ' ')}, {'current' if current else 'background'}, width {width:g}"
        traces.append(shafts.trace(name, mode="lines", line={"color": colour, "width": width}, opacity=1.0 if current else 0.45))
        # A background move keeps an outlined (hollow) head, as the glyphs of background events are hollow.
        traces.append(heads.trace(f"{name}, heads", mode="lines", fill="toself", line={"color": colour, "width": 2},
                                  fillcolor=colour if current else "rgba(255, 255, 255, 0.6)"))
    return traces


@dataclass(slots=True)
class Strokes:
    """Lines of one trace, None between them; every point hovers and clicks as its arrow's first event."""

    lats: list[float | None] = field(default_factory=list)
    lons: list[float | None] = field(default_factory=list)
    hovers: list[str | None] = field(default_factory=list)
    ids: list[str | None] = field(default_factory=list)

    def add(self, lats: Sequence[float], lons: Sequence[float], arrow: Arrow) -> None:
        if self.lats:
            self.lats.append(None)
            self.lons.append(None)
            self.hovers.append(None)
            self.ids.append(None)
        self.lats += lats
        self.lons += lons
        self.hovers += [arrow.hover] * len(lats)
        self.ids += [arrow.ids[0]] * len(lats)

    def trace(self, name: str, **drawing: object) -> go.Scattermap:
        return go.Scattermap(name=name, lat=self.lats, lon=self.lons, hovertext=self.hovers, hoverinfo="text",
                             customdata=self.ids, showlegend=False, **drawing)
