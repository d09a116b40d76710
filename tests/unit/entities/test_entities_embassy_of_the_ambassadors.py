"""A bare "the Embassy" in a text that names no embassy is the embassy of the one country whose ambassadors it names,
in the place they are sent to (issue 15). Ambassadors of two countries, or a named embassy, leave it unread.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import names_by_surface


@pytest.mark.parametrize("text, embassy", [
    ("The Kenyan Ambassador to Peru, Ms. Achieng Otieno, received the team at the Embassy.", "Kenyan Embassy in Peru"),
    ("The Chinese Ambassador met the rectors. Our Embassy will fund two chairs, the ambassador said.",
     "Chinese Embassy"),
    ("Ghanaian Ambassador Kofi Mensah toured the lab with other Embassy staff.", "Ghanaian Embassy"),
    ("The US Ambassador to Chile met students at the Embassy.", "US Embassy in Chile"),
    ("Sri Lankan Ambassador Nimal Perera hosted the rectors at the Embassy.", "Sri Lankan Embassy"),
    ("The Ambassador of Brazil to Egypt received the team at the Embassy.", "Embassy of Brazil in Egypt"),
])
def test_the_bare_embassy_is_the_ambassadors_embassy(text, embassy):
    assert names_by_surface(text)["Embassy"] == {embassy}


@pytest.mark.parametrize("text", [
    "The Kenyan Ambassador and the Ghanaian Ambassador met at the Embassy.",
    "The Kenyan Ambassador and the US Ambassador met at the Embassy.",  # a country written in capitals
    "The Kenyan Ambassador met the Ambassador of Brazil at the Embassy.",  # a country after "of"
    "The Kenyan Ambassador to Peru met the Embassy staff. The Embassy of Kenya in Lima sent a car.",
])
def test_two_countries_or_a_named_embassy_leave_the_bare_embassy_unread(text):
    names = names_by_surface(text)
    assert "Kenyan Embassy in Peru" not in {n for v in names.values() for n in v}
    assert names.get("Embassy") is None
