"""Place phrases of conflict news that need more than a run of capitalised words: parts of seas, numbered and
described sites, "X and Y province", and the roles of places that qualify a noun or stand in a list."""
from __future__ import annotations

from geodata.distance import haversine_km


def place_of(situation, written: str):
    return next(p for p in situation.places if any(m.text == written for m in p.mentions))


def role_of(situation, written: str) -> str:
    return next(m.role for p in situation.places for m in p.mentions if m.text == written)


def part_named(situation, text: str, phrase: str):
    """The place of a directional phrase ("eastern Mediterranean"): its mention is the name after the direction word."""
    start = text.index(phrase) + phrase.index(" ") + 1
    return next(p for p in situation.places if any(m.start == start for m in p.mentions))


def test_eastern_mediterranean_is_not_the_whole_sea(read):
    text = "Drones were fired at warships in the eastern Mediterranean on Monday."
    part = part_named(read(text), text, "eastern Mediterranean")
    whole = place_of(read("Warships sailed across the Mediterranean."), "Mediterranean")
    assert part.id != whole.id and part.lon > whole.lon + 5 and part.radius_km < whole.radius_km


def test_western_mediterranean_lies_west_of_the_eastern(read):
    text = "Patrols covered the western Mediterranean and the eastern Mediterranean this week."
    s = read(text)
    assert part_named(s, text, "western Mediterranean").lon < part_named(s, text, "eastern Mediterranean").lon


def test_a_direction_word_picks_the_part_but_the_mention_is_the_name(read):
    text = "Turkey shelled a town in northeastern Syria."
    s = read(text)
    part = part_named(s, text, "northeastern Syria")
    assert [m.text for m in part.mentions] == ["Syria"] and part.kind == "region" and part.country == "SY"


def test_a_known_temple_named_with_a_lower_case_head_is_the_temple_not_the_province(read):
    s = read("Soldiers exchanged fire near the Preah Vihear temple on Thursday.")
    temple = place_of(s, "Preah Vihear temple")
    assert temple.kind == "facility" and temple.precision == "site"


def test_a_numbered_outpost_is_read_with_its_number(read):
    s = read("A drone struck Tower 22, an outpost in Jordan, killing three soldiers.")
    assert place_of(s, "Tower 22").kind == "facility"
    assert not any(m.text == "Tower" for p in s.places for m in p.mentions)


def test_a_numbered_site_the_gazetteer_lacks_is_not_a_town_of_that_word(read):
    s = read("Gunmen attacked Tower 9 on Monday night.")
    assert not any(m.text.startswith("Tower") for p in s.places for m in p.mentions)


def test_a_province_named_x_and_y_is_one_place(read):
    s = read("Gunmen killed four policemen in Sistan and Baluchestan province on Friday.")
    province = place_of(s, "Sistan and Baluchestan")
    assert province.kind == "admin1" and province.country == "IR"


def test_a_country_named_x_and_y_is_one_place(read):
    s = read("Peacekeepers stayed in Bosnia and Herzegovina after the war.")
    assert place_of(s, "Bosnia and Herzegovina").kind == "country"


def test_two_towns_joined_by_and_stay_two_places(read):
    s = read("Shelling hit Kherson and Mykolaiv overnight.")
    assert {"Kherson", "Mykolaiv"} <= {m.text for p in s.places for m in p.mentions}


def test_a_known_camp_named_with_a_describing_word_is_the_camp_not_the_town(read):
    s = read("The RSF shelled the Zamzam displacement camp near El Fasher, killing dozens.")
    camp = place_of(s, "Zamzam displacement camp")
    town = place_of(s, "El Fasher")
    assert camp.kind == "facility" and camp.precision == "site"
    assert float(haversine_km(camp.lat, camp.lon, town.lat, town.lon)) > 5


def test_an_unknown_camp_near_a_town_is_only_near_the_town(read):
    s = read("Militiamen looted the Kalma displacement camp near Nyala on Sunday.")
    assert place_of(s, "Kalma displacement camp").precision == "near"


def test_stepanakert_and_nagorno_karabakh_are_places_in_azerbaijan(read):
    s = read("Azerbaijani troops entered Stepanakert, the main town of Nagorno-Karabakh, on Thursday.")
    assert place_of(s, "Stepanakert").country == "AZ"
    assert place_of(s, "Nagorno-Karabakh").kind == "region"


def test_the_russian_city_of_kazan_is_in_russia_in_a_story_about_turkey(read):
    s = read("Gunmen attacked a factory in Ankara. Turkey's president, at a summit in the Russian city of Kazan, "
             "condemned the attack.")
    assert place_of(s, "Kazan").country == "RU"


def test_canada_beside_mexico_city_is_the_country_not_a_mexican_village(read):
    s = read("The president flew to Mexico City for talks with the leaders of Mexico and Canada, officials said.")
    assert place_of(s, "Canada").kind == "country"


def test_a_building_named_after_its_town_is_a_site_near_that_town(read):
    s = read("The wounded were taken to Mosul General Hospital on Sunday.")
    hospital = place_of(s, "Mosul General Hospital")
    town = place_of(read("Fighting went on in Mosul."), "Mosul")
    assert hospital.role == "literal" and hospital.precision == "near" and (hospital.lat, hospital.lon) == (town.lat, town.lon)


