"""A centre or institute named only in passing is an organisation, not a lab: where a person works ("Li Wei, Deputy
Director of the X Centre"), a place a visit goes to ("the delegation visited the X Institute"), where visitors come
from ("Researchers from the X Centre visited ..."). A laboratory named so, a joint or founded centre, and a centre
something else is told of stay labs (issue 15, class 5 precision).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text", [
    # a person's unit
    "Li Wei, Deputy Director of the Research Center for Soil Ecology of the Hubei Academy of Sciences, attended.",
    "The meeting was chaired by Maria Costa, head of the Centre for Atlantic Studies at the University of Porto.",
    "Pokhara University sent Prof. Anil Gupta (Executive Director, Centre for International Programmes) and others.",
    "Researchers from the Centre for Coastal Studies at the University of Lagos presented their results.",
    "A team of experts from the Riverside Water Research Center joined the survey.",
    # a place a visit goes to
    "The delegation visited the Andean Mining Research Centre on Tuesday.",
    "During the trip the guests toured the campus library and the Marine Imaging Research Centre.",
    "The tour took the students to three places: Fudan University, the Kenya-China Institute and a museum.",
    # where visitors come from
    "The Polar Studies Research Centre (PSRC) and Tartu University visited Jilin University.",
    "Staff of the Coastal Research Centre of Novi Sad University paid a visit to Nanjing University on Monday.",
])
def test_a_centre_named_only_in_passing_is_no_lab(text):
    assert _labs(_run(text)) == []


@pytest.mark.parametrize("text, expected", [
    # a laboratory named in passing is still one: its head says research is done there
    ("Chen Hao, director of the State Key Laboratory of Rice Biology, introduced the team.",
     [("State Key Laboratory of Rice Biology", "state_key_laboratory", "existing", None)]),
    ("The delegation visited the Key Laboratory of Coastal Ecology at Xiamen University.",
     [("Key Laboratory of Coastal Ecology", "key_laboratory", "existing", "Xiamen University")]),
    # a joint centre
    ("Li Wei, director of the Sino-Danish Centre for Water Research, attended.",
     [("Sino-Danish Centre for Water Research", "joint_research_centre", "existing", None)]),
    # a founding or a plan
    ("The delegation visited the newly established Andean Mining Research Centre of Lima University.",
     [("Andean Mining Research Centre of Lima University", "research_institute", "established", "Lima University")]),
    ("The two sides will set up the Centre for Arctic Shipping at Tromso University.",
     [("Centre for Arctic Shipping", "research_institute", "planned", "Tromso University")]),
    # a place visited whose founding the sentence tells (its year before the article's: existing)
    ("The delegation visited the Marine Imaging Research Centre, which was founded in 2012 by Xiamen University.",
     [("Marine Imaging Research Centre", "research_institute", "existing", "Xiamen University")]),
    # named elsewhere in the document as more than a place of work
    ("Li Wei, head of the Centre for Polar Studies at Ghent University, spoke. The Centre for Polar Studies at Ghent "
     "University holds an archive of ice cores.",
     [("Centre for Polar Studies", "research_institute", "existing", "Ghent University")]),
])
def test_a_lab_named_in_passing_but_shown_as_a_lab_stays(text, expected):
    assert _labs(_run(text)) == expected
