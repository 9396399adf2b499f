"""Which evidence may move a place name away from the place everyone means (issue 4: geocoding errors in news)."""
from __future__ import annotations

from geodata.distance import haversine_km
from geodata.geocode import GeoContext, geocode


def _near(place, lat: float, lon: float, km: float = 50.0) -> bool:
    return haversine_km(place.lat, place.lon, lat, lon) < km


def test_london_is_the_english_capital_in_a_piece_about_us_politics(read):
    s = read("Voters in the United States went to the polls on Tuesday, and America waited for the count. "
             "The senator then flew to London.")
    london = next(p for p in s.places if p.mentions[0].text == "London")
    assert london.country == "GB" and _near(london, 51.51, -0.13)


def test_los_angeles_is_the_californian_city_in_a_story_about_spain():
    # A Spanish village shares the name; the article's focus on Spain does not make "Los Angeles" that village.
    best = geocode("Los Angeles", GeoContext(focus={"ES": 1.0, "US": 0.2}))[0]
    assert best.country == "US" and _near(best, 34.05, -118.24)


def test_paris_is_the_french_capital_in_a_story_that_names_france_and_kentucky():
    # Louisville placed 130 km from Paris, Kentucky: near enough to count, not beside it.
    context = GeoContext(focus={"FR": 1.0, "US": 1.0}, areas=frozenset({"admin1:US-kentucky"}), nearby=((38.25, -85.76),))
    best = geocode("Paris", context)[0]
    assert best.country == "FR"


def test_a_small_namesake_of_a_world_city_wins_with_its_state_after_a_comma(read):
    s = read("Farmers in London, Ky., met on Friday to talk about the harvest.")
    london = next(p for p in s.places if p.mentions[0].text == "London")
    assert london.country == "US" and _near(london, 37.13, -84.08)


def test_a_small_namesake_of_a_world_city_wins_when_its_province_is_named_and_the_city_country_is_not():
    # A Queensland story: "Kingston" is the town by Brisbane, not Jamaica's capital (nor held down by its parish).
    context = GeoContext(focus={"AU": 1.0}, areas=frozenset({"admin1:AU-queensland"}))
    best = geocode("Kingston", context)[0]
    assert best.country == "AU" and best.admin1 == "admin1:AU-queensland"


def test_a_small_namesake_of_a_world_city_wins_when_a_town_beside_it_is_named():
    # Lebanon, Pennsylvania is no world city's namesake; London, Kentucky is, and a place 20 km away points at it.
    best = geocode("London", GeoContext(focus={"US": 1.0}, nearby=((37.0, -84.2),)))[0]
    assert best.country == "US" and _near(best, 37.13, -84.08)


def test_a_bare_name_later_in_the_article_is_the_town_it_was_pinned_to(read):
    s = read("EDMONTON, Ky. - Deputies said a man was hurt on a farm road. A woman of Edmonton was charged on Friday.")
    towns = {(p.country, round(p.lat)) for p in s.places if p.name == "Edmonton"}
    assert towns == {("US", 37)}


def test_a_county_named_in_the_article_points_at_its_town(read):
    s = read("A crash on Thursday killed a driver in Laurel County, Kentucky. The man was from London, deputies said.")
    london = next(p for p in s.places if p.mentions[0].text == "London")
    assert london.country == "US" and _near(london, 37.13, -84.08)


def test_california_is_the_state_though_a_maryland_town_of_that_name_lies_80_km_from_washington():
    # Washington already placed (80 km from California, Maryland): near, but not beside the town.
    best = geocode("California", GeoContext(focus={"US": 1.0}, nearby=((38.9, -77.04),)))[0]
    assert best.kind == "admin1" and best.country == "US"


def test_quebec_beside_montreal_is_the_province_that_holds_montreal():
    # A province is as near as its edge: Montreal lies inside Quebec, though 230 km from Quebec City.
    best = geocode("Quebec", GeoContext(focus={"CA": 1.0}, nearby=((45.5, -73.57),)))[0]
    assert best.kind == "admin1" and best.country == "CA"


def test_yorkshire_and_cheshire_are_english_counties_not_american_towns():
    # GeoNames lists only their parts ("North Yorkshire", "Cheshire East"); British news names them whole.
    for name, lat, lon in (("Yorkshire", 54.0, -1.2), ("Cheshire", 53.2, -2.5), ("Sussex", 50.95, -0.3)):
        best = geocode(name, GeoContext(focus={"GB": 1.0}))[0]
        assert best.country == "GB" and best.kind == "region" and _near(best, lat, lon, 100), name


def test_kayes_beside_other_towns_of_its_region_is_still_the_town():
    # Nioro du Sahel lies in the Kayes region, 220 km from Kayes: the region is named after its main town, so a town
    # inside it does not turn "Kayes" into the region.
    best = geocode("Kayes", GeoContext(focus={"ML": 1.0}, nearby=((15.23, -9.59),)))[0]
    assert best.kind == "city" and best.country == "ML"


def test_a_county_in_a_story_that_names_its_state_is_that_state_county():
    # Without the state, the most populous Monroe County (New York's); naming Missouri settles it.
    best = geocode("Monroe County", GeoContext(focus={"US": 1.0}, areas=frozenset({"admin1:US-missouri"})))[0]
    assert best.admin1 == "admin1:US-missouri" and _near(best, 39.5, -92.0, 60)


def test_washington_listed_with_california_among_states_is_the_state(read):
    s = read("Tech jobs are moving away from western states such as California or Washington.")
    washington = next(p for p in s.places if p.mentions[0].text == "Washington")
    assert washington.kind == "admin1" and _near(washington, 47.4, -120.5, 200)


def test_a_city_and_its_state_after_a_comma_are_not_a_list_of_states(read):
    s = read("Officials met in New York, N.Y., on Friday.")
    city = next(p for p in s.places if p.mentions[0].text == "New York")
    assert city.kind == "city" and _near(city, 40.71, -74.01)
