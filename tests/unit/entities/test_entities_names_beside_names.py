"""Where an organisation's name stops and a person's begins: a wide gap between page columns, a titled name after
the organisation it belongs to, and Chinese names holding a word the stop list keeps out of names (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_names, people_names, recognised


# ---------------------------------------------------------------- a page's columns are no name
@pytest.mark.parametrize("text, person, org", [
    ("Photos of the day\n\nEditor : Anna Berg    Foreign Affairs Office      Updated: May 3rd, 2014",
     "Anna Berg", "Foreign Affairs Office"),
    ("Editor: Tom Hale     International Office\nPhone: 123", "Tom Hale", "International Office"),
    ("Reporter : Liu Yang      Publicity Department", "Liu Yang", "Publicity Department"),
])
def test_a_wide_gap_ends_a_name(text, person, org):
    ents = recognised(text)
    assert people_names(ents) == {person}
    assert org_names(ents) == {org}


def test_a_single_space_keeps_a_name_whole():
    ents = recognised("Officials of the Foreign Affairs Office met the guests.")
    assert org_names(ents) == {"Foreign Affairs Office"}


# ---------------------------------------------------------------- a titled person after the organisation's name
@pytest.mark.parametrize("text, person, org", [
    ("The prize was given by the Dean of the Faculty of Data Science Zhou Wanlei on Monday.",
     "Zhou Wanlei", "Faculty of Data Science"),
    ("It was opened by Vice-President and Dean of the School of Law Huang Mingde in May.",
     "Huang Mingde", "School of Law"),
    ("A speech came from Chinese Academy of Sciences Academician Fang Ming at noon.",
     "Fang Ming", "Chinese Academy of Sciences"),
    ("He met the Director of the Department of Physics of Fudan University Li Ming.",
     "Li Ming", "Department of Physics of Fudan University"),
])
def test_a_titled_name_after_an_organisation_is_a_person(text, person, org):
    ents = recognised(text)
    assert people_names(ents) == {person}
    assert org in org_names(ents)
    assert not any(person.split()[0] in name for name in org_names(ents))


@pytest.mark.parametrize("text, people, orgs", [
    ("At the signing, Dean of the School of Law Huang Mingde and Peking University Vice President Li Ming spoke.",
     {"Huang Mingde", "Li Ming"}, {"School of Law", "Peking University"}),
    ("Then Director of the Department of Physics Wang Lei and Tsinghua University Professor Zhang Wei signed.",
     {"Wang Lei", "Zhang Wei"}, {"Department of Physics", "Tsinghua University"}),
])
def test_two_titled_names_after_organisations_in_one_run(text, people, orgs):
    ents = recognised(text)
    assert people_names(ents) == people
    assert org_names(ents) == orgs


@pytest.mark.parametrize("text, org", [
    ("Researchers of the Institute of Physics came.", "Institute of Physics"),
    ("The Zhou Enlai Peace Institute opened.", "Zhou Enlai Peace Institute"),  # a name inside, before its head
])
def test_an_organisation_without_a_person_after_it_keeps_its_name(text, org):
    ents = recognised(text)
    assert org_names(ents) == {org}
    assert people_names(ents) == set()


# ---------------------------------------------------------------- a Chinese name holding a stop word
@pytest.mark.parametrize("text, person", [
    ("Dr. Jun Pan, head of planning, spoke first.", "Jun Pan"),
    ("The visit came at the invitation of Prof.  Lizhe An.", "Lizhe An"),
    ("Professor Jun Li opened the meeting.", "Jun Li"),
    ("Dr. Li An and the guests toured the lab.", "Li An"),
])
def test_a_stop_word_that_is_a_chinese_name_after_an_honorific(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "Professor An Introduction to Physics was the book he wrote.",  # no family name and given name
    "The meeting was held on 3 Jun 2019 in the hall.",  # no honorific
])
def test_a_stop_word_without_a_chinese_pair_is_no_name(text):
    assert people_names(recognised(text)) == set()


@pytest.mark.parametrize("text, person", [
    ("Deputy PM Anna Nowak said so.", "Anna Nowak"),
    ("The PM Boris Kell arrived.", "Boris Kell"),
])
def test_pm_is_a_title_not_a_name_word(text, person):
    assert people_names(recognised(text)) == {person}
