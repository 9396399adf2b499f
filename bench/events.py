"""Benchmark: event coding scored against hand annotations, with an error analysis and what event coding costs.

Run: .venv/bin/python -m bench.events [--runs N]
(prints a Markdown report on stdout, progress on stderr)

Sets:
- seed: the reference article and its gold (`../shared/corpus/seed/`), skipped with a message when absent;
- devset: the team's own short reports and their annotations (`evaluation/devset/NN_slug.txt` + `.json`),
  in the seed-gold schema, scored as a whole and per region (the JSON's `region` key).
Each article is read with its gold `published` date. Scores are micro-averaged over the articles of a set:
events as actor-action-place triples (`evaluation.seed_gold.event_score`), current events (asserted, not
historical) apart from all events; places as gold places found within tolerance (`place_score`).

Timing: CPU time of `read_article` per article (median of --runs runs, gazetteer and registry already loaded); CPU
time rather than wall-clock, so that on a busy machine (CI, other jobs on the two cores) waiting for the processor is
not counted against whichever part happened to be running. Inside the
same calls, the time spent in `reading.toponyms.find_toponyms` and `reading.resolve.resolve` (the geoparser) is
measured by wrapping the two names the pipeline calls; everything else (actors, event coding, posture, risk) is
"outside the geoparser".
"""
from __future__ import annotations

import argparse
import contextlib
import json
import platform
import re
import statistics
import sys
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from evaluation.metrics import Score
from evaluation.seed_gold import GOLD_ACTION, SEED_DIR, _gold_place_name, actor_id, event_score, load_gold, place_score
from reading import pipeline
from reading.article import Article, from_file
from reading.model import Situation
from reading.triggers import find_triggers

DEVSET = Path(__file__).resolve().parents[1] / "evaluation" / "devset"
RUNS = 5
TOP_ERRORS = 30
_TRIGGER_ACTION = {"suspend": "suspend"}  # trigger names that are not event actions
CUE_WINDOW = 45  # characters before a trigger searched for a negation, threat or demand
# Words that make a sentence's action not (yet) a fact: negation, denial, threat, demand, plan.
NON_ASSERTED = re.compile(
    r"\b(?:not|no|never|n't|without|denied|denies|deny|threaten\w*|vow\w*|warn\w*|demand\w*|call(?:ed|s)? for|"
    r"asked|would|could|will|plans?|intend\w*|accused)\b", re.I,
)

Triple = tuple[str, str, "str | None"]


SEED_CASE = "seed (reference article)"


@dataclass
class Case:
    """One annotated article and what the reader made of it."""

    set_name: str
    region: str
    name: str
    article: Article
    gold: dict
    situation: Situation | None = None
    error: str | None = None
    seconds: float = 0.0  # median read_article time
    geo_seconds: float = 0.0  # of which find_toponyms + resolve (median over the same runs)


def _cell(score: Score) -> str:
    return f"{score.recall:.2f} / {score.precision:.2f} ({score.found}/{score.gold}, {score.correct}/{score.predicted})"


@dataclass
class Row:
    label: str
    articles: int = 0
    chars: int = 0
    seconds: float = 0.0
    current: Score = Score()
    every: Score = Score()
    places: Score = Score()


# --------------------------------------------------------------------------------------------------------------
# Loading


