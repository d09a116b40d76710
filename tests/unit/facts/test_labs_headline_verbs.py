"""A setting-up verb in a headline beside a lab's name ("Peru And Korea Set Up Glacier Research Center", "Joint
Laboratory for X Launched", "Acme Biotech launches joint laboratory ..."): the verb ends the name's run of words, and
what stands before it (the founders, the subject) is no part of the name."""
from __future__ import annotations

import pytest

from tests.unit.fact_rows import extract_rows


def _labs(text: str) -> list[tuple[str, str]]:
    return sorted((lab["name"], lab["status"]) for lab in extract_rows(text)["labs"])


@pytest.mark.parametrize("text, name", [
    ("Peru And Korea Set Up Glacier Research Center", "Glacier Research Center"),
    ("Ghana Sets Up Cocoa Genetics Research Centre", "Cocoa Genetics Research Centre"),
    ("Lund University Opens Marine Robotics Joint Laboratory", "Marine Robotics Joint Laboratory"),
    ("Chile Inaugurates Southern Sky Research Center", "Southern Sky Research Center"),
    ("Tartu Launches Estonian-Chinese Soil Health Joint Lab", "Estonian-Chinese Soil Health Joint Lab"),
])
def test_a_verb_before_the_head_opens_the_name_after_it(text, name):
    assert [lab[0] for lab in _labs(text)] == [name]


@pytest.mark.parametrize("text, name", [
    ("Joint Research Centre for Coastal Ecology Established", "Joint Research Centre for Coastal Ecology"),
    ("Joint Laboratory of Quantum Sensing Launched in Hefei", "Joint Laboratory of Quantum Sensing"),
    ("Sino-Polish Joint Laboratory for Mining Safety Unveiled", "Sino-Polish Joint Laboratory for Mining Safety"),
])
def test_a_verb_after_the_topic_ends_the_name(text, name):
    assert _labs(text) == [(name, "established")]


@pytest.mark.parametrize("text, name", [
    ("Acme Biotech launches joint laboratory training centre with Kenyan university.", None),
    ("Rotterdam port authority opens joint laboratory for container logistics with Tianjin.",
     "joint laboratory for container logistics"),
    ("The province creates research station for alpine grassland ecology with Lanzhou University.",
     "research station for alpine grassland ecology"),
])
def test_a_present_verb_is_not_a_modifier_of_a_lower_case_head(text, name):
    assert [lab[0] for lab in _labs(text)] == ([name] if name else [])


@pytest.mark.parametrize("text, name", [
    ("The Xinjiang Built Environment Research Centre was inaugurated on Monday.",
     "Xinjiang Built Environment Research Centre"),
    ("Tongji University and Aalto University opened the Green Building Joint Laboratory on Monday.",
     "Green Building Joint Laboratory"),
    ("The Satellite Launch Joint Laboratory was inaugurated on Monday.", "Satellite Launch Joint Laboratory"),
])
def test_words_that_are_no_finite_verb_stay_in_the_name(text, name):
    assert _labs(text) == [(name, "established")]
