"""Find place names in an article: spans with offsets, each with its GeoWebNews role and what kind of reference it is.

Recognition works on runs of capitalised words ("chunks"); a run names a place only when the whole run is a
gazetteer name, so the "Bowen" of "Jeremy Bowen" or the "Quds" of "Quds Force" is never taken for a place.
Resolution to coordinates is `reading.resolve`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from wordfreq import top_n_list, zipf_frequency

from geodata.gazetteer import Gazetteer
from geodata.names import normalize
from reading.article import Article

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w’'‘`\-]*")
_POSSESSIVE = re.compile(r"(['’]s|(?<=s)['’])$")  # "Paris'" is Paris's: only the apostrophe goes
_POSSESSIVE_ENDINGS = frozenset("s'’")
CONNECTORS = frozenset("of al el bin ibn de du da del della di la le les van von der dos das".split())
DIRECTIONS = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west", "central": "central",
    "north": "north", "south": "south", "east": "east", "west": "west",
    "north-east": "north-east", "north-west": "north-west", "south-east": "south-east", "south-west": "south-west",
    "northeastern": "north-east", "northwestern": "north-west", "southeastern": "south-east", "southwestern": "south-west",
    "north-eastern": "north-east", "north-western": "north-west", "south-eastern": "south-east", "south-western": "south-west",
}
# Words that end the name of a building or site: "Hayat Hotel", "Republican Palace", "Zamzam camp".
SITE_HEADS = frozenset(
    "hotel palace camp beach crossing gate bridge market mosque church hospital school university stadium prison "
    "port dam square checkpoint refinery compound barracks cantonment garrison field oilfield gasfield temple shrine monastery tower outpost base airbase airfield airport castle "
    "cathedral theatre theater hall centre center court street avenue road".split())
# Buildings are named after the town they stand in ("Colchester Hospital", "Manila Cathedral"); streets, gates
# and bridges as often after a town elsewhere ("Jaffa Road" is in Jerusalem), so only buildings are placed by it.
BUILDING_HEADS = frozenset(
    "hotel palace mosque church cathedral hospital school university stadium prison castle theatre theater hall "
    "centre center court temple cantonment garrison barracks".split())
_SITE_NUMBER = re.compile(r" (\d{1,4})\b")  # "Tower 22", "Camp 7": a site numbered, not named
SITE_LINKS = frozenset("in near outside at inside".split())
# Nouns that, before "at X" or "near X", name a site called after the town X: "the enrichment plant at Natanz".
SITE_NOUNS = {"site": "site", "sites": "site", "facility": "facility", "facilities": "facility", "plant": "plant",
              "plants": "plant", "base": "base", "bases": "base", "complex": "complex", "reactor": "reactor"}
# Words that may follow a place and end its phrase ("out of Iraq after the attacks"), unlike a noun it modifies.
CLAUSE_WORDS = frozenset("after before since on in at by for to and or but when as because while last this with "
                         "until amid during".split())
ADMIN_WORDS = frozenset("province governorate region oblast state county district prefecture department agency".split())
# Head nouns of natural features: "Pemba island", "the Sinjar mountains" name the feature when the gazetteer knows the
# name with its noun, though the bare name is a town ("Sinjar") or is left unindexed as a word ("Mafia").
FEATURE_WORDS = frozenset(
    "island islands isle archipelago atoll mountain mountains hills range massif desert peninsula plateau valley "
    "gorge forest glacier".split()
)
FACILITY_WORDS = {
    "airport": "airport", "airfield": "airfield", "air base": "air-base", "airbase": "air-base",
    "embassy": "embassy", "consulate": "embassy",
}
# Participles of acts done to ground: "captured Mosul", "Douma is surrounded".
GROUND_PARTICIPLES = frozenset(
    "reached captured seized shelled bombed struck hit visited invaded toured crossed surrounded besieged encircled "
    "flooded".split()
)
LOCATIVE = GROUND_PARTICIPLES | frozenset(
    "in into to from across throughout near at inside outside within around toward towards through via over "
    "between outskirts north south east west beyond along straddling including entered entering left leaving "
    "reaching visiting fled fleeing invading touring crossing border borders bordering "
    # Adjectives that say which part of a land is meant: "rural America", "the continental United States".
    "northern southern eastern western neighbouring neighboring rural continental mainland".split()
)
# "of" is locative only after nouns of geography: "swathes of Iraq", not "the government of Iraq".
GEOGRAPHIC_NOUNS = frozenset(
    "swathes parts part areas area north south east west centre center capital cities city towns outskirts "
    "province provinces region regions border borders territory territories rest whole entire heart coast "
    "coastline coasts shores island islands".split()
)
# Plural nouns of lands: "countries such as Cyprus and Spain" lists places, not governments.
LAND_NOUNS = frozenset("countries nations states places cities destinations markets zones areas regions".split())
# "the invasion of Iraq", "the fall of Kabul": acts done to a place as ground.
GROUND_NOUNS = frozenset("invasion occupation liberation siege fall capture bombing shelling blockade".split())
# "leaving for America", "bound for Libya": "for" after a departure gives the destination.
DEPARTURES = frozenset("leave leaves leaving left head heads heading headed bound depart departed departing sail sailed "
                       "flew fly flying set".split())
# Nouns of land, buildings and ground: after a place or its adjective they make it a locational modifier
# (GeoWebNews' Literal_Modifier): "the Syrian capital", "the Iraqi border", "Greek islands", "US soil".
LOCATIONAL_HEADS = frozenset(
    "border borders frontier capital city cities town towns village villages island islands coast coastline "
    "shores soil territory territories airspace waters mainland countryside province provinces states "
    "region regions enclave port ports jails jail prisons prison farms factories streets hospitals market markets "
    "economy tour jobs".split()
)
_FORCE_NOUNS = frozenset("forces force guards guard police troops soldiers units officers patrols authorities".split())
VERB_AFTER = frozenset(
    "has have had is was were are will would could should said says say announced suspended declared "
    "denied insisted warned accused launched carried sent began continued did does agreed refused "
    # A team's results: "Notre Dame won 91-89".
    "won beat lost drew".split()
)
COORDINATION = frozenset({"and", "or", ","})
# People and bodies of people a place qualifies by origin or service: "a Brooklyn man", "Toronto police".
PERSON_NOUNS = frozenset(
    "man men woman women boy boys girl girls teen teenager teenagers youth youths couple family families resident "
    "residents native natives lawmaker lawmakers legislator legislators voter voters police officer officers official "
    "officials leader leaders mayor politician politicians businessman businesswoman son sons daughter daughters "
    "mother mothers father fathers councillor councillors driver drivers teacher teachers student students "
    "spokesman spokeswoman spokesperson".split()
)
# What such a noun may head in turn, which makes the whole a site again: "the Delft police station".
PERSON_PLACES = frozenset("station stations headquarters shooting shootings".split())
# People who belong to a team: after a place's name they make it the team's ("Louisville coach").
TEAM_MEMBERS = frozenset(
    "coach coaches player players star stars striker strikers forward midfielder defender goalkeeper keeper captain "
    "quarterback pitcher teammate teammates squad roster fans supporters".split()
)
PASSIVE_AUXILIARIES = frozenset("is was are were being been".split())
COPULAS = frozenset("is was remains remained".split())
# What a land holds rather than does: after "China's" these make the country the ground ("China's economy").
LAND_HOLDINGS = frozenset(
    "economy economies industry industries population populations growth residents inhabitants jobs market markets "
    "sector restaurants hotels beaches airports roads farms farmers workers tourism history landscape climate "
    "unemployment".split()
)
MAX_NAME_TOKENS = 6
_DATELINE_END = re.compile(r"^(?:,|\s*\(|\s*[—–-])")  # "WASHINGTON (AP) —", "ALVIN, Texas"
POSSESSED_GEOGRAPHY = frozenset(
    "north south east west northern southern eastern western central capital second third largest biggest border "
    "borders coast coastline territory airspace waters mountains desert provinces regions cities towns villages "
    "countryside interior heartland frontier".split()
)
# Words that start a person's name ("President Kelly"), and words that start a place's ("Mount Sinjar").
TITLES = frozenset(
    "mr mrs ms miss dr prof president gen general sen senator rep representative gov governor judge justice mayor "
    "minister chancellor secretary coach officer sgt sergeant lt lieutenant col colonel capt captain maj major "
    "king queen prince princess sheikh ayatollah imam pope rev reverend father sister brother pastor cardinal "
    "chief commander admiral marshal detective constable inspector agent".split()
)
GEO_PREFIXES = frozenset(
    "mount mt lake port fort saint st san santa sao new old greater upper lower north south east west "
    "northern southern eastern western central cape gulf bay river".split()
)
# Abbreviations that look like names but never are one: months, titles; "Olympic", which names hamlets but in news
# is the Games; and "the Alliance", which is NATO, not Alliance, Ohio.
NOT_NAMES = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec rev gen gov sen rep col lt sgt capt dr mr mrs ms "
                      "olympic olympics alliance".split())
WEATHER_NAMES = frozenset(normalize(name) for name in ("El Niño", "La Niña"))
# Words that make a longer name an organisation's, a team's or a paper's: "Toronto Police", "Washington Post".
ORG_WORDS = frozenset(
    "Times Post Herald Journal Tribune Daily News Gazette Star Globe Chronicle Press Observer Telegraph Guardian "
    "Police Fire Hydro University College School Institute Museum Hospital Zoo Bank Council Party Government "
    "Airport Airlines Airways Railway Railways Transit Port Authority Department Ministry Commission Court "
    "FC United City Club Symphony Orchestra Opera Theatre Theater Festival Stock Exchange Corporation Company "
    "Energy Power Telecom Network Radio Television TV Cathedral Church Mosque Stadium Arena Center Centre Mall "
    "Raptors Giants Rangers Kings State Senators Parliament Assembly Congress Congressional Business Review".split()
)
# Verbs of saying and thinking, past and present: "Nelson says", "Nelson concedes", "according to ..." is not one.
# Heads of "X of Y" names of institutions that are not the state ("the University of Alberta", "the Bank of
# England", "the Chamber of Commerce"); the state's own ("the Government of Iraq") keep the country as its actor.
INSTITUTION_WORDS = frozenset(
    "University College School Institute Academy Conservatory Museum Hospital Zoo Bank Council Chamber Union Summit "
    "Mall Federation Association Society League Organisation Organization Foundation Trust Authority Commission "
    "Commonwealth Church Cathedral Orchestra Symphony Opera Theatre Theater Festival Club Company Corporation Observer "
    "Centre Center".split()
)
SPEECH_VERBS = frozenset(
    "said says told tells added adds explained explains wrote writes asked asks replied replies noted notes argued "
    "argues insisted insists conceded concedes recalled recalls admitted admits thinks believes tweeted tweets "
    "posted posts".split()
)
# "US forces", "US embassy": a country name before these nouns qualifies them (GeoWebNews' non-literal modifier).
MODIFIED_NOUNS = frozenset(
    "forces force troops soldiers army military navy president government officials authorities embassy drone drones "
    "strike strikes contractor contractors jets aircraft warplanes trainers personnel envoy ambassador minister "
    "diplomats diplomat citizens nationals allies ally coalition-led base bases outpost outposts warship warships "
    "ships vessels".split()
)


class Token(NamedTuple):
    """A word of a sentence (a tuple: every word of every sentence is one, so it must be cheap to make)."""

    text: str  # the token without a possessive ending
    start: int
    end: int
    raw_end: int  # end including the possessive, if any
    capitalised: bool  # text[:1].isupper(), asked of every token several times


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the text, before resolution."""

    text: str  # the span as written: "Baghdad", "Baghdad's airport", "northern Iraq"
    start: int
    end: int
    sentence: int
    role: str
    reference: str = "name"  # name | admin ("X province") | demonym:<iso2> | direction:<dir> | facility:<subtype> | site:<head>
    container: str | None = None  # the name after "X, " or "X in", to resolve X inside it
    name: str = ""  # the gazetteer name to look up when it is not the whole span ("Baghdad" in "Baghdad airport")

    @property
    def lookup_name(self) -> str:
        return self.name or self.text


