"""The type of a university's office for its dealings abroad and of a hosted teaching unit (issue 15): "the
International Office", "the Office of Global Engagement", "the Confucius Institute of Tirana" are units of a
university, not a state's office or a research institute. Every sentence here is written for these tests."""
import pytest

from tests.unit.entity_rows import recognised


def _types(text):
    return {o.canonical_name: o.org_type for o in recognised(text).orgs.values()}


@pytest.mark.parametrize("text, name", [
    ("Staff of the International Office welcomed the students.", "International Office"),
    ("The Office of International Cooperation and Exchange arranged the visit.",
     "Office of International Cooperation and Exchange"),
    ("A letter from the International Affairs Office reached the partners.", "International Affairs Office"),
    ("The Office of Academic Partnerships signed for the college.", "Office of Academic Partnerships"),
    ("Officials of the Office of Global Engagement toured the campus.", "Office of Global Engagement"),
])
def test_an_office_for_dealings_abroad_of_no_state_is_a_university_unit(text, name):
    assert _types(text)[name] == "university_unit"


@pytest.mark.parametrize("text, name, org_type", [
    # a government's office is named for its place or state
    ("The Hubei Foreign Affairs Office hosted a dinner.", "Hubei Provincial Foreign Affairs Office",
     "government_department"),
    ("The Municipal International Exchange Office sent a car.", "Municipal International Exchange Office", "other"),
    # an office with no dealings abroad in its name stays a body of no known kind
    ("The Press Office issued a statement.", "Press Office", "other"),
    # nor does one with a remit of its own beside the words for dealings abroad
    ("The International Labour Office issued a statement.", "International Labour Office", "other"),
    ("The Global Health Office issued a statement.", "Global Health Office", "other"),
])
def test_other_offices_keep_their_type(text, name, org_type):
    assert _types(text)[name] == org_type


@pytest.mark.parametrize("text, name", [
    ("Teachers of the Confucius Institute of Tirana gave a concert.", "Confucius Institute of Tirana"),
    ("The Confucius Institute will offer evening classes.", "Confucius Institute"),
    ("The Nairobi Confucius Institute opened a library.", "Nairobi Confucius Institute"),
])
def test_a_hosted_teaching_unit_is_a_university_unit_and_no_research_institute(text, name):
    assert _types(text)[name] == "university_unit"


def test_the_hosted_units_headquarters_is_no_unit():
    assert _types("The Confucius Institute Headquarters sent two advisers.")["Confucius Institute Headquarters"] \
        != "university_unit"
