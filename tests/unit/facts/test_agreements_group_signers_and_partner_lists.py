"""One agreement per partner when a group or a named signer signs with a list of partners, named there or before
("with these five universities", "with them"); the delegation signing stands for the body it comes from; a fronted
"With the support of X," names no party. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names, signer_names


def _parties(rows) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(party_names(rows, a))) for a in rows["agreements"])


@pytest.mark.parametrize("text", [
    "The Fudan University delegation arrived in Lisbon on 3 May. The delegation also signed agreements with the "
    "University of Lisbon and the University of Porto.",
    "A delegation from Fudan University visited Portugal in May. During the visit, the delegation signed cooperation "
    "agreements with the University of Lisbon and the University of Porto.",
    "A delegation of Fudan University visited Portugal in May. The visiting delegation then inked memoranda of "
    "understanding with the University of Lisbon and the University of Porto.",
])
def test_the_delegation_signs_for_the_body_it_comes_from_once_per_partner(text):
    assert _parties(extract_rows(text)) == [("Fudan University", "University of Lisbon"),
                                            ("Fudan University", "University of Porto")]


@pytest.mark.parametrize("text", [
    "Agreements were signed with the University of Lisbon and the University of Porto on 4 May.",
    "On 4 May, agreements were also signed with the University of Lisbon and the University of Porto.",
])
def test_a_plural_instrument_without_a_subject_is_one_agreement_per_partner(text):
    assert _parties(extract_rows(text)) == [("University of Lisbon",), ("University of Porto",)]


@pytest.mark.parametrize("text, count", [
    ("Ghent University explored cooperation with three universities in Hubei, namely Wuhan University, Hubei "
     "University and Huazhong Agricultural University. Anna Peeters, Rector of Ghent University, signed memoranda of understanding with "
     "these three universities on 9 April.", 3),
    ("Ghent University will work with Wuhan University, Hubei University and Huazhong Agricultural University on "
     "joint degrees. On 9 April, Anna Peeters, Rector of Ghent University, signed agreements with the universities.", 3),
])
def test_the_universities_named_before_are_the_partners_one_agreement_each(text, count):
    rows = extract_rows(text)
    found = _parties(rows)
    assert len(found) == count
    assert all("Ghent University" in parties and len(parties) == 2 for parties in found)
    assert all(signer_names(rows, "signatory", a) == {"Anna Peeters"} for a in rows["agreements"])


@pytest.mark.parametrize("opening", [
    "With the support of the Hubei Provincial Department of Education",
    "Under the guidance of the Hubei Provincial Department of Education",
    "At the invitation of the Hubei Provincial Department of Education",
])
def test_a_fronted_supporter_is_no_party(opening):
    text = (f"{opening}, Rector Anna Peeters of Ghent University signed agreements with Wuhan University and Hubei "
            "University on 9 April.")
    assert _parties(extract_rows(text)) == [("Ghent University", "Hubei University"),
                                            ("Ghent University", "Wuhan University")]


def test_with_them_are_the_bodies_the_delegation_visited_in_that_sentence():
    text = ("A delegation from Fudan University visited Portugal in May. The delegation also visited the University "
            "of Lisbon and the University of Porto and signed cooperation agreements with them respectively.")
    assert _parties(extract_rows(text)) == [("Fudan University", "University of Lisbon"),
                                            ("Fudan University", "University of Porto")]


def test_a_retold_plural_without_a_subject_is_not_split():
    text = ("Fudan University signed a memorandum with Jilin University, while Peking University inked a partnership "
            "with Tsinghua University. Through the recently signed agreements with Jilin University and Tsinghua "
            "University, the universities will fund joint research.")
    assert _parties(extract_rows(text)) == [("Fudan University", "Jilin University"),
                                            ("Peking University", "Tsinghua University")]


@pytest.mark.parametrize("text, parties", [
    ("Prof. Maria Lopes of the University of Lisbon visited Zhejiang University in May. She toured the Institute of "
     "Marine Science established jointly by Zhejiang University and Acme Robotics Ltd. of Ningbo, and signed a "
     "cooperation agreement with the company.", ("Acme Robotics Ltd. of Ningbo", "University of Lisbon")),
    ("Dr. Ahmed Khan, President of the University of Lahore, visited Wuhan University, met its president, and signed "
     "an agreement with Peking University.", ("Peking University", "University of Lahore")),
    ("During the visit, Dr. Ahmed Khan from the University of Lahore toured Tsinghua University and signed an MoU "
     "with Peking University.", ("Peking University", "University of Lahore")),
])
def test_what_the_signer_visited_first_in_the_sentence_is_no_party(text, parties):
    assert _parties(extract_rows(text))[-1:] == [parties]


@pytest.mark.parametrize("text", [
    "Kenya and Chile may see more joint research, thanks to a series of agreements signed by Ghent University and "
    "the University of Porto on 3 March.",
    "Kenya welcomed the memorandum of understanding signed by Ghent University and the University of Porto on "
    "3 March.",
])
def test_the_bodies_after_signed_by_are_the_parties_not_the_sentences_subject(text):
    assert _parties(extract_rows(text)) == [("Ghent University", "University of Porto")]


@pytest.mark.parametrize("group", ["universities in", "partners from", "institutions across"])
def test_the_place_of_unnamed_partners_is_no_party(group):
    text = f"Ghent University signed agreements with {group} Brazil on 3 March."
    assert all("Brazil" not in " ".join(p) for p in _parties(extract_rows(text)))


@pytest.mark.parametrize("verb", ["aims to", "will", "seeks to"])
def test_places_in_the_main_predicate_after_an_apposition_are_no_parties(verb):
    text = ("Ghent University and the University of Porto met on 3 March. The memorandum of understanding, signed "
            f"between Rector Anna Peeters and President Rui Costa, {verb} promote trade for both Kenya and Chile.")
    assert all("Kenya" not in " ".join(p) for p in _parties(extract_rows(text)))


@pytest.mark.parametrize("second", [
    "In addition, Acme Robotics inked the cooperation memorandum with the University of Porto.",
    "Acme Robotics also signed the framework agreement with the University of Porto.",
])
def test_a_definite_report_naming_other_parties_is_another_agreement(second):
    text = "Ghent University and Wuhan University signed a cooperation agreement on 3 March. " + second
    found = _parties(extract_rows(text))
    assert ("Ghent University", "Wuhan University") in found
    assert len(found) == 2 and not any("Acme Robotics" in p and "Wuhan University" in p for p in found)


def test_the_witnesses_of_the_agreement_tell_the_one_before_again():
    text = ("Ghent University signed a cooperation agreement with Wuhan University on 3 March. Li Wei, Mayor of Wuhan, "
            "and Anna Peeters, Rector of Ghent University, witnessed the signing of the agreement.")
    assert _parties(extract_rows(text)) == [("Ghent University", "Wuhan University")]
