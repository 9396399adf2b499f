"""Resolve found place names to gazetteer entries, with the article as context, and group them into Places.

Countries are resolved first: they are rarely ambiguous and give the focus that settles the rest
("Jordan" in a piece about Iraq). Facility phrases ("Baghdad airport", "the US embassy in Baghdad") and
directional regions ("northern Iraq") are resolved through the place they are attached to.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from geodata import boundaries
from geodata.candidate import Candidate
from geodata.gazetteer import Gazetteer
from geodata.geocode import GeoContext, geocode
from reading.model import ROLE_STRENGTH, Place, PlaceMention
from reading.toponyms import Toponym

FACILITY_RADIUS_KM = 40.0
# Which airfield near a town each word means: an airport, an air base, or either.
AIRFIELD_WORDS = {"airport": False, "air-base": True, "airfield": None}
SITE_PREFIX = "site:"  # ids of named sites placed at the town beside them
PRECISION_BY_KIND = {"city": "site", "facility": "site", "admin1": "admin1", "country": "country", "region": "region", "water": "region"}
# A country's weight as context: literal mentions say more about where the story is than demonyms do.
ROLE_WEIGHT = {"literal": 1.0, "metonymic": 0.6, "modifier": 0.4, "demonym": 0.3, "embedded": 0.1}


DIRECTION_NAMES = {
    "north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western", "central": "Central",
    "north-east": "North-eastern", "north-west": "North-western", "south-east": "South-eastern", "south-west": "South-western",
}


@dataclass(frozen=True, slots=True)
class Resolved:
    toponym: Toponym
    candidate: Candidate


def focus_countries(toponyms: list[Toponym], gaz: Gazetteer) -> dict[str, float]:
    """Country weights 0..1 from how, and how often, the article names each country."""
    weights: Counter[str] = Counter()
    for top in toponyms:
        iso2 = _country_code(top, gaz)
        if iso2:
            weights[iso2] += ROLE_WEIGHT.get(top.role, 0.1)
    top_weight = max(weights.values(), default=0.0)
    return {iso2: w / top_weight for iso2, w in weights.items()} if top_weight else {}


def _country_code(top: Toponym, gaz: Gazetteer) -> str | None:
    if top.reference.startswith("demonym:"):
        code = top.reference.split(":", 1)[1]
        if ":" in code:  # "English": England, in the United Kingdom; "European": no one country
            place = gaz.by_id(code)
            return place.country if place is not None and place.country else None
        return code
    if top.reference.startswith("direction:") and top.container:
        return _country_named(top.container, gaz)
    return _country_named(top.lookup_name, gaz)


def _country_named(name: str, gaz: Gazetteer) -> str | None:
    return next((m.candidate.country for m in gaz.lookup(name) if m.candidate.kind == "country"), None)


def resolve(toponyms: list[Toponym], gaz: Gazetteer, text: str = "") -> list[Resolved]:
    """Two passes: names alone with the article's countries, then again with what the first pass placed
    (confident places' countries count as focus, their points as neighbours: "Innisfail" near "Red Deer"; the
    provinces it names favour their towns: "Waterloo" in a story naming Iowa). Then a bare name follows the town
    the article pinned it to ("Edmonton, Ky." … "of Edmonton"), and, given the text, a name listed with provinces
    is a province ("California or Washington")."""
    focus = focus_countries(toponyms, gaz)
    # The same name, written the same way, resolves the same way throughout an article: resolve it once.
    keys = {_key(top): top for top in toponyms}
    first = {key: _resolve_one(top, focus, (), gaz) for key, top in keys.items()}
    home = _home_town(toponyms, first)
    for key, top in keys.items():
        if _unanchored_site(top) and home is not None:
            first[key] = _site(top, home)
    support = supported_focus(focus, [c for c in first.values() if c is not None])
    anchors = {(key[0], (c.lat, c.lon)) for key, c in first.items()
               if c is not None and (c.kind in ("city", "admin1", "facility") or _is_county(c)) and c.score >= CONFIDENT}
    areas = {(key[0], c.id) for key, c in first.items() if c is not None and c.kind == "admin1"}
    second = {}
    for key, top in keys.items():
        if first[key] is not None:
            nearby = tuple(sorted({point for name, point in anchors if name != top.lookup_name}))
            named = frozenset(area for name, area in areas if name != top.lookup_name)
            second[key] = _resolve_one(top, support, nearby, gaz, named) or first[key]
    _follow_pinned_names(second)
    resolved = [Resolved(top, second[_key(top)]) for top in toponyms if _key(top) in second]
    return _provinces_listed_with_provinces(resolved, gaz, text) if text else resolved


_LIST_GAP = re.compile(r"(?:,| and| or|, and|, or) ")


def _provinces_listed_with_provinces(resolved: list[Resolved], gaz: Gazetteer, text: str) -> list[Resolved]:
    """A name listed with provinces of one country is that country's province when it can be: "states such as
    California or Washington" is Washington State, not the capital; "Texas, Georgia and Florida" is the state."""
    result = list(resolved)
    runs: list[list[int]] = []
    for i, item in enumerate(resolved):
        previous = resolved[i - 1].toponym if i else None
        # "Paris, Ill." and "New York, N.Y." are a town and its state, not a list.
        joined = (previous is not None and previous.sentence == item.toponym.sentence
                  and previous.container is None and item.toponym.container is None
                  and _LIST_GAP.fullmatch(text[previous.end : item.toponym.start]) is not None)
        if joined:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        for i in run:
            others = [resolved[j].candidate for j in run if j != i]
            countries = {c.country for c in others}
            if (len(countries) != 1 or not all(c.kind == "admin1" for c in others) or resolved[i].candidate.kind == "admin1"
                    or resolved[i].toponym.reference != "name"):
                continue
            province = next((m.candidate for m in gaz.lookup(resolved[i].toponym.lookup_name)
                             if m.candidate.kind == "admin1" and m.candidate.country in countries), None)
            if province is not None:
                result[i] = Resolved(resolved[i].toponym, province.scored(resolved[i].candidate.score))
    return result


