"""A place told as the home of the organisation just before it ("the X Institute from Yunnan Province") says where
that body is, not that the place's government is one more party; a place coordinated as a side stays a party."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, party_names

CASES = [
    ("Oxford University signed a cooperation agreement with the Kunming Institute of Botany from Yunnan Province.",
     [["Kunming Institute of Botany, Chinese Academy of Sciences", "University of Oxford"]]),
    ("Ghent University signed a memorandum of understanding with Xiangtan University from Hunan Province.",
     [["Ghent University", "Xiangtan University"]]),
    ("Kenyatta University and Sichuan University from Sichuan Province signed a memorandum of understanding.",
     [["Kenyatta University", "Sichuan University"]]),
    ("A memorandum was signed between Makerere University and Yunnan University from the Yunnan Province.",
     [["Makerere University", "Yunnan University"]]),
    ("Jimma University signed agreements with Xiangtan University from Hunan Province and Lanzhou University from "
     "Gansu Province.", [["Jimma University", "Lanzhou University"], ["Jimma University", "Xiangtan University"]]),
    # the place is itself a side: coordinated with a party or the partner, not the home of the body before it
    ("Ghent University and Hunan Province signed a cooperation agreement.",
     [["Ghent University", "Hunan Provincial Government"]]),
    ("The Government of Kenya signed a memorandum of understanding with Yunnan Province.",
     [["Government of Kenya", "Yunnan Provincial Government"]]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_home_places_of_parties(text, expected):
    rows = extract_rows(text)
    assert sorted(sorted(party_names(rows, a)) for a in rows["agreements"]) == expected
