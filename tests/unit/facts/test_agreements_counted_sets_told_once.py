"""A counted plural instrument whose members the text does not list ("A and B signed two agreements", "X signed
three MoUs with A, B and C"): the set is a record of its parties, one per partner for a list of partners (issue 15),
on sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, party_names


def _records(rows) -> list[tuple[str, frozenset[str]]]:
    return sorted((a["agreement_type"], frozenset(party_names(rows, a))) for a in rows["agreements"])


@pytest.mark.parametrize("sentence, kind, parties", [
    ("Romania and Chile on Monday signed two nuclear cooperation agreements.", "cooperation_agreement",
     {"Government of Romania", "Government of Chile"}),
    ("Fudan University and the University of Oslo signed three memoranda of understanding on marine research.",
     "memorandum_of_understanding", {"Fudan University", "University of Oslo"}),
    ("Jilin University inked 2 cooperation agreements with Lund University last week.", "cooperation_agreement",
     {"Jilin University", "Lund University"}),
    ("On 12 May, Kenya and Peru signed four framework agreements covering trade and science.",
     "framework_agreement", {"Government of Kenya", "Government of Peru"}),
])
def test_a_counted_set_of_two_parties_is_one_record(sentence, kind, parties):
    assert _records(extract_rows(sentence)) == [(kind, frozenset(parties))]


@pytest.mark.parametrize("sentence", [
    "Fudan University signed three agreements with the University of Oslo, Lund University and Aalto University.",
    "During the visit, Fudan University inked three cooperation agreements with the University of Oslo, Lund "
    "University, and Aalto University.",
])
def test_a_counted_set_with_a_list_of_partners_is_one_record_per_partner(sentence):
    assert {p for _, p in _records(extract_rows(sentence))} == {
        frozenset({"Fudan University", "University of Oslo"}), frozenset({"Fudan University", "Lund University"}),
        frozenset({"Fudan University", "Aalto University"})}


def test_a_count_whose_members_are_listed_keeps_to_the_members():
    rows = extract_rows("Fudan University and Jilin University signed two agreements, including a memorandum of "
                        "understanding on student exchange. The memorandum of understanding between Fudan University "
                        "and Jilin University was signed by Professor Wang Tao and Professor Liu Bo.")
    assert _records(rows) == [("memorandum_of_understanding", frozenset({"Fudan University", "Jilin University"}))]


@pytest.mark.parametrize("sentence", [
    # a count of instruments told before
    "The two agreements were signed by Fudan University and Jilin University.",
    "Both sides said these three memoranda were signed by Fudan University and Jilin University in good faith.",
    # a loose tally, or pairs within a group: the members are told elsewhere, if at all
    "In 2020, as many as 54 memoranda were signed by Fudan University and Jilin University.",
    "Three universities from each country signed three memoranda of understanding with each other today.",
    # a passive count in a clause about something else: whose instruments it is, it does not say
    "Governor Jing Hai of Jilin Province and Governor Choi Min of Gangwon Province spoke at the ceremony, where five "
    "cooperation agreements were signed.",
    # one party only, or none: the members are told elsewhere, if at all
    "On the morning of March 4, Wuhan University signed two agreements.",
    "The minister today witnessed the signing of two memoranda of understanding on marine science.",
])
def test_a_count_told_before_or_without_two_parties_is_no_record(sentence):
    assert _records(extract_rows(sentence)) == []
