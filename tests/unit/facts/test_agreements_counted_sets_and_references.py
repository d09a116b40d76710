"""Agreements: counted sets told one by one, captions, run-in headings, bare nouns beside specific ones, background
with an adverbial, and bare back-references (the regressions of issue 15 on the project's own corpus), on sentences
written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names


def _records(rows):
    return sorted((a["agreement_type"], a["status"], tuple(sorted(party_names(rows, a)))) for a in rows["agreements"])


@pytest.mark.parametrize("first", [
    "The first MoU, between Fudan University and Jilin University, covers joint doctoral training.",
    "The first memorandum of understanding, between Fudan University and Jilin University, sets out a plan for "
    "joint doctoral training.",
    "Under the first MoU, between Fudan University and Jilin University, the two will train doctoral students.",
])
def test_an_ordinal_singles_out_one_of_a_counted_set(first):
    rows = extract_rows("The minister today witnessed the signing of two memoranda of understanding (MoUs) on marine "
                        f"science. {first} The second MoU was signed between Peking University and Nankai University.")
    assert _records(rows) == [
        ("memorandum_of_understanding", "signed", ("Fudan University", "Jilin University")),
        ("memorandum_of_understanding", "signed", ("Nankai University", "Peking University")),
    ]


@pytest.mark.parametrize("text", [
    "The first MoU was a milestone for the campus.",
    "The first agreement ran out in 2015.",
])
def test_an_ordinal_without_parties_is_no_record(text):
    assert extract_rows(text)["agreements"] == []


@pytest.mark.parametrize("count", ["two memoranda of understanding (MoUs)", "three cooperation agreements (CAs)",
                                   "four memoranda of understanding ( MoUs )"])
def test_the_abbreviation_of_a_counted_set_is_no_record(count):
    rows = extract_rows(f"Fudan University today witnessed the signing of {count} on climate research.")
    assert rows["agreements"] == []


@pytest.mark.parametrize("caption", [
    "Photo shows (from left) the President of Fudan University, Professor Wang Tao, and the President of Jilin "
    "University, Professor Liu Bo, signing the MoU.",
    "From left: Professor Wang Tao of Fudan University and Professor Liu Bo of Jilin University sign the memorandum.",
    "The MoU was signed by Professor Wang Tao, President of Fudan University, and Professor Liu Bo, President of Jilin "
    "University.",
    "Photo shows (from right) the Vice President of Jilin University, Professor Liu Bo, and the President of Fudan "
    "University, Professor Wang Tao, exchanging the signed MoU.",
])
def test_a_caption_goes_to_the_agreement_of_its_signers_bodies(caption):
    rows = extract_rows("Fudan University and Jilin University signed a memorandum of understanding on Monday. "
                        "Peking University and Nankai University also signed a memorandum of understanding. " + caption)
    by_parties = {tuple(sorted(party_names(rows, a))): a for a in rows["agreements"]}
    assert set(by_parties) == {("Fudan University", "Jilin University"), ("Nankai University", "Peking University")}
    assert signer_names(rows, "signatory", by_parties[("Fudan University", "Jilin University")]) == {"Wang Tao", "Liu Bo"}
    assert signer_names(rows, "signatory", by_parties[("Nankai University", "Peking University")]) == set()


@pytest.mark.parametrize("heading", ["ROBOTICS DEAL —", "NEW PACT –", "SHANGHAI ACCORD --"])
def test_a_noun_in_a_run_in_heading_is_no_instrument(heading):
    rows = extract_rows(f"{heading} Fudan University will sign a framework agreement with Jilin University next month.")
    assert _records(rows) == [("framework_agreement", "planned", ("Fudan University", "Jilin University"))]


@pytest.mark.parametrize("text, kind", [
    ("The deal follows a framework agreement Fudan University reached with Jilin University in 2019.",
     "framework_agreement"),
    ("The pact builds on a memorandum of understanding Fudan University signed with Jilin University in 2018.",
     "memorandum_of_understanding"),
])
def test_a_specific_noun_after_a_bare_one_names_the_instrument(text, kind):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert (a["agreement_type"], a["status"]) == (kind, "reported")
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


@pytest.mark.parametrize("text, kind", [
    # a noun in the purpose, or a relation, keeps the first noun's type
    ("Fudan University signed a deal with Jilin University to launch a cooperation programme.", "cooperation_agreement"),
    ("Fudan University signed an agreement with Jilin University to deepen their strategic partnership.",
     "cooperation_agreement"),
    # a specific first noun stays
    ("Fudan University signed a framework agreement with Jilin University after a deal on robotics collapsed.",
     "framework_agreement"),
])
def test_the_first_noun_stays_when_the_later_one_is_no_restatement(text, kind):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert a["agreement_type"] == kind
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


@pytest.mark.parametrize("text", [
    "Fudan University has in recent years entered into similar arrangements with several universities, including "
    "Jilin University.",
    "Fudan University has, over the past decade, signed cooperation agreements with many universities such as "
    "Jilin University.",
    "Fudan University has during the last five years inked partnership agreements with dozens of firms, including "
    "Lenovo Group.",
])
def test_a_perfect_tally_with_an_adverbial_is_background(text):
    assert extract_rows(text)["agreements"] == []


@pytest.mark.parametrize("reference", [
    "In accordance with the agreement, Fudan University will cooperate with Nankai University on robotics.",
    "Pursuant to the agreement, Fudan University will work with Nankai University on robotics.",
])
def test_a_bare_reference_points_back(reference):
    rows = extract_rows("Fudan University and Jilin University signed a cooperation agreement on Monday. " + reference)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}
    assert a["signed_on"] == dt.date(2021, 3, 1)


@pytest.mark.parametrize("reference", [
    "In accordance with the Cooperation Arrangement between Fudan University and Jilin University, ten students will "
    "visit each year.",
    "In accordance with the arrangement between Fudan University and Jilin University, ten students will visit each "
    "year.",
])
def test_a_named_or_parties_given_reference_is_a_record(reference):
    rows = extract_rows(reference)
    (a,) = rows["agreements"]
    assert (a["agreement_type"], a["status"]) == ("arrangement", "reported")
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}
