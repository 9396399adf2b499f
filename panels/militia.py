"""Militia activity panel: each militia event by actor — action, target, place, date at its precision, evidence."""
from __future__ import annotations

from layers import style
from panels.content import Panel, PanelLine, event_evidence
from layers.wording import actor_name, actor_type, event_phrase, event_status, format_date
from reading.model import Event, Situation

TITLE = "Militia activity"
EMPTY = "The article reports no militia activity."
CATEGORY = "militia-activity"


def militia_panel(situation: Situation) -> Panel:
    events = [e for e in situation.events if e.category == CATEGORY]
    events.sort(key=lambda e: (actor_name(situation, e.actor) or "", not e.is_current, e.date or ""))
    return Panel(TITLE, tuple(event_line(situation, e) for e in events), EMPTY)


def event_line(situation: Situation, event: Event) -> PanelLine:
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
    )
