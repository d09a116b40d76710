"""The bodies in witnesses' titles are not parties, and "renewed agreements with the partners" after a visit to a
list of bodies names those bodies (issue 15, classes 3 and 5), on sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names

_SIGNED = "Airbus signed a strategic cooperation agreement with the Chengdu Municipal Government on 4 May."


@pytest.mark.parametrize("witnessed", [
    "Li Ming, Mayor of Chengdu, and Anna Weber, President of Airbus Greater China, witnessed the signing of the "
    "agreement.",
    "Anna Weber, head of Airbus operations in China, and Li Ming, Mayor of Chengdu, witnessed the signing.",
    "Li Ming, Mayor of Chengdu, and Anna Weber, chief executive of Airbus Japan, were witnesses to the signing of "
    "the agreement.",
])
def test_the_bodies_in_the_titles_of_those_who_witness_the_signing_are_no_parties(witnessed):
    rows = extract_rows(_SIGNED + " " + witnessed)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Airbus SE", "Chengdu Municipal Government"}
    assert signer_names(rows, "witness") == {"Li Ming", "Anna Weber"}


@pytest.mark.parametrize("witness_cue", ["under the witness of", "in the presence of", "witnessed by"])
def test_bodies_after_a_witness_cue_do_not_complete_the_parties(witness_cue):
    rows = extract_rows("The memorandum was signed by Professor Wang Tao of Fudan University and Professor Anna "
                        f"Berg of the University of Oslo, {witness_cue} Zhao Li, the Chinese ambassador to Norway, "
                        "and Erik Dahl, the Norwegian ambassador to China.")
    assert [party_names(rows, a) for a in rows["agreements"]] == [{"Fudan University", "University of Oslo"}]
    assert signer_names(rows, "witness") == {"Zhao Li", "Erik Dahl"}


def test_a_party_named_after_the_noun_and_before_the_witness_cue_stays():
    rows = extract_rows("Professor Wang Tao of Fudan University signed a memorandum with the University of Oslo, in "
                        "the presence of Zhao Li, the Chinese ambassador to Norway.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "University of Oslo"}


@pytest.mark.parametrize("reference", ["with these universities", "with the partners", "with the three universities"])
def test_agreements_with_the_bodies_a_visitor_toured(reference):
    rows = extract_rows("Professor Hans Meier of ETH Zurich visited Tsinghua University, Zhejiang University and "
                        f"Nanjing University and renewed exchange agreements {reference}.")
    assert sorted(sorted(party_names(rows, a)) for a in rows["agreements"]) == [
        ["ETH Zurich", "Nanjing University"], ["ETH Zurich", "Tsinghua University"],
        ["ETH Zurich", "Zhejiang University"]]


def test_a_count_that_the_toured_bodies_do_not_fill_looks_no_further_in_the_sentence():
    rows = extract_rows("Professor Hans Meier of ETH Zurich visited Tsinghua University and Zhejiang University and "
                        "renewed exchange agreements with the five universities.")
    assert all(party_names(rows, a) <= {"ETH Zurich"} for a in rows["agreements"])
