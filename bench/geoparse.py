"""Benchmark: toponym recognition and geocoding on GeoWebNews and TR-News, against a population baseline and geotext.

Run: .venv/bin/python -m bench.geoparse [--corpus geowebnews|tr-news|all] [--limit N]
(needs ../shared/corpus beside the repository; prints a Markdown report on stdout, progress on stderr)

Scoring follows the STANDARD METRICS section of ../shared/corpus/README.md:
- recognition: exact span match (start and end both equal), gold with offset_ok false skipped; a lenient
  overlap match is printed beside it and labelled as such;
- geocoding: over gold toponyms whose span we matched exactly (toponyms we did not find are not counted,
  the number matched is printed), error = great-circle km; accuracy@161 km by distance and with a country
  counted right when its ISO code (or GeoNames id) matches; mean, median, AUC.
Articles whose int(id) % 5 == 0 form the held-out TEST split; tune on DEV only (the error analysis shows DEV only).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from evaluation.metrics import Score

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REPO = Path(__file__).resolve().parents[1]
CORPORA = {"geowebnews": "GeoWebNews", "tr-news": "TR-News"}

LITERAL_TYPES = frozenset({"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"})
ASSOCIATIVE_TYPES = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym", "Language", "Homonym"})
TR_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX"})
EARTH_MAX_KM = 20039.0
ACCURACY_KM = 161.0
TEST_MODULUS = 5
SIX_KB = (5000, 7000)  # bytes of UTF-8 text: the "~6 KB article" band
BASELINE_MAX_TOKENS = 5
TOP_ERRORS, TOP_GEO_ERRORS = 25, 15

Span = tuple[int, int]


# --------------------------------------------------------------------------------------------------------------
# Pure metrics (tested in tests/test_geoparse_metrics.py)


def exact_match(pred: Iterable[Span], gold: Iterable[Span], neutral: Iterable[Span] = ()) -> Score:
    """Exact span matching. A prediction equal to a `neutral` span (and to no gold span) is neither right nor wrong."""
    p, g = set(pred), set(gold)
    judged = p - (set(neutral) - g)
    hits = judged & g
    return Score(len(hits), len(judged), len(hits), len(g))


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlap_match(pred: Iterable[Span], gold: Iterable[Span], neutral: Iterable[Span] = ()) -> Score:
    """LENIENT matching: a prediction is right if it overlaps any gold span; a gold span is found if any prediction
    overlaps it. A prediction overlapping only `neutral` spans is not judged."""
    p, g, n = sorted(set(pred)), sorted(set(gold)), sorted(set(neutral))
    judged = [s for s in p if any(overlaps(s, x) for x in g) or not any(overlaps(s, x) for x in n)]
    correct = sum(1 for s in judged if any(overlaps(s, x) for x in g))
    found = sum(1 for x in g if any(overlaps(s, x) for s in judged))
    return Score(correct, len(judged), found, len(g))


def accuracy_at(errors: Sequence[float], km: float = ACCURACY_KM) -> float:
    """Share of errors under `km`."""
    return sum(1 for e in errors if e < km) / len(errors) if errors else float("nan")


def accuracy_at_with_countries(errors: Sequence[float], country_right: Sequence[bool], km: float = ACCURACY_KM) -> float:
    """As accuracy_at, but a country whose ISO code (or GeoNames id) matches counts right at any distance."""
    if not errors:
        return float("nan")
    return sum(1 for e, c in zip(errors, country_right, strict=True) if e < km or c) / len(errors)


def auc(errors: Sequence[float], max_km: float = EARTH_MAX_KM) -> float:
    """Sorted errors, ln(1 + km), trapezoidal rule, divided by ln(max_km) * (n - 1): 0 is perfect, 1 is worst."""
    if not errors:
        return float("nan")
    ys = [math.log1p(e) for e in sorted(errors)]
    if len(ys) == 1:
        return ys[0] / math.log(max_km)
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / (math.log(max_km) * (len(ys) - 1))


def country_match(gold_iso: str | None, gold_geonames_id: int | None, pred_kind: str, pred_country: str, pred_id: str) -> bool:
    """A gold country (gold_iso set, or gold_geonames_id given for a country) is right when we predicted a country
    with the same ISO code or the same GeoNames id. Call only for gold countries."""
    if pred_kind != "country":
        return False
    return (gold_iso is not None and pred_country == gold_iso) or (
        gold_geonames_id is not None and pred_id == f"geonames:{gold_geonames_id}"
    )


def is_test(article_id: str) -> bool:
    return int(article_id) % TEST_MODULUS == 0


# --------------------------------------------------------------------------------------------------------------
# Corpus


@dataclass(frozen=True)
class Gold:
    text: str
    start: int
    end: int
    type: str | None  # GeoWebNews type; None in TR-News
    literal: bool | None  # None in TR-News (no types)
    name: str | None  # GeoNames name
    geonames_id: int | None
    lat: float | None
    lon: float | None
    is_country: bool
    iso: str | None  # ISO code when the gold is a country our gazetteer knows

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass
class Doc:
    corpus: str
    file: str
    id: str
    text: str
    gold: list[Gold]

    @property
    def split(self) -> str:
        return "test" if is_test(self.id) else "dev"

    @property
    def nbytes(self) -> int:
        return len(self.text.encode("utf-8"))


def load_corpus(corpus: str, country_iso: dict[int, str], limit: int | None) -> list[Doc]:
    root = CORPUS / corpus
    docs = []
    for path in sorted((root / "gold").glob("*.json"))[:limit]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        with open(root / "articles" / f"{path.stem}.txt", encoding="utf-8") as fh:
            text = fh.read()
        gold = []
        for t in doc["toponyms"]:
            if not t["offset_ok"]:
                continue
            if corpus == "geowebnews" and t["type"] not in LITERAL_TYPES | ASSOCIATIVE_TYPES:
                continue
            if text[t["start"] : t["end"]] != t["text"]:
                sys.exit(f"{corpus}/{path.name}: gold offsets do not match the text at {t['start']} ({t['text']!r})")
            gid = t["geonames_id"]
            is_country = gid in country_iso or (corpus == "tr-news" and t.get("feature_code") in TR_COUNTRY_CODES)
            gold.append(
                Gold(
                    t["text"], t["start"], t["end"], t["type"],
                    None if corpus == "tr-news" else t["type"] in LITERAL_TYPES,
                    t["normalised"], gid, t["lat"], t["lon"], is_country, country_iso.get(gid),
                )
            )
        docs.append(Doc(corpus, path.stem, str(doc["id"]), text, gold))
    return docs


# --------------------------------------------------------------------------------------------------------------
# Systems: the reader and the population baseline


@dataclass(frozen=True)
class Pred:
    text: str
    start: int
    end: int
    role: str
    lat: float
    lon: float
    place_id: str
    place_name: str
    kind: str
    country: str

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def reader_predictions(situation) -> list[Pred]:
    """Every mention of every place, all roles."""
    return [
        Pred(m.text, m.start, m.end, m.role, p.lat, p.lon, p.id, p.name, p.kind, p.country)
        for p in situation.places
        for m in p.mentions
    ]


_WORD = re.compile(r"[^\W_]+")


def baseline_predictions(text: str, gaz) -> list[Pred]:
    """Longest gazetteer match: at each capitalised token, the longest run of up to 5 tokens whose normalised text
    is a gazetteer name; the most populous candidate of that name, countries first. No stop list, no context."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[Pred] = []
    i = 0
    while i < len(words):
        start = words[i][0]
        if not text[start].isupper():
            i += 1
            continue
        for n in range(min(BASELINE_MAX_TOKENS, len(words) - i), 0, -1):
            end = words[i + n - 1][1]
            matches = gaz.lookup(text[start:end])
            if matches:
                best = max((m.candidate for m in matches), key=lambda c: (c.kind == "country", c.population))
                found.append(Pred(text[start:end], start, end, "literal", best.lat, best.lon, best.id, best.name, best.kind,
                                  best.country))
                i += n
                break
        else:
            i += 1
    return found


