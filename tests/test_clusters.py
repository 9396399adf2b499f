"""Clusters of place totals per zoom level (layers/clusters.py): pure geometry, no figure."""
from __future__ import annotations

import random

import pytest

from layers.aggregate import PlaceTotal
from layers.clusters import (
    CLUSTER_RADIUS_PX,
    MAX_CLUSTER_LEVEL,
    VIEW_TILE_PX,
    WORLD_PX_AT_ZOOM_0,
    cluster_totals,
    clusters_in_frame,
    frame,
    world_px,
)
from reading.model import Place


def total(place_id: str, lat: float, lon: float, events: int, actor_type: str = "political-militia") -> PlaceTotal:
    place = Place(place_id, place_id, "city", "IQ", lat, lon, "site", 0.9, "literal", ())
    return PlaceTotal(place, events, events - 1, ((actor_type, events),), (("attack", events),), (("x", events),), None)


def scattered(count: int = 300, seed: int = 3) -> list[PlaceTotal]:
    """Places over Iraq and its neighbours, a few busy and most quiet."""
    rng = random.Random(seed)
    return [
        total(f"p{i}", rng.uniform(29.0, 38.0), rng.uniform(38.0, 50.0), rng.randint(1, 40) * (20 if i < 5 else 1),
              rng.choice(("political-militia", "state-forces", "external-forces")))
        for i in range(count)
    ]


@pytest.mark.parametrize("level", [0, 2, 4, 6, 8, 12])
def test_every_event_and_every_place_is_in_exactly_one_cluster(level):
    totals = scattered()
    clusters = cluster_totals(totals, level)
    assert sum(c.events for c in clusters) == sum(t.events for t in totals)
    assert sum(c.current for c in clusters) == sum(t.current for t in totals)
    members = [t.place.id for c in clusters for t in c.members]
    assert sorted(members) == sorted(t.place.id for t in totals)


def test_fewer_clusters_at_lower_zoom():
    totals = scattered()
    counts = [len(cluster_totals(totals, level)) for level in (1, 4, 6, 8, 11)]
    assert counts == sorted(counts) and counts[0] < counts[1] < counts[-1]
    assert counts[0] == 1  # at world zoom the whole region is one circle
    assert counts[-1] == len(totals)  # close up, every place on its own


def test_a_lone_place_stays_itself():
    far = total("far", -33.9, 18.4, 7)  # Cape Town, far from the rest
    clusters = cluster_totals([*scattered(), far], 2)
    (alone,) = [c for c in clusters if far in c.members]
    assert alone.is_single and (alone.lat, alone.lon) == (far.place.lat, far.place.lon) and alone.events == 7


def test_a_cluster_centre_lies_within_its_members_bounds_weighted_towards_the_busier():
    busy, quiet = total("busy", 33.3, 44.4, 900), total("quiet", 33.9, 45.0, 100)
    (cluster,) = cluster_totals([quiet, busy], 4)
    assert cluster.members == (busy, quiet)  # the busiest first
    assert 33.3 < cluster.lat < 33.9 and 44.4 < cluster.lon < 45.0
    assert cluster.lat == pytest.approx(33.3 * 0.9 + 33.9 * 0.1) and cluster.lon == pytest.approx(44.4 * 0.9 + 45.0 * 0.1)
    for level in (1, 3, 5, 7):
        for c in cluster_totals(scattered(), level):
            lats, lons = [t.place.lat for t in c.members], [t.place.lon for t in c.members]
            assert min(lats) - 1e-9 <= c.lat <= max(lats) + 1e-9 and min(lons) - 1e-9 <= c.lon <= max(lons) + 1e-9


def test_dominant_actor_type_and_breakdown_sum_over_members():
    clusters = cluster_totals([total("a", 33.0, 44.0, 5, "state-forces"), total("b", 33.1, 44.1, 3, "political-militia"),
                               total("c", 33.2, 44.0, 4, "state-forces")], 3)
    (cluster,) = clusters
    assert cluster.actor_types == (("state-forces", 9), ("political-militia", 3))
    assert cluster.main_actor_type == "state-forces"


def test_places_either_side_of_the_antimeridian_cluster_on_it_not_across_the_world():
    fiji, samoa = total("fiji", -17.0, 179.8, 60), total("east", -17.0, -179.8, 40)
    (cluster,) = cluster_totals([fiji, samoa], 3)
    assert abs(cluster.lon) > 179.0  # 180 - 0.4 * 0.4: on the date line, not at longitude 0
    assert cluster.lon == pytest.approx(179.96) and cluster.lat == pytest.approx(-17.0)
    assert len(cluster_totals([fiji, samoa], 12)) == 2  # close up they split again


def test_places_closer_than_the_radius_share_a_cluster_and_farther_ones_do_not():
    level = 6
    x, y = world_px(33.0, 44.0, level)
    degrees_per_px = 360 / (WORLD_PX_AT_ZOOM_0 * 2**level)
    near = total("near", 33.0, 44.0 + degrees_per_px * CLUSTER_RADIUS_PX * 0.9, 1)
    far = total("far", 33.0, 44.0 + degrees_per_px * CLUSTER_RADIUS_PX * 1.1, 1)
    seed = total("seed", 33.0, 44.0, 5)
    assert [len(c.members) for c in cluster_totals([seed, near], level)] == [2]
    assert [len(c.members) for c in cluster_totals([seed, far], level)] == [1, 1]
    assert world_px(33.0, 44.0 + degrees_per_px * 10, level)[0] == pytest.approx(x + 10)
    assert world_px(33.0, 44.0, level)[1] == pytest.approx(y)


def test_the_frame_changes_at_whole_zoom_levels_and_far_pans_only():
    assert frame(33.0, 44.0, 4.1) == frame(33.0, 44.0, 4.9) == frame(33.05, 44.05, 4.5)
    assert frame(33.0, 44.0, 4.9) != frame(33.0, 44.0, 5.0)
    tile_degrees = VIEW_TILE_PX[0] / (WORLD_PX_AT_ZOOM_0 * 2**8) * 360
    assert frame(33.0, 44.0, 8.0) != frame(33.0, 44.0 + 1.5 * tile_degrees, 8.0)


def test_close_up_only_clusters_around_the_camera_are_sent_and_at_world_zoom_all():
    totals = scattered()
    everything = clusters_in_frame(totals, frame(33.5, 44.0, 1.0))
    assert sum(c.events for c in everything) == sum(t.events for t in totals)
    close = clusters_in_frame(totals, frame(33.3, 44.4, 9.0))
    assert 0 < len(close) < len(cluster_totals(totals, 9))
    # The camera's tile and those around it: at most two tiles from the centre.
    degrees_per_px = 360 / (WORLD_PX_AT_ZOOM_0 * 2**9)
    width, height = (2 * side * degrees_per_px for side in VIEW_TILE_PX)
    assert all(abs(c.lat - 33.3) <= height and abs(c.lon - 44.4) <= width for c in close)


def test_past_the_last_cluster_level_places_at_one_point_stay_apart():
    twins = [total("a", 33.0, 44.0, 5), total("b", 33.0, 44.0, 3)]
    assert len(cluster_totals(twins, MAX_CLUSTER_LEVEL)) == 1
    assert len(clusters_in_frame(twins, frame(33.0, 44.0, MAX_CLUSTER_LEVEL + 1))) == 2
    assert [c.events for c in clusters_in_frame(twins, None)] == [5, 3]  # no camera: every place on its own
