"""A title that opens a sentence and welcomes or receives the visitors is the hosts' ("Dean of X welcomed the
visiting delegation"): its body is no origin of the visit (review of the titled subjects rule).

Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("Vice President of Zhejiang University Wang Li received a delegation led by Ambassador John Smith on Monday.",
     ("John Smith", None, "Zhejiang University")),
    ("Dean of the Faculty of Engineering at Chulalongkorn University welcomed the visiting delegation on 3 April.",
     (None, None, "Chulalongkorn University")),
    # a title that travels still gives the origin
    ("Rector of the University of Tartu visits Jilin University", (None, "University of Tartu", "Jilin University")),
])
def test_a_title_receiving_the_visitors_is_no_origin(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, origin", [
    # a headline's capitals, no article before the visitors
    ("Vice Governor of Jiangsu Meets Visiting Kenyan Delegation", "Kenya"),
    ("Governor of Hokkaido Welcomes Delegation from Heilongjiang Province", "Heilongjiang Provincial Government"),
])
def test_a_title_meeting_the_visitors_in_a_headline_is_no_origin(text, origin):
    assert [o for _, o, _ in visits(extract_rows(text))] == [origin]