def load_cases() -> tuple[list[Case], list[str]]:
    cases, notes = [], []
    seed_gold = SEED_DIR / "gold.json"
    if seed_gold.exists():
        gold = load_gold(seed_gold)
        seed_text = next(SEED_DIR.glob("*.txt"))
        cases.append(Case("seed", "Iraq/Syria", SEED_CASE, from_file(seed_text), gold))
    else:
        notes.append(f"Seed set skipped: {seed_gold} is absent (the shared corpus is not beside the repository).")
    for path in sorted(DEVSET.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt")
        if not text.exists():
            notes.append(f"{path.name}: no text file beside it, skipped.")
            continue
        cases.append(Case("devset", gold.get("region", "?"), path.stem, from_file(text), gold))
    return cases, notes


# --------------------------------------------------------------------------------------------------------------
# Reading and timing


class _GeoTimer:
    """Wraps the geoparser functions the pipeline calls and adds up the time spent in them."""

    NAMES = ("find_toponyms", "resolve")

    def __init__(self) -> None:
        self.seconds = 0.0

    @contextlib.contextmanager
    def installed(self):
        originals = {name: getattr(pipeline, name, None) for name in self.NAMES}
        missing = [name for name, fn in originals.items() if fn is None]
        if missing:
            raise RuntimeError(f"reading.pipeline no longer calls {missing}: update bench/events.py")
        for name, fn in originals.items():
            setattr(pipeline, name, self._timed(fn))
        try:
            yield self
        finally:
            for name, fn in originals.items():
                setattr(pipeline, name, fn)

    def _timed(self, fn):
        def wrapper(*args, **kwargs):
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - started
        return wrapper


def read_all(cases: list[Case], runs: int) -> None:
    timer = _GeoTimer()
    with timer.installed():
        for i, case in enumerate(cases, 1):
            print(f"[{i}/{len(cases)}] {case.set_name} {case.name}", file=sys.stderr)
            published = date.fromisoformat(case.gold["published"])
            try:
                case.situation = pipeline.read_article(case.article, published=published)  # warm
                totals, geos = [], []
                for _ in range(runs):
                    timer.seconds = 0.0
                    started = time.process_time()
                    pipeline.read_article(case.article, published=published)
                    totals.append(time.process_time() - started)
                    geos.append(timer.seconds)
                case.seconds, case.geo_seconds = statistics.median(totals), statistics.median(geos)
            except Exception:  # a crash is a finding: report it and go on
                case.error = traceback.format_exc(limit=3)


# --------------------------------------------------------------------------------------------------------------
# Scoring


def score_rows(cases: list[Case]) -> list[Row]:
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        if case.situation is None:
            continue
        groups["seed" if case.set_name == "seed" else "devset: all"].append(case)
        if case.set_name == "devset":
            groups[f"devset: {case.region}"].append(case)
    order = ["seed", "devset: all"] + sorted(k for k in groups if k.startswith("devset: ") and k != "devset: all")
    rows = []
    for label in order:
        if label not in groups:
            continue
        row = Row(label)
        for case in groups[label]:
            row.articles += 1
            row.chars += len(case.article.text)
            row.seconds += case.seconds
            row.current += event_score(case.situation, case.gold, current_only=True)[0]
            row.every += event_score(case.situation, case.gold, current_only=False)[0]
            row.places += place_score(case.situation, case.gold)[0]
        rows.append(row)
    return rows


# --------------------------------------------------------------------------------------------------------------
# Error analysis (current events: what the map shows as happening now)


@dataclass(frozen=True)
class Error:
    direction: str  # "missed" (gold, not predicted) or "spurious" (predicted, not gold)
    kind: str
    case: str
    triple: Triple
    sentence: str
    note: str = ""


def _predicted(case: Case) -> list[tuple[Triple, bool, str, str]]:
    """(triple, is_current, sentence text, modality/historical note) for each of our events."""
    situation, gold = case.situation, case.gold
    out = []
    for e in situation.events:
        triple = (e.actor, GOLD_ACTION.get(e.action, "other"), _gold_place_name(situation, e, gold))
        sentence = situation.sentences[e.sentence].text if e.sentence < len(situation.sentences) else e.evidence
        note = "historical" if e.historical else e.modality
        out.append((triple, e.is_current, sentence, note))
    return out


def _looks_non_asserted(sentence: str, gold_action: str) -> bool:
    """A negation, threat, demand or plan in the words just before a trigger of this action."""
    triggers = [t for t in find_triggers(sentence) if _TRIGGER_ACTION.get(t.action, GOLD_ACTION.get(t.action, "other")) == gold_action]
    if not triggers:
        return bool(NON_ASSERTED.search(sentence))
    return any(m.start() >= t.start - CUE_WINDOW for t in triggers for m in NON_ASSERTED.finditer(sentence[: t.start]))


def _gold_events(case: Case) -> list[tuple[Triple, bool, str]]:
    return [((actor_id(e["actor"]), e["action"], e["place"]), bool(e.get("historical")), e["sentence"]) for e in case.gold["events"]]


def _differs_in(a: Triple, b: Triple) -> str | None:
    """The one field in which two triples differ, or None when they differ in none or in several."""
    diffs = [name for name, x, y in zip(("actor", "action", "place"), a, b) if x != y]
    return diffs[0] if len(diffs) == 1 else None


_KIND_BY_FIELD = {"actor": "wrong actor", "action": "wrong action", "place": "wrong/missing place"}


def classify(case: Case) -> list[Error]:
    _, missed, extra = event_score(case.situation, case.gold, current_only=True)
    predicted = _predicted(case)
    golds = _gold_events(case)
    errors: list[Error] = []
    for triple in sorted(missed, key=str):
        sentences = {s for t, hist, s in golds if t == triple and not hist}
        here = [(t, cur, note) for t, cur, s, note in predicted if s in sentences]
        same = [note for t, cur, note in here if t == triple and not cur]
        anywhere = [note for t, cur, s, note in predicted if t == triple and not cur]
        if same or anywhere:
            kind, note = "modality/historical wrong", f"ours: {(same or anywhere)[0]}"
        else:
            fields = [f for f in (_differs_in(triple, t) for t, cur, _ in here if cur) if f]
            if fields:
                field_name = Counter(fields).most_common(1)[0][0]
                kind = _KIND_BY_FIELD[field_name]
                ours = [t for t, cur, _ in here if cur and _differs_in(triple, t) == field_name]
                note = f"ours: {_fmt(ours[0])}"
            elif here:
                kind, note = "missed entirely", "sentence coded, but no triple within one field"
            else:
                kind, note = "missed entirely", "no event coded in the sentence"
        errors.append(Error("missed", kind, case.name, triple, sorted(sentences)[0] if sentences else "", note))
    for triple in sorted(extra, key=str):
        sources = [(s, note) for t, cur, s, note in predicted if t == triple and cur]
        sentence = sources[0][0] if sources else ""
        gold_here = [t for t, hist, s in golds if s == sentence]
        if any(t == triple and hist for t, hist, _ in golds):
            kind, note = "modality/historical wrong", "gold: historical background"
        elif not gold_here:
            if _looks_non_asserted(sentence, triple[1]):
                kind, note = "modality/historical wrong", "no gold event: negated, threatened, demanded or planned"
            else:
                kind, note = "spurious", "no gold event in the sentence"
        else:
            fields = [f for f in (_differs_in(t, triple) for t in gold_here) if f]
            if fields:
                field_name = Counter(fields).most_common(1)[0][0]
                kind = _KIND_BY_FIELD[field_name]
                note = "gold: " + _fmt(next(t for t in gold_here if _differs_in(t, triple) == field_name))
            else:
                kind, note = "spurious", "sentence has gold events, none within one field"
        errors.append(Error("spurious", kind, case.name, triple, sentence, note))
    return errors


def _most_common_by_kind(errors: list[Error], counts: Counter, limit: int) -> list[Error]:
    """Up to `limit` errors: within each kind the most frequent triples first, kinds taken in turn (largest first),
    so that a kind with many errors does not hide the others."""
    by_kind: dict[str, list[Error]] = defaultdict(list)
    for e in sorted(errors, key=lambda e: (-counts[e.triple], e.case, str(e.triple))):
        by_kind[e.kind].append(e)
    queues = sorted(by_kind.values(), key=len, reverse=True)
    shown: list[Error] = []
    while len(shown) < limit and any(queues):
        for queue in queues:
            if queue and len(shown) < limit:
                shown.append(queue.pop(0))
    return shown


def _short(case_name: str) -> str:
    """"07" for a devset article, "seed" for the reference article."""
    return case_name[:2] if re.match(r"\d\d_", case_name) else "seed"


def _fmt(triple: Triple) -> str:
    actor, action, place = triple
    return f"{actor} · {action} · {place if place is not None else '—'}"


def _cut(text: str, n: int = 90) -> str:
    text = " ".join(text.split()).replace("|", "/")
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------------------------------------------
# Report


def report(cases: list[Case], notes: list[str], runs: int) -> str:
    lines: list[str] = []
    add = lines.append
    ok = [c for c in cases if c.situation is not None]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    add("### Event benchmark: seed gold and devset")
    add("")
    add(f"- {now} · {platform.platform()} · Python {platform.python_version()} · `.venv/bin/python -m bench.events --runs {runs}`")
    add(f"- Reader {pipeline.READER_VERSION}; events scored as actor–action–place triples (`evaluation.seed_gold.event_score`), "
        "micro-averaged over articles; current = asserted and not historical, on both sides. Places: gold places found within "
        "10 km (cities, facilities) or 161 km (countries, regions, uncertain), precision over our literal and metonymic places.")
    for note in notes:
        add(f"- {note}")
    crashed = [c for c in cases if c.error]
    add(f"- Reader crashes: {', '.join(c.name for c in crashed) if crashed else 'none'}.")
    add("")
    add("| set | articles | current events R / P | all events R / P | places R / P | reading time (sum of medians) |")
    add("|---|---:|---|---|---|---:|")
    for row in score_rows(ok):
        speed = f"{row.seconds * 1000:.0f} ms ({row.chars / row.seconds / 1e3:.0f} kB/s)" if row.seconds else "—"
        add(f"| {row.label} | {row.articles} | {_cell(row.current)} | {_cell(row.every)} | {_cell(row.places)} | {speed} |")
    add("")
    missed_places = [f"{name} ({_short(c.name)})" for c in ok for name in place_score(c.situation, c.gold)[1]]
    add(f"Gold places not found within tolerance: {', '.join(missed_places) or 'none'}.")
    add("")

    # Cost of event coding
    total = sum(c.seconds for c in ok)
    geo = sum(c.geo_seconds for c in ok)
    if total and geo:
        outside = total - geo
        add("#### What event coding costs")
        add("")
        add(f"Over the {len(ok)} articles ({sum(len(c.article.text) for c in ok):,} characters), `read_article` takes "
            f"{total * 1000:.0f} ms of CPU time (sum of per-article medians of {runs} runs); `find_toponyms` + `resolve` take "
            f"{geo * 1000:.0f} ms of it, and everything else (actor spans, event coding, posture, risk) "
            f"{outside * 1000:.0f} ms, {outside / total:.0%} of the total.")
        add("")
        add(f"**Event coding adds {outside / geo:.2f}× to the geoparser's time.**")
        add("")

    # Errors
    errors = [e for c in ok for e in classify(c)]
    add("#### Errors in current events (all sets)")
    add("")
    kinds = sorted({e.kind for e in errors})
    add("| error kind | missed gold triples | spurious predicted triples |")
    add("|---|---:|---:|")
    for kind in kinds:
        m = sum(e.kind == kind and e.direction == "missed" for e in errors)
        s = sum(e.kind == kind and e.direction == "spurious" for e in errors)
        add(f"| {kind} | {m} | {s} |")
    add(f"| **all** | {sum(e.direction == 'missed' for e in errors)} | {sum(e.direction == 'spurious' for e in errors)} |")
    add("")
    for direction, title in (("missed", "missed gold triples"), ("spurious", "spurious predicted triples")):
        chosen = [e for e in errors if e.direction == direction]
        counts = Counter(e.triple for e in chosen)
        shown = _most_common_by_kind(chosen, counts, TOP_ERRORS)
        add(f"The {len(shown)} most common {title} (of {len(chosen)}; the same triple in several articles first, "
            "then taken from each error kind in turn), by error kind:")
        add("")
        add("| kind | triple (actor · action · place) | article | sentence | note |")
        add("|---|---|---|---|---|")
        for e in sorted(shown, key=lambda e: (kinds.index(e.kind), -counts[e.triple], e.case)):
            times = f" ×{counts[e.triple]}" if counts[e.triple] > 1 else ""
            # The corpus article's sentences stay in the corpus: the report (committed) must not copy them.
            quoted = "(corpus text, not reproduced)" if e.case == SEED_CASE else _cut(e.sentence)
            add(f"| {e.kind} | {_fmt(e.triple)}{times} | {_short(e.case)} | {quoted} | {_cut(e.note, 60)} |")
        add("")
    if crashed:
        add("#### Crashes")
        add("")
        for c in crashed:
            add(f"- {c.name}:\n```\n{c.error}\n```")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help="timed runs per article (median taken)")
    args = parser.parse_args(argv)
    cases, notes = load_cases()
    for note in notes:
        print(note, file=sys.stderr)
    read_all(cases, max(1, args.runs))
    print(report(cases, notes, max(1, args.runs)))


if __name__ == "__main__":
    main()
