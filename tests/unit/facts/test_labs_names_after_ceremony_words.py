"""A lab's name after the words of its ceremony ("Inauguration Ceremony of X Joint Lab", "The Opening Ceremony for
the X Research Centre"): the ceremony's words and the small word after them ("of", "for", "the") are no part of the
name, and the ceremony founds the lab."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(text: str) -> list[tuple[str, str]]:
    return [(lab["name"], lab["status"]) for lab in extract_rows(text)["labs"]]


@pytest.mark.parametrize("text, name", [
    ("The Inauguration Ceremony of Sino-Latvian Joint Lab of Forest Genomics took place in Riga on 3 May.",
     "Sino-Latvian Joint Lab of Forest Genomics"),
    ("Inauguration Ceremony of Sino-Latvian Joint Lab of Forest Genomics",
     "Sino-Latvian Joint Lab of Forest Genomics"),
    ("The Unveiling Ceremony of China-Peru Joint Laboratory for Andean Crops was held in Lima on 2 June.",
     "China-Peru Joint Laboratory for Andean Crops"),
    ("Opening Ceremony for the Kenya-China Joint Research Centre for Dryland Farming",
     "Kenya-China Joint Research Centre for Dryland Farming"),
])
def test_the_ceremony_words_are_not_the_name(text, name):
    assert _labs(text) == [(name, "established")]
