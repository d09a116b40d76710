"""A visit told only by the noun of the event ("during the President's visit to X", "welcomed their visit"), with no
visitor found, is no record; a report that says someone went (a group or people noun, a verb of travelling) stays a
record though its visitors are unnamed. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text", [
    "During the visit to Kenya, the two universities signed a memorandum of understanding.",
    "The agreement was signed during President Li's state visit to Iran in January.",
    "Li Ming, President of Nankai University, welcomed their visit to Nankai University and hoped for closer ties.",
    "Anna Berg recalled her first visit to Chile in 1998.",
])
def test_the_event_noun_alone_makes_no_record(text):
    assert visits(extract_rows(text)) == []


@pytest.mark.parametrize("text, visit", [
    ("A delegation visited Nankai University on 3 May.", (None, None, "Nankai University")),
    ("Government officials will visit Zhuhai next week.", (None, None, "Zhuhai")),
    ("The Kenyan Ambassador to China visits Hebei University", (None, None, "Hebei University")),
    # a visitor named beside the event noun keeps the record
    ("During the visit of Anna Berg, Rector of Lakeside University, to Kenya, the two sides signed an agreement.",
     ("Anna Berg", "Lakeside University", "Kenya")),
])
def test_a_report_that_someone_went_stays_a_record(text, visit):
    assert visits(extract_rows(text)) == [visit]
