"""Timeline panel: all events, newest first, split into current and background (historical or not carried out)."""
from __future__ import annotations

from dataclasses import replace

from layers.base import involves_place
from panels.content import Panel, PanelLine, capped, focused_first, listed_events
from panels.militia import event_line
from layers.wording import format_date
from reading.model import Situation
from sharing.viewstate import DEFAULT, ViewState

TITLE = "Timeline"
EMPTY = "The article reports no dated events."
CURRENT = "Current"
BACKGROUND = "Background: historical, threatened, planned or denied"


def timeline_panel(situation: Situation, view: ViewState = DEFAULT) -> Panel:
    # ISO dates sort as text; undated events go last within their group.
    # Focused events lead their group, as focused_first orders the lines, so the cap keeps them.
    events = sorted(
        listed_events(situation, view),
        key=lambda e: (not e.is_current, not involves_place(e, view.focus), e.date is None, _negated(e.date)),
    )
    listed, more = capped(events)
    lines: list[PanelLine] = []
    for event in listed:
        line = event_line(situation, event, view.focus)
        lines.append(replace(
            line,
            text=f"{format_date(event.date, event.date_precision)}: {line.text}",
            group=CURRENT if event.is_current else BACKGROUND,
        ))
    return Panel(TITLE, focused_first(lines), EMPTY, more)


def _negated(date: str | None) -> tuple[int, ...]:
    """A sort key that puts later dates first."""
    digits = (date or "").replace("-", " ").split()
    return tuple(-int(d) for d in digits if d.isdigit())
