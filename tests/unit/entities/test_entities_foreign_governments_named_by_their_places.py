"""A subdivision or city abroad that acts is named by the place as writers name it (issue 15): a state, province or
voivodeship by its own name ("Manitoba", "Pomerania"), a region or oblast with its type word ("Gomel Oblast"), a
Korean province as its sources do ("North Chungcheong Provincial Government"), a city abroad by its name; and each such
government leads back to its place.

Every sentence here is written for these tests.
"""
import pytest

from pipeline.core.entities.orgs import org_namer
from tests.support.rules import default_rulebook
from tests.unit.entity_rows import recognised

# the sentence -> the government's name and region
_ACTING = {
    "Sichuan Province and Manitoba Province signed a pact on grain research.": ("Manitoba", "CA-MB"),
    "Jiangsu Province and Pomorskie Voivodeship signed a pact on ports.": ("Pomerania", "PL-22"),
    "Hunan Province and Vitebsk Region signed a pact on flax.": ("Vitebsk Oblast", "BY-VI"),
    "Shanxi Province and the State of Minas Gerais signed a pact on mining.": ("Minas Gerais", "BR-MG"),
    "Jilin Province and Chungcheongbuk-do signed a pact on batteries.": ("North Chungcheong Provincial Government",
                                                                        "KR-43"),
}


@pytest.mark.parametrize("text", _ACTING)
def test_an_acting_subdivision_abroad_is_named_by_its_place(text):
    governments = {(o.canonical_name, o.region_code) for o in recognised(text).orgs.values() if o.org_type == "government"}
    assert _ACTING[text] in governments


@pytest.mark.parametrize("place", ["Manitoba Province", "Pomorskie Voivodeship", "Vitebsk Region", "Minas Gerais State",
                                   "Chungcheongbuk-do", "Aarhus", "Queensland State"])
def test_a_government_abroad_leads_back_to_its_place(place):
    namer = org_namer(default_rulebook())
    ref = namer.place(place)
    assert namer.jurisdiction_of(namer.government_of(ref)) == ref
