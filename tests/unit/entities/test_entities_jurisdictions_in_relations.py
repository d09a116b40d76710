"""Jurisdictions that are the parties of a relation, and two that "to <verb>" in a headline (issue 15): the places
after "ties between", "relations between", "a sister-province relationship with" act through their governments, as
do "Kenya and Peru to expand ..."; places after "flights between" or "travelled from" stay places.

Every sentence here is written for these tests.
"""
import pytest

from tests.unit.entity_rows import org_mentions, recognised


def _governments(text):
    return {(surface, name) for surface, *_, name in org_mentions(recognised(text))}


@pytest.mark.parametrize("text, expected", [
    ("The diplomatic relations between Peru and Mongolia turned 50 this year.",
     {("Peru", "Government of Peru"), ("Mongolia", "Government of Mongolia")}),
    ("Officials praised the friendly ties between Yunnan and Laos.",
     {("Yunnan", "Yunnan Provincial Government"), ("Laos", "Government of Laos")}),
    ("Cooperation between Chile, Hubei and Vietnam has grown.",
     {("Chile", "Government of Chile"), ("Hubei", "Hubei Provincial Government"),
      ("Vietnam", "Government of Vietnam")}),
    ("In 2011 Anhui built a sister-province relationship with Queensland, Australia.",
     {("Queensland", "Queensland")}),
    ("It deepens the partnership with Ghana.", {("Ghana", "Government of Ghana")}),
])
def test_the_places_a_relation_is_between_are_its_parties(text, expected):
    assert _governments(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kenya and Peru to expand academic exchange", {("Kenya", "Government of Kenya"), ("Peru", "Government of Peru")}),
    ("Ghana, Hunan to deepen farming ties", {("Ghana", "Government of Ghana"), ("Hunan", "Hunan Provincial Government")}),
])
def test_two_jurisdictions_to_do_something_in_a_headline_act(text, expected):
    assert _governments(text) == expected


@pytest.mark.parametrize("text, where", [
    ("Flights between Chengdu and Wuhan resumed in May.", "Flights between"),
    ("Students travelled from Kenya and Uganda to study in Hefei.", "travelled from"),
    ("Scientists in Kenya and Uganda to the north met.", "in"),
    ("Exports from Peru and Chile to the region grew.", "from"),
    ("Cooperation with Ghana grew last year.", "with one place"),  # where the work is, as often as who
])
def test_places_that_say_where_stay_places(text, where):
    assert _governments(text) == set(), where
