"""The actor registry (data in `reading/data/actors.json`) and the actor mentions it finds in an article.

States are actors too: "the US", "US forces", "the Germans" are mentions of the state actor of that country,
taken from the place reader's non-literal country mentions rather than listed here.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reading.guard import trie_regex

REGISTRY_PATH = Path(__file__).parent / "data" / "actors.json"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    affiliation: str | None = None  # a person or national army acts for this actor ("country:US" for a state)
    generic: bool = False  # "protesters", "Shia militias": a kind of actor more than a named one
    coalition: bool = False
    members: tuple[str, ...] = ()  # a coalition's member actors: entry ids or "country:XX"
    branch_of: str | None = None  # the wider group this is the local branch of ("islamic-state")
    branch_countries: tuple[str, ...] = ()  # where "the wider group" means this branch


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """One mention of an actor in the text."""

    actor: str  # ActorEntry.id, or "country:XX" for a state
    text: str
    start: int
    end: int
    sentence: int
    kind: str = "unknown"  # the actor type of an organisation the registry does not know


@dataclass(frozen=True)
class Registry:
    entries: dict[str, ActorEntry]
    pattern: re.Pattern[str]
    alias_to_id: dict[str, str]
    group_nouns: dict[str, tuple[str, ...]]
    force_words: frozenset[str]

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(actor id, start, end) of every registered alias in text, longest alias first at each position."""
        found = ((self.alias_to_id.get(_alias_key(m.group())), m.start(), m.end()) for m in self.pattern.finditer(text))
        return [(actor_id, start, end) for actor_id, start, end in found if actor_id is not None]

    def loyalists(self, text: str) -> list[tuple[str, int, int]]:
        """(actor id, start, end) of "gunmen loyal to the ousted president, Bashar al-Assad" where the registry knows
        the leader's loyalists ("Assad loyalists", "Haftar loyalists")."""
        found = []
        for match in _LOYAL_TO.finditer(text):
            leader = match.group(2)
            surname = re.sub(r"^(?:al|el)-", "", leader.split()[-1])
            entry = self.lookup(f"{surname} loyalists") or self.lookup(f"{leader} loyalists")
            if entry is not None:
                found.append((entry.id, match.start(1), match.end(1)))
        return found

    def branch(self, actor_id: str, country: str | None) -> str:
        """The local branch a wider group stands for in a story set in `country` ("Islamic State" in Mozambique is
        its Mozambique branch), or the group itself."""
        return next((e.id for e in self.entries.values() if e.branch_of == actor_id and country in e.branch_countries),
                    actor_id)

    def lookup(self, name: str) -> ActorEntry | None:
        """The entry a free-text actor name refers to (used when scoring against annotations)."""
        actor_id = self.alias_to_id.get(_alias_key(name))
        return self.entries.get(actor_id) if actor_id else None

    def principal(self, actor_id: str) -> str:
        """Whom an actor acts for, followed to the end: Min Aung Hlaing -> the Tatmadaw -> "country:MM"; an actor
        with no affiliation acts for itself."""
        seen: set[str] = set()
        while actor_id not in seen:
            seen.add(actor_id)
            entry = self.entries.get(actor_id)
            if entry is None or not entry.affiliation:
                return actor_id
            actor_id = entry.affiliation
        return actor_id


_LOYAL_TO = re.compile(
    r"\b((?:gunmen|fighters|forces|troops|militias?|militiamen|soldiers|insurgents|loyalists|officers|men)\s+loyal\s+to\s+"
    r"(?:(?:the|his|their)\s+(?:[\w-]+\s+){0,3}?(?:president|leader|ruler|strongman|general|commander|dictator|regime|"
    r"government)(?:\s+of\s+[A-Z][\w-]+)?,?\s+)?((?:[A-Z][\w'’-]+\s+){0,2}(?:(?:al|el)-)?[A-Z][\w'’-]+))")

# "American Airlines", "the White Army", "the Frontier Corps", "the Los Lobos gang": a capitalised name ending in a
# word that names an organisation. Such actors the registry does not know are kept under their own name rather than dropped.
_ORGANISATION_HEAD = (r"(?:Airlines|Airways|Railways|Shipping|Lines|Company|Corporation|Brigades?|Army|Front|Movement|"
                      r"Alliance|Corps|Militia|Battalion|Regiment|Division|Guards?|University|College|Council|Agency|"
                      r"Committee|Party|[Cc]artel|[Gg]ang)")
_ORGANISATION = re.compile(r"(?<![\w-])((?:(?:[A-Z][\w'’-]+|\d+(?:st|nd|rd|th)?)\s+){1,3}" + _ORGANISATION_HEAD + r")(?![\w-])")
# "Partners In Health, the Boston-based charity that runs...", "HKN Energy, which operates Sarsang,", "the Norwegian
# company DNO", "DNO said": a name the text itself describes as an organisation, or an acronym that speaks.
_NAME_WORD = r"(?:[A-Z][\w'’&-]*|(?:al|el|ad|as|ash|an|ar|az|at|ul|ud)-[A-Z][\w'’-]*)"  # "Fursan", "al-Fursan"
_NAME_WORDS = rf"(?:{_NAME_WORD} (?:(?:of|for|in|and|de|al) )?){{0,4}}{_NAME_WORD}"  # one line, single spaces
_CIVIL_NOUN = r"(?:charity|company|firm|operator|agency|producer|contractor|carrier|airline|insurer|broker|NGO|aid group|relief group)"
_ORGANISATION_NOUN = rf"(?:{_CIVIL_NOUN}|group|organi[sz]ation|movement|network|coalition|alliance|faction|union)"
_CIVIL = re.compile(rf"\b{_CIVIL_NOUN}\b")
_DESCRIBED_ORGANISATION = re.compile(
    rf"(?<![\w'’-])({_NAME_WORDS}),\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?{_ORGANISATION_NOUN}\b|which\s+(?:operates|runs|owns|represents|controls|manages)\b)"
    rf"|\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){{0,2}}?{_ORGANISATION_NOUN},?\s+((?-i:{_NAME_WORDS}))(?![\w'’-])"
    rf"|(?<![\w'’-])([A-Z]{{2,5}})(?=\s+(?:said|says|announced|reported|added)\b)")
