"""The countries layer: every country the article names, in any role, shaded on the map.

A country named only as a government ("Washington said") still belongs to the picture, so
this layer takes all roles; the places layer is the one that keeps to literal locations.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from layers import style
from layers.base import LayerOutput, LegendEntry, country_shapes, hover_lines
from layers.shapes import country_geojson
from reading.model import Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState


def named_countries(situation: Situation) -> dict[str, int]:
    """ISO2 code -> mentions of that country by name, for every country-kind place."""
    counts: dict[str, int] = {}
    for place in situation.places:
        if place.kind == "country":
            counts[place.country] = counts.get(place.country, 0) + len(place.mentions)
    return counts


def build(situation: Situation, view: ViewState) -> LayerOutput:
    counts = named_countries(situation)
    if not counts:
        return LayerOutput()
    geojson = country_geojson(sorted(counts))
    names = {f["properties"]["iso2"]: f["properties"]["name"] for f in geojson["features"]}
    iso2s = [iso2 for iso2 in sorted(counts) if iso2 in names]
    if not iso2s:
        return LayerOutput()
    trace = country_shapes(
        "countries",
        geojson,
        iso2s,
        fill=style.COUNTRY_FILL,
        outline=(style.COUNTRY_OUTLINE, 1),
        hovertext=[hover_lines(names[iso2], f"named {counts[iso2]} time{'s' if counts[iso2] != 1 else ''}") for iso2 in iso2s],
    )
    return LayerOutput((trace,), (LegendEntry("■", style.COUNTRY_FILL, "country named in the article"),))
