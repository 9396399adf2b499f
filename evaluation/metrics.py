"""Precision, recall and F1 from counts: the one definition every scorer and benchmark uses."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """`correct`/`predicted` give precision and `found`/`gold` give recall; they differ when one prediction may
    cover two gold items (lenient overlap matching). Empty denominators give 0."""

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.predicted + other.predicted,
                     self.found + other.found, self.gold + other.gold)
