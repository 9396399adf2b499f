"""Islands, mountain ranges, deserts, peninsulas and waters news names (geodata/data/natural_features.csv): each is
an area with its extent, found by the spellings news uses, without making words, people or namesake towns into it."""
from __future__ import annotations

import csv

from geodata.distance import haversine_km
from geodata.gazetteer import load
from geodata.geocode import GeoContext, geocode
from geodata.sources import DATA_DIR


def _rows() -> list[dict[str, str]]:
    with (DATA_DIR / "natural_features.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _places(situation) -> dict[str, object]:
    return {p.name: p for p in situation.places}


def test_every_natural_feature_is_an_area_with_an_extent_and_a_source():
    for row in _rows():
        assert row["kind"] in ("region", "water"), row["id"]
        assert float(row["radius_km"]) > 0 and row["source"], row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]


def test_no_natural_feature_repeats_a_country_a_province_or_another_area_of_its_name():
    # An entry the gazetteer already had stays the one entry for its name; only a namesake elsewhere may share it
    # (Long Island, New York, and the Bahamas' Long Island district).
    gaz = load()
    for row in _rows():
        own = f"{row['kind']}:{row['id']}"
        for name in (row["name"], *filter(None, row["aliases"].split("|"))):
            others = [m.candidate for m in gaz.lookup(name) if m.candidate.id != own
                      and m.candidate.kind in ("country", "admin1", "region", "water")]
            assert all(c.country and c.country != row["country"] for c in others), (row["id"], name, others)


def test_oahu_is_an_island_in_hawaii_drawn_as_an_area(read):
    oahu = _places(read("US sailors were moved to Oahu after the storm."))["Oahu"]
    assert oahu.kind == "region" and oahu.country == "US" and oahu.is_area and oahu.radius_km > 0
    assert haversine_km(oahu.lat, oahu.lon, 21.47, -157.98) < 30


def test_lesbos_and_lesvos_are_one_island():
    assert {geocode(name)[0].id for name in ("Lesbos", "Lesvos", "Lesbos island")} == {"region:lesbos"}


def test_snake_island_in_the_black_sea_resolves_to_the_ukrainian_island(read):
    places = _places(read("Russian warships shelled Snake Island in the Black Sea."))
    island = places["Snake Island"]
    assert island.country == "UA" and haversine_km(island.lat, island.lon, 45.26, 30.20) < 5
    assert geocode("Zmiinyi")[0].id == island.id


def test_java_the_island_is_found_but_java_the_language_is_not(read):
    assert "Java" in _places(read("The earthquake struck off Java on Monday."))
    assert "Java" not in _places(read("The app is written in Java and runs on Linux."))
    assert "Java" not in _places(read("Java programmers were hired in Jakarta."))
    assert "United Kingdom" in _places(read("One buyer is the British developer Lordship."))  # a builder, not code


def test_pemba_is_the_mozambican_city_and_pemba_island_the_tanzanian_island(read):
    city = _places(read("Insurgents attacked Pemba in Cabo Delgado."))["Pemba"]
    assert city.country == "MZ" and city.kind == "city"
    for text in ("Tourists flew to Pemba island on Sunday.", "Tourists flew to the island of Pemba on Sunday."):
        island = next(p for p in read(text).places if p.id == "region:pemba-island")
        assert island.country == "TZ" and island.is_area


def test_the_bare_word_mafia_is_never_mafia_island():
    assert all(m.candidate.id != "region:mafia-island" for m in load().lookup("Mafia"))
    assert geocode("Mafia Island")[0].country == "TZ"


def test_the_sinjar_mountains_are_the_range_and_sinjar_the_town(read):
    assert [(p.kind, p.country) for p in read("The militants took Sinjar in 2014.").places] == [("city", "IQ")]
    for text in ("Yazidis fled to the Sinjar mountains.", "Yazidis fled to Mount Sinjar."):
        assert [p.id for p in read(text).places] == ["region:sinjar-mountains"]


def test_al_masirah_television_is_not_masirah_island(read):
    assert not any(p.id == "region:masirah" for p in read("Al-Masirah TV said the strikes hit Sanaa.").places)
    assert geocode("Masirah Island")[0].country == "OM"


def test_people_named_elba_rhodes_or_kamaran_are_not_islands(read):
    for text in ("Idris Elba said he was delighted.", "Kamaran Ahmed said the talks would resume."):
        assert not any(p.kind == "region" for p in read(text).places), text
    assert geocode("Elba island")[0].country == "IT" and geocode("Rhodes island")[0].country == "GR"


def test_the_amazon_warehouse_and_the_swat_team_are_not_natural_features(read):
    assert not any(p.kind == "region" for p in read("The Amazon warehouse in Seattle closed.").places)
    assert not read("SWAT officers arrived at the scene.").places
    assert geocode("Amazon rainforest")[0].id == "region:amazon-rainforest"
    assert geocode("Swat valley")[0].country == "PK"


def test_contested_south_china_sea_features_belong_to_no_single_country():
    for name in ("Spratly Islands", "Paracel Islands", "Scarborough Shoal", "Second Thomas Shoal", "Ayungin Shoal"):
        best = geocode(name)[0]
        assert best.kind == "region" and best.country == "", name


def test_red_sea_islands_of_yemen_are_placed_in_the_strait():
    for name in ("Perim", "Mayyun", "Kamaran", "Hanish Islands", "Zuqar"):
        best = geocode(name)[0]
        assert best.country == "YE" and 12.5 < best.lat < 15.5 and 42 < best.lon < 43.5, name


def test_a_town_named_like_an_island_wins_in_its_own_country():
    assert geocode("Samar")[0].country == "UA"  # the island is indexed only as "Samar Island"
    assert geocode("Tiran", GeoContext(focus={"IR": 1.0}))[0].country == "IR"
    assert geocode("Tiran")[0].id == "region:tiran"


def test_mountain_ranges_and_deserts_span_their_countries():
    assert geocode("Hindu Kush")[0].radius_km >= 200
    assert geocode("Qandil")[0].country == "IQ"
    assert geocode("Rub' al Khali")[0].id == geocode("Empty Quarter")[0].id
    assert geocode("Badia")[0].id == "region:syrian-desert"
