"""Rank the places a name may refer to, using what the rest of the article says.

Every term of the score is something an analyst could point to: the kind of place, its size, whether the
name is its own or an alternate spelling, the article's focus countries, "X in Y", and nearby places.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from geodata.candidate import Candidate
from geodata.distance import haversine_km
from geodata.gazetteer import Gazetteer, Match, load, population_prior

KIND_PRIOR = {"country": 3.0, "region": 3.0, "water": 3.0, "admin1": 2.5}
CURATED_FACILITY_PRIOR = 1.8
ADMIN2_PRIOR = 1.8  # counties share names across states; context must pick one
AIRPORT_PRIOR = 1.2
CITY_BASE = 0.5
ALTERNATE_NAME_PENALTY = 0.4
FOCUS_WEIGHT = 2.0
AREA_WEIGHT = 1.0
CONTAINER_WEIGHT = 3.0
NEARBY_WEIGHT = 1.5
NEARBY_KM = 500.0
SAME_NAME_ADMIN1_PENALTY = 1.0
MAIN_TOWN_SHARE = 0.1  # of the province's town population: a city that large is the one the province is named after
# News names a national capital far more often than its population alone predicts, so a village in the
# article's focus country does not outrank Baghdad or Kabul.
CAPITAL_BONUS = 1.0
# A town outranks a same-name country, sea or province only with evidence (_keep_areas_above_unsupported_towns):
SMALL_TOWN = 100_000  # towns smaller than this never outrank their own country's province of the same name
UNSUPPORTED_TOWN_MARGIN = 0.5  # how far below the area such a town is put
# A place named this close to the town is evidence for it; one farther off may be the middle of the state it lies in
# (Washington is 80 km from California, Maryland, which is no reason to read "California" as that town).
BESIDE_KM = 50.0
SAME_PLACE_KM = 1.0  # ...unless it is the town itself named in full ("Mexico City" for "Mexico")
# A city this many times larger than a town of the same name is what the bare name means, unless the article points
# at the town itself (_keep_world_cities_above_far_namesakes): "London" in a story about Ohio is still London.
DOMINANT_CITY_RATIO = 50
DOMINANT_CITY_MIN = 100_000


@dataclass(frozen=True)
class GeoContext:
    """What the article already tells about where it is."""

    focus: Mapping[str, float] = field(default_factory=dict)  # iso2 -> weight in 0..1
    container: str | None = None  # iso2 of Y in "X in Y" / "X, Y"
    container_area: Candidate | None = None  # Y itself when it is a province or state ("Paris, Ill.")
    nearby: tuple[tuple[float, float], ...] = ()
    areas: frozenset[str] = frozenset()  # ids of the provinces and states the article names


def prior(match: Match) -> float:
    cand = match.candidate
    if match.subtype == "admin2":
        # Counties share names across states ("Orange County"): without context, the more populous one.
        base = ADMIN2_PRIOR + population_prior(cand.population) - 0.5
    elif cand.kind in KIND_PRIOR:
        base = KIND_PRIOR[cand.kind]
    elif cand.kind == "facility":
        base = AIRPORT_PRIOR if match.subtype == "airport" else CURATED_FACILITY_PRIOR
    else:
        base = CITY_BASE + 2.0 * population_prior(cand.population)
    return base - (0.0 if match.primary else ALTERNATE_NAME_PENALTY)


def context_score(cand: Candidate, context: GeoContext, as_area: bool = True) -> float:
    score = FOCUS_WEIGHT * context.focus.get(cand.country, 0.0)
    if cand.admin1 and cand.admin1 in context.areas:
        score += AREA_WEIGHT  # "Waterloo" in a story that names Iowa
    if context.container and cand.country == context.container and cand.kind != "country":
        score += CONTAINER_WEIGHT
        if context.container_area is not None and cand.id != context.container_area.id and _inside(cand, context.container_area):
            score += CONTAINER_WEIGHT
    if context.nearby and (cand.kind in ("city", "facility", "admin1") or (cand.kind == "region" and cand.country)):
        # An area is as near as its edge: a county beside the towns the article names, the province that holds
        # them ("Quebec" beside Montreal). A province named after its main town (Kerman, Kayes) is as near as that
        # town, so towns around it do not turn the town into its province.
        km = min(float(haversine_km(cand.lat, cand.lon, lat, lon)) for lat, lon in context.nearby)
        if cand.kind == "region" or (cand.kind == "admin1" and as_area):
            km = max(0.0, km - cand.radius_km)
        score += NEARBY_WEIGHT * max(0.0, 1.0 - km / NEARBY_KM)
    return score


def rank(matches: list[Match], context: GeoContext, capitals: Mapping[str, str] | None = None) -> list[Candidate]:
    """Candidates best first; `score` holds each one's share of the evidence (0..1)."""
    by_id: dict[str, tuple[float, Candidate]] = {}
    # A province named after its capital ("Arbil", "Basra") is, in news, usually the city; a village that
    # shares the province's name ("Montana", Montana) is not its capital.
    cities = [m.candidate for m in matches if m.candidate.kind == "city"]
    named_after_its_town = {m.candidate.id for m in matches if m.candidate.kind == "admin1" and any(
        _inside(city, m.candidate) and city.population >= MAIN_TOWN_SHARE * m.candidate.population for city in cities)}
    for match in matches:
        raw = prior(match) + context_score(match.candidate, context, match.candidate.id not in named_after_its_town)
        if capitals and match.candidate.id in capitals and match.primary:
            # By its own name only: "Mexico" is the country, not Mexico City; "Salisbury" is not Harare.
            raw += CAPITAL_BONUS
        kept = by_id.get(match.candidate.id)
        if kept is None or raw > kept[0]:
            by_id[match.candidate.id] = (raw, match.candidate)
    if not by_id:
        return []
    own_name = {m.candidate.id for m in matches if m.primary}
    _keep_world_cities_above_far_namesakes(by_id, context, own_name)
    _keep_areas_above_unsupported_towns(by_id, context, own_name, named_after_its_town)
    _keep_countries_above_their_provinces(by_id)
    for key in named_after_its_town:
        raw, cand = by_id[key]
        by_id[key] = (raw - SAME_NAME_ADMIN1_PENALTY, cand)
    ordered = sorted(by_id.values(), key=lambda pair: -pair[0])
    top = ordered[0][0]
    weights = [math.exp(raw - top) for raw, _ in ordered]
    total = sum(weights)
    return [cand.scored(round(w / total, 3)) for w, (_, cand) in zip(weights, ordered)]


