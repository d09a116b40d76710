"""A person's full name, read once with a title, written again with no title ("Counsellor of the embassy Eitan Neubauer
said ...; the mayor met with Eitan Neubauer"), is that person again: a name no list of given names or surnames holds
is read by its title only. Not where the words are part of a longer capitalised name, or another entity holds them.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import recognised


def person_spans(text: str) -> list[tuple[str, str]]:
    """(surface, full name) of every person mention, in the order of the text."""
    ents = recognised(text)
    return [(m.surface, ents.people[m.entity_id].full_name) for m in ents.mentions if m.entity_type == "person"]


@pytest.mark.parametrize("text, again", [
    ("Counsellor of the Embassy of Peru Tadeo Quispe spoke first. The mayor met with Tadeo Quispe on Monday.",
     "Tadeo Quispe"),
    ("Rector of Lakeside University Oskar Lindqvist arrived. The governor welcomed Oskar Lindqvist's visit.",
     "Oskar Lindqvist"),
    ("Director Haruto Kanemoto opened the fair. Later, the dean thanked Haruto Kanemoto and his staff.",
     "Haruto Kanemoto"),
    # the name written again before the title that introduced it
    ("Talks with Brannagh Okafor went well, said Minister of Trade Brannagh Okafor.", "Brannagh Okafor"),
    # opening a sentence after one that ends in a capitalised word, or on a line of its own
    ("Counsellor Tadeo Quispe spoke. He toured Lakeside University. Tadeo Quispe said it went well.", "Tadeo Quispe"),
    ("Counsellor Tadeo Quispe spoke.\n\nGuests\nTadeo Quispe\nLakeside", "Tadeo Quispe"),
])
def test_a_full_name_written_again_without_its_title_is_that_person(text, again):
    spans = person_spans(text)
    assert (again, again) in spans
    assert {name for _, name in spans} == {again}


@pytest.mark.parametrize("text", [
    # part of a longer name: a body's, or a longer person's name
    "Counsellor Tadeo Quispe spoke first. The Tadeo Quispe Foundation paid for the trip.",
    "Counsellor Tadeo Quispe spoke first. Later Maria Tadeo Quispe spoke.",
])
def test_a_name_inside_a_longer_capitalised_name_is_not_the_person_again(text):
    spans = person_spans(text)
    assert spans[0] == ("Counsellor Tadeo Quispe", "Tadeo Quispe")
    assert ("Tadeo Quispe", "Tadeo Quispe") not in spans
