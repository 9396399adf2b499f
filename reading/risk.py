"""A transparent risk score per place: what happened there, how violent, how recent, and how sure.

score = 100 * (1 - exp(-sum of event weights / SCALE)); each event's weight is
severity(action) * modality * recency (or HISTORICAL) * actor factor * IMPLICIT_PLACE when the place is only
implied, + FATALITY_WEIGHT * log1p(deaths).
Every score lists the events that drive it; a place with no events has no score.
"""
from __future__ import annotations

import math
from datetime import date

from reading.model import Event, Place, Risk

SCALE = 6.0
FATALITY_WEIGHT = 0.8
SEVERITY = {
    "strike": 4.0, "shelling": 4.0, "attack": 3.5, "kill": 4.0, "ambush": 3.5, "clash": 3.0, "seize": 3.0,
    "abduct": 2.5, "explosion": 3.5, "riot": 2.5, "protest": 1.0, "threaten": 1.5, "demand": 0.5,
    "withdraw": 0.6, "relocate": 0.5, "evacuate": 1.0, "suspend-operations": 0.6, "suspend-training": 0.3,
    "deploy": 0.8, "reinforce": 0.8, "resume": 0.2, "train": 0.1,
}
IMPLICIT_PLACE = 0.5  # an event the article places only by its focus country says less about that country
MODALITY = {"asserted": 1.0, "threatened": 0.5, "planned": 0.4, "demanded": 0.2, "denied": 0.1, "negated": 0.0}
ACTOR = {"rebel-group": 1.2, "political-militia": 1.2, "identity-militia": 1.2, "unknown": 1.1}
HISTORICAL = 0.15
HALF_LIFE_DAYS = 30.0
LEVELS = ((75, "severe"), (50, "high"), (25, "elevated"), (0, "low"))


def level(score: int) -> str:
    return next(name for floor, name in LEVELS if score >= floor)


def event_weight(event: Event, actor_type: str, published: date | None) -> float:
    weight = SEVERITY.get(event.action, 0.5) * MODALITY[event.modality] * ACTOR.get(actor_type, 1.0)
    weight *= HISTORICAL if event.historical else _recency(event, published)
    weight *= IMPLICIT_PLACE if event.place_implicit else 1.0
    if event.fatalities and MODALITY[event.modality]:
        weight += FATALITY_WEIGHT * math.log1p(event.fatalities.best)
    return weight


def _recency(event: Event, published: date | None) -> float:
    if published is None or not event.date or len(event.date) < 7:
        return 1.0
    year, month = int(event.date[:4]), int(event.date[5:7])
    day = int(event.date[8:10]) if len(event.date) >= 10 else 15
    age = max(0, (published - date(year, month, day)).days)
    return 0.5 ** (age / HALF_LIFE_DAYS)


def score_places(
    events: tuple[Event, ...], places: tuple[Place, ...], actor_types: dict[str, str], published: date | None
) -> tuple[Risk, ...]:
    weights: dict[str, float] = {}
    drivers: dict[str, list[str]] = {}
    for event in events:
        for place_id in dict.fromkeys(p for p in (event.place, event.destination) if p):
            w = event_weight(event, actor_types.get(event.actor, "unknown"), published)
            if w > 0:
                weights[place_id] = weights.get(place_id, 0.0) + w
                drivers.setdefault(place_id, []).append(event.id)
    known = {p.id for p in places}
    risks = []
    for place_id, total in weights.items():
        score = round(100 * (1 - math.exp(-total / SCALE)))
        if place_id in known and score >= 1:  # background alone (a training photo from 2016) is no risk today
            risks.append(Risk(place_id, score, level(score), tuple(drivers[place_id])))
    return tuple(sorted(risks, key=lambda r: -r.score))
