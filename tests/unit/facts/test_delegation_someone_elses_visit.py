"""'B reviewed his visit to Z' after a visit A led: B's own visit, told in passing (no record), not a further stop of
A's trip. Sentences written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits


@pytest.mark.parametrize("text", [
    "Welcome to Zhejiang University\n\nFrom May 21st to 25th, the delegation of Ghent University, headed by Rector "
    "Rik Peeters, had a friendly visit to our university. During the meeting, Li Wei reviewed his visit to Belgium "
    "in 2016, meeting with the Minister of Education of Belgium.",
    "A delegation of Ghent University headed by Rector Rik Peeters visited Zhejiang University on 21 May. Professor "
    "Li Wei reviewed his visit to Belgium in 2016.",
    "A delegation of Ghent University headed by Rector Rik Peeters visited Zhejiang University on 21 May. At the "
    "meeting, Dean Anna Berg recalled her first visit to Ghent in 2015.",
    "Led by President Omar Haddad, a delegation of the University of Jordan visited Sichuan University on 3 June. "
    "Vice President Zhao Ling spoke of his 2018 visit to Amman.",
])
def test_another_persons_visit_is_no_stop_of_the_visit_told_before(text):
    expected = ("Omar Haddad", "University of Jordan", "Sichuan University") if "Jordan" in text \
        else ("Rik Peeters", "Ghent University", "Zhejiang University")
    assert visits(extract_rows(text)) == [expected]


def test_the_leaders_own_visit_still_refers_back():
    text = ("Led by President Omar Haddad, a delegation of the University of Jordan visited Sichuan University on 3 "
            "June. President Omar Haddad said his visit to the National Museum was fruitful.")
    assert visits(extract_rows(text)) == [("Omar Haddad", "University of Jordan", "Sichuan University")]
