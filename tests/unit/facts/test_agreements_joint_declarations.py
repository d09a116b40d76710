"""A joint declaration signed by two sides is an instrument of type `other` (issue 15: instruments not read as
agreements); named without a signing verb it is none. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names


@pytest.mark.parametrize("sentence, parties", [
    ("Fudan University and the University of Oslo signed a joint declaration on climate research.",
     {"Fudan University", "University of Oslo"}),
    ("The Hubei Provincial Government and Kyoto University inked a joint declaration on ageing research.",
     {"Hubei Provincial Government", "Kyoto University"}),
    ("Nanjing University signed a joint declaration with the University of Ghent on marine science.",
     {"Nanjing University", "University of Ghent"}),
])
def test_a_signed_joint_declaration_is_an_instrument(sentence, parties):
    rows = extract_rows(sentence)
    (a,) = rows["agreements"]
    assert a["agreement_type"] == "other"
    assert party_names(rows, a) == parties


def test_the_signers_of_a_joint_declaration_are_its_signatories():
    rows = extract_rows("Professor Wang Tao, president of Fudan University, and Professor Anne Berg, rector of the "
                        "University of Oslo, signed a joint declaration on polar research.")
    (a,) = rows["agreements"]
    assert a["agreement_type"] == "other"
    assert signer_names(rows, "signatory", a) == {"Wang Tao", "Anne Berg"}


@pytest.mark.parametrize("sentence", [
    "The joint declaration of 2015 called for closer ties between Fudan University and the University of Oslo.",
    "Fudan University and the University of Oslo welcomed the joint declaration issued by the two governments.",
])
def test_a_joint_declaration_not_signed_in_the_sentence_is_no_instrument(sentence):
    assert extract_rows(sentence)["agreements"] == []
