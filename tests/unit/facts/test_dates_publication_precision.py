"""A publication date known only to the month (a URL's "/2019/06/", a page's "June 2019") anchors the extraction's
dates as far as it is known: the month's days are not after it, and its first day is no event's day. Sentences
written for these tests."""
import datetime as dt

import pytest

from pipeline.core.extract import extract_document, latest_day
from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook
from tests.unit.fact_rows import visits

VISITS = [
    ("On 13 June 2019, a delegation of the University of Jordan led by Zhou Minghui visited Nankai University.",
     ("Zhou Minghui", "University of Jordan", "Nankai University"), dt.date(2019, 6, 13)),
    ("A delegation of eight from Lakeside University, led by Vice President Anna Berg, visited Hainan University "
     "on 24 June.", ("Anna Berg", "Lakeside University", "Hainan University"), dt.date(2019, 6, 24)),
    ("Professor Omar Haddad, President of the University of Jordan, led a delegation to Fudan University on June 30.",
     ("Omar Haddad", "University of Jordan", "Fudan University"), dt.date(2019, 6, 30)),
]
UNDATED = [
    ("A delegation of the University of Jordan led by Zhou Minghui visited Nankai University.",
     ("Zhou Minghui", "University of Jordan", "Nankai University")),
    ("Vice President Anna Berg of Lakeside University led a delegation to Hainan University.",
     ("Anna Berg", "Lakeside University", "Hainan University")),
]


def _rows(text: str, published: dt.date | None, precision: str) -> dict[str, list[dict]]:
    doc = IngestedDocument(make_id("document", "t.txt"), "t.txt", "x", text, published_on=published,
                           published_on_precision=precision)
    return extract_document(doc, default_rulebook()).rows


@pytest.mark.parametrize("text, visit, day", VISITS)
def test_a_day_of_the_publication_month_is_a_past_visit(text, visit, day):
    rows = _rows(text, dt.date(2019, 6, 1), "month")
    assert visits(rows) == [visit]
    assert [(d["visited_on"], d["status"]) for d in rows["delegations"]] == [(day, "completed")]


@pytest.mark.parametrize("text, visit", UNDATED)
def test_a_page_dated_to_the_month_does_not_date_an_undated_visit(text, visit):
    rows = _rows(text, dt.date(2019, 6, 1), "month")
    assert visits(rows) == [visit] and [d["visited_on"] for d in rows["delegations"]] == [None]


@pytest.mark.parametrize("text, visit", UNDATED)
def test_a_page_dated_to_the_day_dates_a_visit_it_reports_undated(text, visit):
    rows = _rows(text, dt.date(2019, 6, 12), "day")
    assert visits(rows) == [visit] and [d["visited_on"] for d in rows["delegations"]] == [dt.date(2019, 6, 12)]


@pytest.mark.parametrize("date, precision, latest", [
    (dt.date(2019, 6, 1), "month", dt.date(2019, 6, 30)),
    (dt.date(2019, 12, 1), "month", dt.date(2019, 12, 31)),
    (dt.date(2024, 2, 1), "month", dt.date(2024, 2, 29)),
    (dt.date(2019, 1, 1), "year", dt.date(2019, 12, 31)),
    (dt.date(2019, 6, 12), "day", dt.date(2019, 6, 12)),
    (None, "unknown", None),
])
def test_the_latest_day_a_publication_date_may_be(date, precision, latest):
    assert latest_day(date, precision) == latest


@pytest.mark.parametrize("precision, month", [("month", 6), ("year", 1)])
@pytest.mark.parametrize("text", [
    "A delegation of the University of Jordan led by Zhou Minghui visited Nankai University yesterday.",
    "Vice President Anna Berg of Lakeside University led a delegation to Hainan University last Tuesday.",
    "This morning, a delegation from Lakeside University led by Anna Berg visited Hainan University.",
])
def test_a_day_counted_from_a_page_dated_to_the_month_or_year_is_known_to_that_only(text, precision, month):
    """"Yesterday" in a page of June 2019 is a day of June (or so), not 29 June: the day counted back from the last
    day the page may be is known no better than the page's date."""
    rows = _rows(text, dt.date(2019, month, 1), precision)
    assert [(d["visited_on"], d["visited_on_precision"]) for d in rows["delegations"]] == [
        (dt.date(2019, month, 1), precision)]


def test_last_month_in_a_page_dated_to_the_year_is_known_to_the_year():
    rows = _rows("Lakeside University and Harbour Institute signed a cooperation agreement last month.",
                 dt.date(2019, 1, 1), "year")
    assert [(a["signed_on"], a["signed_on_precision"]) for a in rows["agreements"]] == [(dt.date(2019, 1, 1), "year")]
