"""A jurisdiction that is the subject of a verb opening its clause acts through its government (issue 15): "Peru
sends a trade mission", "In 2023, the Ningxia Hui Autonomous Region awarded ...", "Chile, Nepal vow to ...", and
a country's government written with a level word in lower case ("the Austrian federal government"). A place
described ("Peru is a large market"), owned ("Peru's ministry") or qualifying a noun ("Kenya students") stays a
place. "The government of the Xinjiang Uygur Autonomous Region" is read by the region's whole name.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


def _governments(text):
    return {(surface, name) for surface, *_, name in org_mentions(recognised(text))}


@pytest.mark.parametrize("text, expected", [
    ("Peru sends a trade mission to Shenzhen", {("Peru", "Government of Peru")}),
    ("Uruguay hosts the third forum on soil science.", {("Uruguay", "Government of Uruguay")}),
    ("Mongolia will nominate five engineers for the programme.", {("Mongolia", "Government of Mongolia")}),
    ("Ghana has stepped up its support for vocational schools.", {("Ghana", "Government of Ghana")}),
    ("Hubei donated two laboratories last year.", {("Hubei", "Hubei Provincial Government")}),
    ("In 2023, the Ningxia Hui Autonomous Region awarded forty scholarships.",
     {("Ningxia Hui Autonomous Region", "Ningxia Hui Autonomous Region Government")}),
    ("On Tuesday, Jiangxi also signed a pact on forestry.", {("Jiangxi", "Jiangxi Provincial Government")}),
    ("Analysis: Estonia could fund the observatory", {("Estonia", "Government of Estonia")}),
])
def test_a_jurisdiction_opening_its_clause_before_a_verb_acts(text, expected):
    assert _governments(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chile, Nepal vow to deepen glacier research", {("Chile", "Government of Chile"), ("Nepal", "Government of Nepal")}),
    ("Oman and Hainan pledge closer marine studies",
     {("Oman", "Government of Oman"), ("Hainan", "Hainan Provincial Government")}),
])
def test_two_jurisdictions_before_a_base_form_verb_act(text, expected):
    assert _governments(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The scheme was set up by the Austrian federal government in 2019.", {"Government of Austria"}),
    ("Funding comes from the Chinese central government and the Kenyan national government.",
     {"Government of China", "Government of Kenya"}),
])
def test_a_countrys_government_with_a_level_word(text, expected):
    assert {name for _, name in _governments(text)} == expected


@pytest.mark.parametrize("text", [
    "Peru is a large market for Chinese machinery.",
    "Peru has a long coastline.",
    "Kenya students study in Wuhan every year.",
    "Shanghai based companies joined the fair.",
    "Scientists visited Chile and presented their findings.",
    "Mongolia's ministry will nominate five engineers.",
    "The Chinese local government will fund the road.",
])
def test_places_described_owned_or_qualifying_stay_places(text):
    assert _governments(text) == set()


def test_the_government_of_an_autonomous_region_by_its_whole_name():
    text = ("The institute will work with the government of the Xinjiang Uygur Autonomous Region and the people's "
            "government of the Guangxi Zhuang Autonomous Region.")
    assert {name for _, name in _governments(text)} == {"Xinjiang Uygur Autonomous Region Government",
                                                        "Guangxi Zhuang Autonomous Region Government"}
