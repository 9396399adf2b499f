"""Places panel: every place the article names, with kind, country, mentions and how exactly it is located."""
from __future__ import annotations

from layers import style
from panels.content import Panel, PanelLine, capped, focused_first, sentence_evidence
from reading.model import Place, Situation
from sharing.viewstate import DEFAULT, ViewState

TITLE = "Places"
EMPTY = "The article names no places the reader could locate."
ON_MAP = "On the map"
NOT_DRAWN = "Named, not drawn (a government, a modifier or a demonym)"


def places_panel(situation: Situation, view: ViewState = DEFAULT) -> Panel:
    """Every place, whatever the filters: they narrow events, and a place is where events may be."""
    ordered = sorted(situation.places, key=lambda p: (p.role != "literal", p.id != view.focus, -len(p.mentions), p.name))
    listed, more = capped(ordered)
    return Panel(TITLE, focused_first([place_line(situation, p, view.focus) for p in listed]), EMPTY, more)


def place_line(situation: Situation, place: Place, focus: str | None = None) -> PanelLine:
    mentions = len(place.mentions)
    found = (sentence_evidence(situation, m.sentence, m.text) for m in place.mentions)
    return PanelLine(
        text=f"{place.name} — {place.kind}, {place.country}",
        evidence=tuple(dict.fromkeys(e for e in found if e is not None)),
        detail=f"{mentions} mention{'s' if mentions != 1 else ''} · located to {place.precision} · {place.role}",
        current=place.role == "literal",
        glyph="◯" if place.is_area else "●",
        colour=style.AREA_COLOUR if place.is_area else style.PLACE_COLOUR,
        group=ON_MAP if place.role == "literal" else NOT_DRAWN,
        focused=place.id == focus,
    )
