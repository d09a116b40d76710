"""One plural "governments" after a list of owners (issue 15): "the Chinese and Samoan Governments", "the Kenyan,
Ugandan and Chinese governments", "Shenzhen Municipality and Pingshan District Governments" name one government per
owner, each a country (by its name or its people's word) or a jurisdiction. A list with an owner nobody knows is left
alone.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised

CHINA = "Government of China"


@pytest.mark.parametrize("text, governments", [
    ("The farm was a project of the Chinese and Tongan Governments.",
     [("Chinese", CHINA), ("Tongan", "Government of Tonga")]),
    ("The Peruvian and Chinese governments signed two plans.",
     [("Peruvian", "Government of Peru"), ("Chinese", CHINA)]),
    ("The Kenyan, Ugandan and Chinese governments met in Nairobi.",
     [("Kenyan", "Government of Kenya"), ("Ugandan", "Government of Uganda"), ("Chinese", CHINA)]),
    ("It was set up by the Hubei Province and Wuhan Municipal Governments.",
     [("Hubei Province", "Hubei Provincial Government"), ("Wuhan", "Wuhan Municipal Government")]),
    ("Officials of the Chinese and Hunan provincial governments came.",
     [("Chinese", CHINA), ("Hunan", "Hunan Provincial Government")]),
])
def test_each_owner_before_a_plural_governments_is_a_government(text, governments):
    found = [(surface, name) for surface, *_, name in org_mentions(recognised(text))]
    assert found == governments


@pytest.mark.parametrize("text", [
    "Both the Hunan and Zorblan governments met.",
    "Local and regional governments took part.",
    "The Science and Technology governments forum opened.",
])
def test_a_list_with_an_owner_nobody_knows_names_no_government(text):
    assert [name for *_, name in org_mentions(recognised(text)) if "Government" in name] == []