@cache
def common_words(gazetteer_version: str) -> frozenset[str]:
    """Frequent English words: at a sentence start they are words, not names ("Many", "Young", "Reading")."""
    return frozenset(top_n_list("en", 3000))


def _participle(word: str) -> bool:
    """"Neighbouring Niger said", "Embattled Sudan": an English participle opening the sentence, however rare."""
    return word.lower().endswith(("ing", "ed")) and zipf_frequency(word.lower(), "en") >= 3.0


def tokens(text: str, abbreviations: frozenset[str] = frozenset(), offset: int = 0) -> list[Token]:
    """Word tokens, with offsets shifted by `offset`; a known abbreviation keeps its final stop ("Ky.", "Mo.")."""
    found = []
    append = found.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        if word[-1] == "-":
            word = word.rstrip("-")
        start = match.start()
        end = start + len(word)
        if text[end : end + 1] == "." and word + "." in abbreviations:
            word += "."
            end += 1
        core = word
        if word[-1] in _POSSESSIVE_ENDINGS and len(word) > 3:
            possessive = _POSSESSIVE.search(word)
            if possessive:
                core = word[: possessive.start()]
        append(Token(core, start + offset, start + offset + len(core), end + offset, core[:1].isupper()))
    return found


def find_toponyms(article: Article, gazetteer: Gazetteer, actor_spans: list[tuple[int, int]]) -> list[Toponym]:
    """Every place reference in the article, in text order."""
    common = common_words(gazetteer.version)
    found: list[Toponym] = []
    people: set[str] = set()
    relatives: set[str] = set()
    for sentence in article.sentences:
        shifted = tokens(sentence.text, gazetteer.abbreviations, sentence.start)
        runs = _joined_names(article.text, shifted, _chunks(shifted, article.text, common), gazetteer)
        people |= _surnames(article.text, shifted, runs, gazetteer, common)
        relatives |= _described_people(article.text, shifted, runs)
        found.extend(_sentence_toponyms(article.text, shifted, runs, sentence.index, gazetteer, common, actor_spans))
    # One sense per article: once "Jeremy Bowen" is a person, "Bowen" alone is him, not the Australian town; once
    # "his brother Tyler" is, so is "Tyler", unless it also names a country or a province.
    return [t for t in found if not (((t.text in people and _names_small_place(t.lookup_name, gazetteer, provinces=True))
                                      or (t.text in relatives and not _names_area(t.lookup_name, gazetteer)))
                                     and not (_after_place_preposition(article.text, t.start)
                                              and not _DESCRIBED_AS_PERSON.match(article.text, t.end)))]


# Nouns of a person's calling that put a name after them: "the cleric Hamid ul Haq Haqqani".
CALLING_NOUNS = frozenset(
    "cleric preacher imam journalist reporter activist spokesman spokeswoman commander warlord militant jihadist "
    "businessman businesswoman lawyer poet singer rapper footballer striker blogger dissident defector financier "
    "ideologue strongman".split()
)
# Nouns of kin and company that put a given name after them: "his brother Tyler", "his wife, Julia".
KIN_NOUNS = frozenset(
    "wife husband son daughter brother sister mother father mum mom dad girlfriend boyfriend fiancee fiance partner "
    "widow widower uncle aunt cousin nephew niece grandson granddaughter grandmother grandfather stepson stepdaughter "
    "sons daughters brothers sisters".split()
)
# "Bolton, an incendiary neo-conservative media commentator": a name the next words describe as a person.
_DESCRIBED_AS_PERSON = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:" + "|".join(sorted(CALLING_NOUNS)) + r"|commentator|adviser|advisor|"
    r"official|minister|actor|actress|model|singer|player|coach|senator|lawmaker|politician|diplomat|economist|"
    r"researcher|professor|analyst|author|writer|novelist|director|producer|executive|entrepreneur)\b")
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*,")  # "Ana Ruiz, 41, and Tom Bell, 39, were held": a name followed by an age


def _described_people(text: str, toks: list[Token], runs: list[list[int]]) -> set[str]:
    """Every word of names that the text itself calls people: after a noun of kin or of a person's calling ("the
    cleric Hamid ul Haq Haqqani", "the militant commander Hafiz Gul Bahadur"), or followed by an age."""
    found = set()
    for run in runs:
        if len(run) > 3:
            continue
        before = run[0] - 1
        kin = before >= 0 and toks[before].text.lower() in (KIN_NOUNS | CALLING_NOUNS) \
            and text[toks[before].end : toks[run[0]].start] in (" ", ", ")
        if kin or _AGE_AFTER.match(text, toks[run[-1]].raw_end) or _DESCRIBED_AS_PERSON.match(text, toks[run[-1]].raw_end):
            found.update(toks[i].text for i in run)
    return found


def _names_area(name: str, gaz: Gazetteer) -> bool:
    """A country, a province or a region (or a people): a name too big to be only a person's."""
    return normalize(name) in gaz.demonyms or any(m.candidate.kind in ("country", "admin1", "region", "water")
                                                  for m in gaz.lookup(name))


_CLAUSE_OPENERS = frozenset("after before in on at from since for with by during while when as but and".split())
# "Iskander missiles", "Patriot batteries": a weapon's name ("the Chasiv Yar rocket attack" still names a place).
_WEAPON_AFTER = re.compile(r"(?:-\w+)?\s+(?:(?:cruise|ballistic|hypersonic|guided|attack|kamikaze|suicide|anti-[\w-]+|"
                           r"air[- ]defen[cs]e|surface-to-air|multiple)\s+)?(?:missiles?|rockets?|drones?|launchers?|interceptors?|"
                           r"batteries|battery|howitzers?|tanks?|warheads?)\b(?!\s+(?:strikes?|attacks?|barrages?|raids?|hit))")
# "written in Java", "Java programmers": a programming language, not the island (or any place but a country or
# province). Not "developers": "the British developer Lordship" builds houses.
_SOFTWARE_AFTER = re.compile(r"\s+(?:programming|programmers?|code|applets?|runtime|virtual machine|bytecode|compiler|"
                             r"source code)\b")
_SOFTWARE_BEFORE = re.compile(r"\b(?:written|coded|programmed|programming|implemented|rewritten|ported)\s+(?:in|to)\s+$")
_BLOCK_OF = re.compile(r"\bblock of\s+$")  # "the 400 block of River Avenue"
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|from|to|into|outside|inside|across|towards?)\s+(?:the\s+)?$", re.I)


def _names_software(text: str, start: int, end: int, surface: str, gaz: Gazetteer) -> bool:
    """"Java code", "written in Java": a language or a program's name before a noun of code or after "written in"."""
    if not (_SOFTWARE_AFTER.match(text, end) or _SOFTWARE_BEFORE.search(text, max(0, start - 30), start)):
        return False
    return normalize(surface) not in gaz.demonyms and not any(m.candidate.kind in ("country", "admin1") for m in gaz.lookup(surface))


def _after_place_preposition(text: str, start: int) -> bool:
    """"disruption at Heathrow": a place, even where a namesake speaks ("Heathrow said")."""
    return bool(_PLACE_PREPOSITION.search(text[max(0, start - 20) : start]))


