"""Where an agreement was signed, in the constructions of other outlets; a fronted visit names where, not who.
Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, place_name


def _one(text):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    return sorted(party_names(rows, a)), place_name(rows, a)


@pytest.mark.parametrize("text, place", [
    ("Ghent University signed an agreement with Wuhan University on 3 March. The ceremony, held at the Hilton Hotel "
     "in Jakarta, was attended by 200 guests.", "Jakarta"),
    ("Ghent University signed an agreement with Wuhan University on 3 March. The ceremony took place in Lisbon.",
     "Lisbon"),
    ("Ghent University and Wuhan University signed an agreement in the Kenyan capital Nairobi on 3 March.",
     "Nairobi"),
    ("Ghent University and Wuhan University inked a memorandum of understanding in the port city of Qingdao on "
     "3 March.", "Qingdao"),
])
def test_the_signing_place(text, place):
    assert _one(text) == (["Ghent University", "Wuhan University"], place)


@pytest.mark.parametrize("opening, place", [
    ("During his visit to Kazakhstan", "Kazakhstan"),
    ("During a trip to Chile", "Chile"),
    ("On her visit to Hungary", "Hungary"),
])
def test_a_fronted_visit_places_the_signing_and_is_no_party(opening, place):
    text = (f"{opening}, Rector Anna Peeters of Ghent University signed an agreement with Wuhan University on "
            "3 March.")
    assert _one(text) == (["Ghent University", "Wuhan University"], place)
