"""Many events at a place summed into one total, the unit that layers/clusters.py groups per zoom level.

Map tools thin points before a browser draws them (ACLED's dashboards bin by area); here the first bin is
the place itself, which the analyst already thinks in, so no event moves away from where it was read.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reading.model import Event, Place, Situation

# Beyond this many events a layer draws places with counts rather than one mark per event: a few hundred
# glyphs still read one by one, and fanned-out rings of more overlap into a blur.
MAX_EVENT_MARKS = 300


@dataclass(frozen=True, slots=True)
class PlaceTotal:
    """The events of one layer at one place: how many, how many current, and what they mostly were."""

    place: Place
    events: int
    current: int
    actor_types: tuple[tuple[str, int], ...]  # most frequent first
    actions: tuple[tuple[str, int], ...]
    actors: tuple[tuple[str, int], ...]
    last_date: str | None

    @property
    def main_actor_type(self) -> str:
        return self.actor_types[0][0]


def place_index(situation: Situation) -> dict[str, Place]:
    """Places by id, built once per drawing: `Situation.place` scans, which 100,000 events cannot afford."""
    return {p.id: p for p in situation.places}


def place_totals(situation: Situation, events: Iterable[Event]) -> list[PlaceTotal]:
    """One total per place that has events, largest first; events with no place on the map are left out."""
    places = place_index(situation)
    types = {a.id: a.type for a in situation.actors}
    grouped: dict[str, list[Event]] = {}
    for event in events:
        if event.place in places:
            grouped.setdefault(event.place, []).append(event)
    totals = [_total(places[place_id], found, types) for place_id, found in grouped.items()]
    totals.sort(key=lambda total: (-total.events, total.place.id))
    return totals


def _total(place: Place, events: Sequence[Event], types: dict[str, str]) -> PlaceTotal:
    dates = [e.date for e in events if e.date]
    return PlaceTotal(
        place=place,
        events=len(events),
        current=sum(e.is_current for e in events),
        actor_types=ranked(Counter(types.get(e.actor, "unknown") for e in events)),
        actions=ranked(Counter(e.action for e in events)),
        actors=ranked(Counter(e.actor for e in events)),
        last_date=max(dates) if dates else None,
    )


def ranked(counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    """Most frequent first; ties in alphabetical order, so the same situation always draws the same way."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

