"""Agreements in the phrasings of outside newsrooms (issue 15, classes 3-5), on sentences written for these tests."""
import datetime as dt

import pytest

from tests.unit.fact_rows import extract_rows, party_names, place_name, signer_names


@pytest.mark.parametrize("text, kind", [
    # an abbreviation in brackets is the same instrument
    ("Fudan University signed a memorandum of understanding (MoU) with Jilin University on Monday.",
     "memorandum_of_understanding"),
    # a noun in the purpose clause is not a second instrument
    ("Fudan University has signed an agreement to deepen its research partnerships with Jilin University.",
     "cooperation_agreement"),
    ("Fudan University signed a framework agreement with Jilin University to raise their ties to a strategic "
     "partnership.", "framework_agreement"),
    # an instrument given an acronym is not an organisation party
    ("A Memorandum of Understanding (MOU) was signed by Fudan University and Jilin University.",
     "memorandum_of_understanding"),
])
def test_one_instrument_per_sentence(text, kind):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert a["agreement_type"] == kind
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


def test_listed_instruments_stay_separate():
    rows = extract_rows("Fudan University signed a memorandum with Jilin University, and a framework agreement with "
                "Peking University.")
    kinds = sorted((a["agreement_type"], tuple(sorted(party_names(rows, a)))) for a in rows["agreements"])
    assert kinds == [("framework_agreement", ("Fudan University", "Peking University")),
                     ("memorandum", ("Fudan University", "Jilin University"))]


@pytest.mark.parametrize("follow_up", [
    "Professor Chen Yu and Professor Zhao Li witnessed the signing.",
    "Professor Chen Yu; Professor Zhao Li and guests from both sides witnessed the signing ceremony.",
])
def test_witnesses_in_a_sentence_of_their_own(follow_up):
    rows = extract_rows("Fudan University and Tsinghua University signed a cooperation agreement today. " + follow_up)
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Tsinghua University"}
    assert signer_names(rows, "witness") == {"Chen Yu", "Zhao Li"}
    assert signer_names(rows, "signatory") == set()


@pytest.mark.parametrize("cue", ["Signing on behalf of the parties were", "Signing on behalf of both sides were"])
def test_signatories_in_a_sentence_of_their_own(cue):
    rows = extract_rows("Peking University and Jilin University signed a memorandum of understanding on 3 March. "
                f"{cue} Professor Wang Tao and Professor Liu Bo.")
    (a,) = rows["agreements"]
    assert signer_names(rows, "signatory") == {"Wang Tao", "Liu Bo"}
    assert party_names(rows, a) == {"Peking University", "Jilin University"}


@pytest.mark.parametrize("text, place", [
    ("Fudan University and Jilin University signed an agreement in Changchun on Thursday.", "Changchun"),
    ("Fudan University signed a cooperation agreement with Jilin University during a stay in the city of Changchun.",
     "Changchun"),
    ("Fudan University and Jilin University inked a memorandum at Jilin University, Changchun, Jilin Province.",
     "Changchun"),
    ("CHANGCHUN, March 4 (Xinhua) -- Jilin University and Fudan University signed an agreement on Thursday.",
     "Changchun"),
    ("Fudan University and Jilin University signed an agreement. The signing ceremony was held in Changchun.",
     "Changchun"),
    # where a party is, or where someone else was, is not where it was signed
    ("Fudan University signed an agreement with Zhejiang University, a university based in Hangzhou.", None),
    ("Researchers in Shanghai said that Fudan University and Jilin University signed an agreement.", None),
])
def test_signing_place(text, place):
    rows = extract_rows(text)
    (a,) = rows["agreements"]
    assert place_name(rows, a) == place


def test_the_venue_address_is_not_a_party():
    rows = extract_rows("Fudan University and Jilin University signed an agreement at Jilin University, Changchun, "
                "Jilin Province.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Jilin University"}


def test_a_ceremony_sentence_dates_the_signing():
    rows = extract_rows("Fudan University and Jilin University signed an agreement. "
                "A signing ceremony was held at Fudan University on 2 March 2021.", published=dt.date(2021, 3, 5))
    (a,) = rows["agreements"]
    assert (a["signed_on"], a["signed_on_precision"]) == (dt.date(2021, 3, 2), "day")
