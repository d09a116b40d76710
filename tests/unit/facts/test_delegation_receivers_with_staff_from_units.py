"""The receivers of a delegation named with staff of their units ("President X and staff from the International
Office met Dr Y and her delegation"): the unit the staff come from is neither where the visitors come from nor the
body that receives them; the body the receiving officer acts for is the host. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("Fudan University President Zhang Wei and staff from the International Office met Dr Anna Berg and her "
     "delegation.",
     ("Anna Berg", None, "Fudan University")),
    ("Nankai University Vice President Li Ming and officials from the Office of Global Engagement received the "
     "delegation from Kyoto University.",
     (None, "Kyoto University", "Nankai University")),
    ("Tongji University President Wu Jiang and researchers from the College of Design welcomed the Finnish delegation "
     "on 3 May.",
     (None, "Finland", "Tongji University")),
    # a receiver of no body of their own, with staff of a whole body (no unit): that body receives
    ("Dr Anna Berg and staff from the University of Oslo welcomed the Fudan University delegation on 3 May.",
     (None, "Fudan University", "University of Oslo")),
    ("Anna Berg and researchers from Lund University received the delegation from Kyoto University.",
     (None, "Kyoto University", "Lund University")),
    # the visitors' own "from X" still names where they come from
    ("Officials from Kyoto University visited Nankai University.", (None, "Kyoto University", "Nankai University")),
    ("Ghent University received a delegation from Zhejiang University on 3 May.",
     (None, "Zhejiang University", "Ghent University")),
])
def test_staff_of_the_receivers_units_are_neither_origin_nor_host(text, expected):
    assert visits(extract_rows(text)) == [expected]
