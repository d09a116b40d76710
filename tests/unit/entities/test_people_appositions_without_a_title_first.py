"""Appositions whose post's head is not their first word (issue 15): "Anna Berg, a 30-year-old doctoral student from
...", "Kofi Mensah, Ghana's science minister", "Ada Obi, pro-vice-chancellor of ...", "Ali Ben Salah, the Tunisian
minister for ...", "Tom Hale, Chief Digital Officer of ...": the name before them is a person's. A place's name or
words with no post in them are not.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("On the trip was Amina Juma, a 29-year-old doctoral student from Kenya.", "Amina Juma"),
    ("\"We are ready,\" Efua Mensah, pro-vice-chancellor of the university, said.", "Efua Mensah"),
    ("The team was led by Kyle Porter, Chief Digital Officer of the college.", "Kyle Porter"),
    ("Talks were held between Ali Ben Salah, the Tunisian minister for higher education, and the visitors.",
     "Ali Ben Salah"),
    ("Marta Ibáñez, Chile's science minister, opened the fair.", "Marta Ibáñez"),
    ("Ion Popescu, deputy-director of the institute, spoke.", "Ion Popescu"),
])
def test_a_post_whose_head_comes_later_makes_a_person(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "Tianjin Eco-City, the second flagship project, grew.",
    "Greater Bay Area, a key hub for young talent, grew fast.",
    "Morning Star, a newspaper for readers, said so.",
    "New South Wales, the state's science minister said, will join.",
])
def test_no_person_without_a_post_or_before_a_place_s_name(text):
    assert people_names(recognised(text)) == set()


@pytest.mark.parametrize("text, people", [
    ("They met often. Late June, Kenyan Vice President for Trade Otieno Kamau came.", {"Otieno Kamau"}),
    ("Prof. Lui Qin of the School of Adult Education, Mr. Chen Yang, Director of the office, came.",
     {"Lui Qin", "Chen Yang"}),
])
def test_a_date_or_a_body_before_an_apposition_is_no_person(text, people):
    assert people_names(recognised(text)) == people