def test_a_street_is_placed_by_the_city_that_owns_it_not_by_a_town_in_its_name(read):
    s = read("Protesters marched down Baghdad's Rashid Street on Friday.")
    assert place_of(s, "Rashid Street").precision == "near"
    assert "Jaffa Road" not in {m.text for p in read("A bomb went off on Jaffa Road on Monday.").places for m in p.mentions}


def test_a_countrys_outpost_is_the_country_as_owner_not_a_named_site(read):
    s = read("A drone hit a US outpost in Jordan near the border.")
    assert role_of(s, "US") == "modifier"


def test_a_place_before_a_clause_word_is_where_not_a_modifier(read):
    s = read("The family fled Iraq after the war began.")
    assert role_of(s, "Iraq") == "literal"


def test_an_adjective_before_a_capital_or_border_says_where(read):
    s = read("Militants advanced towards the Syrian capital and shelled the Iraqi border.")
    assert role_of(s, "Syrian") == role_of(s, "Iraqi") == "literal"


def test_an_adjective_before_forces_still_says_whose(read):
    s = read("Syrian forces shelled the town.")
    assert role_of(s, "Syrian") == "modifier"


def test_countries_listed_after_such_as_are_places(read):
    s = read("Fighters returned from countries such as Iraq, Libya and Syria.")
    assert role_of(s, "Iraq") == role_of(s, "Libya") == role_of(s, "Syria") == "literal"


def test_a_country_after_border_with_is_a_place(read):
    s = read("Troops were sent to the border with Lebanon.")
    assert role_of(s, "Lebanon") == "literal"


def test_a_people_word_before_city_says_where(read):
    s = read("The attack happened in a British city last March.")
    assert role_of(s, "British") == "literal"


def test_both_countries_of_a_hyphenated_border_say_where(read):
    s = read("Shells fell on towns along the Syrian-Turkish border on Tuesday.")
    assert role_of(s, "Syrian") == role_of(s, "Turkish") == "literal"


def test_a_hyphenated_pair_before_a_deal_is_still_a_modifier(read):
    s = read("Officials praised the Syrian-Turkish deal on Monday.")
    assert role_of(s, "Syrian") == role_of(s, "Turkish") == "modifier"


def test_countries_after_like_or_including_a_land_noun_are_places(read):
    s = read("Recruits came from war zones including Iraq, and from countries like Yemen.")
    assert role_of(s, "Iraq") == role_of(s, "Yemen") == "literal"


def test_the_country_invaded_or_besieged_is_ground(read):
    s = read("Veterans of the invasion of Iraq spoke at the event.")
    assert role_of(s, "Iraq") == "literal"


def test_the_country_left_for_is_a_destination(read):
    s = read("The fighters were leaving for Libya when they were caught.")
    assert role_of(s, "Libya") == "literal"


def test_a_country_listed_after_and_the_shares_the_literal_role(read):
    s = read("The band is touring Canada and the US this spring.")
    assert role_of(s, "US") == "literal"


def test_a_hospital_named_with_no_town_beside_it_is_near_the_town_the_article_is_about(read):
    s = read("Shelling hit Khan Younis on Monday. The wounded were taken to Nasser Hospital, medics said.")
    hospital = place_of(s, "Nasser Hospital")
    town = place_of(s, "Khan Younis")
    assert hospital.precision == "near" and (hospital.lat, hospital.lon) == (town.lat, town.lon)


def test_a_street_named_with_no_preposition_before_it_is_not_placed(read):
    s = read("Shelling hit Khan Younis on Monday. Omar Mukhtar Street reopened on Tuesday.")
    assert not any("Street" in m.text for p in s.places for m in p.mentions)


def test_a_hospital_named_in_an_article_with_no_town_is_not_placed(read):
    s = read("The wounded were taken to Nasser Hospital, medics said.")
    assert not any("Nasser" in m.text for p in s.places for m in p.mentions)


def test_washington_dc_with_its_comma_is_one_place(read):
    s = read("Protesters gathered in Washington, D.C., on Saturday.")
    assert place_of(s, "Washington, D.C.").country == "US"


def test_a_town_comma_country_stays_two_places(read):
    s = read("Rockets hit Irbil, Iraq, on Tuesday.")
    assert {"Irbil", "Iraq"} <= {m.text for p in s.places for m in p.mentions}


def test_the_opening_a_sentence_is_not_part_of_a_regions_name(read):
    s = read("The Korean Peninsula remained tense on Friday.")
    assert "Korean Peninsula" in {m.text for p in s.places for m in p.mentions}


def test_a_dateline_in_capitals_run_into_the_first_words_is_still_a_place(read):
    s = read("BAGHDAD Officials said on Monday that the road had reopened.")
    assert role_of(s, "BAGHDAD") == "literal"


def test_a_dateline_after_an_agency_byline_is_a_place(read):
    s = read("By our reporter, Associated Press KABUL (AP) — Gunmen attacked a checkpoint.")
    assert role_of(s, "KABUL") == "literal"


def test_the_bryansk_region_is_the_province_geonames_spells_brjansk(read):
    s = read("Explosions brought down a bridge in the Bryansk region on Saturday. Drones hit Bryansk on Sunday.")
    kinds = {(m.sentence, p.kind) for p in s.places for m in p.mentions if m.text == "Bryansk"}
    assert kinds == {(0, "admin1"), (1, "city")}
