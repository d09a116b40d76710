"""Dates as other outlets write them: day ranges, a month alone, 'today (20th)', page labels and
datelines, years that date a relationship. Sentences written for these tests."""
import datetime as dt

import pytest

from pipeline.core.facts.dates import find_dates, year_hint
from tests.support.rules import default_rulebook

PUB = dt.date(2020, 6, 10)


@pytest.mark.parametrize("text, published, expected, precision, surface", [
    ("The mission ran from 3 to 7 May 2019 in Lyon.", None, dt.date(2019, 5, 3), "day", "3 to 7 May 2019"),
    ("The talks took place on 21-23 April.", PUB, dt.date(2020, 4, 21), "day", "21-23 April"),
    ("From November 2nd to 9th, the team toured Chile.", PUB, dt.date(2019, 11, 2), "day", "November 2nd"),
    ("They travelled from August 30 to September 4, 2018.", None, dt.date(2018, 8, 30), "day",
     "August 30 to September 4, 2018"),
    ("A team went to Turin in March to meet partners.", PUB, dt.date(2020, 3, 1), "month", "in March"),
    ("A team went to Turin in October to meet partners.", PUB, dt.date(2019, 10, 1), "month", "in October"),
    ("A team will go to Turin in October to sign.", PUB, dt.date(2020, 10, 1), "month", "in October"),
    ("Last June the two institutes met in Oslo.", PUB, dt.date(2019, 6, 1), "month", "Last June"),
    ("In early February, engineers came to the plant.", PUB, dt.date(2020, 2, 1), "month", "early February"),
    ("The board met today (8th) in Kyiv.", PUB, dt.date(2020, 6, 8), "day", "today (8th)"),
])
def test_first_date(text, published, expected, precision, surface):
    found = find_dates(text, 0, published, year_hint(text))
    assert (found[0].date, found[0].precision) == (expected, precision)
    assert text[found[0].start:found[0].end] == surface


def test_a_day_in_brackets_takes_the_month_of_the_dateline_when_the_page_has_no_date():
    text = "OSLO, May 12 - The rectors met yesterday (11th) at the institute in 2022."
    found = find_dates(text, 0, None, year_hint(text))
    assert [(f.date, f.dateline) for f in found][:2] == [(dt.date(2022, 5, 12), True), (dt.date(2022, 5, 11), False)]


@pytest.mark.parametrize("text", [
    "date 2021-04-02 The rectors met in Oslo.",
    "Published on 2 April 2021 | The rectors met in Oslo.",
    "OSLO, April 2 (Reuters) -- The rectors met in Oslo in 2021.",
])
def test_page_labels_and_datelines_are_marked(text):
    (d,) = find_dates(text, 0, None, year_hint(text))[:1]
    assert d.dateline and d.date == dt.date(2021, 4, 2)


@pytest.mark.parametrize("text", [
    "Since May the two laboratories have shared data.",
    "The two laboratories have shared data since 2015.",
])
def test_no_event_date(text):
    assert find_dates(text, 0, PUB) == []


@pytest.mark.parametrize("text, year", [
    ("On 4 July the partners, together since 2015, met in Perth in 2019.", 2019),
    ("The institute, founded in 1998, aims at carbon neutrality by 2060.", None),
    ("The 2016-2020 plan was renewed.", None),
])
def test_year_hints_skip_relationships_targets_and_ranges(text, year):
    assert year_hint(text) == year


@pytest.mark.parametrize("text, prior, expected, surface", [
    ("That year the two institutes opened a field station.", 2016, dt.date(2016, 1, 1), "That year"),
    ("In 2014 they met in Oslo, and the same year they signed a pact.", 2009, dt.date(2014, 1, 1), "the same year"),
    ("Later that year, engineers from both firms met again.", 2011, dt.date(2011, 1, 1), "that year"),
])
def test_that_year_is_the_last_year_named_before_it(text, prior, expected, surface):
    found = [f for f in find_dates(text, 0, PUB, None, prior) if text[f.start:f.end] == surface]
    assert [(f.date, f.precision) for f in found] == [(expected, "year")]


def test_that_year_with_no_year_before_it_is_no_date():
    assert find_dates("That year the two institutes opened a field station.", 0, None, None, None) == []


def test_a_visit_that_year_takes_the_year_of_an_earlier_sentence():
    from pipeline.core.extract import extract_document
    from pipeline.core.ids import make_id
    from pipeline.core.records import IngestedDocument
    text = ("The partnership between the two universities began in 2016. "
            "That year, a delegation from Fudan University visited Nankai University.")
    doc = IngestedDocument(make_id("document", "t.txt"), "t.txt", "x", text, published_on=dt.date(2021, 3, 5),
                           published_on_precision="day")
    (d,) = extract_document(doc, default_rulebook()).rows["delegations"]
    assert (d["visited_on"], d["visited_on_precision"]) == (dt.date(2016, 1, 1), "year")
