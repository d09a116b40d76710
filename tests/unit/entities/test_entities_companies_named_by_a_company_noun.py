"""Companies that a company noun classifies (issue 15): "the Chinese company Hualan Biologicals", "biotech
conglomerate BioFarmaco", "Romania's Nuclearo company", "Pix Motion, an unmanned technology company": a company needs
no suffix or head word when a noun says it is one (`company_nouns`). An owner before the name is none of its words; a
person, a place, a title, a word that describes ("Shenzhen-based") or a noun that says what the company does ("the
Internet company") is no company's name.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import recognised


def _companies(text: str) -> set[str]:
    ents = recognised(text)
    return {o.canonical_name for o in ents.orgs.values() if o.org_type == "enterprise"}


@pytest.mark.parametrize("text, company", [
    ("The deal was signed by the Chinese company Zhongwei Bioproducts and the institute.", "Zhongwei Bioproducts"),
    ("Ana Silva, head of Brazil's farm conglomerate AgroVerde, spoke.", "AgroVerde"),
    ("A letter between Poland's Energa Atomowa company and the university was signed.", "Energa Atomowa"),
    ("The guests visited Kolo Drive, a driverless vehicle company in Guiyang.", "Kolo Drive"),
    ("It works with the electric vehicle brand Voyah on batteries.", "Voyah"),
    ("Funding came from the e-commerce firm Tradewind Online last year.", "Tradewind Online"),
])
def test_a_name_a_company_noun_classifies_is_a_company(text, company):
    assert company in _companies(text)


@pytest.mark.parametrize("text", [
    "Every company came and each firm signed; another company joined.",
    "A Shenzhen-based company and a Sino-foreign firm signed.",
    "The Internet company and the energy firm met.",
    "The company President Li Wei spoke.",
    "The firm Zhang Wei founded has grown.",
    "A Kenyan company and a Beijing firm met.",
])
def test_no_company_from_determiners_descriptions_people_or_places(text):
    assert _companies(text) == set()
