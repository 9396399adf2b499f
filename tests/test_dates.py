"""Dates in text made absolute against the publication date, with their precision."""
from __future__ import annotations

from datetime import date

from reading.dates import find_dates

TUESDAY = date(2020, 1, 7)


def only(text: str, published: date | None = TUESDAY):
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def test_on_friday_resolves_to_the_friday_before_publication():
    d = only("The strike came on Friday.")
    assert (d.value, d.precision) == ("2020-01-03", "day")


def test_day_and_month_without_year_is_the_latest_one_not_after_publication():
    assert only("Protests began on 31 December.").value == "2019-12-31"
    assert only("Talks resume on 3 January.").value == "2020-01-03"


def test_late_december_is_a_month_precision_date_in_the_previous_year():
    d = only("An attack in late December killed a contractor.")
    assert (d.value, d.precision) == ("2019-12", "month")
    assert d.last_day == date(2019, 12, 31)


def test_full_dates_need_no_publication_date():
    assert only("photo taken on 9 March 2016", published=None).value == "2016-03-09"
    assert only("on March 9, 2016 the camp opened", published=None).value == "2016-03-09"


def test_a_year_after_in_is_a_year_precision_date():
    d = only("In 2014, the group seized the city.")
    assert (d.value, d.precision) == ("2014", "year")


def test_last_week_is_the_week_before_publication():
    d = only("He ordered the attack last week.")
    assert (d.value, d.precision) == ("2019-12-30", "week")


def test_relative_dates_are_skipped_without_a_publication_date():
    assert find_dates("It happened on Friday.", None) == []


def test_impossible_dates_are_ignored():
    assert find_dates("on 31 February 2020", None) == []


def test_a_byline_date_is_the_stated_publication_day():
    from reading.dates import stated_publication

    text = "Strike hits Baghdad\nPublished 7 January 2020\nA drone struck a convoy on Friday."
    assert stated_publication(text).value == "2020-01-07"


def test_a_date_inside_a_sentence_is_not_taken_for_the_publication_day():
    from reading.dates import stated_publication

    text = "Strike hits Baghdad\nOn 3 January 2020 a US drone struck a convoy near the airport, officials said."
    assert stated_publication(text) is None


def test_a_dateline_with_a_full_date_is_the_stated_publication_day():
    from reading.dates import stated_publication

    assert stated_publication("Town attacked\n\nMAPUTO, 5 June 2025 - Insurgents attacked a port town.").value == "2025-06-05"


def test_a_month_of_last_year_is_that_month_a_year_before_publication():
    d = only("The candidate was shot dead in August last year.")
    assert (d.value, d.precision) == ("2019-08", "month")
