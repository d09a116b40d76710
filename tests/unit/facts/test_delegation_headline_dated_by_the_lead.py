"""A headline's visit that no dated report of the body joins is dated by the lead: the first day or month the body's
opening sentences state in prose; not a year, a page label, nor a day after publication. Sentences written for
these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, visits

PUBLISHED = dt.date(2021, 6, 1)


@pytest.mark.parametrize("text, expected, day", [
    ("The Ambassador of Rwanda to China visits Fudan University\n\nThe ambassador of Rwanda to China, Mr. James "
     "Kabarebe, visited our university on 27 April. President Li Wei met with the delegation.",
     (None, "Rwanda", "Fudan University"), dt.date(2021, 4, 27)),
    ("Egerton University and Chinese delegation discuss cooperation\n\nEgerton University recently hosted the Chinese "
     "Ambassador to Kenya, Mr. Zhou Pingjian. The meeting, held in the Senate Hall on 20 May 2021, focused on research.",
     ("Zhou Pingjian", "China", "Egerton University"), dt.date(2021, 5, 20)),
    ("Delegation of Sichuan University visits Lund University\n\nProfessor Anna Berg welcomed the guests in the main "
     "building. The talks, on 3 March, covered student exchanges.",
     (None, None, "Lund University"), dt.date(2021, 3, 3)),
])
def test_the_lead_s_first_day_dates_the_headline_s_visit(text, expected, day):
    rows = extract_rows(text, published=PUBLISHED)
    assert visits(rows) == [expected]
    assert [d["visited_on"] for d in rows["delegations"]] == [day]


@pytest.mark.parametrize("body", [
    "Lund University and Zhejiang University signed an agreement in 2015. The two universities exchange students.",
    "Posted: 2021-05-27\n\nThe rector and his colleagues toured the campus and the library.",
    "The rector and his colleagues are expected to tour the campus on 12 June.",
    # the history the lead tells first: a founding, a cooperation since a day, an agreement years before
    "Zhejiang University was founded on 18 May 1897. The rector and his colleagues toured the campus.",
    "The two universities have cooperated since 12 March 2021. The rector and his colleagues toured the campus.",
    "In October 2019, the two universities signed an agreement. The rector and his colleagues toured the campus.",
])
def test_a_year_a_page_label_or_a_later_day_does_not_date_it(body):
    rows = extract_rows("Rector of Lund University visits Zhejiang University\n\n" + body, published=PUBLISHED)
    assert visits(rows) == [(None, "Lund University", "Zhejiang University")]
    assert [d["visited_on"] for d in rows["delegations"]] == [None]

