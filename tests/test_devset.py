"""The event development set (evaluation/devset): every annotation is well formed and tied to its text, and the
reader's current-event recall over the whole set stays above a floor set a little below the measured figure."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from evaluation.seed_gold import event_score
from reading.article import from_file, split_sentences
from reading.pipeline import read_article

DEVSET = Path(__file__).resolve().parent.parent / "evaluation" / "devset"
PAIRS = sorted(DEVSET.glob("*.json"))
ACTIONS = {"attack", "strike", "withdraw", "suspend", "train", "protest", "kill", "other"}
KINDS = {"country", "region", "city", "facility"}
TOP_KEYS = {"article", "published", "places", "actors", "events"}
PLACE_KEYS = {"name", "canonical", "kind", "lat", "lon", "country_iso2"}
PLACE_OPTIONAL = {"other_forms", "mode", "uncertain", "note"}
EVENT_KEYS = {"actor", "action", "place", "sentence"}
EVENT_OPTIONAL = {"target", "date", "historical", "place_role", "origin", "place_implicit", "detail"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Minimum articles per region (the brief the set was written to).
REGIONS = {
    "Iraq/Syria": 4, "Yemen/Red Sea": 2, "Libya": 2, "Sahel": 3, "Somalia": 2, "Nigeria/Lake Chad": 2, "Sudan": 2,
    "Ethiopia": 1, "DR Congo": 2, "Mozambique": 1, "Afghanistan": 1, "Myanmar": 1, "Ukraine/Russia": 3,
    "Israel/Lebanon/Gaza": 2, "South Asia": 2, "Caribbean": 1, "South America": 1, "Caucasus": 1, "South Sudan": 1,
    "Southeast Asia": 1, "Coastal West Africa": 1, "Iran": 1, "Turkey": 1, "North America": 1, "Balkans": 1,
}
# Measured 2026-12-04 20:30 UTC (reader 0.1.0, 86 articles): current-event recall 0.66 (344/520), precision 0.66
# (344/519); on articles 01-78 alone 0.71 / 0.70 (333/470, 333/474).
# Each batch written and annotated before the reader ran on it scored far below the articles the rules were developed
# on (57-62: 0.36; 63-70, written like wire copy: 0.13; 71-78, wire copy with datelines: 0.23; 79-86: 0.14 with the
# morning's reader, 0.22 with the evening's, no rule written from its errors). The floor guards against regressions,
# it is not a target; raise it as the reader improves.
CURRENT_RECALL_FLOOR = 0.65  # a step below the measured 0.66: one triple fewer (343/520) would be 0.6596


def _load(path: Path) -> tuple[dict, str]:
    return json.loads(path.read_text(encoding="utf-8")), path.with_suffix(".txt").read_text(encoding="utf-8")


def test_the_set_covers_every_region():
    assert len(PAIRS) >= 26
    regions = [json.loads(p.read_text(encoding="utf-8")).get("region") for p in PAIRS]
    for region, minimum in REGIONS.items():
        assert regions.count(region) >= minimum, region
    assert set(regions) <= set(REGIONS)


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_annotation_is_well_formed_and_tied_to_its_text(path: Path):
    gold, text = _load(path)
    assert TOP_KEYS <= gold.keys()
    assert gold["article"] == path.with_suffix(".txt").name
    published = date.fromisoformat(gold["published"])
    assert date(2015, 1, 1) <= published <= date.today()
    assert isinstance(gold["actors"], list) and all(isinstance(a, str) and a for a in gold["actors"])

    canonicals = [p["canonical"] for p in gold["places"]]
    assert len(set(canonicals)) == len(canonicals), "canonical names must be unique"
    for place in gold["places"]:
        assert PLACE_KEYS <= place.keys() and place.keys() <= PLACE_KEYS | PLACE_OPTIONAL, place
        assert place["kind"] in KINDS, place
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, place
        assert place["country_iso2"] is None or re.fullmatch(r"[A-Z]{2}", place["country_iso2"]), place
        for form in [place["name"], *place.get("other_forms", [])]:
            assert form in text, f"{form!r} is not in the text"
        assert place.get("mode", "metonymic") == "metonymic"

    headline = text.split("\n", 1)[0]
    assert gold["events"], "every article has at least one event"
    for event in gold["events"]:
        assert EVENT_KEYS <= event.keys() and event.keys() <= EVENT_KEYS | EVENT_OPTIONAL, event
        assert event["action"] in ACTIONS, event
        assert event["place"] is None or event["place"] in canonicals, event
        assert event["sentence"] in text, f"not verbatim in the text: {event['sentence']!r}"
        assert event["sentence"] != headline, "headlines are not annotated for events"
        assert isinstance(event["actor"], str) and event["actor"], event
        if "origin" in event:
            assert event["origin"] in canonicals, event
        if "place_role" in event:
            assert event["place_role"] in ("origin", "destination"), event
        if "date" in event:
            assert DATE.match(event["date"]), event
            assert event["date"] <= gold["published"], event
        for flag in ("historical", "place_implicit"):
            assert isinstance(event.get(flag, False), bool), event


@pytest.mark.parametrize("path", PAIRS, ids=[p.stem for p in PAIRS])
def test_text_is_a_headline_and_six_to_fourteen_sentences(path: Path):
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert sentences[0].caption, "the first line is a headline without a final stop"
    assert 6 <= len(sentences) - 1 <= 14


def test_current_event_recall_over_the_devset_meets_the_floor():
    found = total = correct = predicted = 0
    for path in PAIRS:
        gold, _ = _load(path)
        situation = read_article(from_file(path.with_suffix(".txt")), published=date.fromisoformat(gold["published"]))
        score, _, _ = event_score(situation, gold, current_only=True)
        found, total = found + score.found, total + score.gold
        correct, predicted = correct + score.correct, predicted + score.predicted
    recall = found / total
    precision = correct / predicted if predicted else 1.0
    print(f"devset current events: recall {recall:.2f} ({found}/{total}), precision {precision:.2f} ({correct}/{predicted})")
    assert recall >= CURRENT_RECALL_FLOOR
