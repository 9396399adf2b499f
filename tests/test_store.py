"""The SQLite store: round trip, one row per text, stale situations read again, ids checked, and nothing
committed lost when a writer is killed mid-write."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from reading.article import content_id, from_text
from reading.model import ReaderInfo, Situation
from store.database import DB_ENV, DEFAULT_PATH, InvalidArticleId, NotStored, Store, configured_path
from store.situations import current_reader, kept, read_and_keep
from tests.conftest import MINI_SITUATION_PATH

REPO_ROOT = Path(__file__).resolve().parent.parent
TEXT = "Rockets hit the airport in Erbil\nRockets struck the airport in Erbil on Friday, officials said.\n"


def situation_of(text: str, base: Situation, reader: ReaderInfo | None = None) -> Situation:
    """A hand-written situation relabelled as read from `text` (no reading needed)."""
    return replace(base, article=replace(base.article, id=content_id(text), reader=reader or base.article.reader))


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "flashpoint.db")


def test_an_article_and_its_situation_round_trip(store, mini_situation):
    situation = situation_of(TEXT, mini_situation)
    article_id = store.put(TEXT, situation, "pasted text")

    stored = store.get(article_id)
    assert stored.text == TEXT
    assert stored.title == situation.article.title
    assert stored.source == "pasted text"
    assert stored.published == situation.article.published
    assert stored.situation == situation
    assert stored.situation.to_dict() == situation.to_dict()
    assert stored.reader == situation.article.reader


def test_the_key_is_the_readers_own_content_id(store, mini_situation):
    assert store.put(TEXT, situation_of(TEXT, mini_situation), "pasted text") == from_text(TEXT).id


def test_putting_the_same_text_twice_keeps_one_row_with_the_latest_situation(store, mini_situation):
    first = situation_of(TEXT, mini_situation)
    second = replace(first, events=first.events[:1])
    assert store.put(TEXT, first, "pasted text") == store.put(TEXT, second, "uploaded file a.txt")
    assert store.ids() == [first.article.id]
    assert store.get(first.article.id).situation.events == second.events


def test_a_situation_read_from_another_text_is_refused(store, mini_situation):
    with pytest.raises(ValueError, match="another text"):
        store.put("Some other text entirely.", situation_of(TEXT, mini_situation), "pasted text")
    assert store.ids() == []


@pytest.mark.parametrize("bad_id", [
    "",
    "sha256:abc",
    "../../etc/passwd",
    "sha256:" + "G" * 64,
    "SHA256:" + "a" * 64,
    "sha256:" + "A" * 64,
    "sha256:" + "a" * 64 + "\n",
    "sha256:" + "a" * 63 + "' OR 1=1 --",
    "geonames:98182",
])
def test_ids_that_are_not_content_ids_are_refused(store, bad_id):
    with pytest.raises(InvalidArticleId):
        store.get(bad_id)


def test_a_valid_id_the_store_lacks_is_reported_as_not_stored(store):
    with pytest.raises(NotStored):
        store.get("sha256:" + "0" * 64)


def test_the_database_and_its_folder_are_created_on_first_use(tmp_path):
    path = tmp_path / "new" / "folder" / "flashpoint.db"
    Store(path)
    assert path.is_file()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "situations"} <= tables


def test_the_path_comes_from_flashpoint_db_else_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(DB_ENV, str(tmp_path / "x.db"))
    assert configured_path() == tmp_path / "x.db"
    monkeypatch.delenv(DB_ENV)
    assert configured_path() == DEFAULT_PATH == REPO_ROOT / "data" / "flashpoint.db"


def test_a_situation_from_the_current_reader_is_served_as_stored(store, mini_situation):
    # The hand-written situation does not match TEXT: reading TEXT again would change its events.
    situation = situation_of(TEXT, mini_situation, current_reader())
    store.put(TEXT, situation, "pasted text")
    assert kept(store, situation.article.id).situation == situation


def test_a_situation_from_an_older_reader_is_read_again_from_the_stored_text(store, mini_situation):
    old = situation_of(TEXT, mini_situation, ReaderInfo("0.0.1", "old-gazetteer"))
    store.put(TEXT, old, "pasted text")

    fresh = kept(store, old.article.id)

    assert fresh.reader == current_reader() == fresh.situation.article.reader
    assert "Erbil" in {p.name for p in fresh.situation.places}
    assert fresh.situation.events != old.events
    assert fresh.situation.article.published == old.article.published  # read against the same date
    again = store.get(old.article.id)  # the fresh reading replaced the stale one
    assert again.reader == current_reader() and again.situation == fresh.situation
    assert again.text == TEXT and again.source == "pasted text"


def test_read_and_keep_reads_a_new_article_once_and_stores_it(store):
    article = from_text(TEXT)
    situation = read_and_keep(store, article, date(2020, 1, 7), "pasted text")
    assert situation.article.id == article.id
    assert store.get(article.id).situation == situation
    assert read_and_keep(store, article, date(2020, 1, 7), "pasted text") == situation
    assert store.ids() == [article.id]


# A writer that stores articles as fast as it can and prints each id once its transaction committed.
_WRITER = """
import json, sys
from dataclasses import replace
from pathlib import Path
from reading.article import content_id
from reading.model import Situation
from store.database import Store

store = Store(Path(sys.argv[1]))
base = Situation.from_dict(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
for n in range(1_000_000):
    text = f"Report number {n}.\\n" + "Rockets struck the base near the airport overnight. " * 150
    article = replace(base.article, id=content_id(text), title=f"Report {n}")
    store.put(text, replace(base, article=article), "writer")
    print(article.id, flush=True)
"""


def test_a_writer_killed_mid_write_loses_nothing_it_committed(tmp_path):
    db = tmp_path / "flashpoint.db"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    committed = []
    with subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db), str(MINI_SITUATION_PATH)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, text=True,
    ) as writer:
        try:
            while len(committed) < 40:
                line = writer.stdout.readline()
                assert line, f"the writer stopped early (exit code {writer.poll()})"
                committed.append(line.strip())
        finally:
            os.kill(writer.pid, signal.SIGKILL)
            writer.wait(timeout=10)
        committed += [line.strip() for line in writer.stdout if line.strip()]
    assert writer.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    store = Store(db)
    stored = store.ids()
    # Every committed article is there; at most the one being written when killed is also there, whole.
    assert set(committed) <= set(stored)
    assert len(stored) - len(committed) in (0, 1)
    for article_id in stored:
        article = store.get(article_id)
        assert content_id(article.text) == article_id
        assert article.situation.article.id == article_id
        assert article.title == f"Report {article.text.split()[2].rstrip('.')}"
