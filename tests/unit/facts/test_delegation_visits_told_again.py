"""A later sentence that refers back to "the visit": a visit of its own when it names another body the visitors come
from, the same visit when it names that visit's leader; a visit dated by its month, then by its day. Sentences
written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text", [
    "On 5 May, Professor LI Ming, President of Nankai University, welcomed his counterparts from Fudan University. "
    "The next day, Dr WANG Fang, Dean of Nankai University, received the visit of Zhejiang University.",
    "Professor LI Ming, President of Nankai University, welcomed his counterparts from Fudan University on 5 May. "
    "Dr WANG Fang, Dean of Nankai University, received the visit of the delegation of Zhejiang University on 6 May.",
])
def test_the_visit_of_another_body_is_a_visit_of_its_own(text):
    rows = extract_rows(text, dt.date(2020, 5, 20))
    assert sorted(visits(rows), key=str) == [(None, "Fudan University", "Nankai University"),
                                              (None, "Zhejiang University", "Nankai University")]
    assert sorted(d["visited_on"] for d in rows["delegations"]) == [dt.date(2020, 5, 5), dt.date(2020, 5, 6)]


@pytest.mark.parametrize("text", [
    "Dr ZHANG Wei of Fudan University led a delegation to Nankai University on 5 May. Staff from the International "
    "Office of Fudan University accompanied Dr ZHANG on the visit.",
    "Dr ZHANG Wei of Fudan University led a delegation to Nankai University on 5 May. Officials from Shanghai "
    "Jiao Tong University joined Dr ZHANG during the visit.",
])
def test_a_report_naming_the_leader_is_the_same_visit(text):
    assert visits(extract_rows(text, dt.date(2020, 5, 20))) == [("Zhang Wei", "Fudan University", "Nankai University")]


@pytest.mark.parametrize("text, day", [
    ("The March 2019 visit of a Fudan University delegation to Nankai University opened a new chapter. The delegation "
     "arrived at Nankai University on 12 March 2019.", dt.date(2019, 3, 12)),
    ("A Fudan University delegation visited Nankai University in June 2018. The delegation of Fudan University "
     "toured the campus on 3 June 2018.", dt.date(2018, 6, 3)),
])
def test_the_day_of_a_visit_dated_by_its_month(text, day):
    rows = extract_rows(text, dt.date(2019, 12, 1))
    (d,) = rows["delegations"]
    assert (d["visited_on"], d["visited_on_precision"]) == (day, "day")
