"""Name normalisation shared by the gazetteer index and the text reader, so both sides compare alike."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Transliterations write the Arabic ayn and hamza with many marks; none of them should split a name.
_MARKS = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02bf\u02be`´'’ʿʾ]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]+")


@lru_cache(maxsize=65536)  # the reader asks for the same few thousand names over and over
def normalize(name: str) -> str:
    """Fold case, accents, apostrophes and hyphens: "Tall ‘Afar" and "Tall-Afar" both give "tall afar"."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = decomposed if decomposed.isascii() else "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    no_marks = _MARKS.sub("", stripped)
    return _SEPARATORS.sub(" ", no_marks).strip().casefold()


def is_latin(name: str) -> bool:
    """True for names written in Latin script (the only ones an English article will use)."""
    return all(ord(ch) < 0x250 or unicodedata.category(ch).startswith("P") for ch in name)
