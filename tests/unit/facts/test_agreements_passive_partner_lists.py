"""A plural instrument signed in the passive with a list of partners and no signing subject ("Agreements on X were
also signed with A, B and C"): one agreement with each partner, whatever their countries, and "also" between the
auxiliary and the participle still makes the verb passive; on sentences written for these tests (issue 15)."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names

_PARTNERS = {"Charles University", "Nankai University", "Sichuan University"}


@pytest.mark.parametrize("sentence", [
    "In addition, agreements on the joint Erasmus Mundus Program were also signed with Charles University, "
    "Nankai University and Sichuan University.",
    "Agreements on student exchange and joint supervision were also signed with Charles University, Nankai "
    "University and Sichuan University.",
    "Memoranda of understanding were also signed with Charles University, Nankai University and Sichuan University.",
    "In addition, agreements were signed with Charles University, Nankai University and Sichuan University.",
])
def test_a_passive_plural_with_partners_from_two_countries_is_one_agreement_with_each(sentence):
    rows = extract_rows(sentence)
    assert sorted(sorted(party_names(rows, a)) for a in rows["agreements"]) == [[p] for p in sorted(_PARTNERS)]


def test_signers_of_two_countries_still_pair_across_them():
    rows = extract_rows("Memoranda of understanding were signed by Hanoi University, Vietnam National University and "
                        "Hue University of Vietnam and Fudan University of China.")
    pairs = sorted(sorted(party_names(rows, a)) for a in rows["agreements"])
    assert len(pairs) == 3
    assert all(len(p) == 2 and any(n.startswith("Fudan University") for n in p) for p in pairs)


def test_a_passive_instrument_with_also_and_a_long_title_is_still_signed():
    rows = extract_rows("Ghent University and Fudan University held talks on 4 May. A memorandum of understanding on "
                        "the joint doctoral training programme in marine biology was also signed by the two "
                        "universities.")
    (a,) = rows["agreements"]
    assert party_names(rows, a) == {"Ghent University", "Fudan University"}