def _keep_areas_above_unsupported_towns(
    by_id: dict[str, tuple[float, Candidate]], context: GeoContext, own_name: set[str], town_provinces: set[str]
) -> None:
    """A town outranks a country, a sea or a world region of the same name ("Lebanon", "Atlantic", "Middle
    East"), or a smaller town a province it does not lie in ("California", "Oregon"), only with evidence that
    points at the town itself: a container ("Lebanon, Pa.") or, for a town of that very name, a place named
    close to it, except against a country ("Canada" beside Mexico City is not the Mexican village of Cañada). The
    article's focus country alone is not enough: "Lebanon" in an American story is still usually the country. A
    province named after its own main town (Jamaica's parish of Kingston) holds no one down: its name means that town,
    and a Kingston in an Australian story is weighed against that town, not the parish."""
    for area_raw, area in sorted(by_id.values(), key=lambda pair: (pair[1].kind == "admin1", -pair[0])):
        if not _outranks_namesake_towns(area) or area.id in town_provinces:
            continue
        for key, (raw, cand) in list(by_id.items()):
            if cand.kind != "city" or raw < area_raw or _named_beside(cand, context, cand.id in own_name and area.kind != "country"):
                continue
            # A country's name means the country even where its capital shares it ("Mexico", "Kuwait"); a
            # province's may mean its main town ("Basra"), but not a small namesake elsewhere ("California", or
            # "Queensland" in Alberta), however much the article says about the namesake's own province.
            if area.kind != "admin1" or (cand.population < SMALL_TOWN and not _inside(cand, area)):
                by_id[key] = (area_raw - UNSUPPORTED_TOWN_MARGIN, cand)
        return


