"""Files as articles: the accepted kinds, the size limit, and a clear message for anything refused.

Used for uploads and for files picked from the configured folder alike.
"""
from __future__ import annotations

from pathlib import PurePath

from reading.article import Article, UnreadableInput, from_bytes

SUFFIXES = (".txt", ".md", ".html")
# Long enough for any news article with its HTML page around it, small enough to read in a few seconds.
MAX_UPLOAD_MB = 2
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024


def article_from_file(filename: str, data: bytes) -> Article:
    """The article in a file's bytes; raises UnreadableInput saying what was wrong (kind, size, empty, binary)."""
    name = PurePath(filename).name  # shown to the user only, never opened
    if PurePath(name).suffix.lower() not in SUFFIXES:
        raise UnreadableInput(f"{name} is not a .txt, .md or .html file.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableInput(
            f"{name} is {len(data) / 1024 / 1024:.1f} MB; files up to {MAX_UPLOAD_MB} MB are read. "
            "Cut it to the article itself, or paste the text."
        )
    if not data.strip():
        raise UnreadableInput(f"{name} is empty: upload a file with the article's text.")
    return from_bytes(data, name)
