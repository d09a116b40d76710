"""A name with an object ("Institute for ...", "Centre of ...") goes on over "in" when a field follows ("in Health",
"in Education and Training"), and stops there when a place does (organisations.topics_after_in)."""
import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, name", [
    ("The lab is run with the Institute for Studies and Innovation in Health of Braga.",
     "Institute for Studies and Innovation in Health"),
    ("It was organised by the Danish Centre for International Exchange in Education (DCIE) in May.",
     "Danish Centre for International Exchange in Education"),
    ("The Council for Cooperation in Agriculture and Fisheries met in Suva.", "Council for Cooperation in Agriculture and Fisheries"),
    ("The Institute of Physics in Beijing signed.", "Institute of Physics"),
    ("He studied at the Institute for Advanced Study in Princeton.", "Institute for Advanced Study"),
])
def test_a_field_after_in_is_part_of_the_name(text, name):
    assert name in org_names(recognised(text))


def test_a_name_without_an_object_stops_at_in():
    assert org_names(recognised("Fudan University in Health News was praised.")) == {"Fudan University"}


@pytest.mark.parametrize("text, name", [
    ("The Department of Geography in Engineering Building signed an agreement with Cairo University.",
     "Department of Geography"),
    ("The Faculty of Law in Science and Technology Park hosted the talks.", "Faculty of Law"),
])
def test_a_field_word_opening_a_place_s_name_is_not_the_remit(text, name):
    assert name in org_names(recognised(text))
