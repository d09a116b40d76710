"""Names that end like a firm's, an event's or a document's ("Silk Road Capital", "Green Valley", "Demo Day") are
no person beside a person or before an apposition, and no company after a company noun. Sentences written for these tests (the review of the tenth session's rules)."""
import pytest

from tests.unit.entity_rows import recognised


def _people(text):
    return {p.full_name for p in recognised(text).people.values()}


def _orgs(text):
    return {o.canonical_name for o in recognised(text).orgs.values()}


@pytest.mark.parametrize("text, not_a_person", [
    ("Silk Road Capital, the main investor in the project, opened an office in Nairobi.", "Silk Road Capital"),
    ("Blue Ocean Marine, the lead engineer of the consortium, built the buoys.", "Blue Ocean Marine"),
    ("Professor Li Wei and Silk Road Ventures signed the deal on Monday.", "Silk Road Ventures"),
    ("Professor Li Wei and Green Valley both spoke at the opening.", "Green Valley"),
    ("Dr. Anna Berg, Tom Walker and Harbour Island attended.", "Harbour Island"),
])
def test_a_firm_s_or_a_place_s_name_is_no_person(text, not_a_person):
    assert not_a_person not in _people(text)


@pytest.mark.parametrize("text, person", [
    ("Professor Li Wei and Tom Walker signed the deal on Monday.", "Tom Walker"),
    ("Maria Santos, the lead engineer of the consortium, built the buoys.", "Maria Santos"),
])
def test_people_stay_people(text, person):
    assert person in _people(text)


@pytest.mark.parametrize("text, not_a_company", [
    ("The winners pitched at a startup Demo Day in Shenzhen.", "Demo Day"),
    ("The firm Annual Report lists three new partners.", "Annual Report"),
    ("He visited the company Innovation Week stand.", "Innovation Week"),
])
def test_an_event_or_a_document_after_a_company_noun_is_no_company(text, not_a_company):
    assert not_a_company not in _orgs(text)


def test_a_company_noun_still_names_a_company():
    assert "Hualan Biologicals" in _orgs("The agreement was signed with the Chinese company Hualan Biologicals.")


def test_a_company_s_name_does_not_run_over_a_line_break():
    names = _orgs("Shares rose at the carmaker Nordwind\nAero on Friday.")
    assert not any("\n" in n for n in names)
