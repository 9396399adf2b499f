"""The unrest layer: "civil-unrest" events (protests, riots) at their places.

Drawn as militia and state events are, through `layers.marks`, but apart from both: a crowd storming an
embassy is neither a militia's act nor a government's, and an analyst filters it on its own.
"""
from __future__ import annotations

from layers.marks import category_layer

CATEGORY = "civil-unrest"

build = category_layer(CATEGORY, "unrest")
