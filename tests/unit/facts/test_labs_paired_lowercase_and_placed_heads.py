"""Labs outside the name grammar: a lower-case head or an observatory after a name of two partners ("a joint
Czech-Chilean laboratory"), and a bare head a setting-up verb governs, known by where it is ("has opened a research
institute in Malmo") (issue 15, class 1).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, expected", [
    ("In May 2019, a joint Czech-Chilean laboratory was opened at Charles University.",
     [("Czech-Chilean laboratory", "joint_laboratory", "established", "Charles University")]),
    ("The Kenya-China laboratory for soil health was opened in Nairobi.",
     [("Kenya-China laboratory for soil health", "joint_laboratory", "established", None)]),
    ("Researchers of the Sino-Thai research centre presented their results.",
     [("Sino-Thai research centre", "joint_research_centre", "existing", None)]),
    ("Peru and China will build a Peru-China marine lab next year.",
     [("Peru-China marine lab", "joint_laboratory", "planned", None)]),
    # an observatory: a capitalised head that names a lab only after two partners
    ("The China-Chile Southern Sky Observatory was formally opened today.",
     [("China-Chile Southern Sky Observatory", "research_institute", "established", None)]),
    ("The Kenya-China Observatory for Soil Health published a report.",
     [("Kenya-China Observatory for Soil Health", "research_institute", "existing", None)]),
])
def test_a_lab_head_after_two_partners(text, expected):
    assert _labs(_run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lund University has opened a research institute in Malmo, aiming to support industry.",
     [("research institute in Malmo", "research_institute", "established", "Lund University")]),
    ("Ghent University will set up a joint laboratory in Hunan province next year.",
     [("joint laboratory in Hunan province", "joint_laboratory", "planned", "Ghent University")]),
])
def test_a_bare_head_a_setting_up_verb_governs_is_known_by_its_place(text, expected):
    assert _labs(_run(text)) == expected


@pytest.mark.parametrize("text", [
    "The Beijing-Tianjin high-speed rail line opened.",  # no lab head
    "Xi'an-based laboratory staff attended the talks.",  # no partners
    "The Kenya-China trade center hosted the fair.",  # a centre of trade
    "The Purple Mountain Observatory hosted the students.",  # an observatory of no two partners
    "The university has a research institute in Malmo.",  # no setting-up verb
    "Lund University opened a research centre in the city.",  # no place named
    "Liu attended the opening of the observation station in Padang.",  # a lab referred to, not set up
])
def test_no_lab_without_partners_a_lab_head_or_a_setting_up(text):
    assert _labs(_run(text)) == []


def test_a_placed_lab_and_its_name_elsewhere_are_one_lab():
    text = ("Lund and Fudan will jointly set up a technology transfer center in Malmo. The Lund-Fudan Technology "
            "Transfer Center will open next year.")
    assert _labs(_run(text)) == [("Lund-Fudan Technology Transfer Center", "technology_transfer_centre", "planned",
                                  "Fudan University")]