# --------------------------------------------------------------------------------------------------------------
# Scoring one article


@dataclass(frozen=True)
class GeoOutcome:
    km: float
    country_right: bool
    gold: Gold
    pred: Pred


@dataclass
class DocScore:
    split: str
    exact_all: Score
    exact_literal: Score | None
    overlap_all: Score
    overlap_literal: Score | None
    geo: list[GeoOutcome]  # gold with a GeoNames id and coordinates, span matched
    geo_gold: int  # gold with a GeoNames id and coordinates
    handset: list[GeoOutcome]  # gold with hand-set coordinates but no GeoNames id, span matched
    handset_gold: int
    false_negatives: list[tuple[Gold, bool]]  # (gold, partly overlapped by a prediction)
    false_positives: list[tuple[Pred, bool]]  # (prediction, overlaps a gold toponym)


def score_doc(doc: Doc, preds: list[Pred], haversine: Callable[..., float]) -> DocScore:
    by_span: dict[Span, Pred] = {}
    for p in preds:
        by_span.setdefault(p.span, p)
    gold_spans = [g.span for g in doc.gold]
    typed = doc.corpus == "geowebnews"
    literal_pred = [s for s, p in by_span.items() if p.role == "literal"]
    literal_gold = [g.span for g in doc.gold if g.literal]
    associative_gold = [g.span for g in doc.gold if g.literal is False]
    geo, handset = [], []
    for g in doc.gold:
        if g.lat is None:
            continue
        p = by_span.get(g.span)
        if p is None:
            continue
        km = float(haversine(g.lat, g.lon, p.lat, p.lon))
        right = g.is_country and country_match(g.iso, g.geonames_id, p.kind, p.country, p.place_id)
        (geo if g.geonames_id is not None else handset).append(GeoOutcome(km, right, g, p))
    gold_set = set(gold_spans)
    return DocScore(
        split=doc.split,
        exact_all=exact_match(by_span, gold_spans),
        exact_literal=exact_match(literal_pred, literal_gold, associative_gold) if typed else None,
        overlap_all=overlap_match(by_span, gold_spans),
        overlap_literal=overlap_match(literal_pred, literal_gold, associative_gold) if typed else None,
        geo=geo,
        geo_gold=sum(1 for g in doc.gold if g.lat is not None and g.geonames_id is not None),
        handset=handset,
        handset_gold=sum(1 for g in doc.gold if g.lat is not None and g.geonames_id is None),
        false_negatives=[(g, any(overlaps(g.span, s) for s in by_span)) for g in doc.gold if g.span not in by_span],
        false_positives=[(p, any(overlaps(s, x) for x in gold_spans)) for s, p in by_span.items() if s not in gold_set],
    )


