"""An envoy's "to" ("the Ambassador of Kenya to China") names where the envoy serves, not where the visit goes; a
headline's "X visits Y" is a visit to Y."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, host", [
    ("The Kenyan Ambassador to China visits Hebei University", "Hebei University"),
    ("The Ambassador of the Republic of Ghana to China visits Fudan University", "Fudan University"),
    ("A delegation from Kenya visits Hebei University", "Hebei University"),
])
def test_the_object_of_visits_is_the_host(text, host):
    assert [v[2] for v in visits(extract_rows(text))] == [host]


@pytest.mark.parametrize("text", [
    "The Ambassador of the Republic of Rwanda to China visits HGU",
    "The High Commissioner of Kenya to India visits the campus",
])
def test_the_country_an_envoy_serves_in_is_no_host(text):
    assert all(v[2] not in ("China", "India") for v in visits(extract_rows(text)))
