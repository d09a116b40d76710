"""Agreements whose parties, signers, witnesses or place stand in other sentences or other clauses
(issue 15, classes 3-5), on sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, place_name, signer_names


@pytest.mark.parametrize("later", [
    "Fudan University, Jilin University and Peking University signed the deal.",
    "Fudan University, Jilin University and Peking University also signed the agreement.",
    "Universities that signed the pact included Fudan University, Jilin University and Peking University.",
])
def test_parties_named_in_a_later_sentence(later):
    rows = extract_rows("Tsinghua University today signed a memorandum of co-operation with three partners. " + later)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Tsinghua University", "Fudan University", "Jilin University", "Peking University"}


@pytest.mark.parametrize("text", [
    "Fudan University and Jilin University have reached a great deal of consensus on joint research.",
    "Fudan University and Jilin University signed up to deal with the shortage of engineers together.",
])
def test_deal_that_is_no_instrument(text):
    assert extract_rows(text)["agreements"] == []


@pytest.mark.parametrize("positions", [("third from left", "second from right"), ("2nd from left", "far right")])
def test_photo_positions_are_not_signing_cues(positions):
    left, right = positions
    rows = extract_rows("Fudan University and Jilin University signed a cooperation agreement today. "
                f"Witnessed by Professor Chen Yu ({left}) and Professor Zhao Li ({right}), the agreement was signed "
                "by Professor Wang Tao and Professor Liu Bo.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}
    assert signer_names(rows, "witness") == {"Chen Yu", "Zhao Li"}
    assert signer_names(rows, "signatory") == {"Wang Tao", "Liu Bo"}


@pytest.mark.parametrize("cue", ["Witnessed by", "In the presence of"])
def test_fronted_witness_before_an_active_signing(cue):
    rows = extract_rows(f"{cue} Minister Chen Yu, Professor Wang Tao and Professor Liu Bo signed a cooperation agreement "
                "between Fudan University and Jilin University.")
    (a,) = rows["agreements"]
    assert signer_names(rows, "witness") == {"Chen Yu"}
    assert signer_names(rows, "signatory") == {"Wang Tao", "Liu Bo"}
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


@pytest.mark.parametrize("noun", ["agreements", "memoranda of understanding", "cooperation agreements"])
def test_a_plural_instrument_with_a_list_of_partners_is_one_per_partner(noun):
    rows = extract_rows(f"During the trip, Fudan University signed {noun} with Jilin University, Peking University, "
                "and Tsinghua University to deepen exchanges.")
    got = sorted(tuple(sorted(party_names(rows, a))) for a in rows["agreements"])
    assert got == [("Fudan University", "Jilin University"), ("Fudan University", "Peking University"),
                   ("Fudan University", "Tsinghua University")]


def test_a_singular_instrument_with_a_list_is_one_agreement():
    rows = extract_rows("Fudan University signed an agreement with Jilin University, Peking University and Tsinghua "
                "University.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University", "Peking University", "Tsinghua University"}


@pytest.mark.parametrize("subject", ["both sides", "the two sides", "the two universities"])
def test_both_sides_are_the_last_two_named(subject):
    rows = extract_rows("Officials of the Ministry of Education attended talks between Fudan University and Jilin "
                f"University in Shanghai, after which {subject} signed a cooperation agreement.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}
    assert signer_names(rows, "signatory") == set()


@pytest.mark.parametrize("venue", [
    "The signing ceremony was held at the Chinese University of Hong Kong.",
    "The signing took place on the Chinese University of Hong Kong campus.",
])
def test_a_venue_organisation_places_the_signing(venue):
    rows = extract_rows("Fudan University and Jilin University signed a memorandum of understanding on 2 March. " + venue)
    (a,) = rows["agreements"]
    assert place_name(rows, a) == "Hong Kong"


@pytest.mark.parametrize("visit, during", [
    ("A delegation from Fudan University visited Lisbon last week.", "During the visit"),
    ("The president of Fudan University paid a trip to Lisbon in February.", "During his trip"),
])
def test_signed_during_a_visit(visit, during):
    rows = extract_rows(f"{visit} {during}, Fudan University signed a memorandum of understanding with Jilin University.")
    (a,) = rows["agreements"]
    assert place_name(rows, a) == "Lisbon"
