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
    assert any(p.country == "CD" for p in s.places if any(m.text == "eastern Congo" for m in p.mentions))
    assert not any(p.country == "CG" for p in s.places)


def test_the_republic_of_congo_named_in_full_is_still_brazzaville(read):
    s = read("The Republic of Congo closed its border crossing at Brazzaville on Monday.")
    assert any(p.country == "CG" and p.kind == "country" for p in s.places)
