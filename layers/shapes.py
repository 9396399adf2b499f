"""Country shapes light enough to send to the browser on every rerun, each simplified to fit its own size.

One tolerance for the world either blurs Kuwait or sends every fjord of Alaska. Here each country is
simplified by a share of its own extent (Kuwait to about 2 km, the United States to about 25 km) and
loses islands too small to see at the zoom that shows the whole country; its largest part always stays.
Built once per process from `geodata.boundaries`, then served from memory.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, mapping

from geodata.boundaries import countries

# Tolerance as a share of the country's largest side, at least a floor and at most a ceiling (degrees). Named
# countries get a fine floor; the base map, context only, a coarse one (about 22 km: a few pixels at the zoom a country-scale brief opens at; the named countries on top stay fine).
_TOLERANCE_SHARE = 1 / 250
NAMED_FLOOR, BASEMAP_FLOOR, _MAX_TOLERANCE = 0.02, 0.2, 0.25
# Parts smaller than (this × tolerance)² square degrees are dropped: at most a few pixels at the country's zoom.
_MIN_PART_SIDE = 4.0
_DECIMALS = 2  # about 1 km, finer than the coarsest tolerance above


def country_geojson(iso2s: Iterable[str]) -> dict:
    """A FeatureCollection (id and properties.iso2, properties.name) of the countries asked for that NE draws."""
    features = _features(NAMED_FLOOR)
    return {"type": "FeatureCollection", "features": [features[c] for c in sorted(set(iso2s)) if c in features]}


def world_geojson() -> dict:
    """Every country with an ISO code (the few unclaimed areas have nothing to join on)."""
    return {"type": "FeatureCollection", "features": list(_features(BASEMAP_FLOOR).values())}


@functools.lru_cache(maxsize=2)
def _features(floor: float) -> dict[str, dict]:
    world = countries()
    features = (
        _feature(iso2, name, geometry, floor)
        for iso2, name, geometry in zip(world["iso2"], world["name"], world.geometry)
        if iso2 is not None
    )
    # A microstate (Monaco, the Vatican) vanishes on the grid: nothing to draw at any zoom the map opens at.
    return {feature["id"]: feature for feature in features if feature["geometry"]["coordinates"]}


def _feature(iso2: str, name: str, geometry: shapely.Geometry, floor: float) -> dict:
    parts = list(getattr(geometry, "geoms", [geometry]))
    largest = max(parts, key=lambda part: part.area)
    minx, miny, maxx, maxy = largest.bounds
    tolerance = min(max(max(maxx - minx, maxy - miny) * _TOLERANCE_SHARE, floor), _MAX_TOLERANCE)
    kept = [part for part in parts if part is largest or part.area >= (_MIN_PART_SIDE * tolerance) ** 2]
    shape = shapely.simplify(MultiPolygon(kept) if len(kept) > 1 else largest, tolerance, preserve_topology=True)
    # Snapping to the grid keeps the shape valid; rounding then drops float noise (35.120000000000005).
    shape = shapely.set_precision(shape, 10.0**-_DECIMALS)
    shape = shapely.transform(shape, lambda xy: np.round(xy, _DECIMALS))
    return {"type": "Feature", "id": iso2, "properties": {"iso2": iso2, "name": name}, "geometry": mapping(shape)}
