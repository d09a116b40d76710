"""A plural instrument whose partners are announced ("with four universities, namely A, B and C") is one agreement
with each; "the MoU between C and D was signed by ..." after one of A and B is another agreement."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names


@pytest.mark.parametrize("text, parties", [
    ("Hebei Normal University signed cooperation agreements with three foreign universities at the forum, namely the "
     "University of Ghana, the Tajik National University and Kazan Federal University.",
     [{"Hebei Normal University", "University of Ghana"}, {"Hebei Normal University", "Tajik National University"},
      {"Hebei Normal University", "Kazan Federal University"}]),
    ("Lund University signed memoranda of understanding with two partners: Tongji University and Fudan University.",
     [{"Lund University", "Tongji University"}, {"Lund University", "Fudan University"}]),
    ("The academy signed an agreement with two universities, namely Kazan Federal University and the University "
     "of Ghana.", [{"Kazan Federal University", "University of Ghana"}]),
    ("Hebei Normal University signed agreements with Kazan Federal University and the University of Ghana.",
     [{"Hebei Normal University", "Kazan Federal University"}, {"Hebei Normal University", "University of Ghana"}]),
    ("Fudan University signed agreements with several universities in Kenya, including the University of Nairobi and "
     "Moi University.", [{"Fudan University", "University of Nairobi"}, {"Fudan University", "Moi University"}]),
    ("During the visit, the delegation of Fudan University signed agreements with multiple world-class universities on "
     "talent cultivation.", []),
    ("Lund University has signed memoranda with a number of Chinese institutions on research.", []),
])
def test_partners_announced_after_namely_a_colon_or_including_and_partners_only_counted(text, parties):
    """Partners counted but not named ("with multiple universities") make no record: a summary of those told after."""
    rows = extract_rows(text)
    assert [party_names(rows, a) for a in rows["agreements"]] == parties


def test_a_pair_named_with_its_signers_is_another_agreement():
    rows = extract_rows(
        "Four universities signed two memoranda of understanding with each other on Monday. The memorandum between "
        "Lund University and Tongji University was signed by Provost of Lund University, Professor Anna Berg, and "
        "Vice President of Tongji University, Professor Li Wei. The MoU between Uppsala University and Fudan "
        "University was signed by Professor Erik Holm of Uppsala University and Professor Zhang Min of Fudan "
        "University.")
    pairs = [(party_names(rows, a), signer_names(rows, "signatory", a)) for a in rows["agreements"]]
    assert pairs == [({"Lund University", "Tongji University"}, {"Anna Berg", "Li Wei"}),
                     ({"Uppsala University", "Fudan University"}, {"Erik Holm", "Zhang Min"})]


def test_signers_of_the_same_pair_tell_the_agreement_again():
    rows = extract_rows("Lund University and Tongji University signed a memorandum on Monday. The memorandum was "
                        "signed by President Anna Berg of Lund University and President Li Wei of Tongji University.")
    assert [(party_names(rows, a), signer_names(rows, "signatory", a)) for a in rows["agreements"]] == [
        ({"Lund University", "Tongji University"}, {"Anna Berg", "Li Wei"})]


def test_the_two_universities_are_those_of_the_two_people_the_sentence_names():
    rows = extract_rows(
        "President Li Wei of Fudan University (FDU) visited Kenya. At Moi University, the two sides held talks. The "
        "delegation then visited the University of Nairobi (UON). President Li and UON Vice-Chancellor Peter Kamau "
        "witnessed the signing of an accord between the two universities.")
    assert [party_names(rows, a) for a in rows["agreements"]] == [{"Fudan University", "University of Nairobi"}]
