"""Behaviour of geodata.boundaries: country polygons, their codes and names, directional regions, browser GeoJSON."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import numpy as np
import pytest
import shapely
from shapely.geometry import shape

from geodata import boundaries
from geodata.boundaries import (
    DIRECTIONS,
    browser_geojson,
    build_world,
    countries,
    country_at,
    country_point,
    directional_region,
)
from geodata.distance import haversine_km

BAGHDAD = (33.3152, 44.3661)
IDLIB_ALEPPO = (36.05, 36.9)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(haversine_km(a[0], a[1], b[0], b[1]))


def by_iso2(iso2: str):
    world = countries()
    return world[world["iso2"] == iso2].iloc[0]


# --- the country table -------------------------------------------------------------------------------------------


def test_every_country_has_one_row_and_a_well_formed_iso2_code():
    world = countries()
    codes = world["iso2"].dropna()
    assert len(world) >= 240
    assert codes.is_unique
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert list(world.columns) == [
        "iso2", "adm0_a3", "name", "name_long", "aliases", "label_lat", "label_lon", "geometry",
    ]


@pytest.mark.parametrize("iso2, name", [("FR", "France"), ("NO", "Norway"), ("XK", "Kosovo")])
def test_france_norway_and_kosovo_have_iso2_despite_natural_earth_minus_99(iso2, name):
    assert by_iso2(iso2)["name"] == name


def test_areas_without_an_iso_code_have_iso2_none_not_nan():
    uncoded = countries()[countries()["iso2"].isna()]
    assert set(uncoded["name"]) == {"Bir Tawil", "Spratly Islands", "Scarborough Reef"}
    assert all(code is None for code in uncoded["iso2"])


def test_every_geometry_is_a_valid_polygon_including_egypts_broken_one():
    geoms = countries().geometry
    assert geoms.is_valid.all()
    assert set(geoms.geom_type) <= {"Polygon", "MultiPolygon"}
    assert by_iso2("EG").geometry.area > 80  # Egypt is about 1 million km², ~90 square degrees


def test_names_are_spelled_out_not_natural_earths_abbreviated_map_labels():
    assert by_iso2("SS")["name"] == "South Sudan"
    assert by_iso2("CF")["name"] == "Central African Republic"
    assert by_iso2("KR")["name"] == "South Korea"
    assert by_iso2("KP")["name"] == "North Korea"
    assert by_iso2("SY")["name_long"] == "Syrian Arab Republic"


def test_aliases_carry_the_other_english_names_and_initialisms():
    assert {"Czech Republic", "Česko"} <= set(by_iso2("CZ")["aliases"])
    assert "UAE" in by_iso2("AE")["aliases"]
    assert "DRC" in by_iso2("CD")["aliases"]
    assert "Ivory Coast" in by_iso2("CI")["aliases"]
    assert "East Timor" in by_iso2("TL")["aliases"]


def test_aliases_leave_out_the_name_itself_truncations_and_two_letter_codes():
    for row in countries().itertuples():
        assert row.name not in row.aliases
        assert all(alias.strip() == alias and alias for alias in row.aliases)
    assert not {"Fr", "Fr."} & set(by_iso2("FR")["aliases"])  # NE's ABBREV "Fr." is not a name
    assert "SK" not in by_iso2("KR")["aliases"]  # "S.K." would read as Slovakia's code


def test_names_are_read_as_utf8_not_mojibake():
    texts = [text for row in countries().itertuples() for text in (row.name, row.name_long, *row.aliases)]
    assert not [text for text in texts if "Ã" in text or "Â" in text]
    assert by_iso2("BL")["name"] == "St-Barthélemy"


def test_spratly_islands_do_not_carry_natural_earths_wrong_name_wake_island():
    spratly = countries()[countries()["adm0_a3"] == "PGA"].iloc[0]
    assert "Wake Island" not in spratly["aliases"]


def test_outlying_parts_sharing_a_code_join_their_country():
    assert country_at(10.2974, -109.2207) == "FR"  # Clipperton Island
    assert country_at(-10.45, 105.69) == "AU"  # Christmas Island, in NE's "Indian Ocean Territories"
    assert by_iso2("FR")["label_lon"] == pytest.approx(2.55, abs=0.5)  # the label stays in mainland France


def test_guantanamo_and_the_cyprus_bases_follow_geonames_countries():
    assert country_at(19.9347, -75.2037) == "CU"  # inside NE's "Guantanamo Bay USNB"
    assert country_at(34.6369, 32.9361) == "GB"  # Akrotiri
    assert country_at(35.0262, 33.7597) == "GB"  # Dhekelia


def test_countries_returns_a_copy_callers_may_change():
    world = countries()
    world.loc[world["iso2"] == "IQ", "name"] = "changed"
    assert by_iso2("IQ")["name"] == "Iraq"


def test_cached_countries_match_a_fresh_read_of_natural_earth():
    # Guards against changing the build rules without bumping BOUNDARIES_FORMAT (a stale cache would hide the change).
    fresh, cached = build_world(), countries()
    assert fresh.drop(columns="geometry").equals(cached.drop(columns="geometry"))
    assert shapely.equals_exact(fresh.geometry.values, cached.geometry.values, tolerance=0).all()


def test_countries_load_from_the_cache_in_under_three_tenths_of_a_second():
    countries()  # make sure the cache file exists
    timings = []
    for _ in range(3):
        boundaries._world.cache_clear()
        start = time.perf_counter()
        countries()
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.3  # measured: 0.02 s from the cache; 0.4-0.6 s building from the zip


def test_a_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setattr(boundaries, "CACHE_DIR", tmp_path)
    path = boundaries._cache_path("world")
    path.write_bytes(b"not a pickle")
    boundaries._world.cache_clear()
    try:
        assert by_iso2("IQ")["name"] == "Iraq"
        assert path.stat().st_size > 1_000_000  # rewritten with the real table
    finally:
        boundaries._world.cache_clear()


def test_geodata_boundaries_imports_neither_streamlit_nor_plotly():
    code = "import sys, geodata.boundaries; print(sorted(m for m in ('streamlit', 'plotly') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- points ------------------------------------------------------------------------------------------------------


def test_country_at_baghdad_is_iraq():
    assert country_at(*BAGHDAD) == "IQ"


@pytest.mark.parametrize(
    "lat, lon, iso2",
    [(48.8566, 2.3522, "FR"), (59.91, 10.75, "NO"), (42.66, 21.16, "XK"), (25.03, 121.56, "TW"), (31.5, 34.47, "PS")],
)
def test_country_at_finds_capitals_and_disputed_places(lat, lon, iso2):
    assert country_at(lat, lon) == iso2


def test_country_at_open_sea_is_none():
    assert country_at(0.0, 0.0) is None
    assert country_at(35.0, -40.0) is None  # mid-Atlantic


def test_country_at_wraps_longitudes_past_the_antimeridian():
    assert country_at(65.0, 185.0) == country_at(65.0, -175.0) == "RU"  # Chukotka


def test_crimea_is_ukraine_in_this_german_point_of_view_edition():
    # The package ships NE's "deu" point-of-view file; NE's default edition draws some borders differently.
    assert country_at(44.9572, 34.1108) == "UA"  # Simferopol


def test_golan_heights_and_abyei_lie_in_no_country_in_this_edition():
    # NE leaves these disputed areas out of every polygon, although GeoNames files them under SY and SD.
    assert country_at(33.0, 35.75) is None
    assert country_at(9.6, 28.43) is None


def test_country_point_lies_inside_its_country_for_every_country():
    codes = [c for c in countries()["iso2"] if c]
    outside = [c for c in codes if country_at(*country_point(c)) != c]
    assert outside == []


def test_country_point_of_iran_is_near_the_middle_of_iran():
    # GeoNames puts Iran at (32, 53); NE's label point (32.2, 54.9) is 180 km east of it.
    lat, lon = country_point("IR")
    assert 31.0 < lat < 34.0 and 52.0 < lon < 55.0


def test_country_point_accepts_lower_case_and_unknown_codes_give_none():
    assert country_point("iq") == country_point("IQ")
    assert country_point("ZZ") is None


def test_label_points_lie_in_their_country_except_a_few_natural_earth_puts_offshore():
    offshore = {
        row.iso2 for row in countries().itertuples()
        if row.iso2 is not None and country_at(row.label_lat, row.label_lon) != row.iso2
    }
    # Map labels placed between islands (New Zealand between North and South Island), not errors to fix here.
    assert offshore == {"AG", "GQ", "NZ", "GS", "ST", "TT", "VC"}


# --- directional regions -----------------------------------------------------------------------------------------


def test_northern_iraq_lies_in_the_north_of_iraq():
    lat, lon, radius = directional_region("IQ", "north")
    assert km((lat, lon), (36.0, 43.5)) < 161
    assert country_at(lat, lon) == "IQ"
    assert 100 < radius < 400


def test_southern_iraq_lies_towards_basra():
    lat, lon, _ = directional_region("IQ", "south")
    assert lat < 31.8  # the southern third of Iraq's 29.1-37.4°N span
    assert km((lat, lon), (31.0, 46.0)) < 150


def test_eastern_ukraine_lies_east_of_35e():
    lat, lon, _ = directional_region("UA", "east")
    assert lon > 35.0
    assert country_at(lat, lon) == "UA"


def test_north_west_syria_is_around_idlib_and_aleppo():
    lat, lon, _ = directional_region("SY", "north-west")
    assert km((lat, lon), IDLIB_ALEPPO) < 100


def test_north_east_syria_is_towards_hasakah():
    lat, lon, _ = directional_region("SY", "north-east")
    assert lat > 35.5 and lon > 39.5


def test_islands_do_not_drag_northern_norway_towards_svalbard():
    lat, lon, _ = directional_region("NO", "north")
    assert 68.0 < lat < 72.0  # Svalbard lies near 78°N
    assert country_at(lat, lon) == "NO"


@pytest.mark.parametrize("iso2", ["IQ", "SY", "UA", "NO", "CL", "US", "HR", "ID"])
def test_every_direction_gives_a_point_inside_the_country(iso2):
    for direction in DIRECTIONS:
        lat, lon, radius = directional_region(iso2, direction)
        assert country_at(lat, lon) == iso2, direction
        assert radius > 0


def test_a_part_is_smaller_than_its_country():
    _, _, north = directional_region("IQ", "north")
    whole = max(km(country_point("IQ"), (lat, lon)) for lon, lat in shapely.get_coordinates(by_iso2("IQ").geometry))
    assert north < whole


def test_directions_accept_adjectives_and_other_spellings():
    assert directional_region("iq", "Northern") == directional_region("IQ", "north")
    assert directional_region("SY", "northwestern") == directional_region("SY", "north-west")
    assert directional_region("SY", "north west") == directional_region("SY", "north-west")
    assert directional_region("SY", "centre") == directional_region("SY", "central")


def test_an_unknown_direction_is_a_clear_error():
    with pytest.raises(ValueError, match="north-west"):
        directional_region("IQ", "upper")


def test_directional_region_of_an_unknown_country_is_none():
    assert directional_region("ZZ", "north") is None


# --- browser GeoJSON ---------------------------------------------------------------------------------------------


def test_world_geojson_is_small_enough_for_a_browser():
    # Measured: 2.03 MB of compact JSON at the default tolerance 0.02° (about 120,000 points; the 10m source
    # has 547,000 and makes 24 MB).
    text = json.dumps(browser_geojson(), separators=(",", ":"))
    assert len(text.encode()) < 2.5e6


def test_world_geojson_has_every_country_once_with_its_code_and_name():
    features = browser_geojson()["features"]
    assert len(features) == len(countries())
    coded = [f for f in features if f["properties"]["iso2"] is not None]
    assert len({f["id"] for f in coded}) == len(coded)
    assert all(f["id"] == f["properties"]["iso2"] and f["properties"]["name"] for f in coded)
    assert all("id" not in f for f in features if f["properties"]["iso2"] is None)  # GeoJSON ids are never null


def test_world_geojson_is_valid_json_with_three_decimal_coordinates():
    text = json.dumps(browser_geojson(), allow_nan=False)
    assert not re.search(r"\d\.\d{4,}", text)


def test_simplified_shapes_stay_valid_and_close_to_the_originals():
    iraq = browser_geojson(["IQ"])["features"][0]
    simplified = shape(iraq["geometry"])
    original = by_iso2("IQ").geometry
    assert simplified.is_valid
    assert simplified.symmetric_difference(original).area / original.area < 0.01
    assert shapely.get_num_coordinates(simplified) < shapely.get_num_coordinates(original) / 3


def test_geojson_for_some_countries_has_only_those_and_skips_codes_ne_does_not_draw():
    features = browser_geojson(["iq", "SY", "RE"])["features"]  # Réunion is part of France in NE
    assert sorted(f["id"] for f in features) == ["IQ", "SY"]


def test_changing_a_returned_geojson_does_not_change_the_next_one():
    first = browser_geojson(["IQ"])
    first["features"][0]["geometry"]["coordinates"] = []
    assert browser_geojson(["IQ"])["features"][0]["geometry"]["coordinates"]


def test_coarser_tolerance_gives_fewer_points():
    fine = json.dumps(browser_geojson(["NO"], tolerance=0.01))
    coarse = json.dumps(browser_geojson(["NO"], tolerance=0.1))
    assert len(coarse) < len(fine) / 2


def test_every_simplified_shape_has_some_area():
    empty = [f["properties"]["name"] for f in browser_geojson()["features"] if shape(f["geometry"]).is_empty]
    assert empty == []


def test_towns_crowded_in_the_south_are_placed_in_the_middle_of_the_land_they_claim():
    # Eastern towns near the US border, western ones near the Pacific: each group claims Canada's land up to the
    # Arctic, so its middle lies far north of every one of its towns.
    towns = [(45.0, -75.0, "east"), (45.5, -73.6, "east"), (46.8, -71.2, "east"),
             (49.3, -123.1, "west"), (49.9, -119.5, "west"), (50.7, -120.3, "west")]
    middles = boundaries.town_area_middles("CA", towns)
    assert middles["east"][0] > 52 and middles["west"][0] > 52
    assert middles["east"][1] > middles["west"][1]


def test_town_area_middles_leave_out_countries_they_cannot_draw():
    assert boundaries.town_area_middles("XX", [(1.0, 1.0, "a"), (2.0, 2.0, "b"), (3.0, 1.0, "c")]) == {}