# --------------------------------------------------------------------------------------------------------------
# Running


@dataclass
class Crash:
    doc: Doc
    stage: str
    trace: str


@dataclass
class Run:
    docs: list[Doc]
    ours: list[DocScore] = field(default_factory=list)
    baseline: list[DocScore] = field(default_factory=list)
    read_seconds: float = 0.0  # read_article on pre-built Articles
    read_cpu_seconds: float = 0.0  # the same pass in CPU time of this process: steadier when other jobs share the core
    full_seconds: float = 0.0  # from_text + read_article
    baseline_seconds: float = 0.0
    geotext_seconds: float = 0.0
    geotext_cpu_seconds: float = 0.0
    six_kb_ms: list[float] = field(default_factory=list)
    crashes: list[Crash] = field(default_factory=list)

    @property
    def nbytes(self) -> int:
        return sum(d.nbytes for d in self.docs)


def run_corpus(docs: list[Doc], gaz) -> Run:
    from geodata.gazetteer import haversine_km
    from geotext import GeoText
    from reading.article import from_text
    from reading.pipeline import read_article

    run = Run(docs)
    articles = [from_text(d.text) for d in docs]
    for doc, article in zip(docs, articles):
        if article.text != doc.text:
            sys.exit(f"{doc.corpus}/{doc.file}: from_text changed the text, so gold offsets would not apply")

    situations = []
    for doc, article in zip(docs, articles):  # scoring pass (also warms whatever the reader caches lazily)
        try:
            situations.append(read_article(article))
        except Exception:  # noqa: BLE001 - reported in the output, never hidden
            situations.append(None)
            run.crashes.append(Crash(doc, "read_article", traceback.format_exc()))

    started, cpu_started = time.perf_counter(), time.process_time()  # timed pass: read_article on pre-built Articles
    for article in articles:
        try:
            read_article(article)
        except Exception:  # noqa: BLE001
            pass  # reported from the scoring pass
    run.read_seconds = time.perf_counter() - started
    run.read_cpu_seconds = time.process_time() - cpu_started

    started = time.perf_counter()  # the full path, text to Situation
    for doc in docs:
        try:
            read_article(from_text(doc.text))
        except Exception:  # noqa: BLE001
            pass  # the same article crashed above and is reported there
    run.full_seconds = time.perf_counter() - started

    for doc, article in zip(docs, articles):  # ~6 KB articles: median of 3 reads each
        if SIX_KB[0] <= doc.nbytes <= SIX_KB[1]:
            times = []
            for _ in range(3):
                started = time.perf_counter()
                try:
                    read_article(article)
                except Exception:  # noqa: BLE001
                    break
                times.append(time.perf_counter() - started)
            if len(times) == 3:
                run.six_kb_ms.append(statistics.median(times) * 1000)

    baseline_preds = []
    started = time.perf_counter()
    for doc in docs:
        baseline_preds.append(baseline_predictions(doc.text, gaz))
    run.baseline_seconds = time.perf_counter() - started

    GeoText("Warm up in Paris.")
    started, cpu_started = time.perf_counter(), time.process_time()
    for doc in docs:
        GeoText(doc.text)
    run.geotext_seconds = time.perf_counter() - started
    run.geotext_cpu_seconds = time.process_time() - cpu_started

    for doc, situation, base in zip(docs, situations, baseline_preds):
        run.ours.append(score_doc(doc, reader_predictions(situation) if situation else [], haversine_km))
        run.baseline.append(score_doc(doc, base, haversine_km))
    return run


