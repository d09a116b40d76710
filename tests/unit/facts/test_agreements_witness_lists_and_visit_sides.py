"""Witnesses named in a sentence of their own by a list cue ("Witnesses to this ceremony included A",
"A and B were witnesses", "conducted the signing ceremony in the presence of A"), and the two sides of a
visit whose visitors are named after the delegation noun ("A delegation from X paid a visit to Y. The two
parties signed ..."), on sentences written for these tests (issue 15)."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names

_SIGNING = ("Professor Wang Tao of Fudan University and Professor Liu Bo of Jilin University signed a memorandum of "
            "understanding on joint research. ")


@pytest.mark.parametrize("witnessed", [
    "Witnesses to this ceremony included Mr Chen Yu, Director of the Overseas Office, and Ms Zhao Li.",
    "Witnesses to the signing ceremony included Vice Minister Chen Yu and Ms Zhao Li, Dean of the Law School.",
    "The witnesses were Vice Minister Chen Yu and Governor Zhao Li.",
    "Vice Minister Chen Yu and Governor Zhao Li were witnesses.",
    "Vice Minister Chen Yu and Governor Zhao Li were the witnesses.",
    "Following this, the two professors conducted the signing ceremony in the presence of Vice Minister Chen Yu and "
    "Governor Zhao Li.",
])
def test_witnesses_listed_in_a_sentence_of_their_own(witnessed):
    rows = extract_rows(_SIGNING + witnessed)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}
    assert signer_names(rows, "signatory") == {"Wang Tao", "Liu Bo"}
    assert signer_names(rows, "witness") == {"Chen Yu", "Zhao Li"}


@pytest.mark.parametrize("aside", [
    "The witnesses were impressed by the speed of the talks, said Vice Minister Chen Yu.",
    "Witnesses included a number of students, according to Governor Zhao Li.",
])
def test_a_list_cue_followed_by_no_names_names_no_witness(aside):
    rows = extract_rows(_SIGNING + aside)
    assert signer_names(rows, "witness") == set()


def test_a_ceremony_witnessed_by_someone_after_a_signing_names_the_witness():
    rows = extract_rows(_SIGNING + "The two put pen to paper in a ceremony witnessed by Vice Minister Chen Yu.")
    (a,) = rows["agreements"]
    assert signer_names(rows, "witness", a) == {"Chen Yu"}


@pytest.mark.parametrize("text", [
    "Vice Minister Chen Yu and Governor Zhao Li were witnesses.",
    "Witnesses to the ceremony included Vice Minister Chen Yu and Governor Zhao Li.",
    "Governor Zhao Li opened the exhibition in the presence of Vice Minister Chen Yu.",
])
def test_a_witness_list_with_no_signing_before_makes_nothing(text):
    assert extract_rows(text)["agreements"] == []


def test_witnesses_of_an_opening_are_not_witnesses_of_the_signing_before():
    rows = extract_rows(_SIGNING + "Governor Zhao Li opened the exhibition in the presence of Vice Minister Chen Yu.")
    assert signer_names(rows, "witness") == set()


@pytest.mark.parametrize("visit, host, visitor", [
    ("A delegation from Ghent University paid a visit to Fudan University on November 22.",
     "Fudan University", "Ghent University"),
    ("A delegation of five from Nankai University, headed by its president, paid a visit to Leiden University on "
     "May 3. Rector Jan Smit received the delegation with a warm welcome.", "Leiden University", "Nankai University"),
    ("On 4 June, a delegation from the University of Porto visited Sichuan University.",
     "Sichuan University", "University of Porto"),
])
@pytest.mark.parametrize("signing", [
    "The two parties signed an agreement on student exchange.",
    "Both sides signed a memorandum of understanding.",
])
def test_the_two_sides_of_a_visit_are_the_delegation_origin_and_the_host(visit, host, visitor, signing):
    rows = extract_rows(visit + " " + signing)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {host, visitor}


def test_the_two_sides_of_a_visit_with_no_origin_are_the_host_alone():
    rows = extract_rows("A delegation paid a visit to Fudan University on November 22. The two parties signed an "
                        "agreement on student exchange.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University"}
