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


@pytest.mark.parametrize("text", [
    "China has been Kenya's largest trading partner since 2013.",
    "China has seen a surge in patent filings.",
    "China ranked second in the Nature Index this year.",
    "In recent years, Kenya has attracted many Chinese students.",
    "Xinjiang produced five million tons of cotton last year.",
    "Kenya could become a hub for geothermal research.",
    "According to the report, Peru accounted for 40 percent of the catch.",
    "As a result, Brazil experienced a drought in 2021.",
    "Sichuan has been hit by several earthquakes.",
    "Without the hybrid seeds, Madagascar would not have enough rice.",
])
def test_a_jurisdiction_before_a_verb_that_only_describes_it_stays_a_place(text):
    # a past or perfect tense of no actor verb, a passive, or a modal before a verb of being or undergoing
    assert _governments(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Norway sent a delegation of nine engineers to Wuhan.", {("Norway", "Government of Norway")}),
    ("Ghana has also helped ten schools buy microscopes.", {("Ghana", "Government of Ghana")}),
    ("Peru has been extending its grants to Chinese students.", {("Peru", "Government of Peru")}),
    ("Chengdu would ensure the construction of the institute.", {("Chengdu", "Chengdu Municipal Government")}),
])
def test_an_actor_verbs_past_progressive_or_a_modals_verb_makes_it_act(text, expected):
    assert _governments(text) == expected
