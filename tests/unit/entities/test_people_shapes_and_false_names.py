"""Names known by their order or a telling family name ("Weijie Zhao": a pinyin given name first; "Aoife
O’Brien"), a plural's possessive that ends a name ("President Higgins’ visit"), and capitalised phrases that look
like an apposition but name no person (a place's name before "the ...", a word of a title after a comma)."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import people_names, recognised


@pytest.mark.parametrize("text, person", [
    ("Weiming Guo, Notes on lab culture, Science Weekly, Volume 3", "Weiming Guo"),
    ("The samples were analysed by Xiaohong Sun and the team.", "Xiaohong Sun"),
    ("Aoife O’Brien took up the post in 2019.", "Aoife O’Brien"),
    ("The prize went to Nuala McGregor last year.", "Nuala McGregor"),
])
def test_a_name_known_by_its_order_or_its_family_name(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "The exhibition in Shenzhen Tang Dynasty hall opened.",
    "Teams from Tianjin Wu and others met.",
])
def test_a_place_before_a_family_name_is_no_given_name(text):
    assert not any(" " in p and p.split()[0] in ("Shenzhen", "Tianjin") for p in people_names(recognised(text)))


@pytest.mark.parametrize("text, person", [
    ("The university signed a deal during President Peters’ State Visit to China.", "Peters"),
    ("It was the highlight of Professor Evans’ Research Week.", "Evans"),
])
def test_a_plural_possessive_ends_the_name(text, person):
    assert people_names(recognised(text)) == {person}


@pytest.mark.parametrize("text", [
    "WUHAN - Optics Valley City, the largest cluster of its kind, keeps growing.",
    "The plan serves the Belt and Road Science, Technology and Innovation Action Plan.",
    "They adopted the Digital Silk Road Programme, Technology and Science Cooperation Plan.",
])
def test_a_capitalised_phrase_before_a_comma_names_no_person(text):
    assert people_names(recognised(text)) == set()


@pytest.mark.parametrize("text", [
    "Wang Fang (Science Consul for the Consul General PR China in Perth) attended.",
    "The letter was signed by the Ambassador P.R. China to Peru.",
    "Greetings came from Ambassador New Zealand at the reception.",
])
def test_a_title_before_a_place_s_name_names_no_person(text):
    assert not people_names(recognised(text)) - {"Wang Fang"}
