"""A lower-case phrase that opens with "joint" and ends in a lab's noun ("a joint nano center", "a joint international
high-speed railway research laboratory", "the joint soil monitoring station"): a lab of the noun's kind, where research
is one of its words or its founding is told; "a joint command center", a building or a venue are none."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(text: str) -> list[tuple[str, str, str]]:
    return sorted((lab["name"], lab["lab_type"], lab["status"]) for lab in extract_rows(text)["labs"])


@pytest.mark.parametrize("text, lab", [
    ("Chile and Thailand have opened a joint nano center in Valparaiso.",
     ("joint nano center", "joint_research_centre", "established")),
    ("Ghent University and Xiamen University unveiled a joint coastal ecology laboratory on Monday.",
     ("joint coastal ecology laboratory", "joint_laboratory", "established")),
    ("The agreement announces plans for a joint international maritime research laboratory.",
     ("joint international maritime research laboratory", "joint_laboratory", "existing")),
    ("Peru and China will set up a joint glacier monitoring station in Huaraz.",
     ("joint glacier monitoring station", "other", "planned")),
    ("The establishment of a joint seed breeding centre will help farmers in Tanzania.",
     ("joint seed breeding centre", "joint_research_centre", "established")),
    ("Two institutes launched a joint genomics institute for tropical crops in Manaus.",
     ("joint genomics institute for tropical crops", "research_institute", "established")),
])
def test_a_joint_lowercase_phrase_is_a_lab(text, lab):
    assert _labs(text) == [lab]


@pytest.mark.parametrize("text", [
    "The two armies run a joint command center in Hanoi.",
    "A joint press center was opened for the summit.",
    "Delegates visited a joint research centre building in Nanjing.",
    "The two firms share a joint logistics base in Rotterdam.",
])
def test_other_joint_phrases_are_no_labs(text):
    assert _labs(text) == []
