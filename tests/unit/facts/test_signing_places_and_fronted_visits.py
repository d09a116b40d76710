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


@pytest.mark.parametrize("text, parties", [
    ("A memorandum of understanding was signed on 3 March. Under the MoU, Ghent University and Wuhan University "
     "will jointly train doctoral students.", ["Ghent University", "Wuhan University"]),
    ("A cooperation agreement was signed on 3 March. According to the agreement, the University of Porto and Fudan "
     "University will set up a joint laboratory.", ["Fudan University", "University of Porto"]),
])
def test_the_parties_of_a_signing_told_without_them_come_from_under_the_agreement(text, parties):
    assert _one(text)[0] == parties


def test_one_body_under_the_agreement_is_not_enough():
    rows = extract_rows("An agreement was signed on 3 March. Under the agreement, Fudan University will fund research.")
    assert rows["agreements"] == []
