"""The precision layer: an uncertainty radius around every drawn place known only roughly.

A place read as "near" a town, or only to a province, region or country, gets a ring as wide as what its
precision can mean (its own extent when the gazetteer gives one), so an event placed at "Iraq" is never
read as happening at Iraq's centre point. Site-precision places get none.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from layers import style
from layers.base import LayerOutput, LegendEntry, hover_lines, selected_events, uncertainty_radius_km, uncertainty_ring
from reading.model import Place, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState

_PRECISION_WORDS = {"near": "near the point", "admin1": "the province", "region": "the region", "country": "the country"}


def drawn_places(situation: Situation, view: ViewState) -> list[Place]:
    """Places the map draws: literal places, and any place the view's events happen at, come from or go to."""
    named = {pid for e in selected_events(situation, view) for pid in (e.place, e.origin, e.destination) if pid}
    return [p for p in situation.places if p.role == "literal" or p.id in named]


def build(situation: Situation, view: ViewState) -> LayerOutput:
    rough = [p for p in drawn_places(situation, view) if p.precision != "site"]
    if not rough:
        return LayerOutput()
    lats: list[float | None] = []
    lons: list[float | None] = []
    hovers: list[str | None] = []
    ids: list[str | None] = []
    for place in rough:
        ring_lats, ring_lons = uncertainty_ring(place)
        # None between rings breaks the line, so every ring is one stroke of a single trace.
        lats += [*ring_lats, None]
        lons += [*ring_lons, None]
        hovers += [precision_hover(place)] * len(ring_lats) + [None]
        ids += [place.id] * len(ring_lats) + [None]
    trace = go.Scattermap(
        name="precision",
        lat=lats,
        lon=lons,
        mode="lines",
        line={"color": style.PRECISION_COLOUR, "width": 1.5},
        hovertext=hovers,
        hoverinfo="text",
        customdata=ids,
        showlegend=False,
    )
    legend = LegendEntry("◌", style.PRECISION_COLOUR, "uncertainty radius of a rough location")
    return LayerOutput((trace,), (legend,))


def precision_hover(place: Place) -> str:
    return hover_lines(
        place.name,
        f"located only to {_PRECISION_WORDS.get(place.precision, place.precision)}: "
        f"within about {uncertainty_radius_km(place):,.0f} km of this point",
    )
