"""'X led a delegation to Y in January ... signed/renewed agreements': a lead that tells a delegation's trip and dates
it, with no visit verb, dates the undated signings of its story (issue 15, class 7), on sentences written for these
tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows


@pytest.mark.parametrize("lead, day", [
    ("Professor Eva Lind, President of Uppsala University, led a delegation to China from November 18 to 26.",
     dt.date(2020, 11, 18)),
    ("In March 2020, a delegation of Uppsala University headed by Rector Eva Lind went to Shanghai.",
     dt.date(2020, 3, 1)),
    ("Rector Eva Lind headed a high-level delegation to Jiangsu on 9 October.", dt.date(2020, 10, 9)),
])
def test_an_undated_signing_in_the_story_of_a_delegation_takes_its_date(lead, day):
    rows = extract_rows(lead + " In Nanjing, she met the president of Nanjing University. Uppsala University and "
                        "Nanjing University signed an agreement on student exchange.", published=dt.date(2020, 12, 20))
    (a,) = rows["agreements"]
    assert a["signed_on"] == day


def test_a_delegation_expected_after_the_news_dates_no_signing():
    rows = extract_rows("A delegation of Uppsala University will go to Nanjing on 9 October. Uppsala University and "
                        "Nanjing University signed an agreement on student exchange.", published=dt.date(2020, 6, 20))
    (a,) = rows["agreements"]
    assert a["signed_on"] is None
