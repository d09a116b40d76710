"""'X recently signed an agreement with Y': a signing the text puts "recently" before the news has no day of its own,
so neither the news day nor a dateline dates it (issue 15), on sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows

_NEWS_DAY = dt.date(2022, 4, 8)


@pytest.mark.parametrize("text", [
    "Recently, Fudan University signed a memorandum of understanding with the University of Lagos.",
    "Fudan University has recently signed a cooperation agreement with the University of Lagos on joint degrees.",
    "The Ghent University and Zhejiang University recently inked a framework agreement on marine science.",
    "Fudan University signed a letter of intent with the University of Lagos recently.",
    "ACCRA, April 8 - The University of Ghana has recently concluded an agreement with Wuhan University.",
])
def test_a_recent_signing_takes_no_news_day(text):
    rows = extract_rows(text, published=_NEWS_DAY)
    (a,) = rows["agreements"]
    assert a["signed_on"] is None


@pytest.mark.parametrize("text, day", [
    ("Fudan University signed a memorandum of understanding with the University of Lagos.", _NEWS_DAY),
    ("ACCRA, April 7 - The University of Ghana concluded an agreement with Wuhan University.", dt.date(2022, 4, 7)),
    ("Fudan University, which recently opened a genomics centre, signed a memorandum of understanding with the "
     "University of Lagos on 2 April.", dt.date(2022, 4, 2)),
    # "recently" describing something else in the verb's clause, not the signing
    ("Fudan University signed a memorandum of understanding with the University of Lagos on the recently opened "
     "genomics centre.", _NEWS_DAY),
    ("Wuhan University inked an agreement with the University of Ghana to expand the recently launched exchange "
     "programme.", _NEWS_DAY),
])
def test_without_recently_or_with_a_date_of_its_own_it_is_dated(text, day):
    rows = extract_rows(text, published=_NEWS_DAY)
    (a,) = rows["agreements"]
    assert a["signed_on"] == day


def test_recently_in_an_aside_about_a_party_leaves_the_news_day():
    rows = extract_rows("Fudan University, which recently opened a genomics centre, signed a memorandum of understanding "
                        "with the University of Lagos.", published=_NEWS_DAY)
    (a,) = rows["agreements"]
    assert a["signed_on"] == _NEWS_DAY
