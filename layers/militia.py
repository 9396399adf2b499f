"""The militia activity layer: "militia-activity" events at their places, coloured by actor type, shaped by action."""
from __future__ import annotations

from typing import TYPE_CHECKING

from layers.base import LayerOutput, event_marks, events_in_view
from reading.model import Situation

if TYPE_CHECKING:
    from sharing.viewstate import ViewState

CATEGORY = "militia-activity"


def build(situation: Situation, view: ViewState) -> LayerOutput:
    traces, legend = event_marks(situation, events_in_view(situation, view, CATEGORY), "militia")
    return LayerOutput(tuple(traces), tuple(legend))
