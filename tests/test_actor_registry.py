"""The actor registry (`reading/data/actors.json`): well-formed data, aliases that cannot fire on ordinary English or on
country names, and short sentences of our own in which the reader finds the actor news names."""
from __future__ import annotations

import json
from functools import cache

import pycountry
import pytest
from wordfreq import top_n_list

from geodata.gazetteer import load
from reading.actors import REGISTRY_PATH, _alias_key, registry
from reading.vocabulary import ACTOR_TYPES

# Ids the devset and seed annotations reach through `evaluation.seed_gold.actor_id`: never renamed, never retyped.
FIRST_IDS = {
    "us-led-coalition": "external-forces", "nato": "external-forces", "quds-force": "state-forces",
    "irgc": "state-forces", "kataib-hezbollah": "political-militia", "asaib-ahl-al-haq": "political-militia",
    "popular-mobilisation": "political-militia", "shia-militias": "political-militia", "islamic-state": "rebel-group",
    "iswap": "rebel-group", "is-sahel": "rebel-group", "al-qaeda": "rebel-group", "al-qaeda-in-iraq": "rebel-group",
    "jnim": "rebel-group", "al-shabab": "rebel-group", "boko-haram": "rebel-group", "houthis": "rebel-group",
    "hezbollah": "political-militia", "hamas": "rebel-group", "palestinian-islamic-jihad": "rebel-group",
    "hts": "rebel-group", "sdf": "rebel-group", "ypg": "rebel-group", "pkk": "rebel-group", "peshmerga": "state-forces",
    "iraqi-parliament": "state-forces", "taliban": "rebel-group", "is-khorasan": "rebel-group",
    "wagner": "external-forces", "rsf": "rebel-group", "saf": "state-forces", "m23": "rebel-group",
    "adf": "rebel-group", "fano": "identity-militia", "tplf": "rebel-group", "ansar-al-sunna": "rebel-group",
    "lna": "rebel-group", "arakan-army": "rebel-group", "tatmadaw": "state-forces",
    "african-union-mission": "external-forces", "un-peacekeepers": "external-forces", "ecowas": "external-forces",
    "sadc-mission": "external-forces", "protesters": "protesters", "unidentified-militia": "political-militia",
    "unidentified-armed-group": "unknown", "civilians": "civilians", "qasem-soleimani": "person",
    "abu-mahdi-al-muhandis": "person", "donald-trump": "person", "ali-al-sistani": "person",
}
# A surname that is also an English word, kept because news names him by it alone and the annotations use it.
COMMON_WORD_ALIASES_KEPT = {"Trump"}


@cache
def raw_actors() -> tuple[dict, ...]:
    """The file as written: the registry's dict would hide a repeated id."""
    return tuple(json.loads(REGISTRY_PATH.read_text(encoding="utf-8"))["actors"])


def names_and_aliases(actor: dict) -> list[str]:
    return [actor["name"], *actor["aliases"]]


def is_actor_or_country(ref: str, ids: set[str]) -> bool:
    if ref.startswith("country:"):
        return pycountry.countries.get(alpha_2=ref.removeprefix("country:")) is not None
    return ref in ids


def test_every_actor_id_is_unique():
    ids = [a["id"] for a in raw_actors()]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_the_first_ids_keep_their_types():
    types = {a["id"]: a["type"] for a in raw_actors()}
    assert {i: types.get(i) for i in FIRST_IDS} == FIRST_IDS


def test_no_alias_belongs_to_two_actors():
    owner: dict[str, str] = {}
    shared = []
    for actor in raw_actors():
        for alias in names_and_aliases(actor):
            key = _alias_key(alias)
            if owner.setdefault(key, actor["id"]) != actor["id"]:
                shared.append((alias, owner[key], actor["id"]))
    assert shared == []


def test_every_type_is_an_acled_actor_type():
    assert {a["id"]: a["type"] for a in raw_actors() if a["type"] not in ACTOR_TYPES} == {}


def test_every_affiliation_is_an_actor_or_a_country():
    ids = {a["id"] for a in raw_actors()}
    bad = {a["id"]: a["affiliation"] for a in raw_actors() if a.get("affiliation") and not is_actor_or_country(a["affiliation"], ids)}
    assert bad == {}


