"""Visits whose subject is a list of people, each with a title: the first named leads ("A, vice president of X, B,
dean of Y, and C visited Z"); a title whose closing comma is left out; a name in apposition followed by a clause of
its own; the noun "visit" made a verb of going ("paid an official visit to"). Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text", [
    "On May 4, Dr ZHANG Wei, vice president of Fudan University, Dr LI Ming, dean of its law school, and "
    "Dr WANG Fang, director of its international office, visited Ghent University.",
    "Dr ZHANG Wei, vice president of Fudan University, and Dr LI Ming, dean of its law school, visited Ghent "
    "University on Monday.",
    "Vice President ZHANG Wei of Fudan University, Dean LI Ming and Director WANG Fang visited Ghent University "
    "last week.",
    "Dr ZHANG Wei, vice president of Fudan University, Dr. Prof. LI Ming, the head of its law school, and "
    "Dr WANG Fang, a coordinator of the programme, paid an official visit to Ghent University.",
])
def test_the_first_person_of_a_subject_list_leads(text):
    ((who, origin, whom),) = visits(extract_rows(text))
    assert (who, origin, whom) == ("Zhang Wei", "Fudan University", "Ghent University")


@pytest.mark.parametrize("text, who, origin", [
    ("Professor Maria SILVA, rector of the University of Porto visited Zhejiang University on Monday.",
     "Maria Silva", "University of Porto"),
    ("On 3 June, Dr Omar HADDAD, vice president of Cairo University visited Zhejiang University.",
     "Omar Haddad", "Cairo University"),
    ("The former director, Dr Omar HADDAD, who retired in May, visited Zhejiang University.", "Omar Haddad", None),
])
def test_a_subject_in_apposition_visits(text, who, origin):
    ((leader, from_, whom),) = visits(extract_rows(text))
    assert (leader, whom) == (who, "Zhejiang University")
    if origin:
        assert from_ == origin


@pytest.mark.parametrize("text", [
    "Professor LI Ming, president of Nankai University, paid an official visit to Kyoto University.",
    "Professor LI Ming of Nankai University made a three-day working visit to Kyoto University in May.",
    "Professor LI Ming, president of Nankai University, paid a visit to Kyoto University.",
])
def test_a_visit_paid_is_a_verb_of_going(text):
    ((who, origin, whom),) = visits(extract_rows(text))
    assert (who, origin, whom) == ("Li Ming", "Nankai University", "Kyoto University")


@pytest.mark.parametrize("text, leaders", [
    ("Dr ZHANG Wei, vice president of Fudan University, met Dr LI Ming and Dr WANG Fang, who visited Ghent "
     "University last year.", []),
    ("Dr ZHANG Wei of Fudan University said that Dr LI Ming, the dean, and Dr WANG Fang visited Ghent University.",
     ["Li Ming"]),
])
def test_people_outside_the_subject_list_do_not_lead(text, leaders):
    assert [who for who, _, _ in visits(extract_rows(text))] == leaders
