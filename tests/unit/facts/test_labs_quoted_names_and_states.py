"""Labs named in quotation marks, lower-case labs told founded after their name, labs said to be under
construction, and "Joint Centre" heads (issue 15, class 1).

Every sentence here is written for these tests."""
import datetime as dt

import pytest

from pipeline.core.extract import extract_document
from pipeline.core.ids import make_id
from pipeline.core.records import IngestedDocument
from tests.support.rules import default_rulebook


def _labs(text):
    doc = IngestedDocument(make_id("document", "t.txt"), "t.txt", "x", text, published_on=dt.date(2021, 3, 5),
                           published_on_precision="day")
    rows = extract_document(doc, default_rulebook()).rows
    return sorted((lab["name"], lab["lab_type"], lab["status"]) for lab in rows["labs"])


@pytest.mark.parametrize("text, expected", [
    # a kind word in apposition before the quoted name: the verb before it governs the name
    ("Both parties also expect to establish Joint Laboratory “Fudan-Siemens Joint Laboratory of Smart Grids” "
     "in the near future.", [("Fudan-Siemens Joint Laboratory of Smart Grids", "joint_laboratory", "planned")]),
    ("The universities will set up a joint laboratory, “Nankai-Toyota Joint Laboratory of Batteries”.",
     [("Nankai-Toyota Joint Laboratory of Batteries", "joint_laboratory", "planned")]),
    ("The universities set up a joint laboratory, “Hohai-Deltares Joint Laboratory of Hydrology”, on Monday.",
     [("Hohai-Deltares Joint Laboratory of Hydrology", "joint_laboratory", "established")]),
    ("On Monday the two sides launched the “Lanzhou-Peshawar Joint Laboratory of Dust Storms”.",
     [("Lanzhou-Peshawar Joint Laboratory of Dust Storms", "joint_laboratory", "established")]),
    # what is said after a quoted name speaks of it, past the closing quote
    ("The “China-Kenya Joint Laboratory for Crop Molecular Biology” was unveiled on Friday.",
     [("China-Kenya Joint Laboratory for Crop Molecular Biology", "joint_laboratory", "established")]),
    ('The "Tsinghua-Bosch Joint Research Centre for Machine Learning" will be set up next year.',
     [("Tsinghua-Bosch Joint Research Centre for Machine Learning", "joint_research_centre", "planned")]),
    ('He visited the "UCL-Peking Research Centre for Urban Health" last week.',
     [("UCL-Peking Research Centre for Urban Health", "joint_research_centre", "existing")]),
])
def test_quoted_names_keep_their_partners_and_status(text, expected):
    assert _labs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A key laboratory of “Soil Ecology” was established at the University of Nairobi.",
     [("key laboratory of “Soil Ecology”", "key_laboratory", "established")]),
    ("They inaugurated a joint laboratory for “Marine Biotechnology” at the campus.",
     [("joint laboratory for “Marine Biotechnology”", "joint_laboratory", "established")]),
    ("The provincial key laboratory of crop genetics was opened in Kunming.",
     [("provincial key laboratory of crop genetics", "key_laboratory", "established")]),
    ("A branch of the university's state key laboratory of marine environmental science will be set up in Sanya.",
     [("state key laboratory of marine environmental science", "state_key_laboratory", "planned")]),
])
def test_lower_case_labs_told_founded_after_their_name(text, expected):
    assert _labs(text) == expected


@pytest.mark.parametrize("text", [
    "The key laboratory will be run by both universities.",
    "Researchers at the key laboratory of rice biology said the results were promising.",
    "State key laboratory directors met in Beijing on Tuesday.",
])
def test_lower_case_kind_words_with_no_founding_name_no_lab(text):
    assert _labs(text) == []


def test_two_headings_on_one_line_stay_two_names():
    assert _labs("State Key Laboratory of Optics State Key Laboratory of Lasers") == [
        ("State Key Laboratory of Lasers", "state_key_laboratory", "existing"),
        ("State Key Laboratory of Optics", "state_key_laboratory", "existing")]


@pytest.mark.parametrize("text, expected", [
    ("The Sino-Africa Joint Research Centre, which is under construction in Kenya, will lead the work.",
     [("Sino-Africa Joint Research Centre", "joint_research_centre", "planned")]),
    ("The China-Brazil Joint Laboratory of Space Weather is still being built.",
     [("China-Brazil Joint Laboratory of Space Weather", "joint_laboratory", "planned")]),
    ("The Thai-Chinese Rice Research Centre is currently in preparation.",
     [("Thai-Chinese Rice Research Centre", "joint_research_centre", "planned")]),
    ("The Sino-Africa Joint Research Centre is located in Kenya.",
     [("Sino-Africa Joint Research Centre", "joint_research_centre", "existing")]),
])
def test_a_lab_under_construction_is_planned(text, expected):
    assert _labs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("LZU will support the construction of the China-Pakistan Biomass Energy Joint Center.",
     [("China-Pakistan Biomass Energy Joint Center", "joint_research_centre", "planned")]),
    ("Scientists of the Kenya-China Water Joint Centre met on Friday.",
     [("Kenya-China Water Joint Centre", "joint_research_centre", "existing")]),
])
def test_joint_centre_heads_name_joint_research_centres(text, expected):
    assert _labs(text) == expected