def test_every_person_but_the_clerics_acts_for_someone():
    assert [a["id"] for a in raw_actors() if a["type"] == "person" and not a.get("affiliation")] == ["ali-al-sistani"]


def test_every_coalition_member_is_an_actor_or_a_country():
    ids = {a["id"] for a in raw_actors()}
    bad = {a["id"]: m for a in raw_actors() for m in a.get("members", ()) if not is_actor_or_country(m, ids)}
    assert bad == {}
    assert all(a.get("coalition") for a in raw_actors() if a.get("members"))


def test_every_actor_country_is_an_iso_code():
    assert [a["id"] for a in raw_actors() if a["country"] and pycountry.countries.get(alpha_2=a["country"]) is None] == []


def test_no_alias_of_a_named_actor_is_a_common_english_word():
    """Generic actors ("protesters", "residents") are common nouns on purpose; a named actor's alias must not be one.
    A short alias matches only as written, so it may spell a common word in capitals ("IS") or mixed case ("LeT")."""
    common = set(top_n_list("en", 5000))
    bad = [
        (actor["id"], alias)
        for actor in raw_actors() if not actor.get("generic")
        for alias in names_and_aliases(actor)
        if alias.casefold() in common and alias not in COMMON_WORD_ALIASES_KEPT
        and not (len(alias) <= 4 and alias not in (alias.lower(), alias.capitalize()))
    ]
    assert bad == []


def test_no_alias_is_the_name_of_a_country():
    gazetteer = load()
    bad = [
        (actor["id"], alias)
        for actor in raw_actors()
        for alias in names_and_aliases(actor)
        if any(m.candidate.kind == "country" for m in gazetteer.lookup(alias))
    ]
    assert bad == []


def test_a_person_acting_for_a_group_is_found_under_every_spelling():
    assert {registry().lookup(n).affiliation for n in ("Hemedti", "Mohamed Hamdan Dagalo", "Dagalo")} == {"rsf"}
    assert {registry().lookup(n).affiliation for n in ("Abu Mohammed al-Jolani", "Ahmed al-Sharaa")} == {"hts"}
    assert registry().lookup("Abdel Fattah al-Burhan").affiliation == "country:SD"
    assert registry().lookup("Min Aung Hlaing").affiliation == "tatmadaw"


def test_short_aliases_match_only_as_written():
    found = {actor_id for actor_id, _, _ in registry().find("It is what it is. IS fighters and KIA units moved; the kia parked.")}
    assert found == {"islamic-state", "kia"}
    assert [t for t in registry().find("the kia and the Kia") if t[0] == "kia"] == []


def test_the_longest_alias_wins():
    assert [a for a, _, _ in registry().find("Kata'ib Hezbollah and the Hezbollah Brigades")] == ["kataib-hezbollah"] * 2


# --- Reading short sentences -------------------------------------------------------------------------------------

