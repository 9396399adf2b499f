"""A synthetic situation of many events, for load benchmarks: the reference brief's places and actors plus
gazetteer towns of the same region, with events spread over them as news spreads them (a few places get most).

Run: .venv/bin/python -m bench.synthetic --events 100000 --out /tmp/situation-100k.json
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from reading.model import Event, Fatalities, Place, PlaceMention, Situation

# The region the reference brief is about: towns here keep the map's opening view meaningful.
REGION = {"lat": (29.0, 38.0), "lon": (38.0, 50.0)}
TOWNS = 3000
# (category, action, ACLED type), with how often each comes up.
_KINDS: tuple[tuple[str, str, str | None, int], ...] = (
    ("militia-activity", "attack", "Explosions/Remote violence", 30),
    ("militia-activity", "ambush", "Battles", 10),
    ("militia-activity", "kill", "Violence against civilians", 8),
    ("state-action", "strike", "Explosions/Remote violence", 20),
    ("state-action", "clash", "Battles", 6),
    ("coalition-posture", "suspend-training", None, 4),
    ("coalition-posture", "relocate", None, 4),
    ("coalition-posture", "deploy", None, 3),
    ("civil-unrest", "protest", "Protests", 15),
)


def region_towns(limit: int, seed: int) -> list[Place]:
    """Gazetteer cities inside REGION, as site-precision literal places."""
    from geodata.gazetteer import load

    gazetteer = load()
    (lat0, lat1), (lon0, lon1) = REGION["lat"], REGION["lon"]
    lats, lons = gazetteer.lats, gazetteer.lons
    inside = gazetteer.kinds.equals("city") & (lat0 <= lats) & (lats <= lat1) & (lon0 <= lons) & (lons <= lon1)
    rows = inside.nonzero()[0].tolist()
    random.Random(seed).shuffle(rows)
    towns = [gazetteer.candidate(i) for i in rows[:limit]]
    return [
        Place(t.id, t.name, "city", t.country, t.lat, t.lon, "site", 0.9, "literal", (PlaceMention(t.name, 0, len(t.name), 0, "literal"),))
        for t in towns
    ]


def synthetic_situation(reference: Situation, events: int, seed: int = 7) -> Situation:
    """`reference` with `events` events (and its own risk rows dropped) over its places and nearby towns."""
    rng = random.Random(seed)
    known = {p.id for p in reference.places}
    places = list(reference.places) + [t for t in region_towns(TOWNS, seed) if t.id not in known]
    # Events at sites, as an event feed places them; the brief's countries stay on the map as context.
    literal = [p for p in places if p.role == "literal" and not p.is_area]
    # Zipf-like: the k-th place draws events in proportion to 1/k, as a few hot spots dominate the news.
    place_weights = [1 / (rank + 1) for rank in range(len(literal))]
    actors = [a.id for a in reference.actors]
    kinds, kind_weights = [k[:3] for k in _KINDS], [k[3] for k in _KINDS]
    start = date(2019, 1, 1)
    made: list[Event] = []
    for index, (place, kind) in enumerate(
        zip(rng.choices(literal, place_weights, k=events), rng.choices(kinds, kind_weights, k=events))
    ):
        category, action, acled_type = kind
        moved = action in ("relocate", "deploy")
        destination = rng.choice(literal).id if moved else None
        deaths = rng.choice((0, 0, 0, 1, 2, 5))
        made.append(
            Event(
                id=f"s{index}",
                category=category,
                action=action,
                acled_type=acled_type,
                actor=rng.choice(actors),
                target=rng.choice(actors + [None]),
                place=place.id,
                origin=place.id if moved else None,
                destination=destination,
                date=(start + timedelta(days=rng.randrange(400))).isoformat(),
                date_precision="day",
                historical=rng.random() < 0.1,
                modality="asserted" if rng.random() < 0.9 else "threatened",
                fatalities=Fatalities(deaths, deaths, deaths) if deaths else None,
                sentence=0,
                span=(0, 0),
                evidence=f"Synthetic event {index}: {action} at {place.name}.",
            )
        )
    article = replace(reference.article, id=f"synthetic:{events}", title=f"Synthetic situation: {events:,} events")
    return replace(reference, article=article, places=tuple(places), events=tuple(made), posture=(), risk=())


def reference_situation() -> Situation:
    from reading.default import default_article
    from reading.pipeline import read_article

    default = default_article()
    return read_article(default.article, published=default.published)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    situation = synthetic_situation(reference_situation(), args.events)
    args.out.write_text(json.dumps(situation.to_dict()), encoding="utf-8")
    print(f"{args.out}: {len(situation.events):,} events over {len(situation.places):,} places")


if __name__ == "__main__":
    main()
