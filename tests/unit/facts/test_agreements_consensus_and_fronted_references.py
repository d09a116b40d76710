"""Agreements: a bare "agreement" that is reached is a consensus, not an instrument; an instrument named in a fronted
"Under the MoU," refers back and takes no parties from the rest of the sentence; the minutes of a meeting are an
instrument when signed; "In addition to X," names no party. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


@pytest.mark.parametrize("text", [
    "The two sides reached important agreement on various topics, including joint research centres.",
    "Tsinghua University and Ghent University reached broad agreement on a joint laboratory.",
    "Fudan University and Leiden University reached agreement on student exchanges.",
])
def test_agreement_reached_without_an_article_is_a_consensus(text):
    assert extract_rows(text)["agreements"] == []


@pytest.mark.parametrize("text", [
    "Tsinghua University and Ghent University reached an agreement on joint research centres.",
    "Tsinghua University and Ghent University reached cooperation agreements on joint research centres.",
])
def test_an_agreement_reached_with_an_article_or_a_type_is_an_instrument(text):
    (a,) = extract_rows(text)["agreements"]
    assert a["status"] == "signed"


def test_a_fronted_under_the_mou_takes_no_parties_from_its_sentence():
    rows = extract_rows("Kenya and China signed an MoU in March 2015. Under the MoU, a Joint Research Centre for "
                        "Soil Science was established recently on the campus of Egerton University.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Government of Kenya", "Government of China"}


@pytest.mark.parametrize("text", [
    "After the meeting, Tsinghua University and Ghent University signed the minutes of the meeting.",
    "Tsinghua University and Ghent University signed the Minutes of the Third Session of the Joint Committee.",
])
def test_signed_minutes_are_an_instrument_of_type_other(text):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert (a["agreement_type"], party_names(rows, a)) == ("other", {"Tsinghua University", "Ghent University"})


@pytest.mark.parametrize("opening", ["In addition to Peking University", "Besides Peking University",
                                     "Apart from Peking University"])
def test_a_body_in_an_additive_opening_is_no_party(opening):
    rows = extract_rows(f"{opening}, Ghent University has signed a memorandum of understanding with Fudan University.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Ghent University", "Fudan University"}


@pytest.mark.parametrize("text", [
    "The Memorandum of Understanding on Cooperation in Science Parks between Fudan University and Ghent University "
    "further enriched bilateral cooperation.",
    "The Agreement between Fudan University and Leiden University covers joint research.",
])
def test_a_named_instrument_with_its_parties_as_subject_is_a_record(text):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert a["status"] == "reported" and len(party_names(rows, a)) == 2


def test_a_lower_case_instrument_between_unnamed_sides_is_no_record():
    assert extract_rows("The agreement between the two universities covers joint research.")["agreements"] == []


def test_plural_instruments_between_one_body_and_several_of_another_country_are_bilateral():
    rows = extract_rows("At the conference, MoUs on education cooperation were signed by representatives of Hanoi "
                        "University, Hue University and Thai Nguyen University, and Guangxi University.")
    assert sorted(tuple(sorted(party_names(rows, a))) for a in rows["agreements"]) == [
        ("Guangxi University", "Hanoi University"), ("Guangxi University", "Hue University"),
        ("Guangxi University", "Thai Nguyen University")]


def test_a_party_organ_within_a_body_signs_for_it():
    rows = extract_rows("The meeting was co-chaired by Lu Ming, Member of the CPC Leading Group of the Ministry of "
                        "Science and Technology of China, and Aziz Karimov, President of the Academy of Sciences of "
                        "Uzbekistan. After the meeting, the two sides signed a memorandum of understanding.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Ministry of Science and Technology", "Academy of Sciences of Uzbekistan"}


@pytest.mark.parametrize("text, status", [
    ("Hungary was the first European country to sign a cooperation agreement with China on the Belt and Road "
     "Initiative.", "reported"),
    ("Hungary plans to sign a cooperation agreement with China on the Belt and Road Initiative.", "planned"),
])
def test_the_first_to_sign_is_history_and_a_policy_is_no_party(text, status):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert a["status"] == status
    assert party_names(rows, a) == {"Government of Hungary", "Government of China"}
