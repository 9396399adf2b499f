"""The evidence view: what a map item rests on, each sentence inside the article text around it with
the words it is about marked, found by the mentions' character offsets.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from layers.wording import event_phrase, format_date
from reading.model import Event, Place, Sentence, Situation

# A place named thirty times would bury the page; the first few sentences show how the article uses it.
MAX_PASSAGES = 5

Span = tuple[int, int]  # character offsets into the article text, end exclusive


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence with its neighbours; `pieces` is the sentence cut at the marked words (True = marked)."""

    sentence: int
    before: str
    pieces: tuple[tuple[str, bool], ...]
    after: str


@dataclass(frozen=True, slots=True)
class EvidenceView:
    title: str
    detail: str
    passages: tuple[Passage, ...]
    more: int = 0  # sentences left out after MAX_PASSAGES


def evidence_view(situation: Situation, item_id: str | None) -> EvidenceView | None:
    """The evidence of an event or a place, by the id a map marker carries; None for anything else."""
    if item_id is None:
        return None
    event = situation.event(item_id)
    if event is not None:
        return event_view(situation, event)
    place = situation.place(item_id)
    return place_view(situation, place) if place is not None else None


def event_view(situation: Situation, event: Event) -> EvidenceView:
    """The event's sentence, with its actor, target and places marked where the sentence names them."""
    actors = (a for a in (situation.actor(event.actor), situation.actor(event.target)) if a is not None)
    places = (p for p in map(situation.place, (event.place, event.origin, event.destination)) if p is not None)
    spans = [(m.start, m.end) for a in actors for m in a.mentions if m.sentence == event.sentence]
    spans += [(m.start, m.end) for p in places for m in p.mentions if m.sentence == event.sentence]
    found = passage(situation, event.sentence, spans)
    return EvidenceView(
        title=event_phrase(situation, event),
        detail=f"{event.category} · {event.action} · {format_date(event.date, event.date_precision)} · "
        f"sentence {event.sentence}",
        passages=(found,) if found else (),
    )


def place_view(situation: Situation, place: Place) -> EvidenceView:
    """Every sentence that names the place, the place's own words marked, in reading order."""
    by_sentence: dict[int, list[Span]] = {}
    for mention in place.mentions:
        by_sentence.setdefault(mention.sentence, []).append((mention.start, mention.end))
    found = [p for index in sorted(by_sentence) if (p := passage(situation, index, by_sentence[index]))]
    mentions = len(place.mentions)
    return EvidenceView(
        title=place.name,
        detail=f"{place.kind}, {place.country} · located to {place.precision} · "
        f"{mentions} mention{'s' if mentions != 1 else ''}",
        passages=tuple(found[:MAX_PASSAGES]),
        more=max(0, len(found) - MAX_PASSAGES),
    )


def passage(situation: Situation, index: int, spans: Iterable[Span]) -> Passage | None:
    """Sentence `index` between its neighbours, cut so that the given spans are the marked pieces."""
    sentences = {s.index: s for s in situation.sentences}
    sentence = sentences.get(index)
    if sentence is None:
        return None
    return Passage(
        sentence=index,
        before=_text(sentences.get(index - 1)),
        pieces=cut(sentence, spans),
        after=_text(sentences.get(index + 1)),
    )


def cut(sentence: Sentence, spans: Iterable[Span]) -> tuple[tuple[str, bool], ...]:
    """The sentence in pieces, marked where a span falls; overlapping spans merge, spans outside are dropped."""
    local = sorted(
        (max(start, sentence.start) - sentence.start, min(end, sentence.end) - sentence.start)
        for start, end in spans
        if start < sentence.end and end > sentence.start
    )
    merged: list[list[int]] = []
    for start, end in local:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    done = 0
    for start, end in merged:
        if start > done:
            pieces.append((sentence.text[done:start], False))
        pieces.append((sentence.text[start:end], True))
        done = end
    if done < len(sentence.text):
        pieces.append((sentence.text[done:], False))
    return tuple(pieces)


def _text(sentence: Sentence | None) -> str:
    return sentence.text if sentence is not None else ""
