"""'B reviewed his visit to Z' after a visit A led: B's own visit, told in passing (no record), not a further stop of
A's trip. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits

_GHENT = ("Rik Peeters", "Ghent University", "Zhejiang University")


@pytest.mark.parametrize("text, expected", [
    ("Welcome to Zhejiang University\n\nFrom May 21st to 25th, the delegation of Ghent University, headed by Rector "
     "Rik Peeters, had a friendly visit to our university. During the meeting, Li Wei reviewed his visit to Belgium "
     "in 2016, meeting with the Minister of Education of Belgium.", _GHENT),
    ("A delegation of Ghent University headed by Rector Rik Peeters visited Zhejiang University on 21 May. Professor "
     "Li Wei reviewed his visit to Belgium in 2016.", _GHENT),
    ("A delegation of Ghent University headed by Rector Rik Peeters visited Zhejiang University on 21 May. At the "
     "meeting, Dean Anna Berg recalled her first visit to Ghent in 2015.", _GHENT),
    ("Led by President Omar Haddad, a delegation of the University of Jordan visited Sichuan University on 3 June. "
     "Vice President Zhao Ling spoke of his 2018 visit to Amman.",
     ("Omar Haddad", "University of Jordan", "Sichuan University")),
])
def test_another_persons_visit_is_no_stop_of_the_visit_told_before(text, expected):
    assert visits(extract_rows(text)) == [expected]


def test_the_leaders_own_visit_still_refers_back():
    text = ("Led by President Omar Haddad, a delegation of the University of Jordan visited Sichuan University on 3 "
            "June. President Omar Haddad said his visit to the National Museum was fruitful.")
    assert visits(extract_rows(text)) == [("Omar Haddad", "University of Jordan", "Sichuan University")]