# Capitalised words that open a sentence or describe a kind of force, not the name of one.
_NOT_A_NAME = frozenset("the a an his her their its this that these those government security state federal regular "
                        "special national rebel militia army".split())


def organisation_spans(text: str, taken: list[tuple[int, int]]) -> list[tuple[str, str, int, int, str]]:
    """(actor id, name, start, end, actor type) of unregistered organisations named in text, outside the spans
    already taken. A company or charity is a civilian body; an organisation known only by its name's head word
    ("the White Army") has no known type."""
    found = []
    for start, end, kind in _described_names(text):
        if not any(s < end and start < e for s, e in taken + [(f[2], f[3]) for f in found]):
            found.append((state_actor_id(text[start:end]), text[start:end], start, end, kind))
    for match in _ORGANISATION.finditer(text):
        words = match.group(1).split()
        while words and words[0].lower() in _NOT_A_NAME:
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        start = match.end(1) - len(name)
        if any(s < match.end(1) and start < e for s, e in taken):
            continue
        found.append((state_actor_id(name), name, start, match.end(1), "unknown"))
    return found


def _described_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, actor type) of names that _DESCRIBED_ORGANISATION finds, without the sentence-opening words
    before them: civilians when the words describe a company or a charity."""
    spans = []
    for match in _DESCRIBED_ORGANISATION.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g))
        start, end = match.span(group)
        words = text[start:end].split()
        while words and words[0].lower() in _NOT_A_NAME:
            start += len(words[0]) + 1
            words = words[1:]
        if words:
            civil = _CIVIL.search(match.group()) is not None
            spans.append((start, end, "civilians" if civil else "unknown"))
    return spans


def state_actor_id(country_name: str) -> str:
    """The actor id of a country's state: "United States" -> "united-states"."""
    return re.sub(r"[^a-z0-9]+", "-", country_name.lower()).strip("-")


_FORCE_HEADS = frozenset("forces force troops army police fighters militia militias".split())


def _possessive_forms(alias: str) -> tuple[str, ...]:
    """"Puntland forces" is also "Puntland's forces" (and with a curly apostrophe)."""
    words = alias.split()
    if len(words) < 2 or words[-1].lower() not in _FORCE_HEADS or words[-2].endswith(("'s", "’s")):
        return ()
    owner = " ".join(words[:-1])
    return (f"{owner}'s {words[-1]}", f"{owner}’s {words[-1]}")


def _alias_key(alias: str) -> str:
    # Long aliases match in any case ("the Coalition"); short ones keep their case so "IS" never matches "is".
    return alias if len(alias) <= 4 else alias.casefold()


def _alias_pattern(aliases: set[str]) -> re.Pattern[str]:
    """One pattern for every alias: long ones in any case, short ones as written, the longest alias first at each
    position. Aliases are merged into a character trie, so matching costs the same with 50 aliases or 2,000."""
    long = trie_regex({a.lower() for a in aliases if len(a) > 4})
    short = trie_regex({a for a in aliases if len(a) <= 4})
    # "Hamas-run", "Houthi-held": an alias before a hyphenated participle is still the actor; "IS-K" is not IS.
    return re.compile(r"(?<![\w-])(?:(?i:" + long + ")|" + short + r")(?!\w)(?!-[A-Z0-9])")


@cache
def registry() -> Registry:
    doc = json.loads(REGISTRY_PATH.read_text(encoding="utf-8"))
    entries: dict[str, ActorEntry] = {}
    alias_to_id: dict[str, str] = {}
    for raw in doc["actors"]:
        entry = ActorEntry(
            id=raw["id"], name=raw["name"], type=raw["type"], country=raw.get("country"),
            aliases=tuple(raw["aliases"]), affiliation=raw.get("affiliation"),
            generic=bool(raw.get("generic")), coalition=bool(raw.get("coalition")), members=tuple(raw.get("members", ())),
            branch_of=raw.get("branch_of"), branch_countries=tuple(raw.get("branch_countries", ())),
        )
        entries[entry.id] = entry
        for alias in (entry.name, *entry.aliases):
            for form in (alias, *_possessive_forms(alias)):
                alias_to_id.setdefault(_alias_key(form), entry.id)
    pattern = _alias_pattern({f for e in entries.values() for a in (e.name, *e.aliases) for f in (a, *_possessive_forms(a))})
    groups = {k: tuple(v) for k, v in doc["groups"].items() if k != "about"}
    return Registry(entries, pattern, alias_to_id, groups, frozenset(doc["forces"]["words"]))
