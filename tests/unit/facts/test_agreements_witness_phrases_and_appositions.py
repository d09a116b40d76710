"""Agreements: "under the witness of" and other witness phrases (the noun "witness" is no witnessing verb), signers
"signed remotely by", a witness phrase fronting a clause after a date and a place, the country of a place in apposition
is where and not who, and a signer signing for the body of the title written before their name earlier in the text.
Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names


@pytest.mark.parametrize("cue", ["under the witness of", "with the witness of", "in the presence of"])
def test_a_witness_phrase_after_the_signers_names_witnesses_not_parties(cue):
    rows = extract_rows("Fudan University and Ghent University signed a memorandum of understanding on 3 May 2021. The "
                        "memorandum was signed remotely by Prof. Zhang Wei, Vice-President of Fudan University, and "
                        f"Prof. Maria Rossi, Rector of Ghent University, {cue} Li Ming, the Chinese ambassador to "
                        "Belgium, and Dr. Omar Hassan, Belgian ambassador to the People's Republic of China.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Fudan University", "Ghent University"}
    assert signer_names(rows, "signatory", a) == {"Zhang Wei", "Maria Rossi"}
    assert signer_names(rows, "witness", a) == {"Li Ming", "Omar Hassan"}


@pytest.mark.parametrize("place", ["in Santiago, the capital of Chile,", "in Valparaiso, a port city of Chile,"])
def test_a_witness_phrase_fronting_a_clause_and_a_country_in_apposition(place):
    rows = extract_rows(f"On 22 November, {place} at the witness of President Xi Jinping and President Michelle "
                        "Bachelet, Prof. Zhang Wei, President of Peking University, and Mr. Jorge Soto, President of "
                        "the Catholic University of the North, signed a memorandum of understanding.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Peking University", "Catholic University of the North"}
    assert signer_names(rows, "signatory", a) == {"Zhang Wei", "Jorge Soto"}
    assert signer_names(rows, "witness", a) == {"Xi Jinping", "Michelle Bachelet"}


@pytest.mark.parametrize("title", ["President of Wuhan University", "Rector of Wuhan University"])
def test_a_signer_signs_for_the_body_of_a_title_before_the_name_earlier(title):
    rows = extract_rows(f"{title}, Li Hong, led a delegation to Kenya in May. Li Hong signed memorandums of "
                        "cooperation with the University of Nairobi and Kenyatta University respectively.")
    assert sorted(tuple(sorted(party_names(rows, a))) for a in rows["agreements"]) == [
        ("Kenyatta University", "Wuhan University"), ("University of Nairobi", "Wuhan University")]


@pytest.mark.parametrize("caption", [
    "Pictured signing an agreement to collaborate on teaching are Dr Anna Berg, President of Ghent University, and "
    "Ms Chen Xu, Chairperson of Tsinghua University Council.",
    "Shown signing the agreement are Dr Anna Berg, President of Ghent University, and Ms Chen Xu, Chairperson of "
    "Tsinghua University Council.",
])
def test_a_pictured_signing_caption_names_signers_and_a_council_signs_for_its_university(caption):
    rows = extract_rows(caption + " Tsinghua University is in Beijing.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Ghent University", "Tsinghua University"}
    assert signer_names(rows, "signatory", a) == {"Anna Berg", "Chen Xu"}


def test_witnesses_in_a_relative_clause_of_the_instrument_referred_back_to():
    rows = extract_rows("On 30 May, an agreement was signed by President Zhang Wei of Fudan University and Rector Anna "
                        "Berg of Ghent University. The agreement, which was witnessed by Council Chairman Li Ming and "
                        "Mr Tomas Horak, Vice Minister of Science, will foster collaboration.")
    (a,) = rows["agreements"]
    assert signer_names(rows, "signatory", a) == {"Zhang Wei", "Anna Berg"}
    assert signer_names(rows, "witness", a) == {"Li Ming", "Tomas Horak"}


def test_the_agreement_referred_back_to_is_the_one_told_last_not_the_one_found_last():
    rows = extract_rows("Fudan University and Ghent University sign agreement\n\nDuring the visit, the delegation attended "
                        "the signing of an agreement between the Flemish Government and Ghent University. On 30 May, an "
                        "agreement was signed by President Zhang Wei of Fudan University and Rector Anna Berg of Ghent "
                        "University. The agreement, which was witnessed by Mr Li Ming and Mr Tomas Horak, will foster "
                        "collaboration.")
    (a,) = [a for a in rows["agreements"] if "Fudan University" in party_names(rows, a)]
    assert signer_names(rows, "signatory", a) == {"Zhang Wei", "Anna Berg"}
    assert signer_names(rows, "witness", a) == {"Li Ming", "Tomas Horak"}
