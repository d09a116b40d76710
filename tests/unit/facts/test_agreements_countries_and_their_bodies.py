"""A country named as a signing side, then the body of that country that signed: the body is the party, not the
country's government beside it (issue 15, class 5), on sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("lead, body", [
    ("Kenya and China signed a memorandum of understanding on soil research.",
     "The University of Nairobi signed the memorandum with China's Nanjing Agricultural University."),
    ("China and Kenya inked an MoU on soil research on Monday.",
     "The MoU was signed by Professor Peter Kamau of the University of Nairobi and Professor Li Hua of Nanjing "
     "Agricultural University."),
    ("Kenya and China have signed a memorandum of understanding on soil research.",
     "The University of Nairobi, for Kenya, signed the memorandum with Nanjing Agricultural University."),
])
def test_the_bodies_that_signed_for_two_countries_are_the_parties(lead, body):
    rows = extract_rows(f"{lead} {body}")
    assert [party_names(rows, a) for a in rows["agreements"]] == [
        {"University of Nairobi", "Nanjing Agricultural University"}]


def test_a_country_whose_body_is_not_named_stays_a_party():
    rows = extract_rows("Kenya and China signed a memorandum of understanding on soil research. The memorandum was "
                        "signed with China's Nanjing Agricultural University.")
    assert [party_names(rows, a) for a in rows["agreements"]] == [
        {"Government of Kenya", "Nanjing Agricultural University"}]


def test_two_countries_that_signed_for_themselves_stay_the_parties():
    rows = extract_rows("Kenya and China signed a memorandum of understanding on soil research in Beijing.")
    assert [party_names(rows, a) for a in rows["agreements"]] == [
        {"Government of Kenya", "Government of China"}]


@pytest.mark.parametrize("text", [
    "Fudan University signed an agreement with the University of Oslo, in Oslo, Norway.",
    "Fudan University in Shanghai, China, signed an agreement with the University of Oslo in Norway.",
])
def test_a_national_government_beside_a_body_of_its_country_is_dropped(text):
    rows = extract_rows(text)
    assert [party_names(rows, a) for a in rows["agreements"]] == [{"Fudan University", "University of Oslo"}]


@pytest.mark.parametrize("text", [
    "Kenya, China and the China-Kenya Nairobi Industrial Park signed a cooperation agreement.",
    "The Sino-Kenyan Mombasa Industrial Park, launched in 2015 under an agreement between the governments of China "
    "and Kenya, is home to 40 firms.",
])
def test_a_joint_body_of_both_countries_stands_in_for_neither(text):
    rows = extract_rows(text)
    governments = {"Government of Kenya", "Government of China"}
    assert [governments <= party_names(rows, a) for a in rows["agreements"]] == [True]
