"""A jurisdiction whose delegation it is acts through its government; a network of observatories is a body
(issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


@pytest.mark.parametrize("text, surface, name", [
    ("The Goiás delegation led by its governor arrived on Monday.", "Goiás", "Government of Goiás"),
    ("A Hubei Province delegation came to Lisbon.", "Hubei Province", "Hubei Provincial Government"),
    ("The Anhui government delegation toured the park.", "Anhui", "Anhui Provincial Government"),
    ("Members of the Minas Gerais delegations met.", "Minas Gerais", "Government of Minas Gerais"),
    ("The New South Wales delegation met us.", "New South Wales", "Government of New South Wales"),
])
def test_a_jurisdiction_s_delegation_is_its_government_s(text, surface, name):
    assert [(s, n) for s, _, _, n in org_mentions(recognised(text))] == [(surface, name)]


@pytest.mark.parametrize("text", [
    "A delegation visited Hubei Province in May.",
    "The Paris delegation office opened.",  # a city abroad: no government the reference data can name
    "Hubei Province hosted the delegation.",
])
def test_a_place_beside_no_delegation_of_its_own_sends_none(text):
    assert org_mentions(recognised(text)) == []


@pytest.mark.parametrize("text, name", [
    ("The lab is part of the Critical Zone of Observatories - a world network.", "Critical Zone of Observatories"),
    ("She joined the Joint Solar Observatories of Yunnan in 2019.", "Joint Solar Observatories of Yunnan"),
])
def test_a_body_named_for_its_observatories(text, name):
    ents = recognised(text)
    assert [n for *_, n in org_mentions(ents)] == [name]
    assert next(iter(ents.orgs.values())).org_type == "research_institute"


def test_the_observatories_of_china_are_the_known_body():
    ents = recognised("The National Astronomical Observatories of China signed.")
    assert [n for *_, n in org_mentions(ents)] == ["National Astronomical Observatories, Chinese Academy of Sciences"]
