"""Summarise each foreign force's posture from its current posture events: operating, suspended, relocating, withdrawn, reinforcing."""
from __future__ import annotations

from reading.model import Event, Place, Posture

# When a force did several things, the status an analyst needs first wins.
STATUS_BY_ACTION = {
    "withdraw": "withdrawn", "relocate": "relocating", "evacuate": "relocating",
    "suspend-operations": "suspended", "suspend-training": "suspended",
    "reinforce": "reinforcing", "deploy": "reinforcing", "resume": "operating", "train": "operating",
}
STATUS_ORDER = ("withdrawn", "relocating", "suspended", "reinforcing", "operating")
DETAIL = {
    "suspend-operations": "operations suspended", "suspend-training": "training suspended",
    "withdraw": "withdrawing", "relocate": "moving", "evacuate": "evacuating", "deploy": "deploying",
    "reinforce": "reinforcing", "resume": "resuming", "train": "training",
}


def summarise(events: tuple[Event, ...], places: tuple[Place, ...], actor_names: dict[str, str]) -> tuple[Posture, ...]:
    by_actor: dict[str, list[Event]] = {}
    for event in events:
        if event.category == "coalition-posture" and event.is_current:
            by_actor.setdefault(event.actor, []).append(event)
    names = {p.id: p.name for p in places}
    return tuple(_posture(actor, evs, names) for actor, evs in by_actor.items())


def _posture(actor: str, events: list[Event], names: dict[str, str]) -> Posture:
    statuses = {STATUS_BY_ACTION[e.action] for e in events if e.action in STATUS_BY_ACTION}
    status = next(s for s in STATUS_ORDER if s in statuses) if statuses else "operating"
    return Posture(
        actor=actor, status=status, detail=_detail(events, names),
        locations=tuple(dict.fromkeys(pid for e in events for pid in (e.origin, e.place) if pid)),
        events=tuple(e.id for e in events),
    )


def _detail(events: list[Event], names: dict[str, str]) -> str:
    """"operations suspended in Iraq; moving from Iraq to Jordan and Kuwait"."""
    parts: dict[str, list[str]] = {}
    for e in events:
        if e.destination:
            key = f"{DETAIL[e.action]} from {names.get(e.origin or '', 'its base')} to"
            parts.setdefault(key, []).append(names.get(e.destination, "?"))
        else:
            parts.setdefault(f"{DETAIL.get(e.action, e.action)} in", []).append(names.get(e.place or "", "an unnamed place"))
    return "; ".join(f"{head} {_join(dict.fromkeys(tail))}" for head, tail in parts.items())


def _join(items: dict[str, None]) -> str:
    words = list(items)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
