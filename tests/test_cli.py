"""`python -m reading`: the situation contract on the command line."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reading", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_json_lines_one_situation_per_file(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Rockets struck Erbil airport on Friday.\n", encoding="utf-8")
    b = tmp_path / "b.html"
    b.write_text("<html><title>Clash</title><body><p>Militants attacked a checkpoint near Kirkuk.</p></body></html>", encoding="utf-8")
    result = run(str(a), str(b), "--json", "--date", "2020-01-07")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["schema"] for d in docs] == ["flashpoint.situation/1"] * 2
    assert docs[0]["article"]["published"] == "2020-01-07"
    assert docs[0]["events"][0]["date"] == "2020-01-03"  # "on Friday" before Tuesday 7 January
    assert docs[1]["article"]["title"] == "Clash"


def test_table_format_lists_events_for_people(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Protesters rallied outside the US embassy in Baghdad.\n", encoding="utf-8")
    result = run(str(a), "--format", "table")
    assert result.returncode == 0 and "EVENTS" in result.stdout and "protest" in result.stdout


def test_unreadable_file_gives_a_message_and_the_others_are_still_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Shelling hit Donetsk.\n", encoding="utf-8")
    result = run(str(empty), str(good))
    assert result.returncode == 1 and "empty" in result.stderr
    assert len(result.stdout.splitlines()) == 1
