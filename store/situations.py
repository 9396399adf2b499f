"""Situations from the store, never stale: an article read by an older reader or gazetteer is read again
from its stored text (and the fresh situation kept) rather than served as it was.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

from geodata import gazetteer
from reading.article import Article, from_text
from reading.model import ReaderInfo, Situation
from reading.pipeline import READER_VERSION, read_article
from store.database import NotStored, Store, StoredArticle


@cache
def current_reader() -> ReaderInfo:
    """The versions a situation read now would carry."""
    return ReaderInfo(READER_VERSION, gazetteer.version())


def kept(store: Store, article_id: str) -> StoredArticle:
    """The stored article with a situation from the current reader; raises InvalidArticleId or NotStored."""
    return _fresh(store, store.get(article_id))


def read_and_keep(store: Store, article: Article, published: date | None, source: str) -> Situation:
    """The article's situation: the stored one when it was read against the same date, else read now and stored."""
    try:
        stored = store.get(article.id)
    except NotStored:
        stored = None
    if stored is not None and stored.published == (published.isoformat() if published else None):
        return _fresh(store, stored).situation
    situation = read_article(article, published=published)
    store.put(article.text, situation, source)
    return situation


def _fresh(store: Store, stored: StoredArticle) -> StoredArticle:
    if stored.reader == current_reader():
        return stored
    published = date.fromisoformat(stored.published) if stored.published else None
    situation = read_article(from_text(stored.text, stored.title), published=published)
    store.put(stored.text, situation, stored.source)
    return replace(stored, situation=situation, reader=situation.article.reader)