_GIVEN_NAME_AND_INITIAL = re.compile(r"\b[A-Z][a-z]+ [A-Z]\. $")


def _surnames(text: str, toks: list[Token], runs: list[list[int]], gaz: Gazetteer, common: frozenset[str]) -> set[str]:
    """Last words of person names: "President Kelly", "Mr. Heiden", "John Kelly" (a first word that names no
    place), and lone names that speak ("Nelson says")."""
    found = set()
    for run in runs:
        if len(run) == 1 and _speaks(text, toks, run[0]) and _names_small_place(toks[run[0]].text, gaz):
            found.add(toks[run[0]].text)
        if _GIVEN_NAME_AND_INITIAL.search(text, max(0, toks[run[0]].start - 30), toks[run[0]].start):
            found.add(toks[run[-1]].text)  # "Gino D. Bassett", "Johnathan J. Dunbar"
        before = run[0] - 1
        if before >= 0 and toks[before].text.lower() in TITLES and text[toks[before].end : toks[run[0]].start] == ". ":
            found.add(toks[run[-1]].text)
    for run in runs:
        words = [toks[i].text for i in run]
        if not 2 <= len(words) <= 3 or any(not w[:1].isupper() or w.isupper() for w in words):
            continue
        titled = words[0].lower().rstrip(".") in TITLES
        first = words[0].lower()
        # A first word that is at most a village's name is read as a given name: "Christopher Steele"; a frequent
        # word too ("John Bolton", "Tom Ingram") past the start of a sentence, where only names are capitalised.
        plain = (first not in GEO_PREFIXES and (first not in common or run[0] > 0) and not gaz.lookup(" ".join(words))
                 and (not gaz.lookup(words[0]) or _names_small_place(words[0], gaz)))
        if titled or plain:
            found.add(words[-1])
    return found


def _names_small_place(name: str, gaz: Gazetteer, provinces: bool = False) -> bool:
    """True unless the name can mean an area, a city of 100,000+ people, or a people ("Germans"). With `provinces`,
    a province's name counts as small: a surname once seen with its given name ("Dewly Nelson") is rarely the
    province it shares a name with (Nelson, New Zealand)."""
    areas = ("country", "region", "water") if provinces else ("country", "admin1", "region", "water")
    return normalize(name) not in gaz.demonyms and not any(m.candidate.kind in areas or m.candidate.population >= 100_000
                                                           for m in gaz.lookup(name))


WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())


_DAY_AFTER = re.compile(r"\s+\d{1,2}\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$")


def _is_date_month(text: str, tok: Token) -> bool:
    """"April 4", "4 April": a month name beside a day number is a date (April alone may be a person)."""
    return tok.text.lower() in MONTH_NAMES and bool(
        _DAY_AFTER.match(text, tok.end) or _DAY_BEFORE.search(text, max(0, tok.start - 6), tok.start))


def _chunks(toks: list[Token], text: str, common: frozenset[str]) -> list[list[int]]:
    """Runs of capitalised tokens (with name connectors such as "al" or "of" inside), as token indices."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, tok in enumerate(toks):
        if tok.text in WEEKDAYS or _is_date_month(text, tok):
            # "On Tuesday Washington declared", "arrive in Lagos April 4": a day name, or a month with its day,
            # never begins or continues a place's name.
            if current:
                _close(runs, current, toks)
                current = []
            continue
        if current:
            last = toks[current[-1]]
            joined = last.raw_end == last.end and text[last.raw_end : tok.start] in (" ", "-")
        else:
            joined = False
        if tok.capitalised:
            if not joined and current:
                _close(runs, current, toks)
                current = []
            current.append(i)
        elif (joined and tok.text.lower() in CONNECTORS) or _is_arabic_article(tok.text):
            # "al-Tanf", "as-Suwayda": a name may begin with the article in lower case.
            if not joined and current:
                _close(runs, current, toks)
                current = []
            current.append(i)
        elif current:
            _close(runs, current, toks)
            current = []
    _close(runs, current, toks)
    return runs


def _joined_names(text: str, toks: list[Token], runs: list[list[int]], gaz: Gazetteer) -> list[list[int]]:
    """"Sistan and Baluchestan", "Bosnia and Herzegovina", "Washington, D.C.": two runs joined by "and" or a
    comma are one name when the gazetteer has the whole of it, by its own name, as a country, a province or a
    region (never a town: "Paris and London", "Irbil, Iraq")."""
    joined: list[list[int]] = []
    for run in runs:
        if joined:
            previous = joined[-1]
            by_and = run[0] == previous[-1] + 2 and toks[run[0] - 1].text == "and"
            by_comma = run[0] == previous[-1] + 1 and text[toks[previous[-1]].raw_end : toks[run[0]].start] == ", "
            name = text[toks[previous[0]].start : toks[run[-1]].end]
            if (by_and or by_comma) and any(m.primary and m.candidate.kind in ("country", "admin1", "region")
                                            for m in gaz.lookup(name)):
                joined[-1] = [*previous, *([run[0] - 1] if by_and else []), *run]
                continue
        joined.append(run)
    return joined


def _segments(text: str, toks: list[Token], run: list[int], gaz: Gazetteer, common: frozenset[str]) -> list[list[int]]:
    """Greedy longest gazetteer names inside an over-long run of capitalised words."""
    parts, i = [], 0
    while i < len(run):
        for width in range(min(MAX_NAME_TOKENS, len(run) - i), 0, -1):
            window = run[i : i + width]
            name = text[toks[window[0]].start : toks[window[-1]].end]
            if _is_name(name, gaz, common, single=width == 1, opener=window[0] == 0):
                parts.append(window)
                i += width
                break
        else:
            i += 1
    return parts


def _split_at_connectors(toks: list[Token], run: list[int]) -> list[list[int]]:
    parts: list[list[int]] = [[]]
    for i in run:
        if toks[i].capitalised or _is_arabic_article(toks[i].text):
            parts[-1].append(i)
        elif parts[-1]:
            parts.append([])
    return [p for p in parts if p]


_ARABIC_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ez|es|ed|er|et|en|ul|ud|un)-[A-Z]")


def _is_arabic_article(word: str) -> bool:
    # Asked of most words: the hyphen test spares the regex call for words that cannot match.
    return (word[2:3] == "-" or word[3:4] == "-") and _ARABIC_ARTICLE.match(word) is not None


def _close(runs: list[list[int]], current: list[int], toks: list[Token]) -> None:
    while current and not toks[current[-1]].capitalised and not _is_arabic_article(toks[current[-1]].text):
        current = current[:-1]
    if current:
        runs.append(current)


def _sentence_toponyms(
    text: str, toks: list[Token], runs: list[list[int]], sentence: int, gaz: Gazetteer, common: frozenset[str],
    actor_spans: list[tuple[int, int]],
) -> list[Toponym]:
    found = []
    for run in runs:
        found.extend(_run_toponyms(text, toks, run, sentence, gaz, common, actor_spans))
    found.extend(_villages_listed_with_places(text, toks, runs, sentence, gaz, found, actor_spans))
    found = _without_names_listed_among_non_places(text, toks, runs, found, gaz)
    found.extend(_after_stance_prefix(toks, sentence, gaz))
    return _share_literal_roles(text, sorted(found, key=lambda t: t.start))


_LIST_GAP = re.compile(r"^(?:,\s*|\s+(?:and|or|&)\s+|,\s*(?:and|or)\s+)$")
_LIST_SEP = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_LIST_LINK = re.compile(rf"(?:{_LIST_SEP}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})*{_LIST_SEP}")  # ", Ras Isa and "


def _villages_listed_with_places(
    text: str, toks: list[Token], runs: list[list[int]], sentence: int, gaz: Gazetteer, found: list[Toponym],
    actor_spans: list[tuple[int, int]],
) -> list[Toponym]:
    """"the ports of Hodeidah, Ras Isa and Salif": a lone name known only as another spelling of a small town, which
    alone is more often a surname, is that town when it is listed after a place."""
    taken = {(t.start, t.end) for t in found}
    ends = sorted(t.end for t in found if t.role == "literal")
    extra = []
    for run in runs:
        if len(run) != 1:
            continue
        tok = toks[run[0]]
        if any(s < tok.end and tok.start < e for s, e in taken) or any(a <= tok.start and tok.end <= b for a, b in actor_spans):
            continue
        before = next((e for e in reversed(ends) if e <= tok.start and tok.start - e <= 40), None)
        if before is None or not _LIST_LINK.fullmatch(text[before : tok.start]) or _speaks(text, toks, run[0]):
            continue
        # a list's own "and", or more of the list after it ("In Baghdad, Kelly said" is no list)
        if not (re.search(r"\b(?:and|or)\s+$", text[before : tok.start]) or re.match(r"\s*(?:,|and\b|or\b)", text[tok.end :])):
            continue
        if any(m.candidate.kind == "city" for m in gaz.lookup(tok.text)) and not tok.text.isupper():
            extra.append(_classify(text, toks, run[0], run[0], sentence, gaz))
    return extra



def _without_names_listed_among_non_places(
    text: str, toks: list[Token], runs: list[list[int]], found: list[Toponym], gaz: Gazetteer
) -> list[Toponym]:
    """"Haydn, Chopin, Liszt and Debussy", "Helen, Clarence, Irene and Marie": a list holds names of one kind, so
    a town's name among names that are no places is one of them. Areas and big cities stay places."""
    lists: list[list[list[int]]] = []
    for run in runs:
        if lists and _LIST_GAP.match(text[toks[lists[-1][-1][-1]].raw_end : toks[run[0]].start]):
            lists[-1].append(run)
        else:
            lists.append([run])
    dropped: set[int] = set()
    for members in (group for group in lists if len(group) >= 3):
        spans = [(toks[m[0]].start, toks[m[-1]].end) for m in members]
        named = [[t for t in found if a <= t.start and t.end <= b] for a, b in spans]
        strays = sum(1 for tops in named if not tops)
        places = len(members) - strays
        if strays >= 2 and strays > places:
            dropped |= {t.start for tops in named for t in tops
                        if _names_small_place(t.lookup_name, gaz, provinces=True)}
    return [t for t in found if t.start not in dropped]


