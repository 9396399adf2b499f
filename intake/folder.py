"""The configured folder of articles (`FLASHPOINT_ARTICLES_DIR`, default the repository's `briefs/`).

Users choose among the names listed here; a name not in the listing is refused, so no path a user
types is ever opened.
"""
from __future__ import annotations

import os
from pathlib import Path

from intake.upload import SUFFIXES, article_from_file
from reading.article import Article, UnreadableInput

ARTICLES_DIR_ENV = "FLASHPOINT_ARTICLES_DIR"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "briefs"


def articles_dir() -> Path:
    return Path(os.environ.get(ARTICLES_DIR_ENV) or DEFAULT_DIR)


def folder_files(folder: Path) -> list[str]:
    """Names of the article files directly inside the folder (not in subfolders, not links leading out of it)."""
    if not folder.is_dir():
        return []
    root = folder.resolve()
    return sorted(
        path.name
        for path in folder.iterdir()
        if path.suffix.lower() in SUFFIXES
        and path.is_file()
        and path.resolve().parent == root
        # A folder's README describes the articles; it is not one of them.
        and not path.name.upper().startswith("README")
    )


def article_from_folder(folder: Path, name: str) -> Article:
    if name not in folder_files(folder):
        raise UnreadableInput("That file is not one of the articles in the configured folder.")
    return article_from_file(name, (folder / name).read_bytes())
