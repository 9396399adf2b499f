"""Shared fixtures: a small hand-written situation to draw and list."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from reading.model import Situation

MINI_SITUATION_PATH = Path(__file__).parent / "fixtures" / "mini_situation.json"


@pytest.fixture
def mini_situation() -> Situation:
    return Situation.from_dict(json.loads(MINI_SITUATION_PATH.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def read():
    """Read a short text (our own words) into a Situation, published on a fixed Tuesday."""
    from datetime import date

    from reading.pipeline import read_text

    def _read(text: str, published: date = date(2020, 1, 7)):
        return read_text(text, published=published)

    return _read
