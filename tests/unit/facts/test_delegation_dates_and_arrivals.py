"""Delegation dates and arrivals: "arrived at X" names the host; "The following day, ..." dates a visit the day
after the one told before; a visit reported on two days is dated by the first. Sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, visits

AFTER = dt.date(2021, 6, 1)


@pytest.mark.parametrize("verb", ["arrived at", "arrived in", "arrives at"])
def test_arrival_names_the_host(verb):
    text = f"On 2 March a delegation of 12 members led by Ms Chen Xiaoli, Vice Governor of Hainan Province, {verb} Nankai University."
    rows = extract_rows(text, published=AFTER)
    assert visits(rows) == [("Chen Xiaoli", "Hainan Provincial Government", "Nankai University")]
    assert rows["delegations"][0]["member_count"] == 12


@pytest.mark.parametrize("opening", ["The following day", "The next day", "On the following day", "The day after"])
def test_the_following_day_dates_a_second_visit_after_the_first(opening):
    text = ("A delegation of the University of Jordan led by Zhou Minghui visited Nankai University on 14 February. "
            f"{opening}, a delegation of about 20 members led by Ms Chen Xiaoli, Vice Governor of Hainan Province, "
            "arrived at Nankai University.")
    rows = extract_rows(text, published=AFTER)
    assert visits(rows) == [("Zhou Minghui", "University of Jordan", "Nankai University"),
                            ("Chen Xiaoli", "Hainan Provincial Government", "Nankai University")]
    assert [d["visited_on"] for d in rows["delegations"]] == [dt.date(2021, 2, 14), dt.date(2021, 2, 15)]


def test_a_visit_told_on_two_days_is_dated_by_the_first():
    text = ("Professor Zhou Minghui, President of the University of Jordan, who is leading a delegation on a visit to "
            "Tianjin, today (April 9) attended a forum at Nankai University. "
            "Yesterday (April 8), Professor Zhou and the delegation called on the Tianjin Municipal Government.")
    rows = extract_rows(text, published=dt.date(2021, 4, 9))
    # the host is the city, named both as its government (whom they called on) and as the place
    assert visits(rows) == [("Zhou Minghui", "University of Jordan", "Tianjin Municipal Government")]
    assert {p["place_id"]: p["name"] for p in rows["places"]}[rows["delegations"][0]["host_place_id"]] == "Tianjin"
    assert rows["delegations"][0]["visited_on"] == dt.date(2021, 4, 8)


def test_a_later_day_does_not_replace_the_first():
    text = ("A delegation of the University of Jordan led by Zhou Minghui visited Nankai University on 14 February. "
            "On 16 February the delegation toured the Nankai University library.")
    rows = extract_rows(text, published=AFTER)
    assert [d["visited_on"] for d in rows["delegations"]] == [dt.date(2021, 2, 14)]
