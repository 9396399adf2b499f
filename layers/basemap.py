"""The base map: every country as a light grey shape from our own boundaries, so the map is never blank offline."""
from __future__ import annotations

import plotly.graph_objects as go

from layers import style
from layers.base import country_shapes
from layers.shapes import world_geojson


def basemap_trace() -> go.Choroplethmap:
    # Context only, and sent on every rerun: the coarse shapes of layers.shapes keep it near 0.3 MB.
    geojson = world_geojson()
    iso2s = [f["id"] for f in geojson["features"]]
    return country_shapes("base map", geojson, iso2s, fill=style.BASE_FILL, outline=(style.BASE_OUTLINE, 0.6))
