"""Place totals grouped into clusters for the zoom level shown, so a world view of 100,000 events draws a few
dozen circles, and zooming in splits them, as Supercluster and Leaflet.markercluster do.

Pure geometry on `PlaceTotal`s: web-mercator pixels of MapLibre's 512-px world, no plotly, no view state.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from layers.aggregate import PlaceTotal, ranked

# MapLibre's world is 512 px wide at zoom 0 (not the 256 px of raster tiles).
WORLD_PX_AT_ZOOM_0 = 512
# Places closer than this on screen share one circle: the widest total (marks.TOTAL_MAX_PX) is 60 px across,
# so two busy places this close would overlap. Leaflet.markercluster uses 80 px, Supercluster 40 px of 256.
CLUSTER_RADIUS_PX = 50.0
# Past this zoom level every place stands alone (Supercluster's maxZoom): places this close are one town, and
# two at the very same point would otherwise never split.
MAX_CLUSTER_LEVEL = 14
# The map's size on a wide screen: clusters are sent for the tile of this size that holds the camera's centre
# and for the tiles around it, so whatever the screen shows is always inside what was sent.
VIEW_TILE_PX = (1600.0, 1000.0)
# Web mercator stops short of the poles.
MAX_MERCATOR_LAT = 85.051129


@dataclass(frozen=True, slots=True)
class Cluster:
    """Places drawn as one circle at one zoom level: their totals summed, at the count-weighted centre."""

    lat: float
    lon: float
    members: tuple[PlaceTotal, ...]  # largest first
    events: int
    current: int
    actor_types: tuple[tuple[str, int], ...]  # most frequent first

    @property
    def main_actor_type(self) -> str:
        return self.actor_types[0][0]

    @property
    def is_single(self) -> bool:
        return len(self.members) == 1


@dataclass(frozen=True, slots=True)
class ClusterFrame:
    """What of the camera clustered marks depend on: the zoom level, and the tile of VIEW_TILE_PX holding the
    centre. A camera move within the same frame draws the same marks, so it need not redraw the map."""

    level: int
    column: int
    row: int


def world_px(lat: float, lon: float, level: int) -> tuple[float, float]:
    """Web-mercator pixel (x east, y south) of a point in the world as MapLibre draws it at a zoom level."""
    size = WORLD_PX_AT_ZOOM_0 * 2**level
    phi = math.radians(max(-MAX_MERCATOR_LAT, min(MAX_MERCATOR_LAT, lat)))
    x = (lon + 180.0) / 360.0 * size
    y = (1.0 - math.log(math.tan(math.pi / 4 + phi / 2)) / math.pi) / 2.0 * size
    return x % size, y


def frame(lat: float, lon: float, zoom: float) -> ClusterFrame:
    """The frame of a camera: clusters change at whole zoom levels, as Supercluster's do."""
    level = max(0, math.floor(zoom))
    x, y = world_px(lat, lon, level)
    return ClusterFrame(level, math.floor(x / VIEW_TILE_PX[0]), math.floor(y / VIEW_TILE_PX[1]))


def clusters_in_frame(totals: Sequence[PlaceTotal], shown: ClusterFrame | None) -> list[Cluster]:
    """The clusters of a frame's level whose centres lie in its tile or the tiles around it, largest first.
    With no frame (no camera known) or past MAX_CLUSTER_LEVEL, every place is its own cluster."""
    if shown is None or shown.level > MAX_CLUSTER_LEVEL:
        clusters = [_cluster([t]) for t in sorted(totals, key=lambda t: (-t.events, t.place.id))]
    else:
        clusters = cluster_totals(totals, shown.level)
    return clusters if shown is None else [c for c in clusters if _near_tile(c, shown)]


def cluster_totals(totals: Sequence[PlaceTotal], level: int, radius_px: float = CLUSTER_RADIUS_PX) -> list[Cluster]:
    """Greedy distance clustering at a zoom level: the busiest place not yet taken gathers every free place within
    `radius_px` of it, as Supercluster does. Busy places are seeds, so a hot spot keeps its own position.
    The world wraps east to west, so places either side of the antimeridian cluster together."""
    size = WORLD_PX_AT_ZOOM_0 * 2**level
    columns = max(1, math.floor(size / radius_px))
    cell = size / columns  # at least radius_px, so a neighbour within the radius is in the 3 x 3 cells around
    ordered = sorted(totals, key=lambda t: (-t.events, t.place.id))
    points = [world_px(t.place.lat, t.place.lon, level) for t in ordered]
    grid: dict[tuple[int, int], list[int]] = {}
    for index, (x, y) in enumerate(points):
        grid.setdefault((math.floor(x / cell) % columns, math.floor(y / cell)), []).append(index)
    taken = [False] * len(ordered)
    clusters: list[Cluster] = []
    for seed, (x, y) in enumerate(points):
        if taken[seed]:
            continue
        column, row = math.floor(x / cell) % columns, math.floor(y / cell)
        # A set: in a world of fewer than 3 columns the wrapped neighbours repeat.
        nearby = {(c % columns, r) for c in range(column - 1, column + 2) for r in range(row - 1, row + 2)}
        members = []
        for key in nearby:
            for other in grid.get(key, ()):
                if not taken[other] and _wrapped_distance(points[seed], points[other], size) <= radius_px:
                    taken[other] = True
                    members.append(other)
        clusters.append(_cluster([ordered[i] for i in sorted(members)]))
    clusters.sort(key=lambda c: (-c.events, c.members[0].place.id))
    return clusters


def _wrapped_distance(a: tuple[float, float], b: tuple[float, float], size: float) -> float:
    dx = abs(a[0] - b[0])
    return math.hypot(min(dx, size - dx), a[1] - b[1])


def _cluster(members: Sequence[PlaceTotal]) -> Cluster:
    """One circle for `members` (the busiest first): longitudes are taken relative to the busiest place, so a
    cluster across the antimeridian is centred on it rather than on the far side of the world."""
    seed = members[0].place
    if len(members) == 1:
        # A place alone stays exactly where it was read.
        return Cluster(seed.lat, seed.lon, tuple(members), members[0].events, members[0].current, members[0].actor_types)
    events = sum(t.events for t in members)
    east = sum(t.events * ((t.place.lon - seed.lon + 180.0) % 360.0 - 180.0) for t in members) / events
    types: Counter[str] = Counter()
    for total in members:
        types.update(dict(total.actor_types))
    return Cluster(
        lat=sum(t.events * t.place.lat for t in members) / events,
        lon=(seed.lon + east + 180.0) % 360.0 - 180.0,
        members=tuple(members),
        events=events,
        current=sum(t.current for t in members),
        actor_types=ranked(types),
    )


def _near_tile(cluster: Cluster, shown: ClusterFrame) -> bool:
    """Whether a cluster's centre lies within the frame's tile or the tiles around it (wrapping east to west)."""
    size = WORLD_PX_AT_ZOOM_0 * 2**shown.level
    width, height = VIEW_TILE_PX
    x, y = world_px(cluster.lat, cluster.lon, shown.level)
    dx = (x - (shown.column + 0.5) * width + size / 2) % size - size / 2
    return abs(dx) <= 1.5 * width and abs(y - (shown.row + 0.5) * height) <= 1.5 * height
