"""Lab names whose two partners an en dash joins, as typesetting writes a pair ("Harbin–Lisbon", "Kenya–China"): the
name runs over the dash as it does over a hyphen, and the pair makes the lab a joint one (issue 15, class 1).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text, expected", [
    ("Fudan University and Aker Maritime opened the Aker Maritime–Fudan Joint Research Centre for Ocean Robotics "
     "on Monday.",
     [("Aker Maritime–Fudan Joint Research Centre for Ocean Robotics", "joint_research_centre", "established",
       "Fudan University")]),
    ("The Kenya–China Center for Dryland Agriculture was inaugurated in Nairobi.",
     [("Kenya–China Center for Dryland Agriculture", "joint_research_centre", "established", None)]),
    ("Lund University and Zhejiang University will set up the Lund University–Zhejiang University Joint Laboratory "
     "of Food Safety.",
     [("Lund University–Zhejiang University Joint Laboratory of Food Safety", "joint_laboratory", "planned",
       "Lund University")]),
    ("The plaque unveiling ceremony for the University of Ghana–Nanjing Agricultural University Joint Centre for "
     "Soil Health was held on Friday.",
     [("University of Ghana–Nanjing Agricultural University Joint Centre for Soil Health", "joint_research_centre",
       "established", "University of Ghana")]),
])
def test_an_en_dash_joins_the_partners_of_a_name(text, expected):
    assert _labs(_run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a spaced dash sets off an apposition: the name after it is the lab's own
    ("The visitors toured Peking University – the Sino-Norwegian Centre for Climate Studies opened there in 2019.",
     [("Sino-Norwegian Centre for Climate Studies", "joint_research_centre", "existing", "Peking University")]),
    # a dash between lower-case words or years joins no capitalised name to the lab's
    ("A year–long study by the Oslo Climate Laboratory was published.",
     [("Oslo Climate Laboratory", "other", "existing", None)]),
    ("The 2018–2022 review of the Oslo Climate Laboratory was published.",
     [("Oslo Climate Laboratory", "other", "existing", None)]),
])
def test_a_spaced_dash_or_a_range_joins_no_name(text, expected):
    assert _labs(_run(text)) == expected
