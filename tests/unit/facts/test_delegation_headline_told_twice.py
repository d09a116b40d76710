"""A scraped page often gives its headline twice (the page's title, "X visits Y | News", and the article's heading):
the two are still the headline, which tells the body's visit again, its host written another way."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("The Kenyan Ambassador, Mr. John Kamau, visits the Institute for Ocean Research and Technology-Crete | News\n\n"
     "The Kenyan Ambassador, Mr. John Kamau, visits the Institute for Ocean Research and Technology-Crete\n\n"
     "The Ambassador of Kenya, Mr. John Kamau, visited IORTC on Friday, April 7, 2023, accompanied by embassy "
     "officials.", [("John Kamau", "Government of Kenya", "Institute for Ocean Research and Technology-Crete")]),
    ("Minister Anna Berg visits the Foundation for Applied Physics-Norway - Home\n\n"
     "Minister Anna Berg visits the Foundation for Applied Physics-Norway\n\n"
     "Minister Anna Berg of Sweden visited FAPN on Monday, 3 June 2024, with embassy staff.",
     [("Anna Berg", "Sweden", "Foundation for Applied Physics-Norway")]),
])
def test_a_headline_given_twice_is_one_visit_with_the_body(text, expected):
    assert visits(extract_rows(text)) == expected