def _keep_world_cities_above_far_namesakes(
    by_id: dict[str, tuple[float, Candidate]], context: GeoContext, own_name: set[str]
) -> None:
    """A town outranks a city of the same name DOMINANT_CITY_RATIO times its size ("London", Ohio, against London;
    "Los Angeles", a Spanish village, against Los Angeles) only with evidence that points at the town itself: a
    container ("London, Ky.") or a place named beside it (a town or a county; a county whose only town it is sits on
    it), or its own province named in a story that never names the city's country ("Kingston" in a story about
    Queensland). The article's focus country alone is not enough: a story about American politics or about Spain that
    says "London" or "Los Angeles" means the city everyone means, and one that names France and Kentucky means Paris."""
    cities = [(raw, cand) for raw, cand in by_id.values() if cand.kind == "city" and cand.id in own_name]
    for big_raw, big in sorted(cities, key=lambda pair: -pair[1].population)[:1]:
        if big.population < DOMINANT_CITY_MIN:
            return  # a small town is no world city, whatever the size of its namesakes
        for key, (raw, cand) in list(by_id.items()):
            # A town of unknown size (the project's own table lists notable places without one) is not dominated.
            if (cand.kind == "city" and raw >= big_raw and 0 < cand.population * DOMINANT_CITY_RATIO <= big.population
                    and not _named_beside(cand, context, cand.id in own_name, beyond_km=-1.0)
                    and not (cand.admin1 in context.areas and big.country not in context.focus)):
                by_id[key] = (big_raw - UNSUPPORTED_TOWN_MARGIN, cand)


def _keep_countries_above_their_provinces(by_id: dict[str, tuple[float, Candidate]]) -> None:
    """A country's name means the country, not its own province of the same name ("Mexico" is not the State of
    México, whatever towns the article names near it)."""
    countries = {cand.country: raw for raw, cand in by_id.values() if cand.kind == "country"}
    for key, (raw, cand) in list(by_id.items()):
        if cand.kind == "admin1" and cand.country in countries and raw >= countries[cand.country]:
            by_id[key] = (countries[cand.country] - UNSUPPORTED_TOWN_MARGIN, cand)


def _outranks_namesake_towns(area: Candidate) -> bool:
    return area.kind in ("country", "water", "admin1") or (area.kind == "region" and not area.country)


def _named_beside(cand: Candidate, context: GeoContext, own_name: bool, beyond_km: float = SAME_PLACE_KM) -> bool:
    if context.container and cand.country == context.container:
        return True
    if not own_name:  # a town once called "California" is not what "California" means, whatever lies near it
        return False
    # Another place beside it, not the town itself named in full ("Mexico City" does not make "Mexico" the city).
    return any(beyond_km < float(haversine_km(cand.lat, cand.lon, lat, lon)) <= BESIDE_KM for lat, lon in context.nearby)


def _inside(city: Candidate, area: Candidate) -> bool:
    if city.admin1 and area.kind == "admin1":
        return city.admin1 == area.id
    return city.country == area.country and float(haversine_km(city.lat, city.lon, area.lat, area.lon)) <= 1.5 * area.radius_km


def geocode(name: str, context: GeoContext | None = None, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """Ranked candidates for a place name; an empty list when the gazetteer knows no such name."""
    gaz = gazetteer or load()
    return rank(gaz.lookup(name), context or GeoContext(), gaz.capitals)
