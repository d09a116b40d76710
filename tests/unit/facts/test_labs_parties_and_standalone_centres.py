"""Centres that are organisations, not labs: a party to a pairing ("an agreement between A and B"), and a centre
named by its bare head ("Centre for X") that shows no sign of a lab; the host a lab's own name gives; a founding
told after an apposition between dashes (issue 15, class 1 precision).

Every sentence here is written for these tests."""
import pytest

from tests.unit.facts.test_labs_real_phrasings import _labs, _run


@pytest.mark.parametrize("text", [
    "The station was set up under a pact between the Danish Centre for Marine Research (DCMR) and Fudan University.",
    "The memorandum was signed between Zhejiang University and the Polish Centre for Arctic Studies.",
    "The deal was signed between the Kenya-China Research Center on Water Policy and Peru's Center for Andean Studies.",
    "Talks between the Chile-China Centre for Mining Research and Lima's Center for Andean Studies went well.",
    # a party once in the document, an organisation wherever it is named
    "An accord was signed between the Brazil-China Research Center on Trade and Fudan University. Li Wei, chairman "
    "of the Brazil-China Research Center on Trade, spoke.",
])
def test_a_party_to_a_pairing_is_no_lab(text):
    assert _labs(_run(text)) == []


@pytest.mark.parametrize("text", [
    "Li Hua, head of the Norwegian Centre for Polar Studies, spoke at the forum.",
    "The programme was run by the Icelandic Center for Research and the Ministry of Education.",
    "Staff of the Centre on Urban Mobility presented a report.",
    # the body a shorter name is recognised as is the centre itself, not its host
    "The trip was organised by the Danish Centre for International Cooperation in Education (DCICE).",
    "The Xinjiang ecology research institute joined the survey.",
])
def test_a_bare_centre_with_no_sign_of_a_lab_is_an_organisation(text):
    assert _labs(_run(text)) == []


@pytest.mark.parametrize("text, expected", [
    ("Lund University and Fudan University opened the Nordic Centre for Polar Studies on Monday.",
     [("Nordic Centre for Polar Studies", "research_institute", "established", "Lund University")]),
    ("The Centre for Polar Studies at Ghent University studies sea ice.",
     [("Centre for Polar Studies", "research_institute", "existing", "Ghent University")]),
    ("The Centre for Polar Studies was opened by Ghent University on Monday.",
     [("Centre for Polar Studies", "research_institute", "established", "Ghent University")]),
    ("The Polar Studies Research Centre studies sea ice.",
     [("Polar Studies Research Centre", "research_institute", "existing", None)]),
    ("Researchers of the Sino-Danish Centre for Water Research presented a report.",
     [("Sino-Danish Centre for Water Research", "joint_research_centre", "existing", None)]),
])
def test_a_centre_with_a_host_a_founding_or_partners_stays_a_lab(text, expected):
    assert _labs(_run(text)) == expected


@pytest.mark.parametrize("text, name, host", [
    ("The Ghent University Marine Research Center studies sea ice.", "Ghent University Marine Research Center",
     "Ghent University"),
    ("The Optical Research Center of the Hubei Academy of Sciences studies lasers.",
     "Optical Research Center of the Hubei Academy of Sciences", "Hubei Academy of Sciences"),
    ("The Centre for Urban Mobility of Tongji University presented a report.",
     "Centre for Urban Mobility of Tongji University", "Tongji University"),
    # a company-like name in the topic owns nothing
    ("They toured the Laboratory of Photonic Industrial Technologies.", "Laboratory of Photonic Industrial Technologies",
     None),
])
def test_the_host_a_labs_own_name_gives(text, name, host):
    assert [(n, h) for n, _, _, h in _labs(_run(text))] == [(name, host)]


@pytest.mark.parametrize("text", [
    "The Lund Technology Transfer Institute (LTTI) – a new research institute in Malmo – was officially launched on "
    "Monday.",
    "The Tartu Robotics Laboratory — a joint unit of two universities — was opened yesterday.",
])
def test_a_founding_after_an_apposition_between_dashes(text):
    assert [s for _, _, s, _ in _labs(_run(text))] == ["established"]
