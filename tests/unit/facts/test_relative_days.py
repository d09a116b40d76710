"""A day told by its distance from the day named before ("two days later", "on the same day", "the following
day"). Sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("second, day", [
    ("Two days later, Ghent University signed another agreement, this time with the University of Porto.", 14),
    ("Three days later, Ghent University inked a memorandum with the University of Porto.", 15),
    ("The following day, Ghent University signed an agreement with the University of Porto.", 13),
    ("On the same day, Ghent University also signed an agreement with the University of Porto.", 12),
    ("Ghent University signed a further agreement with the University of Porto the next day.", 13),
])
def test_a_relative_day_counts_from_the_day_named_before(second, day):
    rows = extract_rows("Ghent University and Wuhan University signed a memorandum of understanding on 12 February. "
                        + second, published=dt.date(2021, 2, 20))
    dates = {tuple(sorted(party_names(rows, a))): a["signed_on"] for a in rows["agreements"]}
    assert dates == {("Ghent University", "Wuhan University"): dt.date(2021, 2, 12),
                     ("Ghent University", "University of Porto"): dt.date(2021, 2, day)}


def test_a_relative_day_with_no_day_before_is_no_date():
    rows = extract_rows("Two days later, Ghent University signed an agreement with the University of Porto.",
                        published=dt.date(2021, 2, 20))
    assert [a["signed_on"] for a in rows["agreements"]] != [dt.date(2021, 2, 22)]
