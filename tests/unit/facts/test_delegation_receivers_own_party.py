"""The hosts' own party at a visit ("the Ghanaian delegation was headed by X" in a report of a visit to a Ghanaian
university) is the side receiving the visitors, not a visit of its own; a visit the hosts made elsewhere is."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("A delegation from Fudan University visited the University of Ghana on 14 March 2022. The Ghanaian delegation "
     "was headed by Vice-Chancellor Nana Aba Amfo.", [(None, "Fudan University", "University of Ghana")]),
    ("A delegation of the Wuhan Municipal Bureau of Commerce visited the University of Nairobi on 3 May 2021. The "
     "University of Nairobi delegation, led by Vice-Chancellor Stephen Kiama, included deans and directors.",
     [(None, "Wuhan Commerce Bureau", "University of Nairobi")]),
])
def test_the_hosts_party_is_no_visit(text, expected):
    assert visits(extract_rows(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("A delegation from Fudan University visited the University of Ghana on 14 March 2022. Last year, a University "
     "of Ghana delegation led by Nana Aba Amfo visited Fudan University.",
     [(None, "Fudan University", "University of Ghana"), (None, "University of Ghana", "Fudan University")]),
])
def test_a_visit_the_hosts_made_elsewhere_stays(text, expected):
    assert visits(extract_rows(text)) == expected


@pytest.mark.parametrize("text, trip", [
    # another year's trip of the hosts' side, whose host the sentence does not give as one
    ("A Chilean delegation visited Tsinghua University on 8 May 2022. A Chinese delegation led by Minister Wang "
     "Zhigang was received in Santiago in 2019.", ("Wang Zhigang", "China")),
    ("A delegation from Nanjing University visited the University of Lagos on 2 June 2023. In 2018 a Nigerian "
     "delegation led by Minister Ogbonnaya Onu was received in Nanjing.", ("Ogbonnaya Onu", "Nigeria")),
])
def test_the_hosts_trip_of_another_year_stays(text, trip):
    assert trip in [(leader, origin) for leader, origin, _ in visits(extract_rows(text))]
