"""The geoparsing benchmark's metric functions, on tiny hand-made inputs (no corpus, no gazetteer)."""
from __future__ import annotations

import math

import pytest

from evaluation.metrics import Score
from bench.geoparse import (
    accuracy_at,
    accuracy_at_with_countries,
    auc,
    country_match,
    exact_match,
    is_test,
    overlap_match,
    overlaps,
)


def test_prf_arithmetic_and_empty_denominators():
    s = Score(correct=2, predicted=4, found=2, gold=3)
    assert s.precision == 0.5
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert Score().precision == Score().recall == Score().f1 == 0.0
    assert s + Score(1, 1, 1, 1) == Score(3, 5, 3, 4)


def test_exact_match_needs_both_ends():
    gold = [(0, 6), (10, 15)]
    s = exact_match([(0, 6), (10, 14), (20, 25)], gold)
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 3, 1, 2)


def test_exact_match_counts_duplicate_predictions_once():
    s = exact_match([(0, 6), (0, 6)], [(0, 6)])
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 1, 1, 1)


def test_overlap_is_lenient_where_exact_is_not():
    gold = [(0, 13)]  # "New York City"
    pred = [(0, 8)]  # "New York"
    assert exact_match(pred, gold).f1 == 0.0
    lenient = overlap_match(pred, gold)
    assert (lenient.correct, lenient.predicted, lenient.found, lenient.gold) == (1, 1, 1, 1)


def test_overlap_one_prediction_may_cover_two_gold_spans():
    s = overlap_match([(0, 20)], [(0, 5), (10, 15)])
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 1, 2, 2)


def test_touching_spans_do_not_overlap():
    assert not overlaps((0, 5), (5, 9))
    assert overlaps((0, 6), (5, 9))


def test_associative_match_is_neither_right_nor_wrong_in_literal_score():
    literal_gold = [(0, 6)]
    associative_gold = [(20, 26)]
    # one right, one on an associative span (ignored), one wrong
    s = exact_match([(0, 6), (20, 26), (40, 45)], literal_gold, neutral=associative_gold)
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 2, 1, 1)
    assert s.precision == 0.5
    # without the neutral set the associative hit would be a false positive
    assert exact_match([(0, 6), (20, 26), (40, 45)], literal_gold).predicted == 3


def test_lenient_literal_ignores_predictions_touching_only_associative_spans():
    s = overlap_match([(20, 24), (0, 3)], [(0, 6)], neutral=[(20, 26)])
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 1, 1, 1)


def test_auc_bounds():
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([20039.0] * 4) == pytest.approx(1.0, abs=1e-4)


def test_auc_trapezoid_by_hand():
    errors = [math.e - 1, 0.0]  # sorted: ln(1+0)=0, ln(1+e-1)=1 -> area 0.5 over one interval
    assert auc(errors) == pytest.approx(0.5 / math.log(20039))
    assert math.isnan(auc([]))


def test_accuracy_at_161():
    assert accuracy_at([0.0, 160.9, 161.0, 5000.0]) == 0.5
    assert math.isnan(accuracy_at([]))


def test_accuracy_counts_countries_by_iso():
    errors = [10.0, 900.0, 900.0]
    right = [False, True, False]
    assert accuracy_at([10.0, 900.0, 900.0]) == pytest.approx(1 / 3)
    assert accuracy_at_with_countries(errors, right) == pytest.approx(2 / 3)


def test_country_match_by_iso_or_geonames_id_only_for_a_country_prediction():
    assert country_match("US", 6252001, "country", "US", "geonames:1")
    assert country_match(None, 1819730, "country", "", "geonames:1819730")
    assert not country_match("US", 6252001, "city", "US", "geonames:5128581")
    assert not country_match("US", 6252001, "country", "CA", "geonames:6251999")


def test_held_out_split_is_id_mod_five():
    assert is_test("0") and is_test("15") and is_test("1030000")
    assert not is_test("1") and not is_test("1030001")
