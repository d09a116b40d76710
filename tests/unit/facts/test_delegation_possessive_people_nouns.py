"""A people noun with a possessive ("the Embassy of the people's Republic of China") heads no "X experts" phrase: the
body before it is not where the visitors come from (and so not cleared as the host). Sentences written for these
tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("On April 9th, the delegation visited the Office of the Economic Counsellor of the Embassy of the people's "
     "Republic of China in Kenya.", (None, None, "Office of the Economic Counsellor of the Embassy")),
    ("On 2 May, the delegation visited the Trade Office of the people’s Republic of China in Ghana.",
     (None, None, "Trade Office")),
])
def test_a_possessive_people_noun_names_no_origin(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("A delegation of Kenyan experts visited Fudan University on 3 May.", (None, "Kenya", "Fudan University")),
    ("On 3 May, Fudan University scholars visited Moi University.", (None, "Fudan University", "Moi University")),
])
def test_a_people_noun_still_takes_its_modifier_as_origin(text, expected):
    assert visits(extract_rows(text)) == [expected]
