"""Benchmark: the reader on the reference article, scored against its gold, and timed.

Run: .venv/bin/python -m bench.seed   (needs ../shared/corpus beside the repository)
"""
from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import time
from datetime import date

from evaluation.seed_gold import event_score, load_gold, place_score, seed_article
from reading.article import from_file
from reading.pipeline import read_article

RUNS = 20


def gazetteer_load_seconds() -> float:
    """Warm load in a fresh process (the cache file exists), as the dashboard's first request pays it."""
    code = "import time; t=time.perf_counter(); from geodata.gazetteer import load; load(); print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    gold = load_gold()
    published = date.fromisoformat(gold["published"])
    article = from_file(seed_article())
    read_article(article, published=published)  # load the gazetteer and registry once
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        situation = read_article(article, published=published)
        times.append(time.perf_counter() - started)
    places, missed = place_score(situation, gold)
    current, _, current_extra = event_score(situation, gold, current_only=True)
    everything, _, all_extra = event_score(situation, gold, current_only=False)
    median = statistics.median(times)
    print(f"# Seed benchmark — {date.today().isoformat()}, {platform.machine()}, Python {platform.python_version()}")
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| places found within tolerance (recall) | {places.recall:.2f} ({places.found}/{places.gold}) |")
    print(f"| literal and metonymic places that are gold places (precision) | {places.precision:.2f} ({places.correct}/{places.predicted}) |")
    print(f"| current events: recall / precision | {current.recall:.2f} / {current.precision:.2f} ({current.found}/{current.gold}, {current.correct}/{current.predicted}) |")
    print(f"| all events: recall / precision | {everything.recall:.2f} / {everything.precision:.2f} ({everything.found}/{everything.gold}, {everything.correct}/{everything.predicted}) |")
    print(f"| reading the {len(article.text):,}-character article, median of {RUNS} | {median * 1000:.1f} ms ({len(article.text) / median / 1e6:.2f} MB/s) |")
    print(f"| gazetteer load, warm, fresh process | {gazetteer_load_seconds():.2f} s |")
    print()
    print(f"Places missed: {missed or 'none'}. Current events matching no gold event: {sorted(map(str, current_extra)) or 'none'}.")
    print(f"All events matching no gold event: {sorted(map(str, all_extra)) or 'none'}.")


if __name__ == "__main__":
    main()
