"""A party organ in a visitor's or host's post acts for the body or jurisdiction its own name names ("Secretary of
the X Provincial Party Committee" hosts for X's government, "the CPC Y University Committee" sends Y University);
an officer named after their body's name ("Z University Vice President W") receives for it; a capitalised delegation
noun ("the Danish Delegation of Science") is still a group received. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("Li Ming, Secretary of the Hubei Provincial Party Committee, met with Peter Olsen, Mayor of Aarhus.",
     ("Peter Olsen", "Aarhus", "Hubei Provincial Government")),
    ("On 3 June, Wang Tao, Secretary of the Party Committee of Yunnan Province, met with Maria Costa, Rector of the "
     "University of Porto.",
     ("Maria Costa", "University of Porto", "Yunnan Provincial Government")),
    ("Zhou Lin, Secretary of the CPC Xiamen University Committee, led a delegation to Kyoto University.",
     ("Zhou Lin", "Xiamen University", "Kyoto University")),
    # a short name stands for the body the document names in full
    ("Chen Hua, Secretary of the CPC Nankai Committee, visited the University of Toronto. Nankai University was "
     "founded in 1919.",
     ("Chen Hua", "Nankai University", "University of Toronto")),
])
def test_a_party_organ_acts_for_what_its_name_names(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, origin", [
    # no level word: "Nankai" is no jurisdiction here, and no body of that name is in the text
    ("Zhou Lin, Secretary of the CPC Nankai Committee, led a delegation to Kyoto University.", "CPC Nankai Committee"),
    # the organ's own words name no body
    ("Li Gang, Deputy Secretary of the Party Working Committee, led a delegation to Kyoto University.",
     "Party Working Committee"),
])
def test_an_organ_whose_name_names_no_body_is_not_turned_into_one(text, origin):
    assert visits(extract_rows(text)) == [("Zhou Lin" if "Zhou" in text else "Li Gang", origin, "Kyoto University")]


@pytest.mark.parametrize("text, expected", [
    ("Nankai University Vice President Li Ming welcomed the Danish Delegation of Science led by Anna Berg.",
     ("Anna Berg", "Denmark", "Nankai University")),
    ("SUIBE President Li Ming warmly welcomed the Chilean Delegation to the campus. SUIBE is in Shanghai.",
     (None, "Chile", "Shanghai University of International Business and Economics")),
    ("Fudan University President Zhang Wei met with the Kenyan delegation.", (None, "Kenya", "Fudan University")),
])
def test_an_officer_named_after_the_body_receives_for_it(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_an_officer_after_a_possessive_body_receives_for_it():
    rows = extract_rows("Tongji University’s Vice President Wu Jiang received the Norwegian Trade Delegation on 5 May.")
    assert [host for _, _, host in visits(rows)] == ["Tongji University"]
