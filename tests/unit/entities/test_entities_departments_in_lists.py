"""Departments named for several places at once, remits listed with an Oxford comma, and subdivisions abroad whose
names read like a Chinese person's (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, people_names, recognised


def _orgs(ents):
    return {(surface, name, ents.orgs[oid].region_code) for surface, name, oid in
            ((m.surface, ents.orgs[m.entity_id].canonical_name, m.entity_id) for m in ents.mentions
             if m.entity_type == "organization")}


@pytest.mark.parametrize("text, expected", [
    ("The plan was signed by the Departments of Education and Training of Quang Ninh, Lang Son, and Ha Giang.",
     {("Quang Ninh", "Department of Education and Training of Quang Ninh", "VN-13"),
      ("Lang Son", "Department of Education and Training of Lang Son", "VN-09"),
      ("Ha Giang", "Department of Education and Training of Ha Giang", "VN-03")}),
    ("Officials of the Departments of Health of Cao Bang and Lai Chau met on Monday.",
     {("Cao Bang", "Department of Health of Cao Bang", "VN-04"),
      ("Lai Chau", "Department of Health of Lai Chau", "VN-01")}),
    ("The Bureaus of Science and Technology of Hubei Province and Hunan Province held a fair.",
     {("Hubei Province", "Hubei Provincial Science and Technology Bureau", "CN-HB"),
      ("Hunan Province", "Hunan Provincial Science and Technology Bureau", "CN-HN")}),
])
def test_a_plural_department_is_one_department_per_place_listed(text, expected):
    ents = recognised(text)
    assert _orgs(ents) == expected
    assert {ents.orgs[m.entity_id].org_type for m in ents.mentions if m.entity_type == "organization"} == {
        "government_department"}
    assert people_names(ents) == set()


@pytest.mark.parametrize("text", [
    "The Departments of Physics of several universities met.",  # no place after "of"
    "The Offices of the two presidents were moved.",
])
def test_a_plural_head_without_places_names_no_department(text):
    assert org_mentions(recognised(text)) == []


@pytest.mark.parametrize("text, name", [
    ("Officials from the Department of Labour, Invalids, and Social Affairs of Ha Giang came.",
     "Department of Labour, Invalids, and Social Affairs of Ha Giang"),
    ("The Ministry of Industry, Trade, and Labour signed it.", "Ministry of Industry, Trade, and Labour"),
    ("The Ministry of Industry, Trade and Labour signed it.", "Ministry of Industry, Trade and Labour"),
])
def test_a_remit_listed_with_an_oxford_comma_stays_in_the_name(text, name):
    ents = recognised(text)
    assert [(s, n) for s, _, _, n in org_mentions(ents)] == [(name, name)]


def test_an_and_after_a_single_remit_comma_starts_another_name():
    ents = recognised("The Ministry of Education, and Tsinghua University signed it.")
    assert [n for *_, n in org_mentions(ents)] == ["Ministry of Education", "Tsinghua University"]


@pytest.mark.parametrize("text, people", [
    ("Traders from Cao Bang and Lai Chau came to the fair.", set()),
    ("Teachers went to Hung Yen last week.", set()),
    ("Xu Qin and Hu Wei signed the plan.", {"Xu Qin", "Hu Wei"}),
])
def test_a_subdivision_abroad_named_like_a_chinese_person_is_no_person(text, people):
    assert people_names(recognised(text)) == people
