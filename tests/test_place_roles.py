"""GeoWebNews roles of place names from the words around them: when a country is the ground ("literal"), when it
stands for its government, people or team ("metonymic"), and when a name is a person's, not a place's."""
from __future__ import annotations


def role_of(situation, written: str) -> str:
    return next(m.role for p in situation.places for m in p.mentions if m.text == written)


def written(situation) -> set[str]:
    return {m.text for p in situation.places for m in p.mentions}


def test_a_countrys_economy_is_the_land_but_its_decision_is_the_state(read):
    s = read("The floods badly hurt Peru's fragile economy. Later Peru's decision surprised its neighbours.")
    roles = [m.role for p in s.places for m in p.mentions if m.text == "Peru"]
    assert roles == ["literal", "metonymic"]


def test_a_country_described_as_one_of_a_kind_is_the_land(read):
    s = read("Chile is one of the driest places on earth.")
    assert role_of(s, "Chile") == "literal"


def test_a_country_that_is_ready_to_act_is_the_state(read):
    s = read("Chile is ready to sign the accord.")
    assert role_of(s, "Chile") == "metonymic"


def test_the_economy_of_a_country_is_the_land_like_its_economy(read):
    s = read("The economy of Brazil grew last year.")
    assert role_of(s, "Brazil") == "literal"
