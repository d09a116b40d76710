"""The day something was said about a visit is not the visit's day: "The ministry on Wednesday said the minister will
visit Kenya on Sept. 21", "The university announced on Monday that ...": a day right before a telling verb, or right
after one, dates the telling; the visit takes the sentence's other day. Alone, the telling's day still dates the visit
("X visited Y, the ministry said on Monday" reports it on that day). Sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows

PUBLISHED = dt.date(2016, 9, 15)


def visit_days(text: str) -> list[tuple[dt.date | None, str]]:
    return [(d["visited_on"], d["status"]) for d in extract_rows(text, PUBLISHED)["delegations"]]


@pytest.mark.parametrize("text", [
    "The government on Wednesday said Minister of Agriculture Anna Berg will pay a visit to Kenya on Sept. 21.",
    "The ministry said on Wednesday that Minister of Agriculture Anna Berg will visit Kenya on 21 September.",
    "Nankai University announced on Wednesday that a delegation led by Li Ming will visit Lakeside University on "
    "September 21.",
    "The embassy, on Wednesday, confirmed that Li Ming will visit Kenya on September 21 with a trade delegation.",
])
def test_the_visit_takes_the_day_that_is_not_the_tellings(text):
    assert visit_days(text) == [(dt.date(2016, 9, 21), "planned")]


@pytest.mark.parametrize("text", [
    "Minister of Agriculture Anna Berg visited Kenya on Monday, the ministry said.",
    "The ministry said on Monday that Minister of Agriculture Anna Berg visited Kenya.",
])
def test_the_tellings_day_alone_still_dates_the_visit(text):
    assert visit_days(text) == [(dt.date(2016, 9, 12), "completed")]
