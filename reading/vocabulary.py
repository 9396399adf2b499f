"""The small coded vocabularies shared by reading, layers and panels: categories, actions, actor types.

Actor types follow ACLED's actor categories; violent actions carry ACLED's event type.
"""
from __future__ import annotations

CATEGORIES: tuple[str, ...] = ("coalition-posture", "militia-activity", "state-action", "civil-unrest")

ACTOR_TYPES: tuple[str, ...] = (
    "state-forces",
    "external-forces",
    "rebel-group",
    "political-militia",
    "identity-militia",
    "protesters",
    "rioters",
    "civilians",
    "person",
    "unknown",
)

# Action -> ACLED event type (None: not a violent or demonstration event in ACLED's sense).
ACTIONS: dict[str, str | None] = {
    "attack": "Violence against civilians",
    "clash": "Battles",
    "strike": "Explosions/Remote violence",
    "shelling": "Explosions/Remote violence",
    "explosion": "Explosions/Remote violence",
    "kill": "Violence against civilians",
    "ambush": "Battles",
    "abduct": "Violence against civilians",
    "seize": "Battles",
    "protest": "Protests",
    "riot": "Riots",
    "suspend-operations": None,
    "suspend-training": None,
    "withdraw": None,
    "relocate": None,
    "deploy": None,
    "reinforce": None,
    "evacuate": None,
    "resume": None,
    "train": None,
    "threaten": None,
    "demand": None,
    "arrest": None,  # ACLED codes arrests as strategic developments, not as violence
    "coup": None,
}

# Posture actions describe what a force is doing, not violence; they decide the posture panel.
POSTURE_ACTIONS: frozenset[str] = frozenset(
    {"suspend-operations", "suspend-training", "withdraw", "relocate", "deploy", "reinforce", "evacuate", "resume", "train"}
)
VIOLENT_ACTIONS: frozenset[str] = frozenset(a for a, t in ACTIONS.items() if t not in (None, "Protests"))
