"""A country's government written in lower case after its demonym or name, and a mission "to" a country, which is
the mission "in" it (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


@pytest.mark.parametrize("text, surface, name", [
    ("The station was funded by the Chinese government in full.", "Chinese government",
     "Government of China"),
    ("It was handed over to the Kenyan government on Monday.", "Kenyan government", "Government of Kenya"),
    ("In 2016, the Hungarian government launched a plan.", "Hungarian government", "Government of Hungary"),
    ("The South African government agreed.", "South African government", "Government of South Africa"),
    ("Singapore's government will fund half.", "Singapore's government", "Government of Singapore"),
])
def test_a_country_s_government_in_lower_case(text, surface, name):
    ents = recognised(text)
    assert [(s, n) for s, _, _, n in org_mentions(ents)] == [(surface, name)]
    org = next(iter(ents.orgs.values()))
    assert (org.org_type, org.region_code) == ("government", None)


@pytest.mark.parametrize("text", [
    "The student government met on Friday.",
    "The Global government summit opened.",
    "Good government matters, said Li.",
])
def test_a_government_after_no_country_is_none(text):
    assert org_mentions(recognised(text)) == []


@pytest.mark.parametrize("text, names", [
    ("A statement from the Chinese Embassy to Sri Lanka said so. The Chinese Embassy in Sri Lanka added more.",
     {"Chinese Embassy in Sri Lanka"}),
    ("The Embassy of Hungary to China and the Embassy of Hungary in China are one mission.",
     {"Embassy of Hungary in China"}),
    ("The French Consulate General to Shanghai opened.", {"French Consulate General in Shanghai"}),
])
def test_a_mission_to_a_place_is_the_mission_in_it(text, names):
    ents = recognised(text)
    assert {n for *_, n in org_mentions(ents)} == names
    assert len(ents.orgs) - sum(o.org_type == "government" for o in ents.orgs.values()) == 1
