"""Panels: pure functions from a Situation to the short lists the page shows beside the map."""
from __future__ import annotations

from collections.abc import Callable

from panels.content import Panel
from panels.militia import militia_panel
from panels.places import places_panel
from panels.posture import posture_panel
from panels.risk import risk_panel
from panels.timeline import timeline_panel
from reading.model import Situation
from sharing.viewstate import ViewState

# The brief's panels in the order the page and its snapshot show them.
BRIEF_PANELS: tuple[Callable[[Situation, ViewState], Panel], ...] = (
    risk_panel, posture_panel, militia_panel, timeline_panel, places_panel,
)
