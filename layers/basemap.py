"""The base map: every country as a light grey shape from our own boundaries, so the map is never blank offline."""
from __future__ import annotations

import plotly.graph_objects as go

from geodata.boundaries import browser_geojson
from layers import style
from layers.base import country_shapes

# Coarser than the default 0.02 degrees: the base map is context only, and the browser receives it on
# every rerun (0.7 MB at 0.1 degrees, against 1.1 MB at 0.05 and 2.3 MB at 0.02); coastlines stay within
# ~11 km, finer than a pixel at the zooms a country-scale brief opens at.
BASEMAP_TOLERANCE = 0.1


def basemap_trace() -> go.Choroplethmap:
    geojson = browser_geojson(tolerance=BASEMAP_TOLERANCE)
    # The few areas with no ISO code (Bir Tawil, Spratly Islands) have no id to join on; they stay unshaded.
    iso2s = [iso2 for f in geojson["features"] if (iso2 := f["properties"]["iso2"])]
    return country_shapes("base map", geojson, iso2s, fill=style.BASE_FILL, outline=(style.BASE_OUTLINE, 0.6))
