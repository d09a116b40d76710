"""The region of a body whose country is known and whose name names a place of that country (issue 15): a university
of the broad world list ("Omsk State University", "University of Perugia"), a body a country's demonym owns, and a
consulate in a city. Every sentence here is written for these tests."""
import pytest

from pipeline.core.entities.orgs import org_namer
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import recognised


def _orgs(text):
    return {o.canonical_name: o for o in recognised(text).orgs.values()}


@pytest.mark.parametrize("text, name, region", [
    ("A delegation from Omsk State University arrived on Monday.", "Omsk State University", "RU-OMS"),
    ("The memorandum was signed with the University of Perugia last week.", "University of Perugia", "IT-55"),
    ("Researchers of Gaziantep University and their hosts opened a joint centre.", "Gaziantep University", "TR-27"),
    ("Students of Lviv Polytechnic National University will spend a term in Harbin.",
     "Lviv Polytechnic National University", "UA-46"),
    ("The institute signed an agreement with the University of Tasmania.", "University of Tasmania", "AU-TAS"),
    ("Cebu Normal University hosted the visitors.", "Cebu Normal University", "PH-07"),
])
def test_a_listed_body_takes_the_region_of_a_place_of_its_country_in_its_name(text, name, region):
    orgs = _orgs(text)
    assert orgs[name].region_code == region


@pytest.mark.parametrize("name, country, region", [
    ("Lima Institute of Technology", "PE", "PE-LMA"),
    ("Juan Perez University of Cusco", "PE", "PE-CUS"),  # the place after "of", not the founder's name
    ("Kenyan Institute of Nairobi", "KE", "KE-30"),
    # a place's name right after a capitalised word that heads no name is a person's the body honours
    ("Pedro Lima Institute", "PE", None),
    ("Carlos Cusco Academy", "PE", None),
    # a place of another country than the body's gives it no region
    ("Nairobi Institute", "UG", None),
    # China's bodies take their regions from the curated list and the name shapes
    ("Wuhan Institute", "CN", None),
])
def test_the_region_within_a_name_is_a_place_of_the_body_s_country(name, country, region):
    assert org_namer(default_rulebook()).region_within(name, country) == region


@pytest.mark.parametrize("text, name, region, country", [
    ("The Italian Consulate General in Guangzhou joined the fair.", "Italian Consulate General in Guangzhou",
     "CN-GD", "IT"),
    ("A reception was held at the Russian Consulate General in Shenyang.", "Russian Consulate General in Shenyang",
     "CN-LN", "RU"),
    ("Officials from the Consulate General of Poland in Chengdu visited the lab.",
     "Consulate General of Poland in Chengdu", "CN-SC", "PL"),
])
def test_a_consulate_serves_the_region_of_the_city_it_is_in(text, name, region, country):
    org = _orgs(text)[name]
    assert (org.region_code, org.country_code) == (region, country)


@pytest.mark.parametrize("text, name", [
    ("A letter from the Embassy of Chile in Beijing arrived.", "Embassy of Chile in Beijing"),
    ("The French Embassy in Shanghai sent two officials.", "French Embassy in Shanghai"),
])
def test_an_embassy_speaks_for_its_state_and_has_no_region(text, name):
    assert _orgs(text)[name].region_code is None