def _subprocess_json(code: str, stdin: str = "") -> dict:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True, cwd=REPO, env=env)
    if out.returncode:
        sys.exit(f"subprocess failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


LOAD_CODE = """
import json, time
started = time.perf_counter()
from geodata.gazetteer import load
load()
print(json.dumps({"seconds": time.perf_counter() - started}))
"""

RSS_CODE = """
import json, resource, sys
from geodata.gazetteer import load
from reading.article import from_text
from reading.pipeline import read_article
load()
after_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for path in json.loads(sys.stdin.read()):
    with open(path, encoding="utf-8") as fh:
        try:
            read_article(from_text(fh.read()))
        except Exception:
            pass
print(json.dumps({"after_load_kib": after_load, "after_reading_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


# --------------------------------------------------------------------------------------------------------------
# Report


def _f(x: float, digits: int = 3) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def _prf_cells(s: Score | None) -> str:
    if s is None:
        return "n/a | n/a | n/a"
    return f"{_f(s.precision)} | {_f(s.recall)} | **{_f(s.f1)}**"


def _total(scores: Iterable[DocScore], attr: str) -> Score | None:
    parts = [getattr(s, attr) for s in scores]
    if any(p is None for p in parts):
        return None
    return sum(parts, Score())


SPLITS = (("dev", lambda s: s.split == "dev"), ("test", lambda s: s.split == "test"), ("all", lambda s: True))


def recognition_table(run: Run, out: list[str]) -> None:
    out.append("| system | split | gold all | P | R | F1 | gold literal | P lit | R lit | F1 lit | lenient-overlap P | R | F1 |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, scores in (("Flashpoint", run.ours), ("baseline", run.baseline)):
        for split, keep in SPLITS:
            chosen = [s for s in scores if keep(s)]
            exact, lit, lenient = (_total(chosen, a) for a in ("exact_all", "exact_literal", "overlap_all"))
            out.append(
                f"| {label} | {split} | {exact.gold} | {_prf_cells(exact)} | {lit.gold if lit else 'n/a'} | {_prf_cells(lit)} | {_prf_cells(lenient)} |"
            )


def _geo_row(outcomes: list[GeoOutcome], gold: int) -> str:
    errors = [o.km for o in outcomes]
    right = [o.country_right for o in outcomes]
    share = f"{len(outcomes)} ({len(outcomes) / gold:.0%})" if gold else "0"
    mean = _f(statistics.fmean(errors), 0) if errors else "n/a"
    median = _f(statistics.median(errors), 0) if errors else "n/a"
    return f"{gold} | {share} | {_f(accuracy_at(errors))} | {_f(accuracy_at_with_countries(errors, right))} | {mean} | {median} | {_f(auc(errors))}"


def geocoding_table(run: Run, out: list[str], handset: bool) -> None:
    out.append("| system | split | gold with GeoNames id + coords | matched (exact span) | acc@161 km, by distance | acc@161 km, country by ISO | mean km | median km | AUC |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, scores in (("Flashpoint", run.ours), ("baseline", run.baseline)):
        for split, keep in SPLITS:
            chosen = [s for s in scores if keep(s)]
            out.append(f"| {label} | {split} | {_geo_row([o for s in chosen for o in s.geo], sum(s.geo_gold for s in chosen))} |")
    if handset:
        for label, scores in (("Flashpoint", run.ours), ("baseline", run.baseline)):
            out.append(
                f"| {label} | all, hand-set coords, no GeoNames id (not in the rows above) | "
                f"{_geo_row([o for s in scores for o in s.handset], sum(s.handset_gold for s in scores))} |"
            )


def error_tables(run: Run, out: list[str]) -> None:
    dev = [s for s in run.ours if s.split == "dev"]
    fn: Counter[tuple[str, str]] = Counter()
    fn_partial: Counter[tuple[str, str]] = Counter()
    for s in dev:
        for g, partial in s.false_negatives:
            key = (g.text, g.type or "—")
            fn[key] += 1
            fn_partial[key] += partial
    fp: Counter[tuple[str, str]] = Counter()
    fp_partial: Counter[tuple[str, str]] = Counter()
    for s in dev:
        for p, partial in s.false_positives:
            fp[(p.text, p.role)] += 1
            fp_partial[(p.text, p.role)] += partial
    total_fn, total_fp = sum(fn.values()), sum(fp.values())
    out.append(
        f"False negatives (all toponyms, exact): {total_fn}, of which {sum(fn_partial.values())} partly covered by one of our spans "
        f"(a boundary error). False positives: {total_fp}, of which {sum(fp_partial.values())} overlap a gold toponym."
    )
    out.append("")
    out.append("| # | missed: gold text (type) | n | partly covered | spurious: our text (role) | n | overlaps gold |")
    out.append("|---:|---|---:|---:|---|---:|---:|")
    fns, fps = fn.most_common(TOP_ERRORS), fp.most_common(TOP_ERRORS)
    for i in range(max(len(fns), len(fps))):
        left = f"{_md(fns[i][0][0])} ({fns[i][0][1]}) | {fns[i][1]} | {fn_partial[fns[i][0]]}" if i < len(fns) else " | | "
        right = f"{_md(fps[i][0][0])} ({fps[i][0][1]}) | {fps[i][1]} | {fp_partial[fps[i][0]]}" if i < len(fps) else " | | "
        out.append(f"| {i + 1} | {left} | {right} |")
    out.append("")
    grouped: dict[tuple[str, str, str], list[GeoOutcome]] = {}
    for s in dev:
        for o in s.geo:
            if not o.country_right:
                grouped.setdefault((o.gold.text, o.gold.name or "?", o.pred.place_id), []).append(o)
    worst = sorted(grouped.values(), key=lambda os_: -os_[0].km)[:TOP_GEO_ERRORS]
    out.append("Largest geocoding errors (dev, matched spans with a GeoNames id, identical errors grouped, countries right by ISO left out):")
    out.append("")
    out.append("| text | gold place (lat, lon) | our place (id, kind, country) | km | n |")
    out.append("|---|---|---|---:|---:|")
    for os_ in worst:
        o = os_[0]
        out.append(
            f"| {_md(o.gold.text)} | {_md(o.gold.name or '?')} ({o.gold.lat:.2f}, {o.gold.lon:.2f}) | "
            f"{_md(o.pred.place_name)} ({o.pred.place_id}, {o.pred.kind}, {o.pred.country or '—'}) | {o.km:,.0f} | {len(os_)} |"
        )


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _mbps(nbytes: int, seconds: float) -> str:
    return f"{nbytes / seconds / 1e6:.3f}" if seconds else "n/a"


def speed_section(runs: dict[str, Run], out: list[str], docs: list[Doc]) -> None:
    names = list(runs)
    nbytes = {c: runs[c].nbytes for c in names}
    out.append("| measure (one core, after load) | " + " | ".join(CORPORA[c] for c in names) + (" | all |" if len(names) > 1 else " |"))
    out.append("|---|" + "---:|" * (len(names) + (len(names) > 1)))

    def row(label: str, value: Callable[[list[Run]], str]) -> None:
        cells = [value([runs[c]]) for c in names] + ([value(list(runs.values()))] if len(names) > 1 else [])
        out.append(f"| {label} | " + " | ".join(cells) + " |")

    size = lambda rs: sum(r.nbytes for r in rs)  # noqa: E731
    row("text size, MB (UTF-8)", lambda rs: f"{size(rs) / 1e6:.3f}")
    row("Flashpoint `read_article` on pre-built Articles, MB/s", lambda rs: _mbps(size(rs), sum(r.read_seconds for r in rs)))
    row("Flashpoint `from_text` + `read_article`, MB/s", lambda rs: _mbps(size(rs), sum(r.full_seconds for r in rs)))
    row(
        f"Flashpoint, median ms per ~6 KB article ({SIX_KB[0]}–{SIX_KB[1]} bytes; n)",
        lambda rs: (f"{statistics.median(t):.1f} (n={len(t)})" if (t := [x for r in rs for x in r.six_kb_ms]) else "n/a"),
    )
    row("population baseline (longest match), MB/s", lambda rs: _mbps(size(rs), sum(r.baseline_seconds for r in rs)))
    row("geotext `GeoText(text)`, MB/s", lambda rs: _mbps(size(rs), sum(r.geotext_seconds for r in rs)))
    # Wall-clock rows move with the load of a shared machine; CPU time of this process moves less, and the ratio
    # to geotext measured the same way is the figure to compare between runs.
    row("Flashpoint `read_article`, MB/s of CPU time", lambda rs: _mbps(size(rs), sum(r.read_cpu_seconds for r in rs)))
    row("geotext, MB/s of CPU time", lambda rs: _mbps(size(rs), sum(r.geotext_cpu_seconds for r in rs)))
    row(
        "geotext CPU time ÷ Flashpoint CPU time",
        lambda rs: (f"1 : {sum(r.read_cpu_seconds for r in rs) / g:.0f}" if (g := sum(r.geotext_cpu_seconds for r in rs)) else "n/a"),
    )
    loads = sorted(_subprocess_json(LOAD_CODE)["seconds"] for _ in range(3))
    rss = _subprocess_json(RSS_CODE, json.dumps([str(CORPUS / d.corpus / "articles" / f"{d.file}.txt") for d in docs]))
    out.append("")
    out.append(
        f"Gazetteer load, warm cache, fresh process: {statistics.median(loads):.2f} s (median of 3; {loads[0]:.2f}–{loads[-1]:.2f}). "
        f"Resident memory (ru_maxrss) of a fresh process: {rss['after_load_kib'] / 1024:.0f} MiB after loading the gazetteer, "
        f"{rss['after_reading_kib'] / 1024:.0f} MiB after reading all {len(docs)} articles above."
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.geoparse", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("geowebnews", "tr-news", "all"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each corpus (for a quick look)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        sys.exit(f"Corpus not found at {CORPUS}: this benchmark needs ../shared/corpus beside the repository.")
    if hasattr(os, "sched_setaffinity"):  # one core, inherited by the subprocesses
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from geodata.gazetteer import load
    from reading.article import from_text
    from reading.pipeline import READER_VERSION, read_article

    gaz = load()
    countries = [gaz.candidate(i) for i in gaz.kinds.equals("country").nonzero()[0]]
    country_iso = {int(c.id.split(":", 1)[1]): c.country for c in countries if c.id.startswith("geonames:")}
    chosen = list(CORPORA) if args.corpus == "all" else [args.corpus]
    for corpus in chosen:
        if not (CORPUS / corpus / "gold").is_dir():
            sys.exit(f"Corpus {corpus} not found under {CORPUS}.")
    read_article(from_text("Warm-up: the reader met officials in Baghdad, Iraq, and in Paris."))  # registry, word lists

    runs: dict[str, Run] = {}
    for corpus in chosen:
        docs = load_corpus(corpus, country_iso, args.limit)
        print(f"{CORPORA[corpus]}: reading {len(docs)} articles…", file=sys.stderr)
        runs[corpus] = run_corpus(docs, gaz)

    out: list[str] = []
    command = ".venv/bin/python -m bench.geoparse" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    out.append("# Geoparsing benchmark: GeoWebNews and TR-News")
    out.append("")
    out.append(
        f"- {datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')} · {platform.platform()} · {platform.machine()}, "
        f"{os.cpu_count()} CPUs (timed pinned to one) · Python {platform.python_version()}"
    )
    out.append(f"- Reader {READER_VERSION}, gazetteer {gaz.version} ({len(gaz):,} rows, {len(gaz.names):,} names) · `{command}`")
    out.append(
        f"- Split: article id % {TEST_MODULUS} == 0 is TEST (held out: never tune on it), the rest DEV; "
        "for TR-News the id is the source docid (`id` in the gold file)."
    )
    out.append(
        "- Recognition: exact span match (start and end equal); gold with offset_ok false skipped. All toponyms = GeoWebNews' "
        "eleven literal + associative types (Non_Toponym and *_Expression dropped), every TR-News annotation; our spans = every "
        "mention of every place, all roles. Literal = GeoWebNews' five literal types against our role-\"literal\" mentions; a "
        "prediction exactly equal to an associative span counts neither right nor wrong. The baseline has no roles: all its "
        "spans count as literal. Lenient overlap: any overlap counts (labelled)."
    )
    out.append(
        "- Geocoding: over gold toponyms with a GeoNames id and coordinates whose span the system matched exactly; toponyms it "
        "did not find are NOT counted (the matched share is shown). Error = great-circle km to the place we gave that mention. "
        "\"by distance\" counts errors < 161 km; \"country by ISO\" also counts a gold country right when we gave a country "
        "with the same ISO code or GeoNames id (gold is a country when its GeoNames id is a gazetteer country's, or in "
        "TR-News its feature code is PCLI/PCLD/PCLF/PCLS/PCLIX). AUC: ln(1+km) of sorted errors, trapezoid, / (ln 20039 · (n−1)); lower is better."
    )
    out.append(
        "- Baseline: at each capitalised token, the longest run of ≤5 tokens whose normalised text is a gazetteer name "
        "(primary or alternate, no stop list); the most populous candidate, countries first."
    )
    crashes = [c for r in runs.values() for c in r.crashes]
    out.append("")
    if crashes:
        out.append(f"## Reader crashes: {len(crashes)} article(s) (scored as no predictions)")
        for c in crashes:
            out.append(f"- {CORPORA[c.doc.corpus]} {c.doc.file}.txt (id {c.doc.id}), `{c.stage}`:")
            out.append("```")
            out.extend(c.trace.rstrip().splitlines()[-12:])
            out.append("```")
    else:
        out.append("Reader crashes: none.")
    for corpus, run in runs.items():
        dev = sum(1 for d in run.docs if d.split == "dev")
        out.append("")
        out.append(
            f"## {CORPORA[corpus]}: {len(run.docs)} articles (dev {dev}, test {len(run.docs) - dev}), "
            f"{sum(len(d.text) for d in run.docs):,} characters"
        )
        out.append("")
        out.append("### Toponym recognition (exact span match unless labelled lenient)")
        out.append("")
        recognition_table(run, out)
        out.append("")
        out.append("### Geocoding (matched spans only)")
        out.append("")
        geocoding_table(run, out, handset=corpus == "geowebnews")
        out.append("")
        out.append(f"### Error analysis, Flashpoint, DEV split only ({dev} articles)")
        out.append("")
        error_tables(run, out)
    out.append("")
    out.append("## Speed and memory")
    out.append("")
    speed_section(runs, out, [d for r in runs.values() for d in r.docs])
    print("\n".join(out))


if __name__ == "__main__":
    main()
