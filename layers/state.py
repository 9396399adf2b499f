"""The state forces layer: "state-action" events (a government's strikes, raids, threats) at their places.

Drawn exactly as militia activity is (colour by actor type, glyph by ACLED type, fanned out at the place),
but a layer of its own, as ACLED keeps state forces apart from militias: an analyst asking "what did the
militias do" can hide the strikes, and a link can carry either one.
"""
from __future__ import annotations

from layers.marks import category_layer

CATEGORY = "state-action"

build = category_layer(CATEGORY, "state")
