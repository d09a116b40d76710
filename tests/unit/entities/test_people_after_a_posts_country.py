"""A name given name first right after the country that ends a post without a comma is a person's (issue 15): "the
ambassador to Peru Helen Carter", "the consul general of Chile Anna Berg". A country after "in" says where, and a
capitalised word that is no country still runs into the name.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import people_names, recognised


def test_a_capitalised_word_that_is_no_country_runs_into_the_name():
    assert people_names(recognised("The gift came from the Lotus Anna Foundation last year.")) == set()


# the sentence -> the people it names
_POSTS = {
    "The mission was joined by Ireland's ambassador to Peru Helen Carter on Monday.": {"Helen Carter"},
    "According to the French ambassador to China Sophie Marchand, the lab will open in May.": {"Sophie Marchand"},
    "The talks were chaired by the consul general of Chile Pablo Herrera and two deans.": {"Pablo Herrera"},
    "Wang Lei met the ambassador of Kenya Margaret Otieno at the campus.": {"Wang Lei", "Margaret Otieno"},
}


@pytest.mark.parametrize("text", _POSTS)
def test_a_name_after_the_country_of_a_post_is_a_person(text):
    assert people_names(recognised(text)) == _POSTS[text]
