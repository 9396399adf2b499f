"""Which article the dashboard opens on when none is chosen: the reference article if the corpus is beside
the repository, else the project's own account of the same events (`briefs/`).

`FLASHPOINT_DEFAULT_ARTICLE` (a file path) and `FLASHPOINT_DEFAULT_DATE` (YYYY-MM-DD) override both.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reading.article import Article, from_file

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT.parent / "shared" / "corpus" / "seed"
REFERENCE_PUBLISHED = date(2020, 1, 7)  # the BBC analysis ran on 7 January 2020, four days after the strike
OWN_BRIEF = ROOT / "briefs" / "baghdad-strike-2020.txt"


@dataclass(frozen=True)
class DefaultArticle:
    article: Article
    published: date | None
    origin: str  # where it came from, said on the page

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def title(self) -> str:
        return self.article.title


def default_article() -> DefaultArticle:
    override = os.environ.get("FLASHPOINT_DEFAULT_ARTICLE")
    if override:
        when = os.environ.get("FLASHPOINT_DEFAULT_DATE")
        return DefaultArticle(from_file(Path(override)), date.fromisoformat(when) if when else None, f"file {Path(override).name}")
    reference = sorted(REFERENCE_DIR.glob("*.txt")) if REFERENCE_DIR.is_dir() else []
    if reference:
        return DefaultArticle(from_file(reference[0]), REFERENCE_PUBLISHED, "reference article (BBC, 7 January 2020)")
    return DefaultArticle(from_file(OWN_BRIEF), REFERENCE_PUBLISHED, "Flashpoint's own account of the January 2020 events")
