"""The one palette and glyph set: colours per actor type, category and risk level, shapes per action.

Colours are Okabe–Ito (safe for the common colour-vision deficiencies); every colour is paired
with a glyph or a label, so nothing is told by colour alone. Layers, legend and panels all read
from here. Glyphs are text characters because MapLibre without a sprite sheet (our offline
"white-bg" style) draws only circle markers; text it renders with local fonts.
"""
from __future__ import annotations

from reading.vocabulary import ACTIONS

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky-blue": "#56B4E9",
    "bluish-green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish-purple": "#CC79A7",
    "grey": "#999999",
}

ACTOR_TYPE_COLOURS: dict[str, str] = {
    "state-forces": OKABE_ITO["blue"],
    "external-forces": OKABE_ITO["sky-blue"],
    "rebel-group": OKABE_ITO["vermillion"],
    "political-militia": OKABE_ITO["orange"],
    "identity-militia": OKABE_ITO["reddish-purple"],
    "protesters": OKABE_ITO["bluish-green"],
    "rioters": OKABE_ITO["yellow"],
    "civilians": OKABE_ITO["black"],
    # Okabe–Ito has eight hues; the tenth type takes Paul Tol's "wine", also safe for colour-blind readers.
    "person": "#882255",
    "unknown": OKABE_ITO["grey"],
}

CATEGORY_COLOURS: dict[str, str] = {
    "coalition-posture": OKABE_ITO["blue"],
    "militia-activity": OKABE_ITO["vermillion"],
    "state-action": OKABE_ITO["black"],
    "civil-unrest": OKABE_ITO["bluish-green"],
}

# Ordered from least to most severe; the colours darken with severity so order reads without hue.
RISK_LEVEL_COLOURS: dict[str, str] = {
    "low": "#F0E442",
    "moderate": "#E69F00",
    "elevated": "#E69F00",
    "high": "#D55E00",
    "severe": "#7A1F00",
    "critical": "#7A1F00",
}

PLACE_COLOUR = "#1A1A1A"
# Geography is drawn in neutrals so that hue stays free for actors, categories and risk.
AREA_COLOUR = "#4D4D4D"
AREA_FILL = "rgba(77, 77, 77, 0.12)"
# Uncertainty radii: a neutral too, darker and thinner than area outlines so a ring over an area still shows.
PRECISION_COLOUR = "#333333"
COUNTRY_FILL = "#E3D5B8"
COUNTRY_OUTLINE = "#A89677"
BASE_FILL = "#E4E4E4"
BASE_OUTLINE = "#FFFFFF"
FOCUS_COLOUR = OKABE_ITO["orange"]
FALLBACK_COLOUR = OKABE_ITO["grey"]

# (filled, hollow): filled for current events, hollow for historical or not-asserted ones.
_GLYPHS_BY_ACLED_TYPE: dict[str | None, tuple[str, str]] = {
    "Violence against civilians": ("▲", "△"),
    "Explosions/Remote violence": ("★", "☆"),
    "Battles": ("◆", "◇"),
    "Protests": ("●", "○"),
    "Riots": ("✖", "✕"),
    None: ("■", "□"),
}
# Actions that move a force from one place to another: drawn as arrows when both ends are known.
MOVE_ACTIONS = frozenset({"relocate", "withdraw", "deploy", "reinforce", "evacuate"})
_MOVE_GLYPHS = ("➤", "➢")
_SUSPENSION_GLYPHS = ("‖", "‖")  # a pause sign; U+23F8 is missing from common fonts
_THREAT_GLYPHS = ("▼", "▽")
GLYPH_LABELS: dict[str, str] = {
    "▲": "violence against civilians",
    "★": "strike or explosion",
    "◆": "battle",
    "●": "protest",
    "✖": "riot",
    "■": "other action",
    "‖": "suspension",
    "➤": "move of forces",
    "▼": "threat or demand",
}


def actor_type_colour(actor_type: str | None) -> str:
    return ACTOR_TYPE_COLOURS.get(actor_type or "unknown", FALLBACK_COLOUR)


def category_colour(category: str) -> str:
    return CATEGORY_COLOURS.get(category, FALLBACK_COLOUR)


def risk_colour(level: str) -> str:
    return RISK_LEVEL_COLOURS.get(level, FALLBACK_COLOUR)


def action_glyph(action: str, *, current: bool = True) -> str:
    """The shape for an action: one per ACLED event type, plus suspensions and threats."""
    if action.startswith("suspend"):
        pair = _SUSPENSION_GLYPHS
    elif action in MOVE_ACTIONS:
        pair = _MOVE_GLYPHS
    elif action in ("threaten", "demand"):
        pair = _THREAT_GLYPHS
    else:
        pair = _GLYPHS_BY_ACLED_TYPE.get(ACTIONS.get(action), _GLYPHS_BY_ACLED_TYPE[None])
    return pair[0] if current else pair[1]


def action_glyph_label(action: str) -> str:
    return GLYPH_LABELS[action_glyph(action)]