def _follow_pinned_names(resolved: dict[tuple[str, str, str | None, str], Candidate]) -> None:
    """A bare name means the place the article pinned it to with a container: after "Edmonton, Ky." the later
    "of Edmonton" is the Kentucky town too, not the Canadian city."""
    pinned: dict[str, set[str]] = {}
    places: dict[str, Candidate] = {}
    for (name, reference, container, _own), cand in resolved.items():
        if container is not None and reference == "name" and cand.kind == "city":
            pinned.setdefault(name, set()).add(cand.id)
            places[cand.id] = cand
    for key in list(resolved):
        name, reference, container, _own = key
        if (container is None and reference == "name" and resolved[key].kind == "city"
                and len(pinned.get(name, ())) == 1):  # a town for a town: "Singapore, Singapore" leaves the country be
            resolved[key] = places[next(iter(pinned[name]))]


def _is_county(cand: Candidate) -> bool:
    """A county or district: named beside a town, it is as good a neighbour as a town ("Laurel County" and London)."""
    return cand.id.startswith("admin2:")


def _unanchored_site(top: Toponym) -> bool:
    return top.reference.startswith("site:") and top.container is None


def _home_town(toponyms: list[Toponym], first: dict[tuple[str, str, str | None], Candidate | None]) -> Candidate | None:
    """The town the article is about: the one it names most often as a place (first named wins a tie). A street
    or building named with no town beside it is placed near it; with no town named, nowhere."""
    counts: Counter[str] = Counter()
    towns: dict[str, Candidate] = {}
    for top in toponyms:
        cand = first.get(_key(top))
        if cand is not None and top.role == "literal" and cand.kind == "city" and not _unanchored_site(top):
            counts[cand.id] += 1
            towns.setdefault(cand.id, cand)
    return towns[counts.most_common(1)[0][0]] if counts else None


