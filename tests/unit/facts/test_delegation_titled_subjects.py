"""A subject that is a title with no name ("President of X visits Y", "The Ambassador of X to China visits Y",
a headline's way): the visit comes from the body or country the title serves."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("President of Moi University Visits Fudan University", (None, "Moi University", "Fudan University")),
    ("The Ambassador of the Republic of Kenya to China visits Hebei University", (None, "Kenya", "Hebei University")),
    ("Deputy PM of the Republic of Chile Paid a Visit to Zhejiang University",
     (None, "Chile", "Zhejiang University")),
    ("The Vice Mayor of Hamburg visited Shanghai Jiao Tong University on Monday.",
     (None, "Hamburg", "Shanghai Jiao Tong University")),
    # not a nameless subject: the receivers' title (the visitors are those the delegation noun names), and a
    # named visitor, whose own organisation stays the origin
    ("President Li Wei of Fudan University welcomed the delegation from Moi University on Monday.",
     (None, "Moi University", "Fudan University")),
    ("Professor Anna Berg, President of Lund University, visited Zhejiang University on Monday.",
     ("Anna Berg", "Lund University", "Zhejiang University")),
])
def test_the_body_a_nameless_title_serves_is_the_origin(text, expected):
    assert visits(extract_rows(text)) == [expected]
