"""Dates in sentences, resolved against the publication date."""
import datetime as dt

import pytest

from pipeline.core.facts import dates
from pipeline.core.facts.dates import find_dates, year_hint

PUB = dt.date(2019, 4, 11)


@pytest.mark.parametrize("text, published, expected, precision", [
    ("The two sides signed the agreement today.", PUB, dt.date(2019, 4, 11), "day"),
    ("The memorandum was inked yesterday in Guangzhou.", PUB, dt.date(2019, 4, 10), "day"),
    ("On the morning of May 10, the institute signed a deal.", dt.date(2017, 5, 11), dt.date(2017, 5, 10), "day"),
    ("On July 9 the department signed an agreement.", dt.date(2019, 8, 1), dt.date(2019, 7, 9), "day"),
    ("They met on 16 May 2018 in Tamar.", None, dt.date(2018, 5, 16), "day"),
    ("The letter was sent on March 3, 2021.", None, dt.date(2021, 3, 3), "day"),
    ("In 2017, the university signed a strategic cooperation agreement.", None, dt.date(2017, 1, 1), "year"),
    ("In October 2015 the centre was approved.", None, dt.date(2015, 10, 1), "month"),
    ("Published 2020-09-18 by the bureau.", None, dt.date(2020, 9, 18), "day"),
    ("On December 28 the pact was sealed.", dt.date(2020, 1, 5), dt.date(2019, 12, 28), "day"),
])
def test_first_date_in_sentence(text, published, expected, precision):
    found = find_dates(text, 0, published)
    assert found, text
    assert (found[0].date, found[0].precision) == (expected, precision)
    assert text[found[0].start:found[0].end]


@pytest.mark.parametrize("text, published", [
    ("The two universities have cooperated since 2012.", None),  # a relationship, not an event
    ("On July 9 the department signed an agreement.", None),  # no year anywhere
    ("Today the parties met.", None),  # 'today' needs a publication date
    ("Some 300 officials visited the city.", PUB),
])
def test_no_date(text, published):
    assert find_dates(text, 0, published) == []


def test_day_month_takes_a_year_from_the_page_when_unpublished():
    found = find_dates("On July 9 they signed the 2019 scheme.", 0, None, fallback_year=year_hint("the 2019 scheme"))
    assert found[0].date == dt.date(2019, 7, 9)


def test_offsets_are_absolute():
    found = find_dates("signed on 3 March 2020", 100, None)
    assert (found[0].start, found[0].end) == (110, 122)


@pytest.mark.parametrize("phrase, expected, precision", [
    ("will sign next month", dt.date(2024, 7, 1), "month"),
    ("signed last month", dt.date(2024, 5, 1), "month"),
    ("to be held next year", dt.date(2025, 1, 1), "year"),
])
def test_relative_months_and_years(phrase, expected, precision):
    (d,) = find_dates(phrase, 0, dt.date(2024, 6, 19))
    assert (d.date, d.precision) == (expected, precision)


@pytest.mark.parametrize("text", [
    "They met TODAY, then on Monday and LAST FRIDAY; this morning and Tonight too.",
    "Next month, last YEAR, this  year and that year; the same Year.",
    "A holiday in mid-month, a yearly report, this mornings' talks, today's news.",
    "Nothing of the kind here; days and months go by.", "They arrive Tonight.", "It rained this afternoon.",
    "They met thiſ morning (a long s) and on Sunday.",
])
def test_sentences_without_a_forms_strings_find_what_every_pattern_finds(text, monkeypatch):
    gated = find_dates(text, 0, PUB, prior_year=2018)
    monkeypatch.setattr(dates, "_NEEDS", {})
    assert gated == find_dates(text, 0, PUB, prior_year=2018)
    assert gated or "Nothing" in text
