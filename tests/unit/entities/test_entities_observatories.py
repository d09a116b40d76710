"""A network of observatories is a body (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


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
