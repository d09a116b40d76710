"""Where "and" ends one name and a place opens the next: "Nordwind Energy Forum Trust and Kenya Power Research
Institute", "... at Davis and China's Northwest University". A name opens with where (or whose) it is, so a place
after "and" starts a second name; inside one name "and" joins fields ("Science and Technology") or places that
stand on both sides of it ("Hong Kong and Macao Affairs Office"), and those stay whole (issue 15).

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import names_by_surface, org_names, recognised
from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("text, name, glued", [
    ("Helmfeld Energy Transition Trust and China Solar Storage Center signed an MoU on Monday.",
     "China Solar Storage Center", "Trust and China"),
    ("Delegates of Marlow Green Hydrogen Forum and Kenya Geothermal Research Institute met in May.",
     "Kenya Geothermal Research Institute", "Forum and Kenya"),
    ("The Arvo Quantum Programme and Jiangsu Photonics Research Institute held a workshop.",
     "Jiangsu Photonics Research Institute", "Programme and Jiangsu"),
    ("Staff of the Nordic Climate Dialogue and Wuhan Battery Industry Association met in Oslo.",
     "Wuhan Battery Industry Association", "Dialogue and Wuhan"),
    # a place's possessive after "and": the owner is no part of the second name either
    ("The University of California at Davis and China's Northwest Forestry University signed an agreement.",
     "Northwest Forestry University", "Davis and"),
    ("The Oslo Centre on Trade and Development and Saudi Arabia's Institute for Energy Studies met.",
     "Institute for Energy Studies", "Development and"),
    ("Researchers of the Lund Centre on Water and Peru's Institute of Andean Studies met in June.",
     "Institute of Andean Studies", "Water and"),
])
def test_a_place_after_and_opens_a_second_name(text, name, glued):
    names = org_names(recognised(text))
    assert name in names
    assert not any(glued in n for n in names)


@pytest.mark.parametrize("text, name", [
    ("The Hong Kong and Macao Affairs Office sent a letter.", "Hong Kong and Macao Affairs Office"),
    ("Guangzhou Women and Children's Medical Center opened a ward.", "Guangzhou Women and Children's Medical Center"),
    ("The Guangdong Science and Technology Department held a fair.", "Guangdong Science and Technology Department"),
    ("The Fujian Agriculture and Forestry University opened a lab.", "Fujian Agriculture and Forestry University"),
])
def test_and_between_fields_or_between_places_stays_inside_a_name(text, name):
    assert name in names_by_surface(text)


@pytest.mark.parametrize("text, party, glued", [
    ("The Oslo Centre on Trade and Development and Kazakhstan's Institute of Geology signed an MoU on 3 May 2019.",
     "Institute of Geology", " and Kazakhstan"),
    ("Baltic Wind Power Dialogue and Shandong Offshore Engineering Institute signed a cooperation agreement.",
     "Shandong Offshore Engineering Institute", " and Shandong"),
])
def test_the_party_after_and_is_read_on_its_own(text, party, glued):
    rows = extract_rows(text)
    (agreement,) = rows["agreements"]
    assert party in party_names(rows, agreement)
    assert not any(glued in p for p in party_names(rows, agreement))
