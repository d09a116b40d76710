"""Two signings in one sentence, each with its own subject; a plural retelling of agreements reported before;
the place an organisation is in, which is no party (issue 15, classes 3-5), on sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


def _parties(rows):
    return sorted(tuple(sorted(party_names(rows, a))) for a in rows["agreements"])


@pytest.mark.parametrize("joint", [", while", ", whereas", "; and", ", and"])
def test_two_clauses_with_their_own_subjects_are_two_agreements(joint):
    rows = extract_rows(f"Fudan University has signed a cooperation agreement with Jilin University{joint} Peking "
                        "University has concluded a partnership with Tsinghua University.")
    assert _parties(rows) == [("Fudan University", "Jilin University"), ("Peking University", "Tsinghua University")]


def test_a_clause_without_its_own_signing_stays_in_the_agreement():
    rows = extract_rows("Fudan University has signed a cooperation agreement with Jilin University, while Peking "
                        "University will host the first workshop under the agreement.")
    assert _parties(rows) == [("Fudan University", "Jilin University")]


@pytest.mark.parametrize("retold", [
    "Through the recently signed agreements with Jilin University and Tsinghua University, Fudan University will "
    "fund joint research.",
    "Under the agreements with Jilin University and Tsinghua University, Fudan University will fund joint research.",
])
def test_a_plural_retelling_does_not_merge_the_agreements(retold):
    rows = extract_rows("Fudan University signed a memorandum of understanding with Jilin University, while Peking "
                        "University inked a partnership with Tsinghua University. " + retold)
    assert ("Fudan University", "Jilin University") in _parties(rows)
    assert ("Peking University", "Tsinghua University") in _parties(rows)
    assert all(len(a) == 2 for a in _parties(rows))


@pytest.mark.parametrize("located", ["the National Research Foundation (NRF) of Chile",
                                     "the National Research Foundation of Chile",
                                     "the National Research Foundation in Chile"])
def test_the_place_an_organisation_is_in_is_no_party(located):
    rows = extract_rows(f"Fudan University signed a memorandum of understanding with {located} on Monday.")
    (a,) = rows["agreements"]
    names = party_names(rows, a)
    assert len(names) == 2 and "Fudan University" in names and not any("Government" in n or n == "Chile" for n in names)


@pytest.mark.parametrize("text, kinds", [
    ("Fudan University and Jilin University renewed the memorandum of understanding and two work plans.",
     ["memorandum_of_understanding", "other", "other"]),
    ("Fudan University and Jilin University signed a framework agreement and three agreements on joint projects.",
     ["framework_agreement", "cooperation_agreement", "cooperation_agreement", "cooperation_agreement"]),
    ("Both sides signed a cooperation agreement as well as two action plans.",
     ["cooperation_agreement", "other", "other"]),
])
def test_a_counted_plural_after_an_instrument_is_that_many_more(text, kinds):
    rows = extract_rows("Fudan University hosted a delegation of Jilin University on Monday. " + text)
    assert sorted(a["agreement_type"] for a in rows["agreements"]) == sorted(kinds)


@pytest.mark.parametrize("text", [
    "Fudan University and Jilin University signed eleven documents, among them:",
    "Fudan University and Jilin University signed two work plans.",
    "Fudan University and Jilin University signed a memorandum of understanding and agreed on two priorities.",
])
def test_a_count_that_is_no_sibling_adds_nothing(text):
    rows = extract_rows(text)
    assert len(rows["agreements"]) <= 1
