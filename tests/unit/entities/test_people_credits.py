"""People that credits, bylines and captions name: agency and photo credits with a slash, bylines in capitals,
a correspondent between slashes, and people a caption places ("(2nd R)")."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("The centre opened on Friday. (Xinhua/Li Jianmin)", "Li Jianmin"),
    ("Guests tour the lab. [Photo by Chen Xiaoyu/Hebei Daily]", "Chen Xiaoyu"),
    ("Guests tour the lab. Photo: Maria Santos/City News", "Maria Santos"),
    ("Officials at the launch in Nakuru on Friday /PETER OTIENO\nThe lab will open next year.", "Peter Otieno"),
    ("By GRACE WANJIRU (Daily Nation) Updated: 2019-04-02", "Grace Wanjiru"),
    ("NANNING, March 3. /TASS correspondent Dmitry Orlov/. The fair opened.", "Dmitry Orlov"),
    ("Source:Campus News Time:2021-05-02 Author:Zhang Lanlan Hits:215", "Zhang Lanlan"),
])
def test_a_credit_or_a_byline_names_a_person(text, person):
    assert person in people_names(recognised(text))


@pytest.mark.parametrize("text, people", [
    ("Wang Jun (1st R) and Ranjith Perera (2nd R), the Minister of Ports, sign the deal.",
     {"Wang Jun", "Ranjith Perera"}),
    ("Deputy Minister Kamal Silva (C) attends the ceremony.", {"Kamal Silva"}),
])
def test_a_caption_places_the_people_it_names(text, people):
    assert people_names(recognised(text)) == people


@pytest.mark.parametrize("text", [
    "Students visit the lab. (AFP/Getty Images)",
    "The fair opened on Friday. (Xinhua/File Photo)",
    "The two sides signed the MoU. [Photo/Campus News]",
    "Hangzhou Normal University (R) and the institute signed.",
])
def test_a_credit_of_an_agency_or_a_body_names_nobody(text):
    assert people_names(recognised(text)) == set()
