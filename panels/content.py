"""What a panel holds: short lines that read like an analyst's notes, each with the sentences behind it."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from layers.base import selected_events
from layers.wording import sentence_text
from reading.model import Event, Situation
from sharing.viewstate import DEFAULT, ViewState


T = TypeVar("T")
# A panel lists at most this many lines: past that a reader narrows the filters rather than scrolls, and a
# situation of 100,000 events still lists in a moment (lines are built only for what is listed).
MAX_LINES = 100


@dataclass(frozen=True, slots=True)
class Evidence:
    """A supporting sentence, by index and text; `mark` is the words in it the line is about."""

    sentence: int
    text: str
    mark: str | None = None


@dataclass(frozen=True, slots=True)
class PanelLine:
    text: str
    evidence: tuple[Evidence, ...]
    detail: str | None = None
    current: bool = True
    glyph: str = "•"
    colour: str = "#1A1A1A"
    group: str | None = None
    focused: bool = False  # about the focused place: marked, and listed first in its group


@dataclass(frozen=True, slots=True)
class Panel:
    title: str
    lines: tuple[PanelLine, ...]
    empty: str  # what the page says when there is nothing to list, and what to do next
    more: int = 0  # lines left out past MAX_LINES


def capped(items: Sequence[T]) -> tuple[Sequence[T], int]:
    """The first MAX_LINES items (already in panel order) and how many are left out."""
    return items[:MAX_LINES], max(0, len(items) - MAX_LINES)


def listed_events(situation: Situation, view: ViewState = DEFAULT) -> list[Event]:
    """The events panels list: the view's selection, background events included.

    Panels mark background events as such, so the historical toggle thins only the map.
    """
    return selected_events(situation, replace(view, show_historical=True))


def focused_first(lines: Sequence[PanelLine]) -> tuple[PanelLine, ...]:
    """Lines about the focused place first within their group; groups keep their order and stay whole."""
    rank = {group: i for i, group in enumerate(dict.fromkeys(line.group for line in lines))}
    return tuple(sorted(lines, key=lambda line: (rank[line.group], not line.focused)))


def event_evidence(situation: Situation, event: Event) -> Evidence:
    return Evidence(event.sentence, event.evidence, _actor_words(situation, event.actor, event.sentence))


def sentence_evidence(situation: Situation, sentence: int, mark: str | None) -> Evidence | None:
    text = sentence_text(situation, sentence)
    return Evidence(sentence, text, mark) if text else None


def _actor_words(situation: Situation, actor_id: str, sentence: int) -> str | None:
    actor = situation.actor(actor_id)
    if actor is None:
        return None
    return next((m.text for m in actor.mentions if m.sentence == sentence), None)
