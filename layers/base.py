"""What every layer builder takes and gives back, and the geometry and selection they share."""
from __future__ import annotations

import html
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import plotly.graph_objects as go
from plotly.basedatatypes import BaseTraceType

from geodata.distance import EARTH_RADIUS_KM
from layers import style
from layers.wording import actor_type, event_phrase, event_status, format_date
from reading.dates import period
from reading.model import Event, Place, Risk, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState

# Rough half-widths of what each precision can mean, for places whose extent the gazetteer does not give:
# an admin-1 area is typically 100-200 km across its centre, a named region several hundred.
RING_RADIUS_KM = {"admin1": 120.0, "country": 300.0, "region": 500.0}
# "Near" a town (ACLED's geo_precision 2): within about a district's reach of it.
NEAR_RADIUS_KM = 25.0


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One line of the map legend: a glyph in a colour and what it means. The legend lists each layer's lines
    under the layer's title; a line with a section (the actor-type colours that several layers share) is listed
    once, under that section, after the layers."""

    glyph: str
    colour: str
    label: str
    section: str | None = None


# Marks of every event layer take their colour from the actor type: one key for all of them.
ACTOR_TYPE_SECTION = "Colour: actor type"


def actor_type_legend(types: set[str]) -> list[LegendEntry]:
    return [LegendEntry("●", style.actor_type_colour(t), t.replace("-", " "), ACTOR_TYPE_SECTION) for t in sorted(types)]


@dataclass(frozen=True, slots=True)
class LayerOutput:
    traces: tuple[BaseTraceType, ...] = ()
    legend: tuple[LegendEntry, ...] = ()


Builder = Callable[[Situation, "ViewState"], LayerOutput]


@dataclass(frozen=True, slots=True)
class LayerSpec:
    """A map layer as the registry knows it: the id used in share links, a title, its builder."""

    id: str
    title: str
    build: Builder


def country_shapes(
    name: str,
    geojson: dict | str,
    iso2s: list[str],
    *,
    fill: str,
    outline: tuple[str, float],
    hovertext: list[str] | None = None,
    customdata: list[str] | None = None,
) -> go.Choroplethmap:
    """Countries of a GeoJSON collection (or the address of one) in one flat fill (a choropleth with a one-colour scale)."""
    colour, width = outline
    return go.Choroplethmap(
        name=name,
        geojson=geojson,
        featureidkey="properties.iso2",
        locations=iso2s,
        z=[1] * len(iso2s),
        colorscale=[[0, fill], [1, fill]],
        showscale=False,
        marker={"line": {"color": colour, "width": width}},
        hovertext=hovertext,
        hoverinfo="text" if hovertext else "skip",
        customdata=customdata,
        showlegend=False,
    )


def selected_events(situation: Situation, view: ViewState) -> list[Event]:
    """The events a view shows, in reading order: the one selection that layers, panels and exports share."""
    return [event for event in situation.events if is_selected(situation, view, event)]


def events_in_view(situation: Situation, view: ViewState, category: str) -> list[Event]:
    """Events of one category that the view shows: current ones, and the rest only when asked."""
    return [event for event in selected_events(situation, view) if event.category == category]


def is_selected(situation: Situation, view: ViewState, event: Event) -> bool:
    """Whether an event passes every filter of the view (an empty filter passes everything)."""
    return (
        (event.is_current or view.show_historical)
        and (not view.categories or event.category in view.categories)
        and (not view.actor_types or actor_type(situation, event.actor) in view.actor_types)
        # As ACLED's actor filter does, an actor's events include those done to it.
        and (not view.actors or event.actor in view.actors or event.target in view.actors)
        and in_date_range(event, view)
    )


def in_date_range(event: Event, view: ViewState) -> bool:
    """Whether any day the event's date can mean ("March 2024" is 31 days) falls in the view's range.

    An undated event cannot be placed in a range, so a range hides it.
    """
    if view.date_from is None or view.date_to is None:
        return True
    days = period(event.date, event.date_precision)
    return days is not None and days[1] >= view.date_from and days[0] <= view.date_to


def risks_in_view(situation: Situation, view: ViewState) -> list[tuple[Risk, tuple[Event, ...]]]:
    """Each assessed place with the drivers the view selects; places none of whose drivers pass are left out.

    A score already weighs threatened and historical events down, so the historical toggle does not
    hide them here: a place under threat keeps its risk.
    """
    selected = {e.id for e in selected_events(situation, replace(view, show_historical=True))}
    kept = []
    for risk in situation.risk:
        drivers = tuple(e for d in risk.drivers if d in selected and (e := situation.event(d)) is not None)
        if drivers:
            kept.append((risk, drivers))
    return kept


def involves_place(event: Event, place_id: str | None) -> bool:
    """Whether an event happens at, comes from or goes to a place."""
    return place_id is not None and place_id in (event.place, event.origin, event.destination)


def uncertainty_radius_km(place: Place) -> float:
    """How far from its point a place may lie: its own extent when known, else what its precision stands for."""
    if place.precision == "site":
        return 0.0
    return place.radius_km or RING_RADIUS_KM.get(place.precision, NEAR_RADIUS_KM)


def uncertainty_ring(place: Place) -> tuple[list[float], list[float]]:
    """The ring (lats, lons) of a place's uncertainty radius."""
    return circle_ring(place.lat, place.lon, uncertainty_radius_km(place))


