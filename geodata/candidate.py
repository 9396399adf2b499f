"""The gazetteer's value type: one place a name may refer to."""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name: str
    kind: str  # country, admin1, city, region, facility, water
    country: str  # ISO 3166-1 alpha-2, "" for places that span several
    lat: float
    lon: float
    population: int = 0
    score: float = 0.0
    radius_km: float = 0.0  # extent of an area (country, region); 0 for a point
    admin1: str = ""  # id of the province or state a town lies in, when known

    def scored(self, score: float) -> "Candidate":
        return replace(self, score=score)
