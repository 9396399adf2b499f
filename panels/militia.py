"""Militia activity panel: each militia event by actor — action, target, place, date at its precision, evidence."""
from __future__ import annotations

from layers import style
from layers.base import involves_place
from panels.content import Panel, PanelLine, capped, event_evidence, focused_first, listed_events
from layers.wording import actor_name, actor_type, event_phrase, event_status, format_date
from reading.model import Event, Situation
from sharing.viewstate import DEFAULT, ViewState

TITLE = "Militia activity"
EMPTY = "The article reports no militia activity."
CATEGORY = "militia-activity"


def militia_panel(situation: Situation, view: ViewState = DEFAULT) -> Panel:
    events = [e for e in listed_events(situation, view) if e.category == CATEGORY]
    names = {e.actor: actor_name(situation, e.actor) or "" for e in events}
    # Panel order (actor, focused first, current first, date) before the cap, so the lines listed are the first ones.
    events.sort(key=lambda e: (names[e.actor], not involves_place(e, view.focus), not e.is_current, e.date or ""))
    listed, more = capped(events)
    return Panel(TITLE, focused_first([event_line(situation, e, view.focus) for e in listed]), EMPTY, more)


def event_line(situation: Situation, event: Event, focus: str | None = None) -> PanelLine:
    """One event as a panel line; the timeline shares it so an event reads the same everywhere."""
    status = event_status(event)
    return PanelLine(
        text=event_phrase(situation, event),
        evidence=(event_evidence(situation, event),),
        detail=f"{format_date(event.date, event.date_precision)} · {status} · sentence {event.sentence}",
        current=event.is_current,
        glyph=style.action_glyph(event.action, current=event.is_current),
        colour=style.actor_type_colour(actor_type(situation, event.actor)),
        group=actor_name(situation, event.actor),
        focused=involves_place(event, focus),
    )
