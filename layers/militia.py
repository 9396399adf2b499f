"""The militia activity layer: "militia-activity" events at their places, coloured by actor type, shaped by action."""
from __future__ import annotations

from layers.marks import category_layer

CATEGORY = "militia-activity"

build = category_layer(CATEGORY, "militia")
