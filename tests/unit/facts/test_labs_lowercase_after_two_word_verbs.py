"""A lower-case lab phrase after a setting-up verb of two words, as headlines write it without an article ("China,
Laos set up rice research station"): the verb and the partners before it are not part of the lab's name."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _names(text: str) -> list[str]:
    return [lab["name"] for lab in extract_rows(text)["labs"]]


@pytest.mark.parametrize("text, name", [
    ("China, Laos set up rice research station", "rice research station"),
    ("Kenya and China set up joint research centre for crop genetics", "joint research centre for crop genetics"),
    ("Peru, Bolivia setting up glacier monitoring station", "glacier monitoring station"),
    ("Ghana sets up cocoa research centre with Chinese partners", "cocoa research centre"),
])
def test_the_verb_and_the_partners_are_not_the_name(text, name):
    assert _names(text) == [name]
