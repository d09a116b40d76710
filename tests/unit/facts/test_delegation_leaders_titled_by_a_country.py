"""A leader's title owned by a country names where the visit comes from: a place's possessive ("Norway's Minister of
Research, X") or a people's name before the title ("Chinese Foreign Minister X"); and an apposition after the leader
runs through no verb ("X, led a delegation of scholars to Beijing": Beijing is the host, not X's body). Sentences
written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text, expected", [
    ("Norway's Minister of Research and Higher Education, Iselin Nybø, led a delegation of university leaders on a "
     "visit last week to Beijing.", ("Iselin Nybø", "Norway", "Beijing")),
    ("Iceland’s Minister of Higher Education, Science and Innovation, Áslaug Sigurbjörnsdóttir, led a delegation of "
     "researchers to Shanghai on 3 May.", ("Áslaug Sigurbjörnsdóttir", "Government of Iceland", "Shanghai")),
    ("Mr Pedro Alves, Portugal's Secretary of State for Science, led a group of rectors to Macao on 3 May.",
     ("Pedro Alves", "Portugal", "Macao")),
])
def test_a_place_s_possessive_before_the_leader_s_title_is_the_origin(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Chinese State Councilor and Foreign Minister Wang Yi arrived in Tonga on Tuesday.", ("Wang Yi", "China", "Tonga")),
    ("Brazilian Vice President Geraldo Alckmin paid a visit to Shenzhen on 12 May.",
     ("Geraldo Alckmin", "Brazil", "Shenzhen")),
    ("On Monday, Peruvian Deputy Minister Ana Torres visited Wuhan University.", ("Ana Torres", "Peru", "Wuhan University")),
])
def test_a_people_s_name_before_the_leader_s_title_is_the_origin(text, expected):
    assert visits(extract_rows(text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Dr. Hans Meier, led a delegation of scholars to Beijing on Monday.", ("Hans Meier", None, "Beijing")),
    ("Dr. Hans Meier, led a team of engineers on a visit to the city of Wuhan on Monday.", ("Hans Meier", None, "Wuhan")),
])
def test_the_host_after_the_leader_s_verb_is_not_the_leader_s_body(text, expected):
    assert visits(extract_rows(text)) == [expected]
