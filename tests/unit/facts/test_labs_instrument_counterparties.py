"""A lab-like name that is the other party of an instrument ("signed a memorandum of understanding with the X
Centre", "an agreement with A and the B Laboratory") is an organisation in its own right, as a party of a pairing
("between A and B") is; a lab the instrument sets up is still a lab (issue 15, class 5 precision).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text", [
    "Peru has signed a memorandum of understanding with China's International Research Center of Glacier Science.",
    "Lund University Signs Agreement with Shenzhen Marine Robotics Laboratory on Strategic Collaboration",
    "During the visit, Fudan University signed agreements with the University of Porto, the Laboratory of Coastal "
    "Engineering and the Lisbon Maritime Museum.",
    "The ministry inked a cooperation agreement with the Nairobi Research Centre for Dryland Crops last week.",
])
def test_the_other_party_of_an_instrument_is_no_lab(text):
    assert _labs(_run(text)) == []


@pytest.mark.parametrize("text, expected", [
    ("Lund University signed an agreement with Fudan University to set up the Lund-Fudan Joint Laboratory for Polar "
     "Science.",
     [("Lund-Fudan Joint Laboratory for Polar Science", "joint_laboratory", "established", "Lund University")]),
    ("Under the agreement with Ghent University, the Ghent-Wuhan Research Centre for Smart Ports will be opened in May.",
     [("Ghent-Wuhan Research Centre for Smart Ports", "joint_research_centre", "planned", "Ghent University")]),
])
def test_a_lab_the_instrument_sets_up_stays_a_lab(text, expected):
    assert _labs(_run(text)) == expected
