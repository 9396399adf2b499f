"""The reference article scored against its hand annotation (../shared/corpus/seed/gold.json), and our own
account of the same events scored against the same annotation: the reading is of facts, not of one text."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evaluation.seed_gold import SEED_DIR, event_score, load_gold, place_score, seed_article
from reading.article import from_file
from reading.pipeline import read_article

OWN_ACCOUNT = Path(__file__).resolve().parent.parent / "briefs" / "baghdad-strike-2020.txt"
needs_corpus = pytest.mark.skipif(
    not (SEED_DIR / "gold.json").exists(), reason="the shared corpus (../shared/corpus/seed) is not beside the repository"
)


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def seed_situation(gold):
    return read_article(from_file(seed_article()), published=date.fromisoformat(gold["published"]))


@needs_corpus
def test_every_gold_place_is_found_within_its_tolerance(seed_situation, gold):
    score, missed = place_score(seed_situation, gold)
    print(f"seed places: recall {score.recall:.2f} ({score.found}/{score.gold}), precision {score.precision:.2f}")
    assert missed == []


@needs_corpus
def test_places_drawn_or_named_are_gold_places(seed_situation, gold):
    score, _ = place_score(seed_situation, gold)
    assert score.precision >= 0.9


@needs_corpus
def test_current_event_recall_and_precision_meet_the_floor(seed_situation, gold):
    score, missed, extra = event_score(seed_situation, gold, current_only=True)
    print(f"seed current events: recall {score.recall:.2f}, precision {score.precision:.2f}; missed {missed}; extra {extra}")
    assert score.recall >= 0.9 and score.precision >= 0.8


@needs_corpus
def test_all_event_recall_and_precision_meet_the_floor(seed_situation, gold):
    score, missed, extra = event_score(seed_situation, gold, current_only=False)
    print(f"seed all events: recall {score.recall:.2f}, precision {score.precision:.2f}; missed {missed}; extra {extra}")
    assert score.recall >= 0.85 and score.precision >= 0.75


@needs_corpus
def test_our_own_account_of_the_same_events_gives_the_same_current_events(gold):
    situation = read_article(from_file(OWN_ACCOUNT), published=date.fromisoformat(gold["published"]))
    score, missed, extra = event_score(situation, gold, current_only=True)
    print(f"own account, current events: recall {score.recall:.2f}, precision {score.precision:.2f}; missed {missed}")
    # Our account leaves out one detail the article has (the strike "in Baghdad" besides "at the airport"), and it
    # calls the late-December attack a rocket attack: rocket fire is a strike (remote violence, as ACLED codes it),
    # where the article's plain "an attack" is an attack.
    rocket = ("unknown", "strike", "Northern Iraq")
    assert missed <= {("united-states", "strike", "Baghdad"), ("united-states", "kill", "Baghdad International Airport"),
                      ("unknown", "attack", "Northern Iraq")}
    assert extra <= {rocket} and rocket in extra and score.precision >= 0.9


@needs_corpus
def test_every_mention_offset_points_at_its_text_in_the_reference_article(seed_situation):
    text = from_file(seed_article()).text
    for place in seed_situation.places:
        for m in place.mentions:
            assert text[m.start : m.end] == m.text
    for actor in seed_situation.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