_STANCE_PREFIX = re.compile(r"^(?i:anti|pro|ex|non|post|pre)-(?=[A-Z])")


def _after_stance_prefix(toks: list[Token], sentence: int, gaz: Gazetteer) -> list[Toponym]:
    """"anti-Russian", "pro-Iranian", "ex-Soviet", "pro-Kurdistan": the country or people after the prefix, a modifier."""
    found = []
    for tok in toks:
        prefix = _STANCE_PREFIX.match(tok.text) if "-" in tok.text else None
        if prefix is None:
            continue
        name = tok.text[prefix.end():]
        demonym = _demonym(name, gaz)
        if demonym or any(m.primary and m.candidate.kind in ("country", "region", "admin1") for m in gaz.lookup(name)):
            start = tok.start + prefix.end()
            found.append(Toponym(name, start, start + len(name), sentence, "modifier",
                                 f"demonym:{demonym[0]}" if demonym else "name"))
    return found


# "Cyprus, Greece and Spain", "Indonesia (306 MW) and Turkey": a bracketed aside does not break the list.
_COORDINATED = re.compile(r"^(?:['’]s)?\s*(?:\([^()]{1,40}\)\s*)?(?:,|and|or|,\s*and|,\s*or)\s*(?:the\s+)?$")


def _share_literal_roles(text: str, found: list[Toponym]) -> list[Toponym]:
    """"to Jordan and Kuwait", "Irbil, Iraq", "Cyprus, Greece and Spain": a name coordinated with, or containing, a
    literal place is literal too, wherever in the list the literal one stands."""
    shared = list(found)
    groups: list[list[int]] = []
    for i, cur in enumerate(shared):
        if groups and _COORDINATED.match(text[shared[groups[-1][-1]].end : cur.start]):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if any(shared[i].role == "literal" for i in group):
            for i in group:
                if shared[i].role == "metonymic":
                    shared[i] = replace(shared[i], role="literal")
    return shared


def _run_toponyms(
    text: str, toks: list[Token], run: list[int], sentence: int, gaz: Gazetteer, common: frozenset[str],
    actor_spans: list[tuple[int, int]],
) -> list[Toponym]:
    if len(run) > MAX_NAME_TOKENS:
        # No place name is this long: "Mosul Mosul Mosul ..." is a list; read it as its longest names.
        return [t for part in _segments(text, toks, run, gaz, common) for t in _run_toponyms(text, toks, part, sentence, gaz, common, actor_spans)]
    first, last = run[0], run[-1]
    start, end = toks[first].start, toks[last].end
    surface = text[start:end]
    dateline_part = _dateline_part(text, toks, run, gaz)
    if dateline_part:
        # "LONDON Pope Francis said", "Associated Press WASHINGTON (AP)": a dateline in capitals run together
        # with the words beside it is read on its own.
        parts = [dateline_part, [i for i in run if i not in dateline_part]]
        return [t for part in sorted(parts) for t in _run_toponyms(text, toks, part, sentence, gaz, common, actor_spans)]
    inside_actor = any(a <= start and end <= b for a, b in actor_spans)
    if (start, end) in actor_spans or (len(run) == 1 and toks[first].text.lower() in NOT_NAMES):
        return []  # "NATO" is the alliance, not the village of that name
    if normalize(surface) in WEATHER_NAMES:
        return []  # "El Niño" is the Pacific's warming, not a town
    if len(run) == 1 and _speaks(text, toks, first) and _names_small_place(surface, gaz):
        return []  # "Kelly said": a person speaking; "Iran said" stays a (metonymic) place
    if len(run) == 1 and _names_software(text, start, end, surface, gaz):
        return []  # "written in Java": the language, not the island
    if _WEAPON_AFTER.match(text, end) and gaz.lookup(surface) and _names_small_place(surface, gaz):
        return []  # "Iskander missiles", "Patriot batteries", "Shahed drones": a weapon's name, not Iskandar or Patriot
    if toks[first].text == "The" and len(run) > 1 and any(m.primary for m in gaz.lookup(text[toks[first + 1].start : end])):
        # "The Korean Peninsula" opening a sentence names the Korean Peninsula, without its article, though the
        # gazetteer may know it only with it ("The White House" is not Casablanca); "The Hague" keeps its article.
        if not gaz.lookup(surface):
            return _run_toponyms(text, toks, run[1:], sentence, gaz, common, actor_spans)
        bare = _classify(text, toks, first + 1, last, sentence, gaz)  # a known name: never a person ("The Pentagon said")
        return [replace(bare, name=surface) if not bare.name else bare]
    dateline = first == 0 and surface.isupper() and len(surface) > 2 and bool(_DATELINE_END.match(text[end : end + 4]))
    is_name = (dateline and bool(gaz.lookup(surface))) or _is_name(surface, gaz, common, single=len(run) == 1, opener=first == 0)
    opener = first == 0 or toks[first].text.lower() in _CLAUSE_OPENERS  # "the bus was late After Kyiv, Lviv ...": a run-on sentence
    if (not is_name and opener and len(run) > 1 and (toks[first].text.lower() in common or _participle(toks[first].text))
            and not _is_significant(toks[first].text, gaz, strict=True)):
        # A capitalised sentence opener ("In Baghdad", "Since Iraq's ...") is not part of the name, nor is one
        # that opens a sentence the text ran into the one before.
        return _run_toponyms(text, toks, run[1:], sentence, gaz, common, actor_spans)
    if not is_name and any(not toks[i].capitalised and not _is_arabic_article(toks[i].text) for i in run):
        # "Soleimani of Iran" is two names joined by a connector; in "Department of Commerce" the second
        # part is part of an organisation's name, so it counts only as a well-known place.
        parts = _split_at_connectors(toks, run)
        site = None if inside_actor else _building_of_town(text, toks, parts, sentence, gaz)
        if site is not None:
            return [site]
        found = [t for t in _run_toponyms(text, toks, parts[0], sentence, gaz, common, actor_spans)]
        for previous, part in zip(parts, parts[1:]):
            inner = _run_toponyms(text, toks, part, sentence, gaz, common, actor_spans)
            # "the University of Alberta", "the Bank of England": the place inside an institution's name.
            institution = toks[previous[-1]].text in INSTITUTION_WORDS
            found += [replace(t, role="embedded") if institution else t for t in inner if _is_significant(t.lookup_name, gaz)]
        return found
    numbered = None if inside_actor else _numbered_site(text, toks, run, sentence, gaz)
    if numbered is not None:
        return numbered
    site = None if inside_actor else _named_site(text, toks, run, sentence, gaz)
    if site is not None and (not is_name or site.end > end):
        return [site]  # "Lido beach in Mogadishu" is the beach, not the Italian town called Lido
    if is_name:
        if inside_actor:
            if any(a <= start and end <= b and not re.search(r"[A-Z]", text[a:start] + text[end:b]) for a, b in actor_spans):
                return []  # "Hamas fighters": the name is the group itself, not a place inside its name
            return [Toponym(surface, start, end, sentence, "embedded", _reference(surface, gaz))]
        return [_classify(text, toks, first, last, sentence, gaz)]
    area = None if inside_actor else _area_phrase(text, toks, first, last, gaz)
    if area:
        return [Toponym(surface, start, end, sentence, "literal", "admin", name=area)]
    titled = None if inside_actor else _titled_area(text, toks, run, sentence, gaz)
    if titled is not None:
        return [titled]
    found = []
    demonym = _demonym(toks[first].text, gaz)
    if demonym and len(run) > 1:
        found.append(Toponym(toks[first].text, toks[first].start, toks[first].end, sentence, "embedded" if inside_actor else "modifier", f"demonym:{demonym[0]}"))
    if len(run) > 1 and toks[first].text.lower() in DIRECTIONS:
        rest = text[toks[first + 1].start : end]
        if _is_name(rest, gaz, common, single=False, opener=False) and _has_parts(rest, gaz):
            found.append(Toponym(surface, start, end, sentence, "literal", f"direction:{DIRECTIONS[toks[first].text.lower()]}", rest, rest))
    if len(run) == 1:
        # "in Asia-Pacific" as "in Asia"; "the Syrian-Turkish border" as "the Syrian border".
        ground = _locational_head(text, toks, first) or (first > 0 and toks[first - 1].text.lower() in LOCATIVE)
        found.extend(_hyphen_compound(toks[first], sentence, gaz, "literal" if ground else "modifier"))
    hyphened = _hyphen_name(text, toks, run, gaz)
    if hyphened and hyphened[:2] not in actor_spans:  # "Hamas-run" is not Hamm
        # "Calgary-based" says where something is (literal); "US-led", "Iran-backed", "Russian-backed" say who (modifier).
        h_start, h_end, tail = hyphened
        located = tail.lower() in ("based", "born", "headquartered", "bound")
        demonym = _demonym(text[h_start:h_end], gaz)
        found.append(Toponym(text[h_start:h_end], h_start, h_end, sentence,
                             "literal" if located and not demonym else "modifier",
                             f"demonym:{demonym[0]}" if demonym else "name"))
    if not found and len(run) > 1 and _country_of(toks[first].text, gaz) and not inside_actor:
        # "US President Donald Trump", "Iraq Body Count": a country name leading a longer name.
        found.append(Toponym(toks[first].text, toks[first].start, toks[first].end, sentence, "modifier"))
    if not found and len(run) > 1:
        found.extend(_embedded(text, toks, run, sentence, gaz))
    return found