def _key(top: Toponym) -> tuple[str, str, str | None, str]:
    # Two sites by one town ("the Hayat and Sahafi hotels in Mogadishu") share their lookup name, not their own.
    own = top.text.lower() if top.reference.startswith(SITE_PREFIX) else ""
    return (top.lookup_name, top.reference, top.container, own)


CONFIDENT = 0.8


def supported_focus(focus: dict[str, float], placed: list[Candidate]) -> dict[str, float]:
    """The article's countries, plus the countries its confidently placed towns and provinces lie in."""
    weights = Counter(focus)
    for cand in placed:
        if cand.kind in ("city", "admin1", "facility") and cand.score >= CONFIDENT and cand.country:
            weights[cand.country] += 0.5
    top = max(weights.values(), default=0.0)
    return {iso2: w / top for iso2, w in weights.items()} if top else {}


def _resolve_one(
    top: Toponym, focus: dict[str, float], nearby: tuple[tuple[float, float], ...], gaz: Gazetteer,
    areas: frozenset[str] = frozenset(),
) -> Candidate | None:
    kind, _, detail = top.reference.partition(":")
    if kind == "demonym":  # "Iraqi" -> IQ; "European" -> the region:europe entry
        return gaz.by_id(detail) if ":" in detail else gaz.country(detail)
    if kind == "direction":
        return _directional(top, detail, focus, gaz)
    if _unanchored_site(top):
        return None  # placed by resolve(), once the article's town is known
    container = _container_country(top.container, gaz) if top.container else None
    area = _container_area(top.container, container, gaz) if container else None
    ranked = geocode(top.lookup_name, GeoContext(focus=focus, container=container, container_area=area, nearby=nearby, areas=areas), gaz)
    if not ranked:
        return None
    if kind == "facility":
        return _facility(top, detail, ranked[0], focus, gaz) or ranked[0]
    if kind == "site":
        return _site(top, ranked[0])
    if kind == "admin":  # "Nineveh province": the province, when the gazetteer knows one by that name
        return next((c for c in ranked if _within_a_country(c)), ranked[0])
    return ranked[0]


def _within_a_country(cand: Candidate) -> bool:
    """A province, or an area inside one country ("the region of Kurdistan" is Iraq's Kurdistan Region, however
    Iran's province of that name ranks)."""
    return cand.kind == "admin1" or (cand.kind == "region" and bool(cand.country))


def _container_country(name: str, gaz: Gazetteer) -> str | None:
    """The country of Y in "X, Y": Y may be the country itself or one of its provinces ("Innisfail, Alta.")."""
    country = _country_named(name, gaz)
    if country:
        return country
    areas = [m.candidate for m in gaz.lookup(name) if m.candidate.kind == "admin1"]
    return areas[0].country if len({a.country for a in areas}) == 1 else None


def _container_area(name: str, iso2: str, gaz: Gazetteer) -> Candidate | None:
    """The province or state Y of "X, Y" when Y names one in that country and is not the country itself."""
    matches = [m.candidate for m in gaz.lookup(name)]
    if any(c.kind == "country" for c in matches):
        return None
    areas = [c for c in matches if c.kind == "admin1" and c.country == iso2]
    return areas[0] if len(areas) == 1 else None


