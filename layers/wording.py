"""How a situation's parts are put into words: the hover text on the map and the panels share it.

One phrasing for each thing, so a line in a panel and the hover over its marker say the same.
"""
from __future__ import annotations

from reading.model import Event, Situation

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
_PAST_TENSE = {
    "attack": "attacked", "clash": "clashed with", "strike": "struck", "shelling": "shelled",
    "explosion": "set off an explosion against", "kill": "killed", "ambush": "ambushed", "abduct": "abducted",
    "seize": "seized", "protest": "protested", "riot": "rioted", "suspend-operations": "suspended operations",
    "suspend-training": "suspended training", "withdraw": "withdrew", "relocate": "relocated",
    "deploy": "deployed", "reinforce": "reinforced", "evacuate": "evacuated", "resume": "resumed",
    "train": "trained", "threaten": "threatened", "demand": "made demands of", "arrest": "detained", "coup": "seized power from",
}


def format_date(date: str | None, precision: str) -> str:
    """A date said no more exactly than it is known: "8 March 2024", "March 2024", "week of 4 March 2024"."""
    if not date or precision == "unknown":
        return "date unknown"
    parts = date.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
    except ValueError:
        return date  # not ISO; show it as the reader gave it rather than guess
    if precision == "year" or month is None or not 1 <= month <= 12:
        return str(year)
    if precision == "month" or day is None:
        return f"{_MONTHS[month - 1]} {year}"
    if precision == "week":
        return f"week of {day} {_MONTHS[month - 1]} {year}"
    return f"{day} {_MONTHS[month - 1]} {year}"


def format_published(published: str | None) -> str:
    return format_date(published, "day") if published else "publication date unknown"


def place_name(situation: Situation, place_id: str | None) -> str | None:
    place = situation.place(place_id)
    return place.name if place else None


def actor_name(situation: Situation, actor_id: str | None) -> str | None:
    """The actor's name; an id the reader did not list as an actor is shown as given."""
    if actor_id is None:
        return None
    actor = situation.actor(actor_id)
    return actor.name if actor else actor_id


def actor_type(situation: Situation, actor_id: str | None) -> str:
    actor = situation.actor(actor_id)
    return actor.type if actor else "unknown"


def event_status(event: Event) -> str:
    """"current", "historical", or the modality of an event that did not (yet) happen."""
    if event.is_current:
        return "current"
    if event.modality != "asserted":
        return event.modality
    return "historical"


def event_phrase(situation: Situation, event: Event) -> str:
    """"Saraya al-Fajr struck US forces in Erbil" — who did what to whom, where, without the date."""
    words = [actor_name(situation, event.actor) or "unknown actor", _verb(event)]
    target = actor_name(situation, event.target)
    if target:
        words.append(target)
    origin, destination = place_name(situation, event.origin), place_name(situation, event.destination)
    if origin:
        words.append(f"from {origin}")
    if destination:
        words.append(f"to {destination}")
    place = situation.place(event.place)
    if place is not None and place.name not in (origin, destination):
        # "at" a site, "in" an area: "at Baghdad airport", "in northern Iraq".
        words.append(f"{'in' if place.is_area or place.kind == 'city' else 'at'} {place.name}")
    if event.place_implicit:
        words.append("(place implied)")
    return " ".join(words)


def _verb(event: Event) -> str:
    action = event.action.replace("-", " ")
    past = _PAST_TENSE.get(event.action, action)
    # "threatened to threaten" says nothing more than "threatened".
    if event.modality in ("asserted", past):
        return past
    if event.modality == "negated":
        return f"did not {action}"
    if event.modality == "denied":
        return f"denied ({action})"
    return f"{event.modality} to {action}"  # threatened to strike, planned to withdraw


def sentence_text(situation: Situation, index: int) -> str | None:
    return next((s.text for s in situation.sentences if s.index == index), None)