def _dateline_part(text: str, toks: list[Token], run: list[int], gaz: Gazetteer) -> list[int]:
    """The capitals of a run that mixes a capitalised place with other words: at the start of a sentence, or
    before "(AP)" or a dash; [] when there is none."""
    caps = [i for i in run if toks[i].text.isupper() and len(toks[i].text) > 1]
    if not caps or len(caps) == len(run) or len(text[toks[caps[0]].start : toks[caps[-1]].end]) <= 2:
        return []
    name = text[toks[caps[0]].start : toks[caps[-1]].end]
    opening = run[: len(caps)] == caps and run[0] == 0
    closing = run[-len(caps):] == caps and bool(_DATELINE_END.match(text[toks[caps[-1]].end : toks[caps[-1]].end + 4]))
    return caps if (opening or closing) and gaz.lookup(name) else []


def _named_site(text: str, toks: list[Token], run: list[int], sentence: int, gaz: Gazetteer) -> Toponym | None:
    """"the Hayat Hotel in Mogadishu", "Zamzam displacement camp near El Fasher": a named building or site the
    gazetteer does not know, placed at the town named beside it (so its precision is "near", not "site")."""
    head = len(run) > 1 and toks[run[-1]].text.lower() in SITE_HEADS and run[-1]
    if not head:
        head = _lower_case_head(text, toks, run[-1])
    if head is None and run[-1] + 2 < len(toks) and toks[run[-1] + 1].text == "and" and toks[run[-1] + 2].capitalised:
        # "the Tawke and Peshkhabour fields in Duhok province": the first name shares the plural head of the second.
        second = next((k for k in range(run[-1] + 2, min(run[-1] + 2 + MAX_NAME_TOKENS, len(toks))) if not toks[k].capitalised), None)
        shared = None if second is None else _lower_case_head(text, toks, second - 1)
        if shared is not None and toks[shared].text.lower().endswith("s"):
            container = _site_container(text, toks, shared, gaz)
            start, end = toks[run[0]].start, toks[run[-1]].end
            return None if container is None else \
                Toponym(text[start:end], start, end, sentence, "literal", f"site:{_singular_head(toks[shared].text)}", container, container)
    if head is None or head is False:
        return None
    start = toks[run[0]].start
    if any(m.candidate.kind == "facility" for m in gaz.lookup(text[start : toks[head].end])):
        # "the Zamzam displacement camp": a site the gazetteer knows (a town "Lido Beach" is only a namesake)
        return Toponym(text[start : toks[head].end], start, toks[head].end, sentence, "literal")
    owner = text[start : toks[run[-1]].end]
    if any(m.candidate.kind == "facility" for m in gaz.lookup(owner)):
        # "the Ain al-Asad base in Iraq": a site the gazetteer knows by its name alone, whatever follows it
        return Toponym(text[start : toks[head].end], start, toks[head].end, sentence, "literal", name=owner)
    if head != run[-1] and (_country_of(owner, gaz) or _demonym(owner, gaz)):
        return None  # "a US outpost", "the Turkish base": whose it is, not its name
    container = _site_container(text, toks, head, gaz)
    at_site = _after_place_preposition(text, start) or bool(_BLOCK_OF.search(text, max(0, start - 30), start))
    if head == run[-1] and (container is None or _names_area(container, gaz)):
        # "the Bannu Cantonment in north-western Pakistan": a building named after its town is in that town.
        container = _site_anchor(text, toks, run, gaz, at_site or container is not None) or container
    if container is None:
        # "arrested on McCandless Street", "taken to Karl Bremer Hospital": a place by its own name, which
        # resolution can only put in the town the article is about (or nowhere).
        if head != run[-1] or not at_site:
            return None
        end = toks[head].end
        return Toponym(text[start:end], start, end, sentence, "literal", f"site:{toks[head].text.lower()}")
    start, end = toks[run[0]].start, toks[head].end
    return Toponym(text[start:end], start, end, sentence, "literal", f"site:{_singular_head(toks[head].text)}", container, container)


def _building_of_town(text: str, toks: list[Token], parts: list[list[int]], sentence: int, gaz: Gazetteer) -> Toponym | None:
    """"the University Hospital of Mirebalais", "the Central Prison of Aleppo": a building named for the town it
    stands in, placed there (a university "of Alberta" is named for a province it serves, and stays embedded)."""
    if len(parts) != 2 or toks[parts[1][0] - 1].text != "of":
        return None
    head = toks[parts[0][-1]].text.lower()
    town = text[toks[parts[1][0]].start : toks[parts[1][-1]].end]
    if head not in BUILDING_HEADS or head in ("university", "school", "court") or len(parts[0]) < 2:
        return None
    if not any(m.candidate.kind == "city" for m in gaz.lookup(town)):
        return None
    start, end = toks[parts[0][0]].start, toks[parts[1][-1]].end
    return Toponym(text[start:end], start, end, sentence, "literal", f"site:{head}", town, town)


# Words that end a name's phrase rather than describe its site: "Kelly visited the base".
_NOT_DESCRIBING = frozenset("the a an and or of in at to on by for with from its their his her this that visited said".split())


def _lower_case_head(text: str, toks: list[Token], last: int) -> int | None:
    """The site word after a name, perhaps past two describing words: "Lido beach", "Zamzam displacement camp",
    "the Marco Fidel Suarez military aviation school", "the Tawke and Peshkhabour fields"."""
    return next((k for k in range(last + 1, min(last + 4, len(toks)))
                 if _site_word(toks[k].text) and all(_adjacent(text, toks[j - 1], toks[j]) for j in range(last + 1, k + 1))
                 and not any(toks[j].capitalised or toks[j].text.lower() in _NOT_DESCRIBING for j in range(last + 1, k + 1))), None)


def _site_word(word: str) -> bool:
    lower = word.lower()
    return lower in SITE_HEADS or (lower.endswith("s") and lower[:-1] in SITE_HEADS)


def _singular_head(word: str) -> str:
    lower = word.lower()
    return lower if lower in SITE_HEADS else lower.removesuffix("s")


def _site_anchor(text: str, toks: list[Token], run: list[int], gaz: Gazetteer, after_preposition: bool) -> str | None:
    """The place a capitalised site name itself gives: a possessive before it ("Baghdad's Rashid Street") or, for a
    building one is taken to or is at, a well-known place it is named after ("at the Manila Cathedral")."""
    before = run[0] - 1
    if (before >= 0 and toks[before].capitalised and toks[before].raw_end != toks[before].end
            and text[toks[before].raw_end : toks[run[0]].start] == " " and gaz.lookup(toks[before].text)):
        return toks[before].text
    if not after_preposition or toks[run[-1]].text.lower() not in BUILDING_HEADS:
        return None
    for width in range(len(run) - 1, 0, -1):
        name = text[toks[run[0]].start : toks[run[width - 1]].end]
        if _is_significant(name, gaz):
            return name
    return None


def _numbered_site(text: str, toks: list[Token], run: list[int], sentence: int, gaz: Gazetteer) -> list[Toponym] | None:
    """"Tower 22", "Camp 7": a name with a number after it is the numbered site when the gazetteer knows it,
    and no place at all when it is a site word (never the Irish town of Tower); None when no number follows."""
    number = _SITE_NUMBER.match(text, toks[run[-1]].raw_end)
    if number is None:
        return None
    start, end = toks[run[0]].start, number.end()
    if gaz.lookup(text[start:end]):
        return [Toponym(text[start:end], start, end, sentence, "literal")]
    return [] if toks[run[-1]].text.lower() in SITE_HEADS else None


def _site_container(text: str, toks: list[Token], head: int, gaz: Gazetteer) -> str | None:
    """The known place right after a site: "in Mogadishu", "near El Fasher", "in central Khartoum", ", Gaza"."""
    k = head + 1
    if k < len(toks) and (toks[k].text.lower() in SITE_LINKS or text[toks[head].raw_end : toks[k].start].strip() == ","):
        k += toks[k].text.lower() in SITE_LINKS
        while k < len(toks) and (toks[k].text.lower() in DIRECTIONS or toks[k].text.lower() == "the"):
            k += 1
        for stop in range(min(len(toks), k + MAX_NAME_TOKENS), k, -1):
            if all(toks[j].capitalised or _is_arabic_article(toks[j].text) for j in range(k, stop)):
                name = text[toks[k].start : toks[stop - 1].end]
                if gaz.lookup(name):
                    return name
    return None


def _embedded(text: str, toks: list[Token], run: list[int], sentence: int, gaz: Gazetteer) -> list[Toponym]:
    """Well-known places inside a longer name ("New York" in "New York Times", "Toronto" in "Toronto Police"),
    kept as embedded mentions: they are context, never drawn as where something happened."""
    found = []
    words = [toks[k].text for k in run]
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + 4), i, -1):
            if (i, j) == (0, len(run)):
                continue
            a, b = toks[run[i]].start, toks[run[j - 1]].end
            beside = (words[j] if j < len(words) else "", words[i - 1] if i else "")
            # "Toronto Police", "HSBC Malta", "Texas Senator Ted Cruz", "the Calgary MLA".
            named_thing = (beside[0] in ORG_WORDS or beside[1] in ORG_WORDS or beside[1].isupper()
                           or beside[0].lower() in TITLES or (len(beside[0]) > 1 and beside[0].isupper() and not words[i].isupper())
                           # "Environment Canada", "Team Alberta", "Manitoba Underdogs Rescue": a country or a
                           # province inside any longer name, but not a given name before a surname ("Jordan Peterson")
                           or (_names_state_or_province(text[a:b], gaz) and not (len(run) == 2 and i == 0)))
            if named_thing and _is_significant(text[a:b], gaz, strict=normalize(text[a:b]) in common_words("")):
                found.append(Toponym(text[a:b], a, b, sentence, "embedded", _reference(text[a:b], gaz)))
                i = j - 1
                break
        i += 1
    return found


