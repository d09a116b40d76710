"""Names after a post that says where, after a body's acronym, and after a noun for a person (issue 15):
"Counsellor of the Embassy in Beijing Anna Berg", "Ambassador of Chile to China Pablo Ruiz", "President of HAU Jie
Xiaolei", "Chinese technician Dun Xinhong", "Nobel Prize winner Dan Levy".

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("The visitors met the Trade Counsellor of the Dutch Embassy in Beijing Pieter Jansen today.", "Pieter Jansen"),
    ("It was attended by the Ambassador of Chile to China Pablo Ruiz.", "Pablo Ruiz"),
    ("It was signed by Ambassador to China Wang Yi in Beijing.", "Wang Yi"),
    ("The deal was signed by President of NWAU Zhao Lirong.", "Zhao Lirong"),
    ("The talks were chaired by Vice Chairman of the BAS Presidium Ivan Petkov.", "Ivan Petkov"),
])
def test_a_name_after_a_post_that_says_where_or_ends_in_an_acronym(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text, person", [
    ("Chinese technician Gao Xinming works on the farm.", "Gao Xinming"),
    ("The class met physics laureate Dan Levy.", "Dan Levy"),
    ("The researcher Kofi Mensah led the trial.", "Kofi Mensah"),
    ("Local farmer Tendai Moyo grows mushrooms now.", "Tendai Moyo"),
])
def test_a_full_name_after_a_noun_for_a_person(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "The student Exchange Program began in May.",
    "An official Xinhua report came out.",
    "Each winner Prize was shared.",
])
def test_a_noun_for_a_person_before_no_full_name_names_nobody(text):
    assert people_names(recognised(text)) == set()
