"""The risk layer: a graduated circle per assessed place, larger for a higher score, coloured by level.

Filters keep a place whose score rests on at least one selected event, and its hover names only those.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from layers import style
from layers.base import LayerOutput, LegendEntry, hover_lines, risks_in_view
from layers.wording import event_phrase
from reading.model import Event, Risk, Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState


def circle_size(score: int) -> float:
    """Diameter in pixels for a 0–100 score: 14 px at 0, 54 px at 100."""
    return 14 + 0.4 * max(0, min(score, 100))


def build(situation: Situation, view: ViewState) -> LayerOutput:
    assessed = [(r, p, d) for r, d in risks_in_view(situation, view) if (p := situation.place(r.place)) is not None]
    if not assessed:
        return LayerOutput()
    # Largest first, so smaller circles stay on top and can still be hovered.
    assessed.sort(key=lambda rpd: -rpd[0].score)
    trace = go.Scattermap(
        name="risk",
        lat=[p.lat for _, p, _ in assessed],
        lon=[p.lon for _, p, _ in assessed],
        mode="markers",
        marker={
            "size": [circle_size(r.score) for r, _, _ in assessed],
            "color": [style.risk_colour(r.level) for r, _, _ in assessed],
            "opacity": 0.4,
        },
        hovertext=[_hover(situation, r, p.name, d) for r, p, d in assessed],
        hoverinfo="text",
        customdata=[r.place for r, _, _ in assessed],
        showlegend=False,
    )
    levels = sorted({r.level for r, _, _ in assessed}, key=_severity)
    legend = [LegendEntry("⬤", style.risk_colour(level), f"{level} risk (size: score of 100)") for level in levels]
    return LayerOutput((trace,), tuple(legend))


def _severity(level: str) -> int:
    order = list(style.RISK_LEVEL_COLOURS)
    return order.index(level) if level in order else len(order)


def _hover(situation: Situation, risk: Risk, name: str, drivers: tuple[Event, ...]) -> str:
    return hover_lines(f"{name}: {risk.level} risk, {risk.score}/100", *(f"· {event_phrase(situation, e)}" for e in drivers))