def _names_state_or_province(name: str, gaz: Gazetteer) -> bool:
    return any(m.primary and m.candidate.kind in ("country", "admin1") for m in gaz.lookup(name))


def _is_significant(name: str, gaz: Gazetteer, strict: bool = False) -> bool:
    """A place well known enough to stand inside another name: an area, or a city of 100,000+ by its own name
    (strict, for names that are also common words like "Orange" or "Victoria": a country or a big city)."""
    floor = 500_000 if strict else 100_000
    kinds = ("country", "region", "water") if strict else ("country", "admin1", "region", "water")
    return normalize(name) in gaz.demonyms or any(
        m.candidate.kind in kinds or (m.primary and m.candidate.population >= floor) for m in gaz.lookup(name)
    )


_CONTRACTION = re.compile(r"(?:['’](?:ve|ll|re|d|m)|n['’]t)$")  # "I've", "We'll": words, not the village of Ive


def _is_name(surface: str, gaz: Gazetteer, common: frozenset[str], single: bool, opener: bool) -> bool:
    if _CONTRACTION.search(surface):
        return False
    key = normalize(surface)
    if key in gaz.demonyms:
        return True
    matches = gaz.lookup(surface)
    if not matches:
        return False
    if not single:
        return True
    areas = ("country", "admin1", "region", "water")
    if surface.isupper() and len(surface) <= 4 and surface not in gaz.abbreviations:
        # "BA", "APC", "CIS": acronyms; only countries and regions go by letters ("US", "UAE"), and provinces
        # by the dotted abbreviations news agencies use ("B.C.", "Ky.").
        return any(m.candidate.kind in ("country", "region", "water") for m in matches)
    if key in common:
        # A frequent English word names a place only when it is an area or a big city by its own name;
        # at the start of a sentence, where every word is capitalised, only a very big one.
        floor = 1_000_000 if opener else 50_000
        return any(m.candidate.kind in areas or (m.primary and m.candidate.population >= floor) for m in matches)
    # A word that is only an alternate spelling of a village is more often a surname ("Kelly").
    return any(m.primary or m.candidate.kind != "city" or m.candidate.population >= 10_000 for m in matches)


def _speaks(text: str, toks: list[Token], index: int) -> bool:
    """A lone name right before or after "said" (whether it is a speaker or a government is decided by the caller)."""
    after = toks[index + 1].text.lower() if index + 1 < len(toks) else ""
    before = toks[index - 1].text.lower() if index > 0 else ""
    return (after in SPEECH_VERBS or before in SPEECH_VERBS) and not toks[index].text.isupper()


def _reference(name: str, gaz: Gazetteer) -> str:
    """"The Canadian Press": an embedded adjective still means Canada, never a town called Canadian."""
    demonym = _demonym(name, gaz)
    return f"demonym:{demonym[0]}" if demonym else "name"


def _demonym(word: str, gaz: Gazetteer) -> tuple[str, str] | None:
    return gaz.demonyms.get(normalize(word))


def _country_of(name: str, gaz: Gazetteer) -> str | None:
    return next((m.candidate.country for m in gaz.lookup(name) if m.candidate.kind == "country"), None)


def _has_parts(name: str, gaz: Gazetteer) -> bool:
    """Names whose "northern" or "eastern" part is a region of its own: countries, seas, world regions."""
    return any(m.candidate.kind == "country" or (m.candidate.kind in ("water", "region") and not m.candidate.country)
               for m in gaz.lookup(name))


def _is_water(name: str, gaz: Gazetteer) -> bool:
    """A sea or an ocean, even where a small town shares its name ("Atlantic", Iowa); never a country's name."""
    kinds = {m.candidate.kind for m in gaz.lookup(name)}
    return "water" in kinds and not kinds & {"country", "admin1"}


def _is_seat_of_government(name: str, gaz: Gazetteer) -> bool:
    return any(m.subtype == "landmark" for m in gaz.lookup(name))


def _hyphen_prefix(word: str, gaz: Gazetteer) -> str | None:
    """"US-led", "Iran-backed": the place before a hyphenated lower-case participle."""
    head, _, tail = word.partition("-")
    if tail and tail[:1].islower() and (gaz.lookup(head) or _demonym(head, gaz)) and not _is_arabic_article(word):
        return head
    return None


PARTICIPLES = frozenset("born run led bound made built grown".split())


def _hyphen_name(text: str, toks: list[Token], run: list[int], gaz: Gazetteer) -> tuple[int, int, str] | None:
    """(start, end, participle) of the place before a hyphenated participle: "US-led", "Los Angeles-based", and
    "US-based" at the end of a longer run ("By Henry Lazenby US-based ..."); the longest name wins."""
    head = _hyphen_prefix(toks[run[0]].text, gaz)
    if head or len(run) == 1:
        return (toks[run[0]].start, toks[run[0]].start + len(head), toks[run[0]].text[len(head) + 1 :]) if head else None
    last = toks[run[-1]]
    head, _, tail = last.text.partition("-")
    # Only a participle makes the name before it a place ("Park Chung-hee" is a person's name).
    if not (tail.endswith("ed") or tail in PARTICIPLES) or _is_arabic_article(last.text):
        return None
    end = last.start + len(head)
    for k in run:
        name = text[toks[k].start : end]
        if gaz.lookup(name) or (k == run[-1] and _demonym(name, gaz)):
            return toks[k].start, end, tail
    return None


def _hyphen_compound(tok: Token, sentence: int, gaz: Gazetteer, role: str) -> list[Toponym]:
    """"Canada-EU deal", "the Syrian-Turkish border", "the Amsterdam-London leg": every part a country, a region, a
    demonym or a big city; countries and demonyms are modifiers (literal before a noun of land, as any place
    adjective), cities are where the thing runs (literal, as "the Durban court")."""
    parts = tok.text.split("-")
    if len(parts) < 2 or not all(_is_compound_part(part, gaz) for part in parts):
        return []
    found, start = [], tok.start
    for part in parts:
        demonym = _demonym(part, gaz)
        reference = f"demonym:{demonym[0]}" if demonym else "name"
        found.append(Toponym(part, start, start + len(part), sentence, "literal" if _is_big_city(part, gaz) else role, reference))
        start += len(part) + 1
    return found


def _is_compound_part(part: str, gaz: Gazetteer) -> bool:
    demonym = _demonym(part, gaz)
    if demonym:
        return demonym[1] == "adjective"
    # Oceans go by a short name too: the "Pacific" of "Asia-Pacific".
    return part[:1].isupper() and (_is_big_city(part, gaz) or any(
        (m.primary and m.candidate.kind in ("country", "region")) or m.candidate.kind == "water" for m in gaz.lookup(part)))


def _is_big_city(name: str, gaz: Gazetteer) -> bool:
    """A city of 500,000+ by its own name and nothing bigger: "London", not "Georgia" or "Jordan"."""
    matches = gaz.lookup(name)
    return (any(m.primary and m.candidate.kind == "city" and m.candidate.population >= 500_000 for m in matches)
            and not any(m.candidate.kind in ("country", "admin1", "region") for m in matches))


