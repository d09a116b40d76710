"""Names that carry a patron's name in quotes after a leading head ('Universidad Central "Marta Abreu" de Las
Villas'): the quotes and what follows them are part of the name."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, people_names, recognised


@pytest.mark.parametrize("text, name", [
    ("The delegation visited Universidad Central “Marta Abreu” de Las Villas and met its rector.",
     "Universidad Central “Marta Abreu” de Las Villas"),
    ('They signed with Universidade Federal "Joao Pessoa" do Sul in May.', 'Universidade Federal "Joao Pessoa" do Sul'),
    ("A team from Universidad Tecnológica “José Antonio Echeverría” joined.",
     "Universidad Tecnológica “José Antonio Echeverría”"),
])
def test_a_quoted_patron_inside_a_name_that_opens_with_its_head_is_part_of_it(text, name):
    ents = recognised(text)
    assert name in org_names(ents)
    assert people_names(ents) == set()  # the patron is no person of the text


@pytest.mark.parametrize("text, name", [
    ("Universidad Nacional “ said the dean.", "Universidad Nacional"),  # a quote opens and nothing follows
    ('Tsinghua University "Pioneer" award went to the team.', "Tsinghua University"),  # no leading head
])
def test_a_quote_with_no_name_in_it_ends_the_name(text, name):
    assert org_names(recognised(text)) == {name}
