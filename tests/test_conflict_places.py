"""Real places of conflict reporting that the gazetteer's own sources lack or name otherwise, added as data
(geodata/data/places.csv, admin1_aliases.csv, country_aliases.csv, demonyms.csv): each resolves where it is."""
from __future__ import annotations

import pytest


def literal(situation, name: str):
    return next(p for p in situation.places if any(m.text == name for m in p.mentions))


@pytest.mark.parametrize(
    ("text", "name", "country", "kind"),
    [
        ("Jihadists attacked Barsalogho in Burkina Faso on Saturday.", "Barsalogho", "BF", "city"),
        ("The White Army overran an army base in Nasir in South Sudan.", "Nasir", "SS", "city"),
        ("Gunmen ambushed police near Banjska in northern Kosovo.", "Banjska", "XK", "city"),
        ("Two attackers stormed a company in Kahramankazan near Ankara.", "Kahramankazan", "TR", "city"),
        ("Troops fought al-Shabab in the Hiran region of Somalia.", "Hiran", "SO", "admin1"),
        ("Israeli jets struck targets in the Bekaa Valley in Lebanon.", "Bekaa Valley", "LB", "region"),
        ("The army sent troops to Lanao del Sur in the Philippines.", "Lanao del Sur", "PH", "region"),
    ],
)
def test_a_conflict_place_missing_from_geonames_resolves_to_its_country(read, text, name, country, kind):
    place = literal(read(text), name)
    assert (place.country, place.kind) == (country, kind)


def test_the_kabul_airport_named_for_karzai_is_in_kabul(read):
    place = literal(read("A suicide bomber struck the gate of Hamid Karzai International Airport on Thursday."),
                    "Hamid Karzai International Airport")
    assert place.country == "AF" and abs(place.lat - 34.57) < 0.05 and abs(place.lon - 69.21) < 0.05


def test_congo_in_a_story_about_goma_is_the_dr_congo(read):
    s = read("M23 rebels entered Goma in eastern Congo on Monday, and Rwanda denied sending troops.")
    assert any(p.country == "CD" for p in s.places if any(m.text == "Congo" for m in p.mentions))
    assert not any(p.country == "CG" for p in s.places)


def test_the_republic_of_congo_named_in_full_is_still_brazzaville(read):
    s = read("The Republic of Congo closed its border crossing at Brazzaville on Monday.")
    assert any(p.country == "CG" and p.kind == "country" for p in s.places)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Drones struck the Dyagilevo air base and the Olenya airbase overnight.", "Dyagilevo air base", "RU"),
        ("Drones struck the Dyagilevo air base and the Olenya airbase overnight.", "Olenya airbase", "RU"),
        ("The Osman Digna air base in Port Sudan was hit by drones.", "Osman Digna air base", "SD"),
        ("US troops left Air Base 201 near Agadez in August.", "Air Base 201", "NE"),
        ("Rebels raised their flag over the Aleppo Citadel on Saturday.", "Aleppo Citadel", "SY"),
        ("Pakistan closed the Torkham crossing after clashes.", "Torkham crossing", "PK"),
        ("Iran fired missiles at the Ain al-Asad base in Iraq.", "Ain al-Asad base", "IQ"),
        ("US troops at al-Tanf came under drone attack.", "al-Tanf", "SY"),
    ],
)
def test_a_named_military_site_or_crossing_is_placed_at_the_site(read, text, name, country):
    place = literal(read(text), name)
    assert (place.country, place.kind, place.precision) == (country, "facility", "site")


def test_the_nuclear_sites_at_natanz_are_the_enrichment_site_not_the_town(read):
    place = literal(read("Bombers struck the nuclear sites at Natanz on Sunday."), "Natanz")
    assert place.kind == "facility" and abs(place.lat - 33.72) < 0.05 and abs(place.lon - 51.73) < 0.05


def test_the_air_base_in_a_town_named_after_its_own_name_leaves_the_town_a_town(read):
    s = read("The Osman Digna air base in Port Sudan was hit, and drones hit Port Sudan again on Sunday.")
    town = literal(s, "Port Sudan")
    assert town.kind == "city" and len(town.mentions) == 2


def test_a_towns_airport_is_its_airport_and_its_air_base_is_its_air_base(read):
    s = read("Drones hit Port Sudan's airport, and Russian jets left the Kirkuk air base.")
    airport, base = literal(s, "Port Sudan's airport"), literal(s, "Kirkuk air base")
    assert "Air Base" not in airport.name and "Air Base" in base.name


def test_kurram_district_is_read_as_the_district(read):
    place = literal(read("Tribal clashes killed dozens in the Kurram district of Pakistan."), "Kurram")
    assert (place.country, place.kind) == ("PK", "region")


def test_maungdaw_and_kyaukphyu_are_towns_of_rakhine(read):
    s = read("The Arakan Army took Maungdaw and advanced on Kyaukphyu in Myanmar.")
    for name in ("Maungdaw", "Kyaukphyu"):
        place = literal(s, name)
        assert (place.country, place.kind) == ("MM", "city"), name


def test_a_district_named_with_its_head_word_is_the_district(read):
    place = literal(read("Houthi fighters shelled the Abs district of Hajjah on Monday."), "Abs")
    assert (place.country, place.kind) == ("YE", "region")


def test_a_direction_word_before_the_locating_area_keeps_it_a_locator(read):
    s = read("M23 rebels said on Monday that they had taken Goma, the largest city in eastern Congo.")
    names = {p.id: p.name for p in s.places}
    assert [(e.action, names.get(e.place)) for e in s.events] == [("seize", "Goma")]
