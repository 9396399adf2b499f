"""Articles and their situations in one SQLite file, keyed by the article's content id ("sha256:<hex>").

Each `put` is one transaction (article and situation together) in WAL mode with full sync, so a process
killed mid-write loses nothing already committed. Every query is parameterised and every id is checked
against the content-id pattern before it reaches SQL.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reading.article import content_id
from reading.model import ReaderInfo, Situation

DB_ENV = "FLASHPOINT_DB"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "flashpoint.db"
ARTICLE_ID = re.compile(r"sha256:[0-9a-f]{64}")
SCHEMA_VERSION = 1
# Readers wait this long for a writer's lock rather than failing: several Streamlit sessions share the file.
BUSY_TIMEOUT_S = 10.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS situations (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    reader_version TEXT NOT NULL,
    gazetteer_version TEXT NOT NULL,
    situation TEXT NOT NULL,
    read_at TEXT NOT NULL
);
"""


class InvalidArticleId(ValueError):
    """Not a content id of the form sha256:<64 lowercase hex digits>."""


class NotStored(LookupError):
    """A valid article id this store does not hold."""


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    title: str
    source: str  # where the article came from, as the page says it ("pasted text", "upload report.html")
    text: str
    published: str | None  # ISO date the situation was read against
    situation: Situation
    reader: ReaderInfo  # the reader and gazetteer versions that produced `situation`


def check_id(article_id: str) -> str:
    if not isinstance(article_id, str) or not ARTICLE_ID.fullmatch(article_id):
        raise InvalidArticleId(f"{article_id!r:.80} is not an article id (sha256: and 64 hex digits)")
    return article_id


def configured_path() -> Path:
    """`FLASHPOINT_DB` if set, else data/flashpoint.db in the repository."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_PATH)


class Store:
    """One database file; connections are opened per call, so a Store may be shared between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def put(self, text: str, situation: Situation, source: str) -> str:
        """Keep an article and its situation (replacing an older situation of the same text); returns its id."""
        article = situation.article
        if content_id(text) != article.id:
            raise ValueError(f"the situation was read from another text (its id is {article.id})")
        now = _now()
        with self._connect() as conn, _transaction(conn):
            conn.execute(
                "INSERT INTO articles (id, title, source, text, published, stored_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET title = excluded.title, source = excluded.source, "
                "published = excluded.published",
                (article.id, article.title, source, text, article.published, now),
            )
            conn.execute(
                "INSERT INTO situations (article_id, reader_version, gazetteer_version, situation, read_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET reader_version = excluded.reader_version, "
                "gazetteer_version = excluded.gazetteer_version, situation = excluded.situation, read_at = excluded.read_at",
                (article.id, article.reader.version, article.reader.gazetteer, json.dumps(situation.to_dict()), now),
            )
        return article.id

    def get(self, article_id: str) -> StoredArticle:
        """The stored article; raises InvalidArticleId or NotStored."""
        check_id(article_id)
        with self._connect() as conn:
            row = conn.execute(
                "SELECT a.id, a.title, a.source, a.text, a.published, s.situation, s.reader_version, s.gazetteer_version "
                "FROM articles a JOIN situations s ON s.article_id = a.id WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise NotStored(f"{article_id} is not in this store")
        id_, title, source, text, published, situation, reader_version, gazetteer_version = row
        return StoredArticle(
            id_, title, source, text, published, Situation.from_dict(json.loads(situation)),
            ReaderInfo(reader_version, gazetteer_version),
        )

    def ids(self) -> list[str]:
        with self._connect() as conn:
            return [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY stored_at, id")]

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # isolation_level=None: transactions are opened explicitly, one per put.
        with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    # IMMEDIATE takes the write lock up front, so two writers queue instead of failing half-way.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
