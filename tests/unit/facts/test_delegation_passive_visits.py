"""A visit told in the passive ("X has been visited by a delegation from Y", "X was visited on Monday by President
Y"): the subject is the host and whoever comes after "by" is the visitor."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, visit", [
    ("On 30 August 2017 the Faculty of Law of Lakeside University was visited by a delegation from the Chinese "
     "Academy of Sciences.", (None, "Chinese Academy of Sciences", "Faculty of Law of Lakeside University")),
    ("Last week the campus of Lakeside University has been visited by the delegation from Fudan University, led by "
     "Professor Li Ming.", ("Li Ming", "Fudan University", "Lakeside University")),
    ("Lakeside University was visited on Monday by Professor Li Ming, President of Fudan University.",
     ("Li Ming", "Fudan University", "Lakeside University")),
    ("Kunming was visited by President Li Ming of Fudan University and his team.",
     ("Li Ming", "Fudan University", "Kunming")),
])
def test_the_subject_of_a_passive_visit_is_the_host(text, visit):
    assert visits(extract_rows(text)) == [visit]


@pytest.mark.parametrize("text", [
    "The new laboratory of Lakeside University was visited by more than 300 students last year.",
    "The exhibition was visited by thousands of people.",
])
def test_a_passive_visit_by_nobody_named_is_no_delegation(text):
    assert visits(extract_rows(text)) == []
