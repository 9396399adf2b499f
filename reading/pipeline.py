"""The reading pipeline: article -> places -> actors -> events -> posture and risk -> Situation.

`read_text` and `read_article` are the one code path shared by the command line, the dashboard and the tests.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from geodata.gazetteer import Gazetteer, load
from reading import article as article_mod
from reading.actors import ActorSpan, Registry, organisation_spans, registry, state_actor_id
from reading.article import Article
from reading.dates import stated_publication
from reading.guard import PatternSet
from reading.events import Context, code_events
from reading.model import Actor, ActorMention, ArticleInfo, Place, ReaderInfo, Situation
from reading.posture import summarise
from reading.resolve import Resolved, focus_countries, places as group_places, resolve, supported_focus
from reading.risk import score_places
from reading.toponyms import Toponym, find_toponyms

READER_VERSION = "0.1.0"
STATE_ROLES = ("metonymic", "modifier", "demonym")
_COUNTED_PEOPLE = re.compile(r"(?:\b\d[\d,]*|\b(?:thousands|hundreds|dozens|millions|many|some) of|\bethnic)\s+(?:\w+\s+)?$", re.I)
_NAMED_ARMY = re.compile(r"(?:['’]s)?\s+(?:own\s+)?(army|military|armed forces|security forces)\b", re.I)
NAMED_ARMY_SENTENCES = 2  # how far back "the army" may point to "Pakistan's army"
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&-]{1,7})\)")
NON_STATE_NOUNS = frozenset(
    "militia militias group groups cleric clerics people Kurdish Kurds Shia Shiite Sunni jihadists rebels insurgents "
    "civilians protesters tribes tribal opposition militants fighters families refugees "
    "airlines airways company companies firm firms bank banks".lower().split()
)


def read_text(text: str, *, published: date | None = None, title: str | None = None) -> Situation:
    return read_article(article_mod.from_text(text, title), published=published)


def read_article(article: Article, *, published: date | None = None, gazetteer: Gazetteer | None = None) -> Situation:
    if published is None:
        article, published = _with_stated_publication(article)
    gaz = gazetteer or load()
    reg = registry()
    registered = _registered_spans(article, reg)
    toponyms = find_toponyms(article, gaz, [(s.start, s.end) for s in registered])
    resolved = resolve(toponyms, gaz, article.text)
    places = group_places(resolved)
    # The country the article is about: the countries it names, and those its towns lie in (Tripoli, Sirte).
    focus = _focus(supported_focus(focus_countries(toponyms, gaz), [r.candidate for r in resolved if r.toponym.role == "literal"]))
    armies = {s.actor: iso2 for s in registered if (iso2 := _army_of(reg, s.actor))}
    states = _states(resolved, gaz, {focus, *armies.values()} - {None})
    # "The IDF said" and "Israeli forces" are one actor: a national army named by its own name is its state.
    registered = [replace(s, actor=states[armies[s.actor]]) if s.actor in armies else s for s in registered]
    registered = [replace(s, actor=reg.branch(s.actor, focus)) for s in registered]
    named = registered + _state_spans(resolved, registered, states, article.text, gaz)
    named += _organisation_spans(article, named, [(t.start, t.end) for t in toponyms if t.role == "literal"])
    named += _surname_spans(article, named, reg)
    named += _acronym_spans(article, named)
    home_army = states.get(ARMY_IN_TERRITORY.get(focus or "", focus or ""))
    spans = sorted(named + _home_forces(article, named, home_army, set(states.values())), key=lambda s: s.start)
    actors = _actors(spans, reg, states, gaz, focus)
    actor_types = {a.id: a.type for a in actors}
    ctx = Context(article, published, focus, _focus_place(places, focus), reg, actor_types, states)
    events = code_events(ctx, spans, places)
    return Situation(
        article=ArticleInfo(
            id=article.id, title=article.title, published=published.isoformat() if published else None,
            chars=len(article.text), sentences=len(article.sentences), language=article.language,
            reader=ReaderInfo(READER_VERSION, gaz.version), notices=article.notices,
        ),
        places=places,
        actors=tuple(a for a in actors if a.mentions or any(e.actor == a.id for e in events)),
        events=events,
        posture=summarise(events, places, {a.id: a.name for a in actors}),
        risk=score_places(events, places, actor_types, published),
        sentences=article.sentences,
    )


def _with_stated_publication(article: Article) -> tuple[Article, date | None]:
    """The date a byline states, when no publication date was given; the page says where it came from."""
    stated = stated_publication(article.text)
    if stated is None:
        return article, None
    notice = f"Publication date {stated.label()} taken from the article's byline; relative dates are read against it."
    return replace(article, notices=(*article.notices, notice)), stated.first_day


_HOME_FORCES = re.compile(
    r"\b(?:(?:government|security|state|regime|junta|army|military|federal) (?:forces|troops|soldiers)|"
    r"(?:army|military|government|air force)(?= (?:drones|jets|warplanes|aircraft|helicopters|artillery|gunships)\b)|"
    r"(?:military|army)(?= (?:offensive|operation|campaign|raids?|strikes?|crackdown)\b)|"
    r"government-backed forces|the army|the military|(?:the |military )?junta|security forces|government troops|"
    r"(?:the )?government['’]s (?:forces|troops|soldiers|fighters)|forces loyal to the (?:[\w-]+ )?government|"
    r"the government(?! of\b)|(?:the )?police(?: officers)?|the air force|(?:the )?(?:[a-z]+ ){0,2}authorities|"
    r"the (?:defen[cs]e|interior) ministry)\b", re.I)
_HOME_FORCES_GUARD = PatternSet([("home forces", _HOME_FORCES)])


# Territories with no army of their own, where "the army" of a news story is the army that operates there: in Gaza
# and the West Bank, Israel's.
ARMY_IN_TERRITORY = {"PS": "IL"}


def _home_forces(article: Article, named: list[ActorSpan], home_state: str | None, states: set[str]) -> list[ActorSpan]:
    """"security forces", "the army" with no country named: the forces of the state whose forces were named by the same
    word in the last few sentences ("Pakistan's army said ... The army said"), else of the country the article is about."""
    armies = [(s, head.group(1).lower()) for s in named if s.actor in states and (head := _NAMED_ARMY.match(article.text, s.end))]
    if home_state is None and not armies:
        return []
    spans = []
    # No match crosses a sentence, so only sentences holding one of the pattern's words are scanned.
    for sentence in (s for s in article.sentences if _HOME_FORCES_GUARD.candidates(s.text)):
        for match in _HOME_FORCES.finditer(article.text, sentence.start, sentence.end):
            start, end = match.span()
            # "US forces" already names its state just before the noun.
            if any(s.start < end and start - 2 <= s.end for s in named):
                continue
            recent = [s for s, head in armies if s.end <= start and sentence.index - s.sentence <= NAMED_ARMY_SENTENCES
                      and match.group().lower().endswith(head)]
            actor = max(recent, key=lambda s: s.start).actor if recent else home_state
            if actor is not None:
                spans.append(ActorSpan(actor, match.group(), start, end, sentence.index))
    return spans


def _army_of(reg: Registry, actor_id: str) -> str | None:
    """The ISO2 of the state a national army acts for (the IDF: IL); None for anyone else, persons included."""
    entry = reg.entries.get(actor_id)
    principal = reg.principal(actor_id)
    return principal.split(":", 1)[1] if entry and entry.type != "person" and principal.startswith("country:") else None


def _states(resolved: list[Resolved], gaz: Gazetteer, implied: set[str]) -> dict[str, str]:
    """ISO2 -> state actor id, for every country named, or whose capital is named, and those implied: the home
    country ("the junta's warplanes bombed Lashio": Myanmar's forces, though Myanmar is never named) and the
    states of national armies named by their own names."""
    codes = {r.candidate.country for r in resolved if r.candidate.kind == "country"} | implied
    codes |= {gaz.capitals[r.candidate.id] for r in resolved if r.candidate.id in gaz.capitals}
    return {iso2: state_actor_id(country.name) for iso2 in codes if (country := gaz.country(iso2)) is not None}


def _registered_spans(article: Article, reg: Registry) -> list[ActorSpan]:
    # "gunmen loyal to ... Bashar al-Assad" is one actor, not the gunmen and Assad himself.
    loyalists = reg.loyalists(article.text)
    found = [f for f in reg.find(article.text) if not any(s < f[2] and f[1] < e for _, s, e in loyalists)] + loyalists
    return [
        ActorSpan(actor_id, article.text[start:end], start, end, article.sentence_at(start).index)
        for actor_id, start, end in sorted(found, key=lambda f: f[1])
    ]


def _organisation_spans(article: Article, named: list[ActorSpan], places: list[tuple[int, int]]) -> list[ActorSpan]:
    """Organisations the registry does not know ("American Airlines suspended its flights"), kept by their name."""
    taken = [(s.start, s.end) for s in named] + places
    return [ActorSpan(actor_id, article.text[start:end], start, end, article.sentence_at(start).index, kind)
            for actor_id, _, start, end, kind in organisation_spans(article.text, taken)]


def _surname_spans(article: Article, named: list[ActorSpan], reg: Registry) -> list[ActorSpan]:
    """"Colombia's president, Gustavo Petro, ... Petro suspended the talks": a person named in full once is
    named by surname afterwards."""
    taken = [(s.start, s.end) for s in named]
    spans = []
    for span in named:
        entry = reg.entries.get(span.actor)
        words = span.text.split()
        if entry is None or entry.type != "person" or len(words) < 2 or not words[-1][:1].isupper():
            continue
        for match in re.finditer(rf"(?<![\w'’-])(?<![A-Z]\w\s){re.escape(words[-1])}(?![\w-])(?!\s+[A-Z])", article.text[span.end :]):
            start, end = span.end + match.start(), span.end + match.end()
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                spans.append(ActorSpan(span.actor, match.group(), start, end, article.sentence_at(start).index))
    return spans


def _acronym_spans(article: Article, named: list[ActorSpan]) -> list[ActorSpan]:
    """"the Arakan Army ... the AA captured Maungdaw", "the Front for Change and Concord in Chad (FACT)": an acronym
    made of an actor's initials, or defined in brackets after its name, stands for that actor from then on, even when
    it is too short or too common to be registered."""
    taken = [(s.start, s.end) for s in named]
    first: dict[str, tuple[str, int]] = {}  # acronym -> (actor, where its use may start): the first name it stands for
    for span in sorted(named, key=lambda s: s.start):
        defined = _DEFINED_ACRONYM.match(article.text, span.end)
        acronym, after = (defined.group(1), defined.end()) if defined else (_initials(span.text), span.end)
        if acronym is not None and acronym not in first:
            first[acronym] = (span.actor, after)
    spans = []
    for acronym, (actor, after) in first.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", article.text[after:]):
            start, end = after + match.start(), after + match.end()
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                spans.append(ActorSpan(actor, acronym, start, end, article.sentence_at(start).index))
    return spans


def _initials(name: str) -> str | None:
    """"AA" for "Arakan Army", "HTS" for "Hayat Tahrir al-Sham": the capitals that open its words, when there are two or more."""
    capitals = [word[0] for word in re.split(r"[\s-]+", name) if word[:1].isupper()]
    return "".join(capitals) if len(capitals) >= 2 else None


def _names_a_non_state(top: Toponym, text: str) -> bool:
    """"an Iraqi militia", "Iraqi Kurdish fighters": the adjective qualifies a group that is not the state."""
    following = text[top.end : top.end + 30].split()
    return top.role == "modifier" and bool(following) and following[0].lower().strip(".,") in NON_STATE_NOUNS


def _state_spans(
    resolved: list[Resolved], registered: list[ActorSpan], states: dict[str, str], text: str, gaz: Gazetteer
) -> list[ActorSpan]:
    """"the US", "US forces", "the Germans", "Moscow said": non-literal mentions of a country or its capital stand
    for the state."""
    spans = []
    for r in resolved:
        top = r.toponym
        capital_of = gaz.capitals.get(r.candidate.id) if top.role == "metonymic" else None
        if (r.candidate.kind != "country" or top.role not in STATE_ROLES) and capital_of is None:
            continue
        iso2 = capital_of or r.candidate.country
        if iso2 not in states:
            continue
        if any(s.start <= top.start and top.end <= s.end for s in registered) or _names_a_non_state(top, text):
            continue
        if top.role == "demonym" and _COUNTED_PEOPLE.search(text[max(0, top.start - 30) : top.start]):
            continue  # "28,000 ethnic Armenians", "thousands of Syrians": people, not the state
        spans.append(ActorSpan(states[iso2], top.text, top.start, top.end, top.sentence))
    return spans


def _actors(spans: list[ActorSpan], reg: Registry, states: dict[str, str], gaz: Gazetteer, focus: str | None) -> list[Actor]:
    names = {actor_id: (gaz.country(iso2).name, iso2) for iso2, actor_id in states.items()}
    grouped: dict[str, list[ActorSpan]] = {}
    for span in spans:
        grouped.setdefault(span.actor, []).append(span)
    actors = []
    for actor_id, group in grouped.items():
        mentions = tuple(ActorMention(s.text, s.start, s.end, s.sentence) for s in group)
        entry = reg.entries.get(actor_id)
        if entry is not None:
            actors.append(Actor(actor_id, entry.name, entry.type, entry.country, mentions))
        elif actor_id not in names:  # an organisation the registry does not know: its own name, a generic type
            actors.append(Actor(actor_id, group[0].text, group[0].kind, None, mentions))
        else:
            name, iso2 = names[actor_id]
            actors.append(Actor(actor_id, name, "state-forces" if iso2 == focus else "external-forces", iso2, mentions))
    actors.append(Actor("unknown", "Unidentified actor", "unknown", None, ()))
    # Generic actors ("protesters") may act in an event without being named: "thousands of people protested".
    actors += [Actor(e.id, e.name, e.type, e.country, ()) for e in reg.entries.values() if e.generic and e.id not in grouped]
    return actors


def _focus(weights: dict[str, float]) -> str | None:
    return max(weights, key=weights.get) if weights else None


def _focus_place(places: tuple[Place, ...], focus: str | None) -> str | None:
    return next((p.id for p in places if p.kind == "country" and p.country == focus), None)
