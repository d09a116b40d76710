"""A name that opens with a place of a country and goes on to its head, then "of" that country ("Fujian Medical
University of China"), is the body's own name and where it is; names the reference data knows in that form ("Renmin
University of China", "Technical University of Denmark"), names of generic words and a place of another country keep
it."""
from __future__ import annotations

import pytest

from tests.unit.entity_rows import org_names, recognised


@pytest.mark.parametrize("text, names", [
    ("A delegation from Fujian Medical University of China visited the campus. Fujian Medical University signed.",
     {"Fujian Medical University"}),
    ("Delegates of Hanoi Medical University of Vietnam and Kunming Medical University of China attended.",
     {"Hanoi Medical University", "Kunming Medical University"}),
    ("Researchers of the Mombasa Marine Institute of Kenya joined the cruise.", {"Mombasa Marine Institute"}),
    ("Researchers of the Mombasa Institute of Marine Science of Kenya joined.", {"Mombasa Institute of Marine Science"}),
])
def test_a_country_after_a_place_named_body_is_no_part_of_its_name(text, names):
    assert org_names(recognised(text)) == names


@pytest.mark.parametrize("text, name", [
    ("Renmin University of China hosted the forum.", "Renmin University of China"),
    ("The Technical University of Denmark hosted the forum.", "Technical University of Denmark"),
    ("The National University of Lesotho hosted the forum.", "National University of Lesotho"),
    ("The Mombasa Marine Institute of Vietnam hosted the forum.", "Mombasa Marine Institute of Vietnam"),
])
def test_a_name_known_or_generic_keeps_its_country(text, name):
    assert name in org_names(recognised(text))