def _classify(text: str, toks: list[Token], first: int, last: int, sentence: int, gaz: Gazetteer) -> Toponym:
    start, end = toks[first].start, toks[last].end
    surface = text[start:end]
    demonym = _demonym(surface, gaz)
    area = _area_phrase(text, toks, first, last, gaz)
    if demonym and not area:  # "Ethiopia's Somali region" is the region, not Somalia
        iso2, form = demonym
        # "a British city" says where even for a word that also names a people ("the British").
        # "the Turkish livestock market", "European flights": what lies in the land, past a describing word.
        held = any(w in LAND_HOLDINGS or w in LAND_NOUNS for w in _words_after(text, toks, last, 2))
        role = "literal" if _locational_head(text, toks, last) or held else "demonym" if form == "people" else "modifier"
        return Toponym(surface, start, end, sentence, role, f"demonym:{iso2}")
    before = _words_before(toks, first, 4)
    after = toks[last + 1].text.lower() if last + 1 < len(toks) and _adjacent(text, toks[last], toks[last + 1]) else ""
    if after.endswith("ly") and last + 2 < len(toks):
        after = toks[last + 2].text.lower()  # "Washington formally declared": the verb decides, not the adverb
    facility = _facility_word(text, toks, last)
    container = _container(text, toks, last, gaz) or _named_by_adjective(toks, first, gaz)
    if after in ADMIN_WORDS and _adjacent(text, toks[last], toks[last + 1]):
        return Toponym(surface, start, end, sentence, "literal", "admin", container, area or "")
    if area and after in FEATURE_WORDS:  # "the Sinjar mountains": the range, not the town of Sinjar
        return Toponym(surface, start, end, sentence, "literal", "admin", container, area)
    # "the Donetsk and Luhansk regions", "the provinces of Latakia and Tartus": the provinces, not their capitals;
    # but "the Gulf states" and "the regions of Europe" are lands that hold such areas.
    plural = _plural_area_noun_after(text, toks, last)
    if plural and not _has_parts(surface, gaz):
        return Toponym(surface, start, end, sentence, "literal", "admin", container, _named_area(surface, plural, gaz))
    feature = _feature_noun_before(toks, first)
    if feature and (named := _named_area(surface, feature, gaz)):  # "the island of Pemba": Pemba Island, not the city
        return Toponym(surface, start, end, sentence, "literal", "admin", container, named)
    noun = _area_noun_before(toks, first)
    if noun and not _has_parts(surface, gaz):
        return Toponym(surface, start, end, sentence, _role(before, after, _words_after(text, toks, last, 4), toks[last], gaz, surface), "admin", container,
                       _named_area(surface, noun, gaz))
    if facility:
        subtype, phrase_end = facility
        return Toponym(text[start:phrase_end], start, phrase_end, sentence, "literal", f"facility:{subtype}", container, surface)
    site = _site_at(surface, toks, first, gaz)
    if site:
        return Toponym(surface, start, end, sentence, "literal", name=site)
    if before and before[-1] in DIRECTIONS and _has_parts(surface, gaz):
        # "northern Syria": the name is the mention (as both corpora annotate it), the word before picks the part.
        return Toponym(surface, start, end, sentence, "literal", f"direction:{DIRECTIONS[before[-1]]}", surface, surface)
    following = _words_after(text, toks, last, 4)
    # "Japan and Canada, where most visitors come from": a place the clause after it is set in.
    if _WHERE_AFTER.match(text, toks[last].raw_end):
        role = "literal"
    elif _possessor_of_a_person(text, toks, last, gaz):
        role = "metonymic"  # "Notre Dame's Arike Ogunbowale", "London's Sadiq Khan": the team's, the city's
    else:
        # "BAGHDAD Officials said": a capitalised word after a dateline starts the story, it qualifies nothing.
        next_capitalised = last + 1 < len(toks) and toks[last + 1].capitalised
        role = _role(before, after, following, toks[last], gaz, surface, next_capitalised)
    return Toponym(surface, start, end, sentence, role, container=container)


_WHERE_AFTER = re.compile(r",?\s+where\b")


def _role(before: list[str], after: str, following: list[str], last: Token, gaz: Gazetteer, surface: str,
          next_capitalised: bool = False) -> str:
    # A seat of government ("the White House", "the Kremlin") speaks and qualifies like its state does.
    is_country = _country_of(surface, gaz) is not None or _is_seat_of_government(surface, gaz)
    before = [w for w in before if w not in ("the", "a", "an")]  # "in the UK" is "in UK" for the role
    previous = before[-1] if before else ""
    second = before[-2] if len(before) > 1 else ""
    if is_country and after in MODIFIED_NOUNS:
        return "modifier"
    # "out of Iraq" is a place left, but "out of the Iran nuclear deal" names a deal; "swathes of Iraq" is a
    # place; "the government of Iraq" is not.
    left = previous == "of" and len(before) > 1 and before[-2] == "out" and not (is_country and after.isalpha()
                                                                                and after not in CLAUSE_WORDS)
    # "swathes of Iraq", "the economy of China" (as "the Chinese economy").
    of_land = previous == "of" and len(before) > 1 and (before[-2] in GEOGRAPHIC_NOUNS or before[-2] in LAND_HOLDINGS)
    if _between_parties(before):
        return "metonymic"  # "relations between Harare and London": the two as parties, not as ground
    if _opponent(previous, second):
        return "metonymic"  # "a 1-0 defeat to Reading", "25 points against Louisville": the town's team
    # "on Oahu", "on the Korean Peninsula"; but "sanctions on Iran" are on the state.
    if previous in LOCATIVE or left or of_land or (previous == "on" and not is_country):
        return "literal"
    if _passive_participle(after, following) in GROUND_PARTICIPLES:
        return "literal"  # "Douma is surrounded", "the town was shelled", "India has been hit"
    if _is_water(surface, gaz):
        return "literal"  # a sea or an ocean never acts: "the western Atlantic is warmer"
    # "the border with Mexico"; "countries such as Cyprus", "EU countries — Austria", "countries like Iraq": a
    # member of a list of lands; "the invasion of Iraq"; "leaving for America".
    if ((previous == "with" and second in GEOGRAPHIC_NOUNS) or previous in LAND_NOUNS
            or (previous in ("like", "including") and second in LAND_NOUNS)
            or (len(before) > 2 and before[-2:] == ["such", "as"] and before[-3] in LAND_NOUNS)
            or (previous in ("of", "on") and second in GROUND_NOUNS) or (previous == "for" and second in DEPARTURES)):
        return "literal"
    if last.raw_end != last.end:  # possessive: "Iraq's second city" is literal, "Iran's exports" are the state's
        # "India's cash-heavy economy", "China's manufacturing industry": what lies or lives in the land, even
        # past a describing word or two.
        held = after in POSSESSED_GEOGRAPHY or any(w in LAND_HOLDINGS for w in following[:3])
        return "literal" if not is_country or held else "metonymic"
    if after in COPULAS and _predicate_noun(following[1:]):
        # "Turkey is one of our markets", "London is the second destination": a place described as a thing of its
        # kind, not a state that acts.
        return "literal"
    if _holds_or_counts(following):
        # "Kenya has a young workforce", "India will have the most engineers", "Africa accounts for a fifth of the crop":
        # what is in the land, not what its government does (GeoWebNews' Mixed, scored as literal).
        return "literal"
    if after in VERB_AFTER or (after.endswith("ed") and not is_country) or _present_verb_after_clause_word(previous, after):
        return "metonymic"
    if after in LOCATIONAL_HEADS:
        return "literal"  # "the Iraq border", "US soil"
    if (after in PERSON_NOUNS and not next_capitalised
            and not (len(following) > 1 and (following[1] in SITE_HEADS or following[1] in PERSON_PLACES))):
        # "a Toronto man", "Chicago police", "Orange County residents": where the people come from or serve, not
        # where something is ("the Delft police station" stays the town's).
        return "modifier"
    if after in TEAM_MEMBERS:
        # "the Louisville coach", "Notre Dame star Jackie Young": a town's or a college's team, not the place.
        return "modifier" if is_country else "metonymic"
    # A noun right after the name is one it qualifies; a clause word ("fled Iraq after") or a date
    # ("Moscow, Russia Thursday") ends the phrase instead.
    if (after and after.isalpha() and after not in COORDINATION and after not in LOCATIVE and after not in CLAUSE_WORDS
            and after not in ("is", "was") and after.capitalize() not in WEEKDAYS and after not in MONTH_NAMES):
        return "modifier" if is_country else "literal"
    return "metonymic" if is_country and previous not in LOCATIVE else "literal"


# Words that open a clause: the name right after one is its subject ("the channels that Moscow uses").
CLAUSE_OPENERS = frozenset("that which as while when if because whether since although though".split())


_HOLDING = frozenset("has have had".split())
_QUANTITY_START = frozenset("a an the more most fewer no about some many several its one two three four five".split())


def _holds_or_counts(following: list[str]) -> bool:
    words = following[1:] if following[:2] == ["will", "have"] else following
    if len(words) > 1 and words[0] in _HOLDING and (words[1] in _QUANTITY_START or words[1][:1].isdigit()):
        return True
    return len(words) > 1 and words[0] in ("accounted", "accounts", "account") and words[1] == "for"


def _present_verb_after_clause_word(previous: str, after: str) -> bool:
    """"a charge that Russia denies", "the channels that Moscow uses": after a word that opens a clause, a
    lower-case word in -s is the subject's verb, unless it is a plural noun the name qualifies ("that Iraq's
    cities", "as Iowa farmers ...")."""
    return (previous in CLAUSE_OPENERS and after.endswith("s") and not after.endswith("ss") and after.isalpha()
            and after not in LOCATIONAL_HEADS and after not in LAND_HOLDINGS and after not in TEAM_MEMBERS
            and after not in MODIFIED_NOUNS)


# Nouns of dealings between two parties: "relations between", "trade tensions between".
RELATION_NOUNS = frozenset("relations relationship ties tensions talks trade cooperation dispute rivalry comparisons".split())


# A game's words before "against" ("the game against Louisville"), and results before "to" or "over".
GAME_NOUNS = frozenset("game games match matches points goal goals overtime rebounds fixture season series".split())
RESULT_NOUNS = {"to": frozenset({"defeat", "loss"}), "over": frozenset({"win", "victory"})}


def _opponent(previous: str, second: str) -> bool:
    """A place named as the other side in a game or a result: "the game against X", "a loss to X", "beating X"."""
    return ((previous == "against" and second in GAME_NOUNS) or second in RESULT_NOUNS.get(previous, ())
            or previous in ("beating", "outlasted"))


def _between_parties(before: list[str]) -> bool:
    """"relations between X", "the relationship between Mexico and X": either party of a dealing."""
    return (len(before) > 1 and before[-1] == "between" and before[-2] in RELATION_NOUNS) or (
        len(before) > 3 and before[-1] == "and" and before[-3] == "between" and before[-4] in RELATION_NOUNS)


def _possessor_of_a_person(text: str, toks: list[Token], last: int, gaz: Gazetteer) -> bool:
    """"X's" before a person's name of two capitalised words that name no place or site: "Notre Dame's Jessica
    Shepard", unlike "Brooklyn's Barclays Center" or "London's Heathrow"."""
    k = last + 1
    if toks[last].raw_end == toks[last].end or k + 1 >= len(toks) or not _adjacent(text, toks[last], toks[k]):
        return False
    first, second = toks[k], toks[k + 1]
    if not (first.capitalised and second.capitalised and _adjacent(text, first, second)) or first.text.isupper():
        return False
    after_name = toks[k + 2].text if k + 2 < len(toks) and _adjacent(text, second, toks[k + 2]) else ""
    words = {first.text, second.text, after_name}
    return (not gaz.lookup(first.text) and not gaz.lookup(f"{first.text} {second.text}")
            and not words & ORG_WORDS and not {w.lower().removesuffix("s") for w in words} & SITE_HEADS)


