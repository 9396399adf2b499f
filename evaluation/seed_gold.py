"""Score a situation against a hand annotation in the seed-gold schema (`../shared/corpus/README.md`, "Seed gold").

Places count as found within 10 km (cities, facilities) or 161 km (countries, regions, uncertain points).
Events are compared as actor-action-place triples, after mapping our action vocabulary onto the gold's
coarser one; current events (asserted, not historical) are scored apart from all events.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from evaluation.metrics import Score
from geodata.distance import haversine_km
from geodata.names import normalize
from geodata.gazetteer import load
from reading.actors import registry, state_actor_id
from reading.model import Event, Situation

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SEED_DIR = CORPUS / "seed"
POINT_KM = 10.0
AREA_KM = 161.0
# Our actions -> the gold's (attack, strike, withdraw, suspend, train, protest, kill, other).
GOLD_ACTION = {
    "suspend-operations": "suspend", "suspend-training": "suspend", "relocate": "withdraw", "withdraw": "withdraw",
    "evacuate": "withdraw", "riot": "protest", "protest": "protest", "strike": "strike", "shelling": "strike",
    "attack": "attack", "ambush": "attack", "explosion": "attack", "seize": "attack", "clash": "attack", "abduct": "attack",
    "kill": "kill", "train": "train",
}


def load_gold(path: Path = SEED_DIR / "gold.json") -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def seed_article() -> Path:
    return next(SEED_DIR.glob("*.txt"))


def tolerance_km(gold_place: dict) -> float:
    area = gold_place["kind"] in ("country", "region") or gold_place.get("uncertain")
    return AREA_KM if area else POINT_KM


def place_score(situation: Situation, gold: dict) -> tuple[Score, list[str]]:
    """Recall over gold places (any role); precision over our literal and metonymic places. Also the names missed."""
    missed = [g["name"] for g in gold["places"] if not _nearest(situation, g)]
    ours = [p for p in situation.places if p.role in ("literal", "metonymic")]
    correct = sum(any(_within(p.lat, p.lon, g) for g in gold["places"]) for p in ours)
    total = len(gold["places"])
    return Score(correct=correct, predicted=len(ours), found=total - len(missed), gold=total), missed


def _nearest(situation: Situation, gold_place: dict) -> bool:
    return any(_within(p.lat, p.lon, gold_place) for p in situation.places)


def _within(lat: float, lon: float, gold_place: dict) -> bool:
    return float(haversine_km(lat, lon, gold_place["lat"], gold_place["lon"])) <= tolerance_km(gold_place)


Triple = tuple[str, str, str | None]


def gold_triples(gold: dict, current_only: bool) -> set[Triple]:
    return {
        (actor_id(e["actor"]), e["action"], e["place"])
        for e in gold["events"]
        if not (current_only and e.get("historical"))
    }


def predicted_triples(situation: Situation, gold: dict, current_only: bool) -> set[Triple]:
    return {
        (_scored_actor(e.actor), GOLD_ACTION.get(e.action, "other"), _gold_place_name(situation, e, gold))
        for e in situation.events
        if (e.is_current if current_only else True)
    }


def _scored_actor(actor: str) -> str:
    """Our generic actor for unattributed acts ("gunmen", "attackers": ACLED's unidentified armed group) is the
    gold's "Unknown (...)"."""
    entry = registry().entries.get(actor)
    return "unknown" if entry is not None and entry.type == "unknown" else actor


def _gold_place_name(situation: Situation, event: Event, gold: dict) -> str | None:
    """The gold place our event's place matches, or a marker that matches none."""
    place = situation.place(event.place)
    if place is None:
        return None
    near = [g for g in gold["places"] if _within(place.lat, place.lon, g) and _same_scale(place.kind, g["kind"])]
    # The embassy is also within 10 km of Baghdad: a gold place of the same kind is the better match, and among
    # those one of the same name (a palace placed at its city's centre may lie nearer the city's airport).
    near.sort(key=lambda g: (g["kind"] != place.kind, not _same_name(place.name, g),
                             float(haversine_km(place.lat, place.lon, g["lat"], g["lon"]))))
    return near[0]["canonical"] if near else f"unmatched:{place.name}"


def _same_name(name: str, gold_place: dict) -> bool:
    return normalize(name) in {normalize(gold_place["name"]), normalize(gold_place["canonical"])}


def _same_scale(kind: str, gold_kind: str) -> bool:
    areas = ("country", "region", "admin1", "water")
    return (kind in areas) == (gold_kind in areas)


def event_score(situation: Situation, gold: dict, current_only: bool) -> tuple[Score, set[Triple], set[Triple]]:
    """Score plus the gold triples missed and our triples that match none."""
    wanted = gold_triples(gold, current_only)
    got = predicted_triples(situation, gold, current_only)
    hits = len(wanted & got)
    return Score(correct=hits, predicted=len(got), found=hits, gold=len(wanted)), wanted - got, got - wanted


def actor_id(name: str) -> str:
    """Our actor id for a free-text gold actor: a registered actor, a state, or "unknown"."""
    if name.lower().startswith("unknown"):
        return "unknown"
    plain = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    entry = registry().lookup(plain)
    if entry is not None:
        # Scored as the reader codes it: a national army or a person stands for whom they act for.
        principal = registry().principal(entry.id)
        state = load().country(principal.split(":", 1)[1]) if principal.startswith("country:") else None
        return state_actor_id(state.name) if state else principal
    country = next((m.candidate for m in load().lookup(plain) if m.candidate.kind == "country"), None)
    return state_actor_id(country.name if country else plain)