def circle_ring(lat: float, lon: float, radius_km: float, points: int = 48) -> tuple[list[float], list[float]]:
    """A closed ring of points `radius_km` from a centre on the sphere (lats, lons)."""
    phi1, lam1, delta = math.radians(lat), math.radians(lon), radius_km / EARTH_RADIUS_KM
    lats: list[float] = []
    lons: list[float] = []
    for step in range(points + 1):
        bearing = 2 * math.pi * step / points
        phi2 = math.asin(math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(bearing))
        lam2 = lam1 + math.atan2(
            math.sin(bearing) * math.sin(delta) * math.cos(phi1), math.cos(delta) - math.sin(phi1) * math.sin(phi2)
        )
        lats.append(math.degrees(phi2))
        lons.append((math.degrees(lam2) + 540) % 360 - 180)
    return lats, lons


def arrowhead(
    tail: tuple[float, float], tip: tuple[float, float], length_share: float = 0.1
) -> tuple[list[float], list[float]]:
    """A closed triangle (lats, lons) at `tip` pointing away from `tail`, scaled to the arrow's length.

    Drawn as a polygon because MapLibre markers cannot be rotated without a sprite sheet.
    """
    (lat1, lon1), (lat2, lon2) = tail, tip
    scale = math.cos(math.radians((lat1 + lat2) / 2))  # work in locally square units
    dx, dy = (lon2 - lon1) * scale, lat2 - lat1
    length = math.hypot(dx, dy) or 1e-9
    size = min(length * length_share, 0.6)  # degrees: about 30 px at a country-wide zoom
    ux, uy = dx / length, dy / length
    base_x, base_y = -ux * size, -uy * size
    half_x, half_y = -uy * size * 0.5, ux * size * 0.5
    corners = [(0.0, 0.0), (base_x + half_x, base_y + half_y), (base_x - half_x, base_y - half_y), (0.0, 0.0)]
    return [lat2 + y for _, y in corners], [lon2 + x / scale for x, _ in corners]


def hover_lines(*lines: str | None) -> str:
    """Hover text from non-empty lines; `<` and `&` are escaped because plotly reads hover as HTML."""
    return "<br>".join(html.escape(line, quote=False) for line in lines if line)


def shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def event_hover(situation: Situation, event: Event) -> str:
    status = event_status(event)
    return hover_lines(
        event_phrase(situation, event),
        f"{event.category} · {event.action} · {format_date(event.date, event.date_precision)}",
        None if status == "current" else f"background: {status}",
        f"“{shorten(event.evidence)}” (sentence {event.sentence})",
    )
