"""A delegation that "was received", "was welcomed" or "was hosted": its host follows the verb, as the body of the
receiver ("by the Vice-Rector of X") or the place of the reception ("at X", "in the Senate Hall of X"). Sentences
written for these tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits

RECEPTIONS = [
    ("On 12 April, a delegation from Lakeside University, led by President Anna Berg, was received in the Senate Hall "
     "of the Rectory of the University of Porto by the Vice-Rector.",
     ("Anna Berg", "Lakeside University", "University of Porto")),
    ("A delegation from Lakeside University, led by President Anna Berg, was received at the University of Porto by "
     "the Vice-Rector for External Relations.", ("Anna Berg", "Lakeside University", "University of Porto")),
    ("A delegation from the Yunnan Academy of Sciences was received by Professor Maria Costa, Deputy Rector for "
     "Research, at the University of Lisbon.", (None, "Yunnan Academy of Sciences", "University of Lisbon")),
    ("A delegation from the Yunnan Academy of Sciences was hosted by the Ministry of Science and Technology of Peru.",
     (None, "Yunnan Academy of Sciences", "Ministry of Science and Technology of Peru")),
    ("The Harbour Institute delegation, headed by Dr Omar Haddad, was warmly welcomed at Nankai University on Monday.",
     ("Omar Haddad", "Harbour Institute", "Nankai University")),
]


@pytest.mark.parametrize("text, visit", RECEPTIONS)
def test_the_host_of_a_received_delegation_follows_the_verb(text, visit):
    assert visits(extract_rows(text)) == [visit]


@pytest.mark.parametrize("text, visit", [
    # the visitors' own body after the verb is not their host
    ("A delegation from Lakeside University was received by Anna Berg, Vice President of Lakeside University.",
     (None, "Lakeside University", None)),
    # a host named as the object of the visit stays the host
    ("A delegation from Lakeside University visited Nankai University and was received by the Ministry of Education.",
     (None, "Lakeside University", "Nankai University")),
])
def test_the_reception_does_not_replace_the_visitors_or_the_visited(text, visit):
    assert visits(extract_rows(text)) == [visit]
