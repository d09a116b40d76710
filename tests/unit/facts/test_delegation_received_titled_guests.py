"""A visitor named as the object of a receiving verb ("hosted", "welcomed", "received", "greeted"), with a title
before the name ("the Rector of X, Dr. Y", "the Kenyan Ambassador to China, Mr. Y", "the visiting President of X Y")
or after it ("Dr. Y, Rector of X"); the receiver is a body or a person acting for one. Sentences written for these
tests."""
import pytest

from tests.unit.fact_rows import extract_rows, visits

RECEIVED = [
    # a body receives; the title before the name says where the visitor is from
    ("Nankai University recently hosted the Rector of Lakeside University, Dr. Anna Berg, and her team.",
     ("Anna Berg", "Lakeside University", "Nankai University")),
    ("The University of Ghana welcomed the Ambassador of Kenya to Ghana, Mr. John Otieno, on 3 May.",
     ("John Otieno", "Government of Kenya", "University of Ghana")),
    # an envoy's people, not the country of the posting
    ("Nankai University recently hosted the Kenyan Ambassador to China, Mr. John Otieno, accompanied by officials.",
     ("John Otieno", "Kenya", "Nankai University")),
    ("The Ministry of Education of Ghana welcomed the Chinese Ambassador to Ghana, Mr. Li Ming, on 3 May.",
     ("Li Ming", "China", "Ministry of Education of Ghana")),
    # the title after the name
    ("Nankai University hosted Dr. Anna Berg, Rector of Lakeside University, on Monday.",
     ("Anna Berg", "Lakeside University", "Nankai University")),
    # a person receives for their body; "visiting" before the title
    ("Li Ming, President of Nankai University, welcomed the visiting President of Lakeside University Anna Berg on "
     "Monday.", ("Anna Berg", "Lakeside University", "Nankai University")),
    ("Li Ming, President of Nankai University, received Professor Anna Berg, Vice Rector of the University of Porto, "
     "in his office.", ("Anna Berg", "University of Porto", "Nankai University")),
]


@pytest.mark.parametrize("text, visit", RECEIVED)
def test_the_titled_object_of_a_receiving_verb_is_the_visitor(text, visit):
    assert visits(extract_rows(text)) == [visit]


@pytest.mark.parametrize("text", [
    # the receiver's own people are no visitors
    "Lakeside University welcomed Anna Berg, its new president.",
    "Li Ming, President of Nankai University, welcomed Professor Wang Bo, Dean of Nankai University, to the meeting.",
    # the passive turns the roles round, and who welcomes is not told as a body
    "Li Ming was welcomed by Anna Berg at the ceremony.",
])
def test_no_visit_without_a_visitor_from_elsewhere(text):
    assert visits(extract_rows(text)) == []