def actor_ids(situation) -> set[str]:
    return {a.id for a in situation.actors if a.mentions}


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("Fighters of the Rapid Support Forces stormed the Zamzam camp near El Fasher on Friday.", "rsf"),
        ("Ansar Allah said it had fired missiles at a tanker in the Red Sea on Monday.", "houthis"),
        ("Khalifa Haftar's forces shelled the southern outskirts of Tripoli on Monday.", "lna"),
        ("Kata'ib Hizbollah claimed a drone attack on a base in eastern Syria.", "kataib-hezbollah"),
        ("Hashd al-Shaabi units deployed to Sinjar on Sunday.", "popular-mobilisation"),
        ("Daesh militants attacked an army checkpoint near Kirkuk.", "islamic-state"),
        ("Al-Shabaab fighters attacked a base near Kismayo on Tuesday.", "al-shabab"),
        ("The Ta'ang National Liberation Army seized the town of Mogok.", "tnla"),
        ("The MNDAA captured Lashio in August.", "mndaa"),
        ("ISWAP fighters attacked a military base in Borno state.", "iswap"),
        ("GSIM claimed an ambush near Djibo that killed 20 soldiers.", "jnim"),
        ("ISCAP fighters killed 30 villagers near Beni.", "adf"),
        ("The Special Deterrence Force detained a brigade commander at Mitiga airport.", "special-deterrence-force"),
        ("The Russian Volunteer Corps said it had crossed into the Belgorod region.", "russian-volunteer-corps"),
        ("The IDF said it had struck positions in southern Lebanon.", "israel"),
        ("Gunmen of the Sinaloa cartel set up roadblocks in Culiacan on Thursday.", "sinaloa-cartel"),
        ("Police blamed Los Choneros for the attack on the prison in Guayaquil.", "los-choneros"),
        ("The Maute group seized parts of Marawi in 2017.", "dawlah-islamiyah"),
        ("Abu Sayyaf fighters abducted two fishermen off Jolo.", "abu-sayyaf"),
        ("KFOR sent more troops to northern Kosovo on Sunday.", "kfor"),
        ("Cambodian troops fired rockets into Thailand on Thursday.", "cambodia"),
        ("Beninese soldiers were killed in an attack near the border with Niger.", "benin"),
    ],
)
def test_a_sentence_naming_a_registered_actor_finds_it(read, text, actor_id):
    assert actor_id in actor_ids(read(text))


def test_allied_militias_on_both_sides_are_found(read):
    s = read("Wazalendo militias clashed with M23 rebels near Sake.")
    assert {"wazalendo", "m23"} <= actor_ids(s)


def test_a_leader_named_as_the_actor_acts_for_his_group(read):
    s = read("Hemedti said his fighters had stormed the camp near El Fasher.")
    assert "mohamed-hamdan-dagalo" in actor_ids(s)
    assert [e.actor for e in s.events if e.action == "attack"] == ["rsf"]


def test_a_head_of_state_named_as_the_actor_acts_for_the_state(read):
    s = read("Vladimir Putin ordered the withdrawal of Russian troops from Kherson, Russia said.")
    assert {e.actor for e in s.events if e.action == "withdraw"} == {"russia"}


def test_generic_actors_are_kept_with_their_kind(read):
    s = read("Unidentified gunmen killed five farmers in Zamfara state, and bandits abducted dozens of villagers. "
             "Clan militias and vigilantes later fought al-Shabaab near Beledweyne.")
    types = {a.id: a.type for a in s.actors if a.mentions}
    assert types["unidentified-armed-group"] == "unknown"
    assert types["bandits"] == "political-militia"
    assert types["unidentified-militia"] == "political-militia"
    assert types["vigilantes"] == "identity-militia"


@pytest.mark.parametrize(
    "text",
    [
        "The army said the front was quiet.",
        "The alliance said its force would hold the front, and the movement called for calm.",
        "It is what it is, the brigade commander said.",
    ],
)
def test_plain_words_name_no_armed_group(read, text):
    named = [a.id for a in read(text).actors if a.mentions and a.type not in ("state-forces", "external-forces")]
    assert named == []


def test_the_sea_of_azov_and_the_rada_are_not_armed_groups(read):
    s = read("Ships crossed the Sea of Azov. The Verkhovna Rada voted on the budget, and the Rada met again on Friday.")
    assert actor_ids(s) == set()


def test_a_sahel_junta_is_not_myanmars_military(read):
    s = read("The junta in Bamako ordered French troops to leave Mali.")
    assert "tatmadaw" not in actor_ids(s)


def test_aid_agencies_and_shipping_firms_that_suspend_or_evacuate_are_the_doers(read):
    s = read("The World Food Programme suspended deliveries through the Adre crossing on Monday. "
             "Aid agencies evacuated their staff from Nyala to Port Sudan. "
             "Hapag-Lloyd paused sailings through the Red Sea after the attacks.")
    doers = {e.action: e.actor for e in s.events}
    assert doers.get("evacuate") == "aid-agencies"
    assert {"wfp", "hapag-lloyd"} <= {e.actor for e in s.events if e.action.startswith("suspend")}
    assert {a.id: a.type for a in s.actors}["wfp"] == "civilians"
