"""A name after "by" that ends its line is a byline's person, when the word before "by" is an author's ("Story
by", "Edited by:", `byline_verbs`) or a date's: a sentence would end with a full stop. Words that name a body
("Science Park"), a sponsor's or host's "by" ("Funded by Horizon Europe") or a post are no person."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, people", [
    ("Story by Tendai Moyo\n\nKenya and China signed three agreements.", {"Tendai Moyo"}),
    ("Edited by: Lucy Harper\n\nDate: May 3, 2019", {"Lucy Harper"}),
    ("March 2, 2016 by Oskar Lindqvist\n\nThe company announced a joint lab.", {"Oskar Lindqvist"}),
    ("Translated by: Kwame Asante\nThe delegation arrived on Monday.", {"Kwame Asante"}),
    # no byline
    ("The memorandum was signed by Tendai Moyo.", set()),  # a sentence: its full stop
    ("Open day hosted by Science Park\nThe lab opened.", set()),
    ("Visit led by Ghana Minister\nThe talks went well.", set()),
    ("The lab is run by Tendai Moyo Foundation staff.", set()),
    # a sponsor's or host's "by": a body the recognisers did not know, no author
    ("Funded by Horizon Europe\nThe lab opened.", set()),
    ("The forum was hosted by Nairobi County\nThe talks went well.", set()),
    ("Organised by Sino Africa\nThe talks went well.", set()),
])
def test_a_name_after_by_ending_its_line_is_a_person(text, people):
    assert people_names(recognised(text)) == people