def _directional(top: Toponym, direction: str, focus: dict[str, float], gaz: Gazetteer) -> Candidate | None:
    """"northern Iraq" is a part of the country's shape; "the eastern Mediterranean" a part of the sea's extent."""
    iso2 = _country_named(top.container or "", gaz)
    if iso2:
        area = boundaries.directional_region(iso2, direction)
        if area is None:
            return None
        lat, lon, radius = area
        country = gaz.country(iso2)
        name = f"{DIRECTION_NAMES[direction]} {country.name if country else iso2}"
        return Candidate(f"region:{iso2}-{direction}", name, "region", iso2, round(lat, 3), round(lon, 3), 0, 1.0, round(radius, 1))
    ranked = geocode(top.container or "", GeoContext(focus=focus), gaz)
    whole = next((c for c in ranked[:1] if c.kind in ("water", "region") and c.radius_km > 0), None)
    if whole is None:
        return None
    lat, lon, radius = boundaries.directional_part(whole.lat, whole.lon, whole.radius_km, direction, whole.kind == "water")
    name = f"{DIRECTION_NAMES[direction]} {whole.name}"
    return Candidate(f"{whole.id}-{direction}", name, whole.kind, whole.country, lat, lon, 0, whole.score, radius)


def _facility(top: Toponym, subtype: str, anchor: Candidate, focus: dict[str, float], gaz: Gazetteer) -> Candidate | None:
    """"X airport" is the airport nearest X, "X air base" the air base; "the US embassy (in Y)" is the US embassy in Y or in the focus country."""
    if subtype in AIRFIELD_WORDS:
        if anchor.kind != "city":
            return None
        return gaz.nearest_airfield(anchor.lat, anchor.lon, FACILITY_RADIUS_KM, military=AIRFIELD_WORDS[subtype])
    if subtype == "embassy" and anchor.kind == "country":
        host = _host_city(top, focus, gaz)
        if host is not None:
            found = gaz.facility(f"embassy:{anchor.country}", (host.lat, host.lon), FACILITY_RADIUS_KM)
            return found or Candidate(
                f"embassy:{anchor.country}-{host.id}", f"{anchor.name} embassy, {host.name}", "facility",
                host.country, host.lat, host.lon, 0, 0.5,
            )
    return None


def _site(top: Toponym, anchor: Candidate) -> Candidate | None:
    """A named site the gazetteer lacks, at the town or area it is said to be in (precision "near")."""
    if anchor.kind == "country":
        return None  # "a camp in Sudan" says too little to draw it anywhere
    name = re.sub(r"^(?:the|a|an)\s+", "", top.text, flags=re.I)
    head = top.reference.removeprefix(SITE_PREFIX)
    if name.lower().endswith(f" {head}s"):
        name = name[:-1]  # "the Tawke and Peshkhabour fields": the Peshkhabour field...
    elif head and head not in name.lower():
        name = f"{name} {head}"  # ... and the Tawke field
    return Candidate(f"{SITE_PREFIX}{_slug(name)}@{anchor.id}", name, "facility", anchor.country, anchor.lat, anchor.lon,
                     0, anchor.score, anchor.radius_km)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _host_city(top: Toponym, focus: dict[str, float], gaz: Gazetteer) -> Candidate | None:
    if top.container:
        ranked = geocode(top.container, GeoContext(focus=focus), gaz)
        if ranked and ranked[0].kind == "city":
            return ranked[0]
    return None


def places(resolved: list[Resolved]) -> tuple[Place, ...]:
    """One Place per gazetteer entry, with all its mentions; its role is its strongest mention's."""
    grouped: dict[str, list[Resolved]] = {}
    for item in resolved:
        grouped.setdefault(item.candidate.id, []).append(item)
    result = []
    for items in grouped.values():
        cand = items[0].candidate
        mentions = tuple(
            PlaceMention(r.toponym.text, r.toponym.start, r.toponym.end, r.toponym.sentence, r.toponym.role)
            for r in items
        )
        role = min((m.role for m in mentions), key=ROLE_STRENGTH.index)
        result.append(Place(
            id=cand.id, name=cand.name, kind=cand.kind, country=cand.country, lat=cand.lat, lon=cand.lon,
            precision="near" if cand.id.startswith(SITE_PREFIX) else PRECISION_BY_KIND.get(cand.kind, "site"), confidence=round(max(r.candidate.score for r in items), 3),
            role=role, mentions=mentions, radius_km=cand.radius_km,
        ))
    return tuple(sorted(result, key=lambda p: p.mentions[0].start))
