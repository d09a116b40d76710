"""An acronym the reference data gives to one body, written in a text about another it spells (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


def _acronym_owner(ents, acronym):
    owners = {name for surface, *_, name in org_mentions(ents) if surface == acronym}
    assert len(owners) == 1, owners
    return owners.pop()


@pytest.mark.parametrize("text, acronym, owner", [
    ("National Taiwan University signed an MOU in May. NTU will host twenty students.",
     "NTU", "National Taiwan University"),
    ("Students of NTU met staff of National Taiwan University, their hosts.", "NTU", "National Taiwan University"),
    ("City University of Macau opened a lab with Peking University. CityU will fund it.",
     "CityU", "City University of Macau"),
])
def test_a_known_acronym_is_the_body_the_document_names_that_it_spells(text, acronym, owner):
    ents = recognised(text)
    assert _acronym_owner(ents, acronym) == owner
    assert {name for *_, name in org_mentions(ents)} >= {owner}
    assert next(o for o in ents.orgs.values() if o.canonical_name == owner).acronym == acronym
    assert not any(o.acronym == acronym and o.canonical_name != owner for o in ents.orgs.values())


@pytest.mark.parametrize("text, acronym, owner", [
    ("NTU and Lanzhou University signed a plan.", "NTU", "Nanyang Technological University"),  # spells no other
    ("Nanyang Technological University and National Taiwan University met. NTU spoke first.",
     "NTU", "Nanyang Technological University"),  # its own body is named in full
    ("City University of Hong Kong and City University of Macau met. CityU spoke first.",
     "CityU", "City University of Hong Kong"),
])
def test_a_known_acronym_stays_its_own_body(text, acronym, owner):
    assert _acronym_owner(recognised(text), acronym) == owner


def test_a_typo_with_a_letter_too_many_is_the_same_acronym():
    text = "City University of Macau hosted the forum. CityU staff and CityuU students attended."
    ents = recognised(text)
    assert {name for surface, *_, name in org_mentions(ents) if surface in ("CityU", "CityuU")} == {
        "City University of Macau"}
