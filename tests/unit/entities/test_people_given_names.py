"""People written with no honorific and no title before them, known by a common given name ("said Anna Lindqvist,
...", "met with Oleg Petrenko"), and personal names at the end of an organisation's capitalised run, which the
organisation's name does not swallow ("Dean of the Faculty of Law Zhang Hua signed ...")."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("The results matter, said Henrik Lindqvist, Regional Sales Director, Nordic Markets.", "Henrik Lindqvist"),
    ("The guests met with Pierre Marchand, vice-president of the school, on Monday.", "Pierre Marchand"),
    ("The team talked with Oleg Petrenko, who is in charge of outreach.", "Oleg Petrenko"),
    ("Margaret Otieno, a teacher in Kisumu, says the course helped her.", "Margaret Otieno"),
    ("A second student, Carlos Mendes Ferreira, also received a grant.", "Carlos Mendes Ferreira"),
    ("Among those present were Ingrid Solberg and Tomasz Wilk.", "Tomasz Wilk"),
    ("Among those present were Ingrid Solberg and Tomasz Wilk.", "Ingrid Solberg"),
    ("The film follows its founder, Gustavo Ribera.", "Gustavo Ribera"),
])
def test_a_common_given_name_and_a_family_name_are_a_person(text, person):
    assert person in people_names(recognised(text))


@pytest.mark.parametrize("text", [
    "The George Washington University signed the memorandum.",
    "The Jean Monnet Centre hosted the seminar.",
    "Delegates visited Universidad Carlos III de Madrid last week.",
    "The students toured Victoria Harbour and the Peak.",
    "They met in Ivanovo Region in May.",
])
def test_a_given_name_inside_the_name_of_a_body_or_a_place_is_no_person(text):
    assert people_names(recognised(text)) == set()


@pytest.mark.parametrize("text, person, org", [
    ("The Dean of the Faculty of Law Zhang Hua signed for the university.", "Zhang Hua", "Faculty of Law"),
    ("The Head of the Water Department of Tomsk City Administration Irina Volkova spoke first.", "Irina Volkova",
     "Water Department of Tomsk City Administration"),
    ("It was signed by the Russian Academy of Sciences Academician Pavel Orlov.", "Pavel Orlov",
     "Russian Academy of Sciences"),
    ("Editor: Kenny Cheung    Foreign Affairs Office", "Kenny Cheung", "Foreign Affairs Office"),
])
def test_a_personal_name_after_an_organisations_name_is_no_part_of_it(text, person, org):
    ents = recognised(text)
    assert person in people_names(ents)
    assert org in org_names(ents)


@pytest.mark.parametrize("text, org", [
    ("Delegates from Universidad Central “Marta Abreu” de Las Villas arrived.",
     "Universidad Central “Marta Abreu” de Las Villas"),
    ("Sun Yat-sen University and Beijing Jiao Tong University signed.", "Sun Yat-sen University"),
    ("The City University of Hong Kong sent a team.", "City University of Hong Kong"),
])
def test_a_patron_or_a_place_in_an_organisations_name_stays_in_it(text, org):
    ents = recognised(text)
    assert org in org_names(ents)
    assert people_names(ents) == set()


@pytest.mark.parametrize("text, person", [
    ("The delegation was led by Ahmad Faizal Rahman, the state's minister. Ahmad Faizal said the visit mattered.",
     "Ahmad Faizal Rahman"),
    ("Professor Maria Lopes Duarte opened the day. Later Maria Lopes thanked the hosts.", "Maria Lopes Duarte"),
])
def test_a_shorter_form_of_a_name_given_in_full_before_is_that_person(text, person):
    assert people_names(recognised(text)) == {person}
