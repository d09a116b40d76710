"""People written as real pages write them: after a title in lower case, after a byline label and a colon, and
before a verb that a title-case headline capitalises."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("The treaty was signed with former Chilean president Michelle Bachelet in 2006.", "Michelle Bachelet"),
    ("The university's vice president Helen Marsh opened the lab.", "Helen Marsh"),
    ("Speaking after the talks, the city's mayor Tomas Novak thanked the guests.", "Tomas Novak"),
    ("It was announced by the institute's director Ingrid Holm on Friday.", "Ingrid Holm"),
    ("They were welcomed by university president Zhou Jiahong.", "Zhou Jiahong"),
])
def test_a_lower_case_title_before_a_full_name_names_a_person(text, person):
    assert person in people_names(recognised(text))


@pytest.mark.parametrize("text", [
    "He met the president of the university on Monday.",
    "The new director Office opened.",
    "She thanked the president and the deans.",
])
def test_a_lower_case_title_with_no_full_name_after_it_names_nobody(text):
    assert people_names(recognised(text)) == set()


@pytest.mark.parametrize("text, person", [
    ("2021-05-02 09:30:11 Xinhua Editor : Wang Fang ECNS App Download\n\nThe two sides met.", "Wang Fang"),
    ("Reporter: Anna Berg\nPhoto: campus news office", "Anna Berg"),
    ("Contact: Peter Olsen  E-mail: office@example.org", "Peter Olsen"),
    ("Translator: Liu Mei. The agreement runs five years.", "Liu Mei"),
])
def test_a_name_after_a_byline_label_and_a_colon_is_a_person(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "Editor: Science News Desk Reuters Online",
    "Contact: Foreign Affairs Office",
    "Author: anonymous",
])
def test_a_byline_label_before_no_personal_name_names_nobody(text):
    assert people_names(recognised(text)) == set()


@pytest.mark.parametrize("text, person", [
    ("President Tan Yimin Leads a Delegation to Visit UK and Ireland", "Tan Yimin"),
    ("Rector Anna Berg Visits Zhejiang University", "Anna Berg"),
    ("Professor Liu Wei Receives Award for Ocean Research", "Liu Wei"),
    ("Minister Peter Olsen Signs Agreement with Chinese Partners", "Peter Olsen"),
])
def test_a_headline_verb_after_a_name_is_no_part_of_it(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text, person", [
    ("Maria Lopes, an expert on marine policy and professor emeritus at Porto University, said the link matters.",
     "Maria Lopes"),
    ("As reported, Anna Berg, a professor at Lund University, joined the panel.", "Anna Berg"),
    ("The talk by Peter Olsen, a researcher at the institute, drew crowds.", "Peter Olsen"),
])
def test_a_name_before_an_apposition_with_an_article_and_a_title_is_a_person(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "Hong Kong Polytechnic, a member of the alliance, joined.",
    "New Zealand, a partner of long standing, sent experts.",
    "Zhejiang University, a leading institution, signed.",
])
def test_a_place_or_an_organisation_before_such_an_apposition_is_no_person(text):
    assert people_names(recognised(text)) == set()
