"""Risk table: each assessed place, highest score first, with its level and the events that drive it."""
from __future__ import annotations

from layers import style
from layers.base import risks_in_view
from layers.wording import event_phrase, format_date
from panels.content import Panel, PanelLine, event_evidence, focused_first
from reading.model import Event, Risk, Situation
from sharing.viewstate import DEFAULT, ViewState

TITLE = "Risk by place"
EMPTY = "No place carries a risk reading; widen the filters, or read a report with events in it."


def risk_panel(situation: Situation, view: ViewState = DEFAULT) -> Panel:
    """The places the view keeps on the risk layer, each line listing only the drivers the filters keep."""
    rows = sorted(risks_in_view(situation, view), key=lambda row: -row[0].score)
    return Panel(TITLE, focused_first([risk_line(situation, r, d, view.focus) for r, d in rows]), EMPTY)


def risk_line(situation: Situation, risk: Risk, drivers: tuple[Event, ...], focus: str | None = None) -> PanelLine:
    place = situation.place(risk.place)
    name = place.name if place else risk.place
    hidden = len(risk.drivers) - len(drivers)
    return PanelLine(
        text=f"{name} — {risk.level}, {risk.score}/100",
        evidence=tuple(event_evidence(situation, e) for e in drivers),
        detail="Driven by: " + "; ".join(driver_phrase(situation, e) for e in drivers)
        + (f" · {hidden} more driver{'s' if hidden != 1 else ''} hidden by the filters" if hidden else ""),
        glyph="⬤",
        colour=style.risk_colour(risk.level),
        focused=risk.place == focus,
    )


def driver_phrase(situation: Situation, event: Event) -> str:
    return f"{event_phrase(situation, event)} ({format_date(event.date, event.date_precision)}, sentence {event.sentence})"
