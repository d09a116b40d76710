"""Credits that name a person in other shapes (issue 15): a byline that says where its writer filed from ("By Anna
Berg in Nairobi", "By LIU MEI in Jinan | site"), a label glued to its name by a colon or a slash ("Reporter:Zhou
Ping, Campus News", "Reporter/ HE Lan Photo/ SU Wen, ..."), and a photo credit whose name is followed by its agency,
whatever the name's shape ("Photo by Amani Odhiambo/Xinhua"); an agency there is nobody.

Every line here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import people_names, recognised

# the page's lines -> the people its credits name
_CREDITED = {
    "Lab opens in Kisumu\nBy Anna Berg in Nairobi\n\nThe lab opened on Monday.": {"Anna Berg"},
    "Ports to expand\nBy LIU MEI in Jinan | news.example.com\n\nThe port grew.": {"Liu Mei"},
    "Visit to Quito\n\nReporter:Zhou Ping, Campus News\n\nThe team arrived.": {"Zhou Ping"},
    "Students meet the mayor\nReporter/ HE Lan Photo/ SU Wen, TAO Jie\nThe mayor spoke.": {"He Lan", "Su Wen"},
    "Farmers harvest maize. (Photo by Amani Odhiambo/Xinhua)\nThe project began in 2019.": {"Amani Odhiambo"},
    "Farmers harvest maize. [Photo by Kwabena Mensah-Bonsu/Ghana News]\nThe project began.": {"Kwabena Mensah-Bonsu"},
}


@pytest.mark.parametrize("text", _CREDITED)
def test_a_credit_names_its_person(text):
    assert _CREDITED[text] <= people_names(recognised(text))


# an agency's name in a photo credit, and a headline that opens with "By"
_NOBODY = ("Students tour the lab. (Photo by Getty Images/Xinhua)",
           "Visitors at the fair. (Photo by Associated Press/Reuters)",
           "By Sea in Summer\n\nThe ferry line opened.")


@pytest.mark.parametrize("text", _NOBODY)
def test_an_agency_or_a_headline_names_nobody(text):
    assert people_names(recognised(text)) == set()


# a photo label before a caption or an agency, and a byline label before a body's name
_NOT_PEOPLE = {
    "Photo: Getty Images\nThe lab opened.": set(),
    "Photo: Nairobi Campus\nThe lab opened.": set(),
    "Photos/ Harbour View, Mombasa\nThe port grew.": set(),
    "Photographer: Campus Media, Editor: Li Na\nThe lab opened.": {"Li Na"},
}


@pytest.mark.parametrize("text", _NOT_PEOPLE)
def test_a_label_before_a_caption_or_a_body_names_nobody(text):
    assert people_names(recognised(text)) == _NOT_PEOPLE[text]