def _passive_participle(after: str, following: list[str]) -> str:
    """The participle of "is shelled", "was hit", "has been hit" after a name; "" when there is none."""
    if after in PASSIVE_AUXILIARIES and len(following) > 1:
        return following[1]
    if after in ("has", "have", "had") and following[1:2] == ["been"] and len(following) > 2:
        return following[2]
    return ""


def _predicate_noun(words: list[str]) -> bool:
    """"a ...", "the ...", "one of ...": the copula takes a noun phrase, not a participle or an adjective."""
    return bool(words) and (words[0] in ("a", "an", "the") or words[:2] == ["one", "of"])


def _words_after(text: str, toks: list[Token], last: int, count: int) -> list[str]:
    """Up to `count` lower-cased words after the name, stopping at punctuation ("India's cash-heavy economy")."""
    words = []
    for k in range(last + 1, min(len(toks), last + 1 + count)):
        if not _adjacent(text, toks[k - 1], toks[k]):
            break
        words.append(toks[k].text.lower())
    return words


def _locational_head(text: str, toks: list[Token], last: int) -> bool:
    """"the Syrian capital", "a British city", "Greek islands": the adjective says where the noun is (but "Afghan
    border forces", "Libyan coast guards" say whose)."""
    return (last + 1 < len(toks) and toks[last + 1].text.lower() in LOCATIONAL_HEADS
            and _adjacent(text, toks[last], toks[last + 1])
            and not (last + 2 < len(toks) and toks[last + 2].text.lower() in _FORCE_NOUNS))


def _adjacent(text: str, a: Token, b: Token) -> bool:
    return text[a.raw_end : b.start] == " "


def _words_before(toks: list[Token], index: int, count: int) -> list[str]:
    return [t.text.lower() for t in toks[max(0, index - count) : index]]


def _facility_word(text: str, toks: list[Token], last: int) -> tuple[str, int] | None:
    """("airport", end of the phrase) when the name is followed by a facility word: "Baghdad's airport"."""
    if last + 1 >= len(toks) or not _adjacent(text, toks[last], toks[last + 1]):
        return None
    for phrase, subtype in FACILITY_WORDS.items():
        words = phrase.split(" ")
        following = toks[last + 1 : last + 1 + len(words)]
        if [t.text.lower() for t in following] == words:
            return subtype, following[-1].end
    return None


def _area_phrase(text: str, toks: list[Token], first: int, last: int, gaz: Gazetteer) -> str | None:
    """"the Abs district", "Kurram Agency", "the Sinjar mountains": the name with its head word, when the gazetteer
    knows an area by both together (districts are indexed only so, so that their bare names stay words)."""
    head = toks[last + 1].text.lower() if last + 1 < len(toks) else ""
    if (head not in ADMIN_WORDS and head not in FEATURE_WORDS) or not _adjacent(text, toks[last], toks[last + 1]):
        return None
    phrase = text[toks[first].start : toks[last + 1].end]
    return phrase if any(m.candidate.kind in ("admin1", "region") for m in gaz.lookup(phrase)) else None


LIST_TOKENS = 40  # how far a list of names is followed to its head noun: no list of provinces is longer


def _area_noun_before(toks: list[Token], first: int) -> str | None:
    """"province" for a name in "the province of X" or "the provinces of X, Y and Z" (the head noun in lower case:
    "the State of Israel" is a country's style), else None."""
    index, stop = first - 1, max(0, first - LIST_TOKENS)
    while index > stop and (toks[index].capitalised or toks[index].text in ("and", "or")):
        index -= 1  # back over the names listed before this one
    if index < 1 or toks[index].text != "of":
        return None
    return _admin_singular(toks[index - 1].text)


def _feature_noun_before(toks: list[Token], first: int) -> str | None:
    """"island" for a name in "the island of X" ("islands" in "the islands of X"), else None."""
    if first < 2 or toks[first - 1].text != "of":
        return None
    noun = toks[first - 2].text.lower()
    return noun if noun in FEATURE_WORDS else None


def _plural_area_noun_after(text: str, toks: list[Token], last: int) -> str | None:
    """"region" for each name in "the Donetsk and Luhansk regions" or "Borno, Yobe and Adamawa states", else None."""
    index, stop = last + 1, min(len(toks), last + 1 + LIST_TOKENS)
    while index < stop and (toks[index].capitalised or toks[index].text in ("and", "or")):
        index += 1  # over the names listed after this one
    if index >= len(toks) or not _adjacent(text, toks[index - 1], toks[index]) or not toks[index].text.endswith("s"):
        return None
    return _admin_singular(toks[index].text)


def _admin_singular(noun: str) -> str | None:
    """The area noun in the singular ("provinces" -> "province", "counties" -> "county"), or None for other words."""
    singular = noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")
    return singular if singular in ADMIN_WORDS else None


def _named_area(surface: str, noun: str, gaz: Gazetteer) -> str:
    """"Menaka region": the name with its noun, where the gazetteer knows an area only by both ("" otherwise: the
    areas called "North West" are more than the one also indexed as "North West Province")."""
    if any(m.candidate.kind in ("admin1", "region") for m in gaz.lookup(surface)):
        return ""
    named = f"{surface} {noun}"
    return named if any(m.candidate.kind in ("admin1", "region") for m in gaz.lookup(named)) else ""


def _titled_area(text: str, toks: list[Token], run: list[int], sentence: int, gaz: Gazetteer) -> Toponym | None:
    """"Kursk Oblast", "Plateau State", "Ituri Province": a name and its capitalised head word, read as the area
    of that name as "the Kursk region" is, where the gazetteer does not know the two together. Not "Colorado
    State": an American state's name before "State" is, in news, a university or its team."""
    first, last = run[0], run[-1]
    head = toks[last].text.lower()
    if len(run) < 2 or head not in _TITLED_AREA_HEADS or not toks[last - 1].capitalised:
        return None
    bare = text[toks[first].start : toks[last - 1].end]
    areas = [m.candidate for m in gaz.lookup(bare) if m.candidate.kind in ("admin1", "region")]
    if not any(c.country not in _UNIVERSITY_STATE_COUNTRIES or head != "state" for c in areas):
        return None
    inner = _classify(text, toks, first, last - 1, sentence, gaz)
    return replace(inner, text=text[toks[first].start : toks[last].end], end=toks[last].end, name=inner.lookup_name)


# Only the words that name a first-level area: "Kentucky Department" is the start of an agency's name.
_TITLED_AREA_HEADS = frozenset("province governorate region oblast state prefecture".split())
_UNIVERSITY_STATE_COUNTRIES = frozenset({"US"})


def _site_at(name: str, toks: list[Token], first: int, gaz: Gazetteer) -> str | None:
    """"the nuclear sites at Natanz", "the air base near Hmeimim": the gazetteer's name of the site the town gives
    its name to ("Natanz nuclear site"), when it knows one; None otherwise (the town itself is meant, as in
    "the Osman Digna air base at Port Sudan", where the site has a name of its own)."""
    if first < 2 or toks[first - 1].text not in ("at", "near") or toks[first - 2].text not in SITE_NOUNS:
        return None
    noun = SITE_NOUNS[toks[first - 2].text]
    qualifier = toks[first - 3].text if first > 2 else ""
    if qualifier[:1].isupper():
        return None
    for site in (f"{name} {qualifier} {noun}" if qualifier.isalpha() and qualifier != "the" else "", f"{name} {noun}"):
        if site and any(m.candidate.kind == "facility" for m in gaz.lookup(site)):
            return site
    return None


def _named_by_adjective(toks: list[Token], first: int, gaz: Gazetteer) -> str | None:
    """The country of "the Russian city of Kazan", "the Syrian town of Manbij": the adjective says where X is."""
    if first < 3 or toks[first - 1].text != "of" or toks[first - 2].text.lower() not in LOCATIONAL_HEADS:
        return None
    demonym = _demonym(toks[first - 3].text, gaz)
    country = gaz.country(demonym[0]) if demonym and ":" not in demonym[0] else None
    return country.name if country is not None else None


def _container(text: str, toks: list[Token], last: int, gaz: Gazetteer) -> str | None:
    """The country after "X, Y" or "X in Y" (skipping a facility word): "Irbil, Iraq", "the embassy in Baghdad"."""
    index = last + 1
    while index < len(toks) and toks[index].text.lower() in ("airport", "embassy", "air", "base", "airbase", "consulate", "in", "the"):
        index += 1
    gap = text[toks[last].raw_end : toks[index].start] if index < len(toks) else ""
    if index < len(toks) and toks[index].capitalised and (gap.strip() == "," or toks[index - 1].text.lower() == "in"):
        end = index + 1
        while end < min(len(toks), index + MAX_NAME_TOKENS) and toks[end].capitalised and _adjacent(text, toks[end - 1], toks[end]):
            end += 1
        for stop in range(end, index, -1):  # the longest name that starts there: "New York" before "New"
            name = text[toks[index].start : toks[stop - 1].end]
            if gaz.lookup(name):
                listed = stop < len(toks) and toks[stop].text in ("and", "or") and _adjacent(text, toks[stop - 1], toks[stop])
                # "Washington, New York and Boston" is a list, not Washington inside New York.
                return None if listed and gap.strip() == "," else name
    return None
