"""'A and B also inked a memorandum': "also" before a signing verb with an indefinite object tells one more instrument
between parties already reported, not the one before told again (issue 15), on sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


def _told(rows):
    return sorted((a["agreement_type"], tuple(sorted(party_names(rows, a)))) for a in rows["agreements"])


@pytest.mark.parametrize("first, second, kinds", [
    ("Fudan University and Jilin University signed an agreement to set up a joint laboratory.",
     "Fudan University and Jilin University also inked a memorandum of understanding on student exchange.",
     ["cooperation_agreement", "memorandum_of_understanding"]),
    ("Ghent University signed an agreement with Zhejiang University on Monday.",
     "Ghent University has also signed a memorandum of understanding with Zhejiang University.",
     ["cooperation_agreement", "memorandum_of_understanding"]),
    ("On Friday the University of Lagos and Wuhan University sealed a deal on joint degrees.",
     "The University of Lagos and Wuhan University also formally signed a letter of intent on a joint institute.",
     ["cooperation_agreement", "letter_of_intent"]),
])
def test_also_with_an_indefinite_instrument_is_one_more_agreement(first, second, kinds):
    rows = extract_rows(f"{first} {second}")
    assert sorted(a["agreement_type"] for a in rows["agreements"]) == kinds
    assert len({tuple(sorted(party_names(rows, a))) for a in rows["agreements"]}) == 1


@pytest.mark.parametrize("second", [
    "Fudan University and Jilin University also signed the memorandum of understanding.",  # definite: told again
    "Fudan University and Jilin University signed a memorandum of understanding.",  # no "also": told again
])
def test_without_also_or_with_a_definite_instrument_it_is_the_one_told_before(second):
    rows = extract_rows("Fudan University and Jilin University sign MoU on joint research.\n\n" + second)
    assert _told(rows) == [("memorandum_of_understanding", ("Fudan University", "Jilin University"))]


def test_also_with_the_same_kind_of_instrument_is_the_headline_told_again():
    rows = extract_rows("Fudan University and Jilin University sign MoU on joint research.\n\nOn Monday, Fudan "
                        "University hosted a forum on genomics. Fudan University and Jilin University also signed a "
                        "memorandum of understanding on joint research.")
    assert _told(rows) == [("memorandum_of_understanding", ("Fudan University", "Jilin University"))]
