"""Coalition posture panel: one line per actor, "Germany — relocating: trainers moving out of Iraq to Jordan and Kuwait"."""
from __future__ import annotations

from layers import style
from layers.base import involves_place
from panels.content import Evidence, Panel, PanelLine, event_evidence, focused_first, listed_events, sentence_evidence
from layers.wording import actor_name, actor_type, place_name
from reading.model import Posture, Situation
from sharing.viewstate import DEFAULT, ViewState

TITLE = "Coalition posture"
EMPTY = "The article reports no change in any force's posture."


def posture_panel(situation: Situation, view: ViewState = DEFAULT) -> Panel:
    """A force's line stays while any of its events passes the filters; one resting on no event, only unfiltered."""
    listed = {e.id for e in listed_events(situation, view)}
    shown = [p for p in situation.posture if (bool(listed & set(p.events)) if p.events else not view.narrows_events)]
    return Panel(TITLE, focused_first([posture_line(situation, p, view.focus) for p in shown]), EMPTY)


def posture_line(situation: Situation, posture: Posture, focus: str | None = None) -> PanelLine:
    events = [e for e_id in posture.events if (e := situation.event(e_id)) is not None]
    text = f"{actor_name(situation, posture.actor)} — {posture.status}: {posture.detail}"
    places = [n for loc in posture.locations if (n := place_name(situation, loc)) and n not in posture.detail]
    if places:
        moving = any(e.destination for e in events)
        text += f" {'to' if moving else 'at'} {join_names(places)}"
    evidence = tuple(event_evidence(situation, e) for e in events) or _actor_evidence(situation, posture.actor)
    return PanelLine(
        text=text,
        evidence=evidence,
        detail=", ".join(f"sentence {e.sentence}" for e in evidence) or None,
        current=any(e.is_current for e in events) or not events,
        glyph=style.action_glyph(events[0].action) if events else "•",
        colour=style.actor_type_colour(actor_type(situation, posture.actor)),
        focused=focus in posture.locations or any(involves_place(e, focus) for e in events),
    )


def join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _actor_evidence(situation: Situation, actor_id: str) -> tuple[Evidence, ...]:
    """With no supporting event, the sentences naming the actor are the evidence."""
    actor = situation.actor(actor_id)
    if actor is None:
        return ()
    found = (sentence_evidence(situation, m.sentence, m.text) for m in actor.mentions)
    return tuple(dict.fromkeys(e for e in found if e is not None))
